/**
 * The helper container against the real engine: the anatomy suite's containers read four ways
 * (root here; root through the helper; a docker-group user; a client in its own PID and mount
 * namespace) give the same facts, and a refused, impossible or killed helper leaves the
 * kernel's facts unavailable with the reason, the engine's facts shown, and no helper running.
 */
import * as assert from 'node:assert/strict';
import { HELPER_LABEL } from '../../src/core/helper/container';
import { DISMISSED, HelperManager } from '../../src/core/helper/manager';
import { NAMESPACE_TYPES, type ContainerAnatomy, type Snapshot } from '../../src/core/model';
import { takeSnapshot } from '../../src/core/snapshot';
import { removeParent, sweepParents } from './support/cgroup-parent';
import { cleanEnv, ensureCliBuilt, runCliJson } from './support/cli';
import { docker, IMAGE, TestSuite, waitFor, type Created } from './support/docker';
import { buildFleet, PARENT, type Fleet } from './support/fleet';
import { containerIn, snapshotAll, val, why, withEngine } from './support/model';
import { ensureDockerGroupUser, requireRoot } from './support/user';

const OWN_PID_NS = ['unshare', '--pid', '--fork', '--mount-proc'];
const ALLOW = ['--all', '--helper=always', '--helper-image', IMAGE];

async function runningHelpers(): Promise<string[]> {
  return (await docker.listContainers({ filters: { label: [HELPER_LABEL] } })).map((c) => c.Id);
}

/** No helper container is running: an earlier one still being removed is waited for a moment. */
async function assertNoHelper(): Promise<void> {
  await waitFor(async () => (await runningHelpers()).length === 0, 5000);
  const left = await docker.listContainers({ filters: { label: [HELPER_LABEL] } });
  assert.deepEqual(left.map((c) => `${c.Names?.[0]} ${c.Status}`), [], 'no helper container is left running');
}

/** Removes helper containers (they carry this project's label; no one else makes them). */
async function removeHelpers(): Promise<void> {
  for (const c of await docker.listContainers({ all: true, filters: { label: [HELPER_LABEL] } })) {
    await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
  }
  await waitFor(async () => (await runningHelpers()).length === 0, 10000);
}

/** Runs `fn` with snapshots that must read through `helpers`; then disposes them, and no helper is left. */
async function withForcedHelper(helpers: HelperManager, fn: (snap: () => Promise<Snapshot>) => Promise<void>): Promise<void> {
  try {
    await withEngine((engine) => fn(async () => (await takeSnapshot(engine, { all: true, helpers, forceHelper: true })).snapshot));
  } finally {
    await helpers.dispose();
  }
  await assertNoHelper();
}

/** Values that move between two reads of the same container (usage counters, "Up 3 seconds", read times). */
const MOVING = new Set(['usageBytes', 'usageNs', 'throttledPeriods', 'status', 'readAt', 'usageReadAt']);

/** A container's anatomy with helper sources as procfs, moving values out, sharers limited to `names`. */
/**
 * A refusal names who was refused (root here, or the helper container), so the same refusal
 * reads differently by reader; compared, both are one. `refusedTo` says which a text names.
 */
const REFUSED = / even to (?:root here|root \(a security module, or capabilities this process lacks\)|the helper container \(root on the engine's host\))/g;
function sameRefusal(text: string): string {
  return text.replace(REFUSED, ' <refused>');
}
function refusedTo(text: string): Set<'root' | 'helper'> {
  return new Set([...text.matchAll(/ even to (root|the helper container)/g)].map((m) => (m[1] === 'root' ? 'root' : 'helper')));
}

function comparable(c: ContainerAnatomy, names: Set<string>): unknown {
  const copy = JSON.parse(JSON.stringify(c)) as ContainerAnatomy;
  for (const t of NAMESPACE_TYPES) copy.namespaces[t].sharedWithContainers = copy.namespaces[t].sharedWithContainers.filter((n) => names.has(n));
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (MOVING.has(k)) continue;
      out[k] = k === 'source' && x === 'helper' ? 'procfs' : typeof x === 'string' ? sameRefusal(x) : walk(x);
    }
    return out;
  };
  return walk(copy);
}

