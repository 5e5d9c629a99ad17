/**
 * Trust under faults, against real engines through a proxy on a unix socket that fails,
 * hangs, resets or cuts chosen requests (bench/proxy.ts). After each fault the CLI's output
 * and the live model are compared with a fresh snapshot, and nothing may throw unhandled.
 *
 * The main engine is shared with other suites: here only requests are made to fail, never
 * the engine. Stopping and restarting dockerd and the event storm happen on a second dockerd
 * this suite starts itself (support/second-engine.ts).
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isEventStream, startCountingProxy, type CountingProxy, type ProxyRequest } from '../../bench/proxy';
import { createAnatomyService, type AnatomyServiceOptions } from '../../src/core/anatomy-service';
import type { ContainerAnatomy, Snapshot } from '../../src/core/model';
import type { AnatomyService } from '../../src/core/service';
import { REPO, cleanEnv, ensureCliBuilt, runCli } from './support/cli';
import { IMAGE, LABEL, RUN_ID, TestSuite, waitFor, type Created } from './support/docker';
import { assertSameContainers, freshSnapshot } from './support/same-model';
import { SecondEngine } from './support/second-engine';

const MAIN = 'unix:///var/run/docker.sock';
/** Generous: other suites may load the engine at the same time. */
const WITHIN_MS = 15000;

const inspectOf = (id: string) => (r: ProxyRequest): boolean => r.method === 'GET' && r.path === `/containers/${id}/json`;

/** Around each test: no fault left set on the proxy afterwards, and nothing rejected unhandled meanwhile. */
function eachTestClean(proxy: () => CountingProxy): void {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown): void => {
    seen.push(reason);
  };
  beforeEach(() => {
    seen.length = 0;
    process.on('unhandledRejection', onRejection);
  });
  afterEach(() => {
    proxy().fault = undefined;
    process.off('unhandledRejection', onRejection);
    assert.deepEqual(seen, [], 'nothing rejected unhandled');
  });
}

function liveService(endpoint: string, extra: AnatomyServiceOptions = {}): AnatomyService {
  return createAnatomyService({ host: endpoint, env: {}, homeDir: '/nonexistent', streamBackoffMs: [200, 500, 1000], onError: () => undefined, ...extra });
}

