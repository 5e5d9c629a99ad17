/**
 * The live anatomy service against the real engine: it follows /events and re-reads only
 * the containers an event names. Other suites may run on the same engine at the same
 * time, so changes naming containers of other suites are ignored, never those of this one.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createAnatomyService } from '../../src/core/anatomy-service';
import { NAMESPACE_TYPES, type ContainerAnatomy } from '../../src/core/model';
import type { AnatomyChange, AnatomyService } from '../../src/core/service';
import { REPO } from './support/cli';
import { TestSuite, waitFor, type Created } from './support/docker';
import { nsInode } from './support/truth';

/** How long an event may take to reach the service; generous because other suites may load the engine. */
const WITHIN_MS = 5000;
const EXIT_AFTER_DISPOSE_MS = 5000;

describe('live anatomy service: follows engine events', function () {
  const suite = new TestSuite('service').hooks();
  let service: AnatomyService;
  const mine = new Set<string>();

  /** Runs `action`, then waits until a change names `id` and the service's view of it passes `ok`. */
  async function expectChange(
    id: string,
    action: () => Promise<unknown>,
    ok: (c: ContainerAnatomy | undefined) => boolean,
    what: string,
  ): Promise<AnatomyChange[]> {
    const seen: AnatomyChange[] = [];
    const off = service.onDidChange((c) => seen.push(c));
    try {
      await action();
      const named = (): boolean => seen.some((c) => c.updated.includes(id) || c.removed.includes(id));
      const done = await waitFor(() => named() && ok(service.container(id)), WITHIN_MS);
      const c = service.container(id);
      assert.ok(done, `${what}: within ${WITHIN_MS} ms expected a change naming ${id.slice(0, 12)}; saw ${JSON.stringify(seen)}; the service has state=${c?.state} name=${c?.name}, status ${JSON.stringify(service.status)}`);
      return seen;
    } finally {
      off();
    }
  }

  /** Waits until no change names one of this suite's containers for `ms` (trailing events of earlier steps). */
  async function quiet(ms = 500): Promise<void> {
    let last = Date.now();
    const off = service.onDidChange((c) => {
      if ([...c.updated, ...c.removed].some((id) => mine.has(id))) last = Date.now();
    });
    try {
      assert.ok(await waitFor(() => Date.now() - last >= ms, 10000), 'the service kept reporting changes to idle containers');
    } finally {
      off();
    }
  }

  async function create(name: string, hostConfig = {}): Promise<Created> {
    const c = await suite.createContainer({ name, hostConfig, start: false });
    mine.add(c.id);
    return c;
  }

  before(async function () {
    this.timeout(60000);
    service = createAnatomyService();
    await service.start();
    assert.equal(service.status.kind, 'ready', JSON.stringify(service.status));
  });
  after(() => service?.dispose());

  it('create, start, rename, pause, unpause, stop and rm of one container each reach the service', async () => {
    const seen: AnatomyChange[] = [];
    const off = service.onDidChange((ch) => seen.push(ch));
    const c = await create('life');
    const created = await waitFor(() => seen.some((ch) => ch.updated.includes(c.id)) && service.container(c.id)?.state === 'created', WITHIN_MS);
    off();
    assert.ok(created, `create: expected a change naming ${c.id.slice(0, 12)} within ${WITHIN_MS} ms; saw ${JSON.stringify(seen)}`);
    assert.equal(service.container(c.id)?.name, c.name);

    await expectChange(c.id, () => c.container.start(), (a) => a?.state === 'running' && 'value' in a.pid, 'start');
    const a = service.container(c.id) as ContainerAnatomy;
    const pid = (a.pid as { value: number }).value;
    assert.deepEqual(a.namespaces.net.inode, { value: nsInode(pid, 'net'), source: 'procfs' });

    const renamed = suite.fullName('life-renamed');
    await expectChange(c.id, () => c.container.rename({ name: renamed }), (x) => x?.name === renamed, 'rename');
    assert.equal(service.container(renamed)?.id, c.id, 'found by its new name');
    assert.equal(service.container(c.name), undefined, 'not by its old name');

    await expectChange(c.id, () => c.container.pause(), (x) => x?.state === 'paused', 'pause');
    await expectChange(c.id, () => c.container.unpause(), (x) => x?.state === 'running', 'unpause');
    await expectChange(c.id, () => c.container.stop({ t: 0 }), (x) => x?.state === 'exited' && x.exit !== null, 'stop');
    assert.ok('unavailable' in (service.container(c.id) as ContainerAnatomy).namespaces.net.inode, 'a stopped container has no inodes');

    const changes = await expectChange(c.id, () => c.container.remove(), (x) => x === undefined, 'rm');
    assert.ok(changes.some((ch) => ch.removed.includes(c.id)), 'reported as removed');
    assert.ok(!service.snapshot().containers.some((x) => x.id === c.id));
  });

  it('rm -f of a running container removes it for good: a re-read answered late does not bring it back', async () => {
    const c = await create('forced');
    await c.container.start();
    assert.ok(await waitFor(() => service.container(c.id)?.state === 'running', WITHIN_MS), 'running in the service');
    // die, disconnect and destroy arrive together; the re-reads that die and disconnect start race the destroy.
    await c.container.remove({ force: true });
    assert.ok(await waitFor(() => service.container(c.id) === undefined, WITHIN_MS), 'gone from the service');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(service.container(c.id), undefined, 'still gone after the trailing events');
  });

  it('a refresh while the first list is still running ends ready, not stuck connecting', async () => {
    const other = createAnatomyService();
    try {
      const first = other.start();
      const refreshed = other.refresh();
      await Promise.all([first, refreshed]);
      assert.equal(other.status.kind, 'ready', JSON.stringify(other.status));
      assert.ok(other.host()?.engine.apiVersion, 'the host side was read');
    } finally {
      other.dispose();
    }
  });

  it('a restart re-reads only that container (plus the ones sharing a namespace with it)', async () => {
    const [donor, other] = await Promise.all([create('donor'), create('other')]);
    await Promise.all([donor.container.start(), other.container.start()]);
    const joiner = await create('joiner', { NetworkMode: `container:${donor.id}` });
    await joiner.container.start();
    for (const c of [donor, other, joiner]) {
      assert.ok(await waitFor(() => service.container(c.id)?.state === 'running', WITHIN_MS), `${c.name} running in the service`);
    }
    assert.ok(service.container(joiner.id)?.namespaces.net.sharedWithContainers.includes(donor.name), 'the service links joiner to donor');

    const restartAndCollect = async (c: Created): Promise<Set<string>> => {
      await quiet();
      const before = (service.container(c.id)?.pid as { value: number }).value;
      const changes = await expectChange(
        c.id,
        () => c.container.restart({ t: 0 }),
        (x) => x?.state === 'running' && 'value' in x.pid && x.pid.value !== before,
        `restart ${c.name}`,
      ).then(async (seen) => {
        // Let the trailing events of the restart arrive too.
        const off = service.onDidChange((ch) => seen.push(ch));
        await new Promise((r) => setTimeout(r, 500));
        off();
        return seen;
      });
      // The only host-side change a restart makes is its new veth on the bridge: the bridges are rebuilt, not stale.
      const veth = service.container(c.id)?.networks[0]?.hostVeth;
      const bridges = service.host()?.bridges;
      if (veth && 'value' in veth && bridges && 'value' in bridges) {
        assert.ok(bridges.value.some((b) => b.ports.includes(veth.value.name)), `the host's bridges list the new veth ${veth.value.name}`);
      }
      return new Set(changes.flatMap((ch) => ch.updated).filter((id) => mine.has(id)));
    };

    assert.deepEqual([...(await restartAndCollect(other))], [other.id], 'only the restarted container is re-read');
    const touched = await restartAndCollect(donor);
    assert.ok(touched.has(donor.id));
    for (const id of touched) {
      const x = service.container(id);
      const shared = x ? NAMESPACE_TYPES.filter((t) => x.namespaces[t].sharedWithContainers.includes(donor.name)) : [];
      assert.ok(id === donor.id || id === joiner.id, `${x?.name ?? id} was reported, but shares no namespace with the donor (it lists the donor in: ${shared.join(', ') || 'none'})`);
    }
  });

  it('dispose stops everything: a process using the service exits by itself', async function () {
    this.timeout(90000);
    const c = await create('dispose');
    const script = path.join(__dirname, 'support', 'service-lifecycle.ts');
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', script, c.id], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (d.includes('listening')) void c.container.start();
      // Disposed: from here on nothing may keep the process alive.
      if (d.includes('"status"')) timer ??= setTimeout(() => child.kill('SIGKILL'), EXIT_AFTER_DISPOSE_MS);
    });
    const code = await exited;
    clearTimeout(timer);
    assert.equal(code, 0, `the process did not exit within ${EXIT_AFTER_DISPOSE_MS} ms of dispose (handles left open?): code ${code}, stdout ${out}, stderr ${err}`);
    const last = JSON.parse(out.trim().split('\n').pop() as string) as { status: string; seen: boolean; containers: number };
    assert.equal(last.status, 'ready');
    assert.equal(last.seen, true, 'the event reached the service before dispose');
  });
});