/**
 * The host side; of the bridges only the set's networks' (other work on the engine makes and
 * removes its own), without their port lists; without `process`, the reading process's own
 * ids, which only a local read has.
 */
function comparableHost(s: Snapshot, networks: string[]): unknown {
  const h = JSON.parse(JSON.stringify(s.host)) as Snapshot['host'];
  const bridges = 'value' in h.bridges ? h.bridges.value.filter((b) => b.networkName !== null && networks.includes(b.networkName)).map((b) => ({ ...b, ports: [] })) : h.bridges;
  return JSON.parse(sameRefusal(JSON.stringify({ ...h, bridges, engine: null, process: null }).replace(/"source":"helper"/g, '"source":"procfs"')));
}

describe('helper container: the same anatomy four ways', function () {
  const suite = new TestSuite('helper').hooks();
  let fleet: Fleet;
  const snaps: Record<'root' | 'forced' | 'user' | 'ownPidNs', Snapshot> = {} as never;

  before(async function () {
    this.timeout(180000);
    requireRoot('the helper suite');
    const user = ensureDockerGroupUser();
    ensureCliBuilt();
    sweepParents();
    await removeHelpers();
    fleet = await buildFleet(suite);
    snaps.root = await snapshotAll();
    const helpers = new HelperManager({ mode: 'always', image: IMAGE });
    try {
      snaps.forced = await withEngine(async (engine) => (await takeSnapshot(engine, { all: true, helpers, forceHelper: true })).snapshot);
    } finally {
      await helpers.dispose();
    }
    snaps.user = await runCliJson<Snapshot>(ALLOW, { as: user, env: cleanEnv({ HOME: '/nonexistent' }) });
    snaps.ownPidNs = await runCliJson<Snapshot>(ALLOW, { under: OWN_PID_NS });
  });
  after(async function () {
    this.timeout(30000);
    removeParent(PARENT.name);
    await removeHelpers();
  });

  const members = (): Created[] => Object.values(fleet).filter((c): c is Created => 'container' in c);

  it('root reads locally; the other three read through the helper, and say so', () => {
    assert.equal(snaps.root.host.engine.helper, undefined);
    for (const k of ['forced', 'user', 'ownPidNs'] as const) {
      assert.equal(snaps[k].host.engine.helper?.image, IMAGE, `${k} used the helper`);
      const def = containerIn(snaps[k], fleet.def.id);
      assert.equal(val(def.namespaces.net.inode, `${k} net`) > 0, true);
      assert.equal(JSON.stringify(def.namespaces.net.inode).includes('"source":"helper"'), true);
      assert.equal(JSON.stringify(def.cgroup.pids.max.kernel).includes('"source":"helper"'), true);
      assert.equal((def.pid as { source: string }).source, 'engine');
    }
  });

  it('a refused read names its reader: root when read here as root, the helper container when read through it', () => {
    assert.ok(!refusedTo(JSON.stringify(snaps.root)).has('helper'), 'read here: no refusal to the helper');
    for (const k of ['forced', 'user', 'ownPidNs'] as const) assert.ok(!refusedTo(JSON.stringify({ ...snaps[k], host: { ...snaps[k].host, process: null } })).has('root'), `${k}: no refusal to root`);
  });

  it('every container of the set: the same namespaces, sharing, NSpid, id maps, cgroup paths, limits and veths', () => {
    const names = new Set(members().map((c) => c.name));
    for (const c of members()) {
      const expected = comparable(containerIn(snaps.root, c.id), names);
      for (const k of ['forced', 'user', 'ownPidNs'] as const) assert.deepEqual(comparable(containerIn(snaps[k], c.id), names), expected, `${c.name} read ${k}`);
    }
  });

  it('the host side: the same namespaces, cgroup version, memory, CPUs and bridges; the set\'s veths on their bridges', () => {
    const networks = ['bridge', fleet.net1.name, fleet.net2.name];
    const expected = comparableHost(snaps.root, networks);
    assert.equal((expected as { bridges: unknown[] }).bridges.length, 3, 'docker0 and the set\'s two networks are compared');
    for (const k of ['forced', 'user', 'ownPidNs'] as const) {
      assert.deepEqual(comparableHost(snaps[k], networks), expected, `host read ${k}`);
      const bridges = val(snaps[k].host.bridges, `${k} bridges`);
      for (const c of members()) {
        for (const att of containerIn(snaps[k], c.id).networks) {
          if (!('value' in att.hostVeth)) continue;
          const veth = att.hostVeth.value;
          assert.ok(bridges.find((b) => b.name === veth.master)?.ports.includes(veth.name), `${k}: ${veth.name} is a port of ${veth.master}`);
        }
      }
    }
  });

  it('the helper is not listed among the engine\'s containers', () => {
    for (const k of ['forced', 'user', 'ownPidNs'] as const) {
      assert.ok(!snaps[k].containers.some((c) => c.labels[HELPER_LABEL] !== undefined), `${k} lists no helper`);
    }
  });
});