describe('faults: one request goes wrong on the main engine', function () {
  const suite = new TestSuite('faults').hooks();
  const ours = (c: ContainerAnatomy): boolean => c.labels[LABEL] === 'faults' && c.name.includes(RUN_ID);
  let proxy: CountingProxy;
  let a: Created;
  let b: Created;
  let c: Created;

  before(async function () {
    this.timeout(120000);
    ensureCliBuilt();
    proxy = await startCountingProxy(`/tmp/faults-${RUN_ID}-main.sock`);
    [a, b, c] = await Promise.all([suite.createContainer({ name: 'a' }), suite.createContainer({ name: 'b' }), suite.createContainer({ name: 'c', start: false })]);
  });
  after(async () => {
    await proxy?.close();
  });
  eachTestClean(() => proxy);

  async function cliAll(extra: string[] = []): Promise<{ code: number | null; snap: Snapshot; stderr: string }> {
    const r = await runCli(['--json', '--all', '-H', proxy.endpoint, ...extra], { env: cleanEnv() });
    assert.ok(r.stdout.trim().startsWith('{'), `the CLI printed JSON (exit ${r.code}): ${r.stderr}`);
    return { code: r.code, snap: JSON.parse(r.stdout) as Snapshot, stderr: r.stderr };
  }

  /** The CLI printed `victim` with a reason matching `why`, and every other container of ours as a fresh snapshot has it. */
  async function expectOneUnread(out: { code: number | null; snap: Snapshot; stderr: string }, victim: Created, why: RegExp): Promise<void> {
    assert.equal(out.code, 4, `exit 4: some containers could not be read (${out.stderr})`);
    const v = out.snap.containers.find((x) => x.id === victim.id);
    assert.ok(v, 'the container that could not be read is still listed');
    assert.equal(v.name, victim.name);
    assert.equal(v.readAt, null);
    assert.match(v.readFailure ?? '', why);
    assert.ok(out.stderr.includes(v.readFailure as string), 'the reason is on stderr too');
    const fresh = await freshSnapshot(MAIN);
    assertSameContainers(out.snap.containers, fresh.containers, (x) => ours(x) && x.id !== victim.id, 'CLI');
    assert.ok(out.snap.containers.filter(ours).length >= 2);
  }

  it('CLI --json --all: an inspect answered 500 marks that container; every other one is printed in full', async () => {
    proxy.fault = (r) => (inspectOf(a.id)(r) ? { kind: 'status', code: 500, message: 'injected: runc did not answer' } : undefined);
    await expectOneUnread(await cliAll(), a, /could not be read: The engine answered 500: injected: runc did not answer/);
  });

  it('CLI --json --all: a hanging inspect ends at the deadline (--timeout) and marks only that container', async () => {
    proxy.fault = (r) => (inspectOf(b.id)(r) ? { kind: 'hang' } : undefined);
    await expectOneUnread(await cliAll(['--timeout', '2']), b, /did not answer within 2 s/);
  });

  it('CLI --json --all: a connection reset on one inspect marks that container', async () => {
    proxy.fault = (r) => (inspectOf(a.id)(r) ? { kind: 'reset' } : undefined);
    await expectOneUnread(await cliAll(), a, /closed before the engine answered/);
  });

  it('CLI --json --all: a container removed between the list and its inspect is left out, not an error', async () => {
    const gone = await suite.createContainer({ name: 'gone', start: false });
    // Once: a client may ask again for an answer slow to come (the pipeline does after 250 ms).
    let removal: Promise<unknown> | undefined;
    proxy.fault = async (r) => {
      if (inspectOf(gone.id)(r)) await (removal ??= gone.container.remove({ force: true }));
      return undefined;
    };
    const out = await cliAll();
    assert.equal(out.code, 0, out.stderr);
    assert.ok(!out.snap.containers.some((x) => x.id === gone.id));
    assertSameContainers(out.snap.containers, (await freshSnapshot(MAIN)).containers, ours, 'CLI');
  });

  describe('the live service', () => {
    let service: AnatomyService;
    before(async function () {
      this.timeout(60000);
      service = liveService(proxy.endpoint, { timeoutMs: 2000 });
      await service.start();
      assert.equal(service.status.kind, 'ready', JSON.stringify(service.status));
    });
    after(() => service?.dispose());

    const seenUpdate = async (ids: string[], act: () => Promise<unknown>): Promise<void> => {
      const named = new Set<string>();
      const off = service.onDidChange((ch) => ch.updated.forEach((id) => named.add(id)));
      try {
        await act();
        assert.ok(await waitFor(() => ids.every((id) => named.has(id)), WITHIN_MS), `changes named ${ids.map((i) => i.slice(0, 12)).join(', ')}`);
      } finally {
        off();
      }
    };

    it('a re-read answered 500 marks that container and keeps its earlier facts; the next read clears it', async () => {
      const before = service.container(a.id);
      assert.ok(before?.readAt);
      proxy.fault = (r) => (inspectOf(a.id)(r) ? { kind: 'status', code: 500, message: 'injected failure' } : undefined);
      await seenUpdate([a.id, b.id], () => Promise.all([a.container.update({ CpuShares: 512 }), b.container.update({ CpuShares: 512 })]));
      const marked = service.container(a.id);
      assert.match(marked?.readFailure ?? '', /500: injected failure/);
      assert.equal(marked?.readAt, before.readAt, 'the facts are those of the earlier read, and say when it was');
      assert.equal(service.container(b.id)?.readFailure, undefined);
      assert.equal(service.status.kind, 'ready', 'one container failing is not an engine outage');
      proxy.fault = undefined;
      await service.refreshContainer(a.id);
      assertSameContainers(service.snapshot().containers, (await freshSnapshot(MAIN)).containers, ours, 'live model');
    });

    it('a hanging inspect holds only that container: another one is re-read meanwhile, then the hung one is marked', async () => {
      let hung = 0;
      proxy.fault = (r) => (inspectOf(a.id)(r) ? (hung++, { kind: 'hang' }) : undefined);
      const order: string[] = [];
      const off = service.onDidChange((ch) => {
        for (const id of ch.updated) if (id === a.id || id === b.id) order.push(id === a.id ? 'a' : 'b');
      });
      try {
        await Promise.all([a.container.update({ CpuShares: 256 }), b.container.update({ CpuShares: 256 })]);
        assert.ok(await waitFor(() => order.includes('a') && order.includes('b'), WITHIN_MS), `both re-reads ended: ${order.join(',')}`);
      } finally {
        off();
      }
      assert.ok(hung > 0, 'the inspect of a was held');
      assert.equal(order[0], 'b', 'b was not kept waiting behind the hung inspect of a');
      assert.match(service.container(a.id)?.readFailure ?? '', /did not answer within 2 s/);
      assert.equal(service.status.kind, 'ready');
      proxy.fault = undefined;
      await service.refreshContainer(a.id);
      assertSameContainers(service.snapshot().containers, (await freshSnapshot(MAIN)).containers, ours, 'live model');
    });

    it('a refresh of one container while paused reads it once and leaves the event stream off', async function () {
      this.timeout(60000);
      service.pause();
      assert.equal(service.status.kind, 'paused', 'paused, not "ready": hovers and views know the model is not followed');
      await b.container.update({ CpuShares: 768 });
      const mark = proxy.requests.length;
      const c1 = await service.refreshContainer(b.id);
      assert.equal(c1?.id, b.id);
      assert.equal(service.status.kind, 'paused');
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(proxy.openEventStreams, 0, 'no event stream is open');
      assert.ok(proxy.requests.slice(mark).some(inspectOf(b.id)), 'the container was read');
      const later = proxy.requests.length;
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(proxy.requests.length, later, 'no request while paused');
      await service.start();
      assert.equal(service.status.kind, 'ready');
    });

    it('/events cut mid-stream: the stream comes back and the model matches a fresh snapshot', async function () {
      this.timeout(60000);
      // Cut the stream and keep it down while the engine changes.
      proxy.fault = (r) => (isEventStream(r) ? { kind: 'reset' } : undefined);
      assert.ok(await waitFor(() => proxy.openEventStreams > 0, WITHIN_MS), 'the service follows the event stream');
      assert.ok(proxy.cutEventStreams() >= 1, 'an event stream was open');
      const late = await suite.createContainer({ name: 'late' });
      await c.container.start();
      await b.container.update({ CpuShares: 1024 });
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(service.status.kind, 'ready', 'a cut stream with an engine that answers /_ping is no outage');
      proxy.fault = undefined;
      assert.ok(await waitFor(() => service.container(late.id)?.state === 'running' && service.container(c.id)?.state === 'running', WITHIN_MS), 'the changes made while the stream was down reached the model');
      await new Promise((r) => setTimeout(r, 500));
      assertSameContainers(service.snapshot().containers, (await freshSnapshot(MAIN)).containers, ours, 'live model');
    });
  });

  it('EACCES on chosen /proc files: those facts are unavailable with the reason, the rest as a fresh snapshot has it', async function () {
    this.timeout(60000);
    const root = `/tmp/faults-${RUN_ID}-proc`;
    const pidOf = async (x: Created): Promise<number> => (await x.container.inspect()).State.Pid;
    const [pa, pb] = [await pidOf(a), await pidOf(b)];
    // A /proc whose entries point at the real one, except two processes with chosen files unreadable.
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(root);
    for (const e of fs.readdirSync('/proc')) if (e !== String(pa) && e !== String(pb)) fs.symlinkSync(`/proc/${e}`, path.join(root, e));
    const shadow = (pid: number, unreadable: string[]): void => {
      const dir = path.join(root, String(pid));
      fs.mkdirSync(dir);
      for (const e of fs.readdirSync(`/proc/${pid}`)) {
        if (!unreadable.includes(e)) fs.symlinkSync(`/proc/${pid}/${e}`, path.join(dir, e));
        else fs.writeFileSync(path.join(dir, e), fs.readFileSync(`/proc/${pid}/${e}`), { mode: 0o000 });
      }
    };
    shadow(pa, ['uid_map', 'status']);
    shadow(pb, ['cgroup']);
    try {
      // Root bypasses file modes; without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH it does not.
      const script = path.join(__dirname, 'support', 'read-with-roots.ts');
      const out = await new Promise<string>((resolve, reject) => {
        const child = spawn('setpriv', ['--bounding-set', '-dac_override,-dac_read_search', process.execPath, '-r', 'tsx/cjs', script, root], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`read-with-roots exited ${code}: ${stderr}`))));
      });
      // The reasons name the /proc they read from; apart from the chosen files it is the real one.
      const { cli, live } = JSON.parse(out.split(root).join('/proc')) as { cli: Snapshot; live: Snapshot };
      const fresh = await freshSnapshot(MAIN);
      for (const [what, snap] of [['snapshot', cli], ['live model', live]] as const) {
        const ca = snap.containers.find((x) => x.id === a.id) as ContainerAnatomy;
        assert.match(JSON.stringify(ca.process.uidMap), /permission denied/i, `${what}: uid_map`);
        assert.match(JSON.stringify(ca.process.nspid), /permission denied/i, `${what}: status`);
        assert.equal(ca.readFailure, undefined, `${what}: an unreadable file is a fact's failure, not the container's`);
        const fa = fresh.containers.find((x) => x.id === a.id) as ContainerAnatomy;
        assert.deepEqual(ca.namespaces, fa.namespaces, `${what}: the namespaces of a are still read`);
        assert.deepEqual(ca.cgroup.memory.limitBytes, fa.cgroup.memory.limitBytes, `${what}: the limits of a are still read`);
        const cb = snap.containers.find((x) => x.id === b.id) as ContainerAnatomy;
        assert.match(JSON.stringify(cb.namespaces.net.inode), /\/proc\/\d+\/cgroup: .*permission denied/i, `${what}: b's PID could not be checked`);
        assert.equal(cb.name, b.name);
        assert.deepEqual(cb.cgroup.memory.limitBytes.declared, fresh.containers.find((x) => x.id === b.id)?.cgroup.memory.limitBytes.declared);
        assertSameContainers(snap.containers, fresh.containers, (x) => ours(x) && x.id !== a.id && x.id !== b.id, what);
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('faults: a second engine stopped, restarted and flooded', function () {
  const engine2 = new SecondEngine();
  let proxy: CountingProxy;
  let service: AnatomyService;
  const all = (): boolean => true;

  before(async function () {
    this.timeout(180000);
    await engine2.setUp();
    proxy = await startCountingProxy(`/tmp/faults-${RUN_ID}-second.sock`, engine2.socket);
    service = liveService(proxy.endpoint, { timeoutMs: 3000 });
    await service.start();
  });
  after(async function () {
    this.timeout(120000);
    service?.dispose();
    await proxy?.close();
    await engine2.tearDown();
  });
  eachTestClean(() => proxy);

  const create = async (name: string, start: boolean): Promise<string> => {
    const c = await engine2.client.createContainer({ name: `faults-${RUN_ID}-${name}`, Image: IMAGE, Cmd: ['sleep', '3600'] });
    if (start) await c.start();
    return c.id;
  };

  async function converged(what: string): Promise<void> {
    let fresh: Snapshot = await freshSnapshot(engine2.endpoint);
    const same = (): boolean => {
      const ids = (s: Snapshot): string => s.containers.map((x) => `${x.id}:${x.state}`).sort().join(',');
      return ids(service.snapshot()) === ids(fresh);
    };
    assert.ok(
      await waitFor(async () => {
        fresh = await freshSnapshot(engine2.endpoint);
        return service.status.kind === 'ready' && same();
      }, 30000, 250),
      `${what}: the live model lists what the engine has (status ${JSON.stringify(service.status)})`,
    );
    assertSameContainers(service.snapshot().containers, fresh.containers, all, what);
    const bridge = (s: Snapshot) => ('value' in s.host.bridges ? s.host.bridges.value.find((b) => b.name === engine2.bridge) : undefined);
    assert.deepEqual(bridge(service.snapshot()), bridge(fresh), `${what}: the second engine's bridge, with its veths`);
  }

  it('dockerd stopped mid-session is an outage; started again, the model is reconciled', async function () {
    this.timeout(180000);
    const running = await create('running', true);
    await create('created', false);
    await converged('before the restart');
    // The main engine's bridge must come through another engine's restart untouched (same link,
    // same ifindex): a deleted docker0 breaks every container the main engine starts next.
    const docker0 = (): string => fs.readFileSync('/sys/class/net/docker0/ifindex', 'utf8').trim();
    const docker0Before = docker0();
    await engine2.stop();
    assert.ok(await waitFor(() => service.status.kind === 'unreachable', 20000), `the outage is seen: ${JSON.stringify(service.status)}`);
    assert.equal(service.snapshot().containers.length, 0);
    await engine2.start();
    assert.equal(docker0(), docker0Before, 'docker0 is the same link after the second engine restarted');
    const after = await create('after', true);
    assert.ok(await waitFor(() => service.status.kind === 'ready' && !!service.container(after), 60000), 'back and listed again');
    assert.equal(service.container(running)?.state, 'exited', 'the container the restart stopped is shown stopped');
    await converged('after the restart');
  });

  it('events lost in a gap (stream down while dockerd restarted): reconciled by listing again', async function () {
    this.timeout(180000);
    // Keep the stream down: the service still reaches /_ping, so this is no outage.
    proxy.fault = (r) => (isEventStream(r) ? { kind: 'reset' } : undefined);
    proxy.cutEventStreams();
    await engine2.stop();
    await engine2.start();
    // The restarted engine has no record of events from before it, and these happen unseen.
    const fresh = await create('in-gap', true);
    const victim = (await engine2.client.listContainers({ all: true })).find((x) => x.Names[0] === `/faults-${RUN_ID}-created`);
    if (victim) await engine2.client.getContainer(victim.Id).remove({ force: true });
    proxy.fault = undefined;
    assert.ok(await waitFor(() => !!service.container(fresh), 30000), 'the container made in the gap is listed');
    await converged('after the gap');
  });

  it('an event storm (300 containers created and removed within seconds) is coalesced and converges', async function () {
    this.timeout(300000);
    await converged('before the storm');
    const mark = proxy.requests.length;
    const N = 300;
    const ids: string[] = new Array<string>(N);
    const WORKERS = 12;
    // Made and removed by 12 clients at once, straight to the engine (the service sees only the events).
    await Promise.all(Array.from({ length: WORKERS }, async (_x, w) => {
      for (let i = w; i < N; i += WORKERS) ids[i] = await create(`storm-${i}`, false);
    }));
    await Promise.all(Array.from({ length: WORKERS }, async (_x, w) => {
      for (let i = w; i < N; i += WORKERS) await engine2.client.getContainer(ids[i]).remove({ force: true });
    }));
    await converged('after the storm');
    const window = proxy.requests.slice(mark);
    const inspects = window.filter((r) => /^\/containers\/[0-9a-f]{64}\/json$/.test(r.path)).length;
    const lists = window.filter((r) => r.path === '/networks').length;
    // Only the service goes through the proxy; fresh snapshots and the storm itself go straight to the engine.
    process.stdout.write(`      storm of ${N}: ${inspects} inspects, ${lists} network lists, ${window.length} requests in all\n`);
    assert.ok(inspects <= N + 10, `at most one re-read per created container (${inspects})`);
    const tracked = (service as unknown as { trackedIds: number }).trackedIds;
    assert.ok(tracked <= service.snapshot().containers.length, `the per-container read numbers shrank back to the model (${tracked})`);
    assert.ok(lists < N / 2, `network lists are shared by batches (${lists})`);
  });
});
