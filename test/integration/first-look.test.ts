/**
 * The first look against the real engine: the live service shows every listed container
 * (as "being read") as soon as the engine's list is in, before it has read the host side or any
 * container's anatomy, then fills each in and ends with the same model a full snapshot gives.
 */
import * as assert from 'node:assert/strict';
import { createAnatomyService } from '../../src/core/anatomy-service';
import { valueOf, type ContainerAnatomy, type HostAnatomy } from '../../src/core/model';
import type { AnatomyService } from '../../src/core/service';
import { HOST_PENDING, NOT_READ_YET } from '../../src/core/unread';
import { docker, inspect, TestSuite, waitFor } from './support/docker';
import { assertSameContainers, freshSnapshot } from './support/same-model';

const SOCKET = 'unix:///var/run/docker.sock';

describe('live anatomy service: the first look', function () {
  const suite = new TestSuite('first-look').hooks();
  const mine = new Set<string>();
  let service: AnatomyService | undefined;
  after(() => service?.dispose());

  before(async function () {
    this.timeout(60000);
    const net = await suite.createNetwork('net');
    for (const [name, hostConfig, start] of [
      ['plain', {}, true],
      ['on-net', { NetworkMode: net.name }, true],
      ['limited', { Memory: 64 * 1024 * 1024 }, true],
      ['stopped', {}, false],
    ] as const) {
      mine.add((await suite.createContainer({ name, hostConfig, start })).id);
    }
  });

  it('lists every container before reading any, then converges to a full snapshot', async function () {
    this.timeout(120000);
    const s = createAnatomyService({ host: SOCKET });
    service = s;
    /** The model as it was at the first change that had containers in it. */
    let first: ContainerAnatomy[] | undefined;
    let hostReadFirst: boolean | undefined;
    let hostThen: HostAnatomy | undefined;
    s.onDidChange(() => {
      const snap = s.snapshot();
      if (!first && snap.containers.length) {
        first = snap.containers.map((c) => structuredClone(c));
        hostReadFirst = s.host() !== undefined;
        hostThen = structuredClone(snap.host);
      }
    });
    await s.start();
    assert.equal(s.status.kind, 'ready', JSON.stringify(s.status));
    assert.ok(first, 'the service told of containers');

    // From the list alone: the host side (its namespaces, cgroup layout, bridges) was not waited for.
    assert.equal(hostReadFirst, false, 'the rows came before the host side was read');
    // What the engine's /version said is known then (the engine row names it); the host's facts say they are being read.
    assert.equal(hostThen?.engine.serverVersion, (await docker.version()).Version, 'the engine version from /version');
    assert.equal(hostThen?.engine.endpoint, SOCKET);
    assert.deepEqual(hostThen?.namespaces.net.inode, { unavailable: HOST_PENDING });
    // Before any read: all the engine listed, none of them read, none of them failed.
    for (const id of mine) assert.ok(first.some((c) => c.id === id), `${id.slice(0, 12)} listed at once`);
    for (const c of first) {
      assert.equal(c.reading, true, `${c.name} is marked as being read`);
      assert.equal(c.readAt, null, `${c.name} has no read time yet`);
      assert.equal(c.readFailure, undefined, `${c.name} is not marked as failed`);
      assert.deepEqual(c.namespaces.net.inode, { unavailable: NOT_READ_YET });
    }
    // What the list says is the engine's own: name, state, and the address on each network.
    for (const c of first.filter((x) => mine.has(x.id))) {
      const raw = await inspect(c.id);
      assert.equal(c.name, raw.Name.replace(/^\//, ''));
      assert.equal(c.state, raw.State.Status);
      const nets = raw.NetworkSettings.Networks;
      assert.deepEqual(c.networks.map((n) => n.name).sort(), Object.keys(nets).sort());
      for (const n of c.networks) assert.equal(valueOf(n.ipAddress, ''), nets[n.name]?.IPAddress ?? '', `${c.name} on ${n.name}`);
    }

    // Converged: nothing left being read, and this suite's containers as a fresh snapshot has them.
    assert.ok(await waitFor(() => !s.snapshot().containers.some((c) => c.reading), 30000), 'every container was read');
    const fresh = await freshSnapshot(SOCKET);
    assertSameContainers(s.snapshot().containers, fresh.containers, (c) => mine.has(c.id), 'after the first look');
  });

  it('a container asked for while the rest are being read is read and stays read', async function () {
    this.timeout(120000);
    service?.dispose();
    const s = createAnatomyService({ host: SOCKET });
    service = s;
    const target = [...mine][0];
    let asked: Promise<ContainerAnatomy | undefined> | undefined;
    s.onDidChange(() => {
      // As an expanded row does: ask for it as soon as it is listed.
      if (!asked && s.container(target)?.reading) asked = s.refreshContainer(target);
    });
    await s.start();
    assert.ok(asked, 'the container was listed before it was read');
    const read = await asked;
    assert.ok(read && !read.reading && read.readAt !== null, 'the asked-for read ended with the anatomy');
    assert.ok(await waitFor(() => !s.snapshot().containers.some((c) => c.reading), 30000), 'every container was read');
    assert.equal(s.container(target)?.reading, undefined);
    assert.equal(typeof valueOf(s.container(target)!.namespaces.net.inode, 0), 'number');
  });
});
