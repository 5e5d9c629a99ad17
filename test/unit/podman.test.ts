/**
 * Podman's answers (captured from Podman 4.3.1's compat service into test/fixtures/podman)
 * shaped into the model's terms: detection from /version, bridges from its own network
 * list, endpoints and container:<id> attachments as dockerd gives them, and bridges that
 * netavark has not made yet. The real service is read in test/integration/podman.test.ts.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type * as http from 'node:http';
import * as path from 'node:path';
import { connectEngine, engineKindOf, type Engine } from '../../src/core/engine/connection';
import { hostBridges } from '../../src/core/introspect/host';
import { bridgeName } from '../../src/core/introspect/network';
import { BRIDGE_UNKNOWN, normalisePodmanInspect, podmanNetworks } from '../../src/core/introspect/podman';
import { fact, type HostAnatomy, type Snapshot } from '../../src/core/model';
import type { LinkInfo } from '../../src/core/procfs/net';
import { containerRow, engineLabel, engineRow, plainTranslate } from '../../src/tree/rows';
import { listedContainer } from '../../src/core/unread';
import { close, fakeEngineServer, listen, tempDir, unixChoice } from './engine/helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw Engine API JSON */
const FIX = path.join(__dirname, '..', 'fixtures', 'podman');
const load = (name: string): any => JSON.parse(readFileSync(path.join(FIX, `${name}.json`), 'utf8'));

const version = load('version');
const compat: any[] = load('networks');
const libpod: any[] = load('libpod-networks');
const testNet = libpod.find((n) => n.name !== 'podman');

function podmanEngine(list: () => Promise<any[]>): Engine {
  return { kind: 'podman', libpodVersion: '4.3.1', listLibpodNetworks: list } as unknown as Engine;
}

