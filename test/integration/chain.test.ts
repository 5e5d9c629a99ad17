/**
 * The cgroup chain of real containers against the kernel's files, read level by level here
 * without the extension's readers: one under a parent tighter than itself, one with its own
 * tighter limits, one with none.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ChainLevel, ContainerAnatomy, Limit, Maybe, Snapshot } from '../../src/core/model';
import { createAnatomyService } from '../../src/core/anatomy-service';
import { cgroupUsageReader, readingFromEngineStats } from '../../src/core/usage';
import { createParent, PARENT_PREFIX, removeParent } from './support/cgroup-parent';
import { ensureCliBuilt, runCli, runCliJson } from './support/cli';
import { RUN_ID, TestSuite, type Created } from './support/docker';
import { MiB } from './support/fleet';
import { containerIn, val } from './support/model';
import { CGROUP_ROOT, cgroupPath } from './support/truth';

const PARENT = { name: `${PARENT_PREFIX}${RUN_ID}-chain`, memoryBytes: 48 * MiB, pidsMax: 20 };

/** A level's file as the kernel prints it, null when the level has no such file. */
function fileAt(controller: string, cgPath: string, file: string): string | null {
  const f = path.join(CGROUP_ROOT, controller, cgPath, file);
  return existsSync(f) ? readFileSync(f, 'utf8').trim() : null;
}

function asLimit(t: string | null): number | null {
  if (t === null || t === 'max' || t === '-1') return null;
  const n = Number(t);
  return n >= 2 ** 62 ? null : n;
}

/** "/", "/a", "/a/b" for "/a/b". */
function levelsOf(cgPath: string): string[] {
  const parts = cgPath.split('/').filter(Boolean);
  return ['/', ...parts.map((_, i) => '/' + parts.slice(0, i + 1).join('/'))];
}

/** The kernel's chain of `file` for `pid`, read here level by level. */
function kernelChain<T>(pid: number, controller: string, file: string, parse: (t: string | null) => T | null): ChainLevel<T>[] {
  return levelsOf(cgroupPath(pid, controller)).map((p) => ({ path: p, value: parse(fileAt(controller, p, file)) }));
}

/** The deepest level holding the smallest value; "host" when none sets one and `hostCap` applies; null when nothing does. */
function expectedBinder(chain: ChainLevel<number>[], hostCap: number | null): string | null {
  let best: number | null = null;
  let at: string | null = null;
  for (const l of chain) if (l.value !== null && (best === null || l.value <= best)) [best, at] = [l.value, l.path];
  if (best === null || (hostCap !== null && hostCap < best)) return hostCap === null ? null : 'host';
  return at;
}

const memTotal = (): number => Number(/MemTotal:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]) * 1024;