describe('helper container: refused, impossible, killed', function () {
  const suite = new TestSuite('helper-faults').hooks();
  let plain: Created;
  let user: { uid: number; gid: number };

  before(async function () {
    this.timeout(120000);
    requireRoot('the helper suite');
    user = ensureDockerGroupUser();
    ensureCliBuilt();
    await removeHelpers();
    plain = await suite.createContainer({ name: 'plain' });
  });
  after(async function () {
    this.timeout(30000);
    await removeHelpers();
  });

  /** The engine's facts are all there: PID, state, the bridge address. */
  function engineFactsShown(a: ContainerAnatomy): void {
    assert.equal(a.state, 'running');
    assert.ok('value' in a.pid);
    assert.match(val(a.networks[0].ipAddress, 'ipAddress'), /^\d+\.\d+\.\d+\.\d+$/);
    assert.ok('value' in a.cgroup.memory.limitBytes.declared);
  }

  it('never, as a docker-group user: namespaces say permission denied, cgroup files still read, no helper started', async () => {
    const snap = await runCliJson<Snapshot>(['--all', '--helper=never', '--helper-image', IMAGE], { as: user, env: cleanEnv({ HOME: '/nonexistent' }) });
    const a = containerIn(snap, plain.id);
    engineFactsShown(a);
    assert.match(why(a.namespaces.net.inode, 'net inode'), /permission denied/);
    assert.match(snap.host.engine.helperReason ?? '', /turned off/);
    await assertNoHelper();
  });

  it('never, from its own PID namespace: kernel facts unavailable with both reasons, host facts from the engine', async () => {
    const snap = await runCliJson<Snapshot>(['--all', '--helper=never'], { under: OWN_PID_NS });
    const a = containerIn(snap, plain.id);
    engineFactsShown(a);
    for (const m of [a.namespaces.net.inode, a.process.nspid, a.cgroup.memory.limitBytes.kernel, a.networks[0].hostVeth]) {
      assert.match(why(m, 'kernel fact'), /no process \d+ on this machine.*turned off/);
    }
    assert.match(why(snap.host.namespaces.net.inode, 'host net'), /turned off/);
    assert.deepEqual([snap.host.memTotalBytes, snap.host.onlineCpus].map((m) => 'value' in m && m.source), ['engine', 'engine']);
    await assertNoHelper();
  });

  it('the image is not on the engine: nothing is pulled, the reason names it', async () => {
    const missing = 'container-anatomy-test/not-here:latest';
    const snap = await runCliJson<Snapshot>(['--all', '--helper=always', '--helper-image', missing], { under: OWN_PID_NS });
    const a = containerIn(snap, plain.id);
    engineFactsShown(a);
    assert.match(why(a.namespaces.pid.inode, 'pid inode'), new RegExp(`${missing}.*not on the engine`));
    await assertNoHelper();
  });

  it('ask without a terminal means never', async () => {
    const snap = await runCliJson<Snapshot>(['--all'], { under: OWN_PID_NS });
    assert.match(why(containerIn(snap, plain.id).namespaces.net.inode, 'net inode'), /turned off|consent/);
    await assertNoHelper();
  });

  it('a question closed without an answer: refused with how to be asked again, asked again on request, an answer given stands', async function () {
    this.timeout(60000);
    const answers: Array<'once' | undefined> = [undefined, 'once'];
    const asked: string[] = [];
    const helpers = new HelperManager({
      mode: 'ask',
      image: IMAGE,
      ask: async (req) => {
        asked.push(req.endpoint);
        return answers.shift();
      },
    });
    await withForcedHelper(helpers, async (snap) => {
      const first = await snap();
      assert.equal(first.host.engine.helperReason, DISMISSED);
      assert.equal(first.host.engine.helper, undefined);
      await snap();
      assert.equal(asked.length, 1, 'a closed question is not asked again by itself (an event, a timer)');
      await assertNoHelper();
      helpers.askAgainIfDismissed(); // what Refresh and "Forget Helper Container Answers" do
      const third = await snap();
      assert.equal(asked.length, 2);
      assert.ok(third.host.engine.helper, 'allowed once: read through the helper');
      assert.ok('value' in containerIn(third, plain.id).namespaces.net.inode);
      helpers.askAgainIfDismissed();
      await snap();
      assert.equal(asked.length, 2, 'an answer given is not asked for again');
    });
  });

  it('Never, then the kept answers forgotten: asked again, whatever the settings said when Never was given', async function () {
    this.timeout(60000);
    const asked: string[] = [];
    const kept: Record<string, 'always' | 'never'> = {};
    const settings = (): ConstructorParameters<typeof HelperManager>[0] => ({
      mode: 'ask',
      image: IMAGE,
      remembered: { ...kept },
      ask: async (req) => {
        asked.push(req.endpoint);
        return asked.length === 1 ? 'never' : undefined;
      },
      remember: (endpoint, answer) => {
        kept[endpoint] = answer;
      },
    });
    const helpers = new HelperManager(settings());
    await withForcedHelper(helpers, async (snap) => {
      assert.match((await snap()).host.engine.helperReason ?? '', /refused for .* \("Never"\)/);
      assert.equal(asked.length, 1);
      for (const k of Object.keys(kept)) delete kept[k];
      helpers.configure(settings()); // the manager never heard of the kept Never: no change to see
      helpers.askAgainIfRefused(); // what "Forget Helper Container Answers" does
      assert.equal((await snap()).host.engine.helperReason, DISMISSED);
      assert.equal(asked.length, 2, 'asked again');
    });
  });

  it('killed: that snapshot says why, the next starts a new helper, dispose leaves none', async function () {
    this.timeout(60000);
    const helpers = new HelperManager({ mode: 'always', image: IMAGE });
    try {
      await withEngine(async (engine) => {
        const first = (await takeSnapshot(engine, { all: true, helpers, forceHelper: true })).snapshot;
        const helperId = first.host.engine.helper?.container;
        assert.ok(helperId, 'the first snapshot used the helper');
        // Killed while the next snapshot reads (or just before: either way it is gone for that read).
        const [killed, second] = await Promise.all([
          docker.getContainer(helperId).kill().catch(() => undefined),
          takeSnapshot(engine, { all: true, helpers, forceHelper: true }).then((r) => r.snapshot),
        ]);
        void killed;
        const a = containerIn(second, plain.id);
        engineFactsShown(a);
        if (second.host.engine.helper) {
          // The read finished before the kill landed; the one after it must see the helper gone.
          await waitFor(async () => !(await runningHelpers()).includes(helperId), 10000);
          const third = (await takeSnapshot(engine, { all: true, helpers, forceHelper: true })).snapshot;
          assert.match(why(containerIn(third, plain.id).namespaces.net.inode, 'net inode'), /helper container/);
        } else {
          assert.match(why(a.namespaces.net.inode, 'net inode'), /helper container/);
          assert.match(second.host.engine.helperReason ?? '', /helper container/);
        }
        await waitFor(async () => !(await runningHelpers()).includes(helperId), 10000);
        const next = (await takeSnapshot(engine, { all: true, helpers, forceHelper: true })).snapshot;
        assert.ok(next.host.engine.helper && next.host.engine.helper.container !== helperId, `a new helper: ${JSON.stringify(next.host.engine)}`);
        assert.ok('value' in containerIn(next, plain.id).namespaces.net.inode);
      });
    } finally {
      await helpers.dispose();
    }
    await assertNoHelper();
  });
});
