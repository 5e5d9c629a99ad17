/**
 * A rootless engine: "host" is RootlessKit's child process (its namespaces), found through the
 * child_pid file in RootlessKit's state directory. Fixture tree: test/fixtures/rootless, where
 * RootlessKit's child is PID 4711 and a --network host container (PID 5630) shares its net
 * namespace (the ns files stand in for nsfs: same file, same inode).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { introspectContainer, type HostContext } from '../../src/core/introspect';
import { fact, isFact, isUnavailable, unavailable, type HostAnatomy } from '../../src/core/model';
import { readCgroupLayout } from '../../src/core/procfs/cgroup';
import { readNamespaces } from '../../src/core/procfs/ns';
import { isRootlessEngine, stateDirCandidates, useRootlessKitHost } from '../../src/core/rootless';
import { hostOf } from '../fixtures/snapshot';
import { IDS, PIDS, scenario } from './procfs/fixtures';

const f = scenario('rootless');
const SOCKET = 'unix:///run/user/1000/docker.sock';
const ino = (p: string): number => fs.statSync(path.join(f.proc, p)).ino;

async function thisProcessHost(endpoint = SOCKET): Promise<HostAnatomy> {
  const h = hostOf();
  const self = await readNamespaces(f.proc, 'self');
  const namespaces = Object.fromEntries(Object.entries(h.namespaces).map(([t, ns]) => [t, { ...ns, inode: self[t as keyof typeof self] }])) as HostAnatomy['namespaces'];
  return { ...h, namespaces, engine: { ...h.engine, endpoint } };
}

async function hostNetworkContainer(host: HostAnatomy) {
  const layout = await readCgroupLayout(f.proc, f.root);
  const ctx: HostContext = {
    roots: { procRoot: f.proc, sysRoot: f.sys, fsRoot: f.root },
    notLocal: null,
    host,
    layout,
    hostLinks: unavailable('not read in this test'),
    networks: new Map(),
    names: new Map(),
    listed: new Map(),
    running: new Set([IDS.rootless]),
  };
  const raw = { Id: IDS.rootless, Name: '/hostnet', State: { Status: 'running', Running: true, Pid: PIDS.rootless }, HostConfig: { NetworkMode: 'host' }, Config: { Hostname: 'debian' } };
  return introspectContainer(raw, ctx);
}

describe('rootless engine: "host" is RootlessKit', () => {
  it('is detected from name=rootless in /info SecurityOptions', () => {
    assert.equal(isRootlessEngine(['name=seccomp,profile=default', 'name=rootless']), true);
    assert.equal(isRootlessEngine(['name=seccomp,profile=default', 'name=cgroupns']), false);
    assert.equal(isRootlessEngine(undefined), false);
  });

  it('looks for the state directory beside the socket, then in XDG_RUNTIME_DIR, an explicit one first', () => {
    assert.deepEqual(stateDirCandidates(SOCKET, { XDG_RUNTIME_DIR: '/run/user/1000', DOCKERD_ROOTLESS_ROOTLESSKIT_STATE_DIR: '/tmp/rk' }), ['/tmp/rk', '/run/user/1000/dockerd-rootless']);
  });

  it("takes RootlessKit's child's namespaces as the host's and says so", async () => {
    const host = await useRootlessKitHost(await thisProcessHost(), f.proc, f.root, {});
    assert.deepEqual(host.namespaces.net.inode, fact(ino('4711/ns/net'), 'procfs'));
    assert.notEqual(ino('4711/ns/net'), ino('self/ns/net'));
    const of = host.engine.rootless?.hostNamespacesOf;
    assert.ok(isFact(of) && of.value.pid === 4711 && /RootlessKit/.test(of.value.what), JSON.stringify(of));
  });

  it('a --network host container shares the host network namespace (RootlessKit\'s), not an "own" one', async () => {
    const asThisProcess = await hostNetworkContainer(await thisProcessHost());
    assert.deepEqual(asThisProcess.namespaces.net.sharedWithHost, fact(false, 'procfs'), 'compared with this process it would look like its own');
    const c = await hostNetworkContainer(await useRootlessKitHost(await thisProcessHost(), f.proc, f.root, {}));
    assert.deepEqual(c.namespaces.net.sharedWithHost, fact(true, 'procfs'));
    assert.deepEqual(c.namespaces.uts.sharedWithHost, fact(false, 'procfs'));
  });

  it("without RootlessKit's child PID gives no verdict against the host, and says why", async () => {
    const host = await useRootlessKitHost(await thisProcessHost('unix:///run/user/2000/docker.sock'), f.proc, f.root, {});
    assert.ok(isUnavailable(host.namespaces.net.inode));
    const c = await hostNetworkContainer(host);
    const v = c.namespaces.net.sharedWithHost;
    assert.ok(isUnavailable(v), JSON.stringify(v));
    assert.match(v.unavailable, /RootlessKit's net namespace is unreadable: the engine is rootless, so "host" means RootlessKit's namespaces/);
    assert.match(v.unavailable, /DOCKERD_ROOTLESS_ROOTLESSKIT_STATE_DIR/);
  });
});