describe('cgroup chain of real containers (each level against the kernel)', function () {
  const suite = new TestSuite('chain').hooks();
  let underParent: Created;
  let ownTighter: Created;
  let unlimited: Created;
  let snap: Snapshot;
  const of = (c: Created): ContainerAnatomy => containerIn(snap, c.id);

  before(async function () {
    this.timeout(120000);
    ensureCliBuilt();
    createParent(PARENT.name, PARENT);
    [underParent, ownTighter, unlimited] = await Promise.all([
      suite.createContainer({ name: 'under-parent', hostConfig: { CgroupParent: `/${PARENT.name}`, Memory: 96 * MiB, PidsLimit: 60 } }),
      suite.createContainer({ name: 'own-tighter', hostConfig: { CgroupParent: `/${PARENT.name}`, Memory: 24 * MiB, PidsLimit: 10, NanoCpus: 500_000_000 } }),
      suite.createContainer({ name: 'unlimited' }),
    ]);
    snap = await runCliJson<Snapshot>(['--all']);
  });
  after(() => removeParent(PARENT.name));

  /** Every level of every cap's chain and every boundBy equal what the files say. */
  function assertChainsMatchKernel(c: Created): void {
    const a = of(c);
    const pid = val(a.pid, 'pid');
    const cases: [string, Maybe<ChainLevel<number | string>[]>, ChainLevel<number | string>[], Limit<unknown>, number | null][] = [
      ['memory', a.cgroup.chain.memory, kernelChain(pid, 'memory', 'memory.limit_in_bytes', asLimit), a.cgroup.memory.limitBytes, memTotal()],
      ['memory+swap', a.cgroup.chain.memorySwap, kernelChain(pid, 'memory', 'memory.memsw.limit_in_bytes', asLimit), a.cgroup.memory.swapLimitBytes, null],
      ['pids', a.cgroup.chain.pids, kernelChain(pid, 'pids', 'pids.max', asLimit), a.cgroup.pids.max, null],
    ];
    for (const [what, chain, truth, limit, hostCap] of cases) {
      assert.deepEqual(val(chain, `${c.name} ${what} chain`), truth, `${c.name} ${what} chain`);
      assert.equal(val(limit.boundBy, `${c.name} ${what} boundBy`), expectedBinder(truth as ChainLevel<number>[], hostCap), `${c.name} ${what} boundBy`);
    }
    const cpu = kernelChain(pid, 'cpu', 'cpu.cfs_quota_us', asLimit).map((l) => {
      const period = asLimit(fileAt('cpu', l.path, 'cpu.cfs_period_us'));
      return { path: l.path, value: l.value === null || period === null ? null : l.value / period, quotaUs: l.value, periodUs: period };
    });
    assert.deepEqual(val(a.cgroup.chain.cpu, `${c.name} cpu chain`), cpu, `${c.name} cpu chain`);
    const online = readFileSync('/sys/devices/system/cpu/online', 'utf8').trim();
    const cpus = kernelChain(pid, 'cpuset', 'cpuset.cpus', (t) => t);
    assert.deepEqual(val(a.cgroup.chain.cpusetCpus, `${c.name} cpuset chain`), cpus);
    const eff = fileAt('cpuset', cgroupPath(pid, 'cpuset'), 'cpuset.effective_cpus');
    assert.equal(val(a.cgroup.cpuset.cpus.boundBy, 'cpuset boundBy'), eff === online ? 'host' : cpus.find((l) => l.value === eff)?.path);
    const weight = fileAt('blkio', cgroupPath(pid, 'blkio'), 'blkio.weight') !== null ? 'blkio.weight' : 'blkio.bfq.weight';
    assert.deepEqual(val(a.cgroup.chain.ioWeight, `${c.name} io chain`), kernelChain(pid, 'blkio', weight, (t) => (t === null ? null : Number(/(\d+)$/.exec(t.split('\n')[0])?.[1]))));
    assert.equal(a.cgroup.io.weight.boundBy, undefined, 'a weight is a share, not a cap');
  }

  it('under a tighter parent: memory and pids are bound by the parent, each level as the kernel has it', () => {
    assertChainsMatchKernel(underParent);
    const a = of(underParent);
    assert.equal(val(a.cgroup.memory.limitBytes.boundBy, 'memory'), `/${PARENT.name}`);
    assert.equal(val(a.cgroup.memory.limitBytes.effective, 'memory'), PARENT.memoryBytes);
    assert.equal(val(a.cgroup.pids.max.boundBy, 'pids'), `/${PARENT.name}`);
    assert.deepEqual(val(a.cgroup.chain.memory, 'chain').map((l) => l.path), ['/', `/${PARENT.name}`, `/${PARENT.name}/${underParent.id}`]);
  });

  it('own limits tighter than the parent: the container binds itself', () => {
    assertChainsMatchKernel(ownTighter);
    const a = of(ownTighter);
    const own = `/${PARENT.name}/${ownTighter.id}`;
    assert.equal(val(a.cgroup.memory.limitBytes.boundBy, 'memory'), own);
    assert.equal(val(a.cgroup.pids.max.boundBy, 'pids'), own);
    assert.equal(val(a.cgroup.cpu.cpus.boundBy, 'cpu'), own);
  });

  it('no limits anywhere: the host binds memory and CPU, nothing binds pids', () => {
    assertChainsMatchKernel(unlimited);
    const a = of(unlimited);
    assert.equal(val(a.cgroup.memory.limitBytes.boundBy, 'memory'), 'host');
    assert.equal(val(a.cgroup.cpu.cpus.boundBy, 'cpu'), 'host');
    assert.equal(val(a.cgroup.pids.max.boundBy, 'pids'), null);
  });

  it('usage: the cgroup files and the engine\'s one-shot stats agree on the same container', async () => {
    const service = createAnatomyService();
    try {
      await service.start();
      const c = service.container(ownTighter.id);
      assert.ok(c, 'the service lists the container');
      const local = await cgroupUsageReader(c)?.read();
      assert.ok(local && !('unavailable' in local), JSON.stringify(local));
      const pid = val(c.pid, 'pid');
      assert.equal(local.pids, Number(fileAt('pids', cgroupPath(pid, 'pids'), 'pids.current')));
      assert.equal(local.oomKills, 0);
      assert.ok(service.engineStats, 'the live service reads engine stats');
      const remote = readingFromEngineStats(await service.engineStats(ownTighter.id));
      // A sleeping busybox: the same process count and CPU time, memory charged to it on both sides.
      assert.equal(remote.pids, local.pids);
      assert.equal(remote.cpuNs, local.cpuNs);
      assert.ok((remote.memoryBytes ?? 0) > 0 && (local.memoryBytes ?? 0) > 0);
    } finally {
      service.dispose();
    }
  });

  it('the text view names the level that sets the effective value', async () => {
    const r = await runCli([underParent.name]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`effective 48 MiB, set by /${PARENT.name}`));
    assert.match(r.stdout, new RegExp(`effective 20, set by /${PARENT.name}`));
  });
});