describe('Podman read into the model', () => {
  it('tells Podman from dockerd by the "Podman Engine" component of /version', () => {
    assert.deepEqual(engineKindOf(version), { kind: 'podman', libpodVersion: '4.3.1' });
    assert.deepEqual(engineKindOf(load('docker-version')), { kind: 'docker', libpodVersion: null });
    assert.deepEqual(engineKindOf({ ApiVersion: '1.41' }), { kind: 'docker', libpodVersion: null });
  });

  it('asks Podman for its networks under its own version, not the Docker API version', async function () {
    this.timeout(10000);
    const tmp = tempDir('podman');
    const sock = path.join(tmp.dir, 'podman.sock');
    const paths: string[] = [];
    const server: http.Server = fakeEngineServer(version, (req, res) => {
      paths.push(req.url ?? '');
      if (req.url !== '/v4.3.1/libpod/networks/json') return false;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(libpod));
      return true;
    });
    await listen(server, sock);
    try {
      const engine = await connectEngine(unixChoice(sock));
      assert.equal(engine.kind, 'podman');
      assert.equal(engine.apiVersion, '1.41');
      assert.deepEqual(await engine.listLibpodNetworks(), libpod);
      assert.deepEqual(paths, ['/v4.3.1/libpod/networks/json']);
      engine.dispose();
    } finally {
      await close(server);
      tmp.cleanup();
    }
  });

  it("names each network's bridge from Podman's list (podman0 for the default, not docker0) and its Podman name", async () => {
    const nets = await podmanNetworks(podmanEngine(async () => libpod), compat);
    assert.equal(compat.find((n) => n.Id === libpod.find((l) => l.name === 'podman').id).Name, 'bridge', 'the compat list calls the default network bridge');
    const def = nets.find((n) => n.Id === libpod.find((l) => l.name === 'podman').id);
    assert.equal(def.Name, 'podman');
    assert.equal(bridgeName(def), 'podman0');
    const ours = nets.find((n) => n.Id === testNet.id);
    assert.equal(bridgeName(ours), testNet.network_interface);
    assert.equal(bridgeName(compat.find((n) => n.Id === testNet.id)), `br-${testNet.id.slice(0, 12)}`, 'what the Docker rule would have guessed');
  });

  it('says the bridge is unknown (never guesses br-<id>) when Podman\'s list cannot be read', async () => {
    const nets = await podmanNetworks(podmanEngine(async () => Promise.reject(new Error('timed out'))), compat);
    for (const n of nets) {
      assert.equal(bridgeName(n), null);
      assert.match(String(n[BRIDGE_UNKNOWN]), /GET \/libpod\/networks\/json, which could not be read: timed out/);
    }
  });

  it('gives endpoints the network id, and a container:<id> container no attachment of its own', async () => {
    const nets = await podmanNetworks(podmanEngine(async () => libpod), compat);
    const byId = new Map(nets.map((n) => [n.Id, n]));
    const limited = load('inspect-limited');
    const joined = load('inspect-joined');
    assert.equal(limited.NetworkSettings.Networks[testNet.name].NetworkID, testNet.name, 'Podman gives the name');
    assert.equal(normalisePodmanInspect(limited, byId).NetworkSettings.Networks[testNet.name].NetworkID, testNet.id);
    assert.ok(joined.HostConfig.NetworkMode.startsWith('container:'));
    assert.deepEqual(Object.keys(joined.NetworkSettings.Networks), [testNet.name], "Podman lists the donor's network");
    assert.deepEqual(normalisePodmanInspect(joined, byId).NetworkSettings.Networks, {});
    const entry = load('containers').find((c: any) => c.Id === limited.Id);
    assert.equal(normalisePodmanInspect(entry, byId).NetworkSettings.Networks[testNet.name].NetworkID, testNet.id, 'the container list too');
  });

  it("lists a Podman network's bridge only while it exists (netavark makes it for the first container)", async () => {
    const nets = await podmanNetworks(podmanEngine(async () => libpod), compat);
    const link = (name: string, kind: LinkInfo['kind'], ifindex: number, master: string | null = null): LinkInfo => ({ name, ifindex, iflink: kind === 'veth' ? 2 : ifindex, master, kind });
    const links = [link('lo', 'loopback', 1), link(testNet.network_interface, 'bridge', 40), link('veth0', 'veth', 41, testNet.network_interface)];
    const bridges = hostBridges(new Map(nets.map((n) => [n.Id, n])), fact(links, 'procfs'), new Map());
    assert.ok('value' in bridges);
    assert.deepEqual(bridges.value.map((b) => [b.name, b.networkName, b.ports]), [[testNet.network_interface, testNet.name, ['veth0']]]);
  });

  it("explains Podman on a Podman container's row, not on a Docker one's", () => {
    const c = listedContainer(load('containers')[0]);
    const topics = (kind?: 'podman'): string[] => containerRow(c, plainTranslate, kind).tooltip.topics.map((x) => x.topic);
    assert.ok(topics('podman').includes('engine.podman'));
    assert.ok(!topics().includes('engine.podman'));
  });

  it('with several engines, a Podman engine\'s row names it and explains it', () => {
    const snap = (kind?: 'podman'): Snapshot => ({ schemaVersion: 1, takenAt: '', containers: [], host: { cgroup: { version: fact('v1', 'procfs') }, engine: { serverVersion: '4.3.1', kernelVersion: '', cgroupVersion: '1', ...(kind ? { kind } : {}) } } }) as unknown as Snapshot;
    const opts = { showStopped: true, groupByCompose: false, t: plainTranslate };
    const row = (kind?: 'podman') => engineRow({ key: 'unix:///p.sock', label: 'p', status: { kind: 'ready', endpoint: 'unix:///p.sock' }, snapshot: snap(kind) }, opts);
    assert.equal(row('podman').description, 'reachable · Podman 4.3.1 · cgroup v1 · 0 containers');
    assert.ok(row('podman').tooltip.topics.some((x) => x.topic === 'engine.podman'));
    assert.equal(row().description, 'reachable · cgroup v1 · 0 containers');
    assert.ok(!row().tooltip.topics.some((x) => x.topic === 'engine.podman'));
  });

  it('labels the tree with Podman and its version, and nothing for Docker', () => {
    const host = (kind?: 'podman'): HostAnatomy => ({ engine: { serverVersion: '4.3.1', ...(kind ? { kind } : {}) } }) as unknown as HostAnatomy;
    assert.equal(engineLabel(host('podman'), plainTranslate), 'Podman 4.3.1');
    assert.equal(engineLabel(host(), plainTranslate), undefined);
  });
});
