import { strict as assert } from 'assert';
import { fact, isFact, isUnavailable, unavailable, type Limit, type Maybe } from '../../../src/core/model';
import { readCgroupLayout, resolveCgroupDirs } from '../../../src/core/procfs/cgroup';
import { parseLimit } from '../../../src/core/procfs/cgfile';
import { LOCAL_FILES, withReadCache, type FileAccess } from '../../../src/core/procfs/files';
import { declaredLimits, readCgroupAnatomy } from '../../../src/core/procfs/limits';
import { readMemTotalBytes, readOnlineCpus } from '../../../src/core/procfs/process';
import { cgroupAnatomyOf, PIDS, scenario } from './fixtures';

const MIB = 1024 * 1024;

const anatomy = cgroupAnatomyOf;

const v = <T>(m: Maybe<T>): T => {
  assert.ok(isFact(m), JSON.stringify(m));
  return m.value;
};
/** The three views of a limit, without who binds it (asserted separately). */
const three = <T>(l: Limit<T>): Limit<T> => ({ declared: l.declared, kernel: l.kernel, effective: l.effective });
const why = (m: Maybe<unknown>): string => {
  assert.ok(isUnavailable(m), JSON.stringify(m));
  return m.unavailable;
};

describe('procfs/limits', () => {
  it('reads every kernel sentinel for unlimited as null', () => {
    for (const s of ['9223372036854771712\n', '9223372036854775807\n', 'max\n', '-1\n', String(2n ** 62n) + '\n']) {
      assert.deepEqual(parseLimit(s), { ok: true, value: null }, s);
    }
    assert.deepEqual(parseLimit('67108864\n'), { ok: true, value: 67108864 });
    assert.equal(parseLimit('').ok, false);
    assert.equal(parseLimit('-2\n').ok, false);
  });

  it('turns HostConfig into declared limits with the engine conventions', () => {
    assert.deepEqual(declaredLimits(scenario('v1-cgroupfs').hostConfig()), {
      memory: 64 * MIB, memoryReservation: 32 * MIB, memorySwap: 128 * MIB, cpus: 0.5, cpuQuotaUs: null, cpuPeriodUs: null,
      cpuShares: 512, cpusetCpus: '0', cpusetMems: null, pidsMax: 50, blkioWeight: null,
    });
    const unset = declaredLimits(scenario('v1-cgroupfs').hostConfig('hostconfig-unlimited.json'));
    assert.ok(Object.values(unset).every((x) => x === null));
    assert.equal(declaredLimits({ CpuQuota: 25000, CpuPeriod: 50000 }).cpus, 0.5);
    assert.equal(declaredLimits({ CpuQuota: 50000 }).cpus, 0.5);
    assert.equal(declaredLimits({ CpuQuota: -1 }).cpus, null);
    assert.equal(declaredLimits({ MemorySwap: -1 }).memorySwap, null);
    for (const p of [null, 0, -1]) assert.equal(declaredLimits({ PidsLimit: p }).pidsMax, null);
    assert.deepEqual(declaredLimits({}), declaredLimits({ Memory: 0, CpuShares: 0, CpusetCpus: '' }));
  });

  it('reads the real limited v1 container: declared, kernel and effective agree', async () => {
    const a = await anatomy('v1-cgroupfs', PIDS.v1Limited);
    assert.deepEqual(three(a.memory.limitBytes), { declared: fact(64 * MIB, 'engine'), kernel: fact(64 * MIB, 'procfs'), effective: fact(64 * MIB, 'procfs') });
    assert.deepEqual(a.memory.swapLimitBytes.effective, fact(128 * MIB, 'procfs'));
    assert.deepEqual(a.memory.reservationBytes.kernel, fact(32 * MIB, 'procfs'));
    assert.equal(v(a.memory.usageBytes), 319488); // memory.usage_in_bytes as captured
    assert.equal(v(a.memory.oomKills), 0);
    assert.deepEqual(three(a.cpu.cpus), { declared: fact(0.5, 'engine'), kernel: fact(0.5, 'procfs'), effective: fact(0.5, 'procfs') });
    assert.equal(v(a.cpu.quotaUs), 50000);
    assert.equal(v(a.cpu.periodUs), 100000);
    assert.equal(v(a.cpu.shares.kernel), 512);
    assert.match(why(a.cpu.weight), /cgroup v1 has no cpu.weight/);
    assert.equal(v(a.cpu.usageNs), 37179917);
    assert.equal(v(a.cpu.throttledPeriods), 0);
    assert.equal(v(a.cpuset.cpus.kernel), '0');
    assert.equal(v(a.cpuset.cpus.effective), '0');
    assert.deepEqual(a.pids.max.effective, fact(50, 'procfs'));
    assert.equal(v(a.pids.current), 1);
    // this kernel has only BFQ: blkio.weight is absent, blkio.bfq.weight reads 100
    assert.equal(v(a.io.weight.kernel), 100);
    assert.ok(isFact(a.paths));
  });

  it('on a kernel without CFQ, learns it from the parent cgroup and opens no container\'s blkio.weight', async () => {
    const opened: string[] = [];
    const recording: FileAccess = { ...LOCAL_FILES, readText: (p) => (opened.push(p), LOCAL_FILES.readText(p)) };
    const a = await withReadCache(() => anatomy('v1-cgroupfs', PIDS.v1Limited), recording);
    assert.equal(v(a.io.weight.kernel), 100);
    const weights = opened.filter((p) => p.endsWith('/blkio.weight'));
    // Only the parent (docker/, below the hierarchy's root) is asked, once.
    assert.equal(weights.length, 1, weights.join(', '));
    assert.match(weights[0], /\/blkio\/docker\/blkio\.weight$/);
    assert.ok(opened.some((p) => p.endsWith(`${a.paths && isFact(a.paths) ? a.paths.value.blkio : '?'}/blkio.bfq.weight`)), 'the container\'s BFQ weight is read');
  });

  it('reads the real unlimited v1 container as null, and caps effective by MemTotal and online CPUs', async () => {
    const a = await anatomy('v1-cgroupfs', PIDS.v1Unlimited, scenario('v1-cgroupfs').hostConfig('hostconfig-unlimited.json'));
    assert.deepEqual(three(a.memory.limitBytes), { declared: fact(null, 'engine'), kernel: fact(null, 'procfs'), effective: fact(24684092 * 1024, 'procfs') });
    assert.deepEqual(a.memory.swapLimitBytes.kernel, fact(null, 'procfs'));
    assert.deepEqual(a.memory.reservationBytes.kernel, fact(null, 'procfs'));
    assert.deepEqual(three(a.cpu.cpus), { declared: fact(null, 'engine'), kernel: fact(null, 'procfs'), effective: fact(2, 'procfs') });
    assert.deepEqual(a.cpu.quotaUs, fact(null, 'procfs'));
    assert.equal(v(a.cpu.shares.kernel), 1024);
    assert.deepEqual(three(a.pids.max), { declared: fact(null, 'engine'), kernel: fact(null, 'procfs'), effective: fact(null, 'procfs') });
    assert.equal(v(a.cpuset.cpus.kernel), '0-1');
  });

  it('takes the tighter ancestor on v1 (captured: parent memory 32 MiB, pids 30)', async () => {
    const a = await anatomy('v1-nested', PIDS.v1Nested);
    assert.deepEqual(three(a.memory.limitBytes), { declared: fact(64 * MIB, 'engine'), kernel: fact(64 * MIB, 'procfs'), effective: fact(32 * MIB, 'procfs') });
    assert.deepEqual(three(a.pids.max), { declared: fact(100, 'engine'), kernel: fact(100, 'procfs'), effective: fact(30, 'procfs') });
  });

  it('reads a pure v1 systemd host: old sentinel, co-mounted cpu,cpuacct, no swap accounting', async () => {
    const a = await anatomy('v1-systemd', PIDS.v1Systemd);
    assert.deepEqual(a.memory.limitBytes.kernel, fact(null, 'procfs'));
    assert.deepEqual(a.memory.limitBytes.effective, fact(2014256 * 1024, 'procfs'));
    assert.match(why(a.memory.swapLimitBytes.kernel), /memory\.memsw\.limit_in_bytes does not exist: this kernel does not account swap/);
    assert.deepEqual(a.memory.swapLimitBytes.declared, fact(null, 'engine'));
    assert.equal(v(a.memory.oomKills), 1);
    assert.equal(v(a.cpu.usageNs), 987654321);
    assert.deepEqual(a.cpu.cpus.effective, fact(4, 'procfs'));
    assert.deepEqual(three(a.io.weight), { declared: fact(500, 'engine'), kernel: fact(500, 'procfs'), effective: fact(500, 'procfs') });
  });

  it('reads v2 cgroupfs: parent memory.max and pids.max are tighter, swap reported as memory+swap', async () => {
    const a = await anatomy('v2-cgroupfs', PIDS.v2Cgroupfs);
    assert.deepEqual(three(a.memory.limitBytes), { declared: fact(128 * MIB, 'engine'), kernel: fact(128 * MIB, 'procfs'), effective: fact(64 * MIB, 'procfs') });
    // kernel: own memory.max 128 MiB + own swap.max 128 MiB; effective: walked memory 64 MiB + walked swap 128 MiB
    assert.deepEqual(three(a.memory.swapLimitBytes), { declared: fact(256 * MIB, 'engine'), kernel: fact(256 * MIB, 'procfs'), effective: fact(192 * MIB, 'procfs') });
    assert.equal(v(a.memory.reservationBytes.kernel), 32 * MIB);
    assert.equal(v(a.memory.usageBytes), MIB);
    assert.equal(v(a.memory.oomKills), 2);
    assert.deepEqual(three(a.cpu.cpus), { declared: fact(0.5, 'engine'), kernel: fact(0.5, 'procfs'), effective: fact(0.5, 'procfs') });
    assert.equal(v(a.cpu.quotaUs), 50000);
    assert.equal(v(a.cpu.weight), 39);
    assert.match(why(a.cpu.shares.kernel), /cgroup v2 has no cpu.shares/);
    assert.equal(v(a.cpu.usageNs), 2500 * 1000);
    assert.equal(v(a.cpu.throttledPeriods), 3);
    assert.deepEqual(a.cpuset.cpus.kernel, fact(null, 'procfs'));
    assert.equal(v(a.cpuset.cpus.effective), '0-1');
    assert.deepEqual(three(a.pids.max), { declared: fact(100, 'engine'), kernel: fact(100, 'procfs'), effective: fact(30, 'procfs') });
    assert.equal(v(a.io.weight.kernel), 100);
  });

  it('reads v2 systemd: max everywhere, cpuset not delegated, no swap file, BFQ weight first', async () => {
    const a = await anatomy('v2-systemd', PIDS.v2Systemd);
    assert.deepEqual(three(a.memory.limitBytes), { declared: fact(null, 'engine'), kernel: fact(null, 'procfs'), effective: fact(4028512 * 1024, 'procfs') });
    assert.deepEqual(a.memory.reservationBytes.kernel, fact(null, 'procfs'));
    assert.match(why(a.memory.swapLimitBytes.kernel), /memory\.swap\.max does not exist: this kernel does not account swap/);
    assert.deepEqual(a.cpu.cpus.effective, fact(2, 'procfs'));
    assert.match(why(a.cpuset.cpus.kernel), /cpuset\.cpus does not exist: the cpuset controller is not enabled/);
    assert.deepEqual(a.pids.max.effective, fact(null, 'procfs'));
    assert.equal(v(a.io.weight.kernel), 100);
  });

  it('reads rootless v2: systemd TasksMax on the user slice wins, cpuset caps the CPUs', async () => {
    const a = await anatomy('rootless', PIDS.rootless);
    assert.deepEqual(three(a.pids.max), { declared: fact(null, 'engine'), kernel: fact(null, 'procfs'), effective: fact(10813, 'procfs') });
    assert.deepEqual(a.memory.swapLimitBytes.kernel, fact(256 * MIB, 'procfs')); // swap.max 0: memory only
    assert.deepEqual(three(a.cpu.cpus), { declared: fact(1.5, 'engine'), kernel: fact(1.5, 'procfs'), effective: fact(1, 'procfs') });
  });

  it('keeps the declared side when the container is not running', async () => {
    const f = scenario('v1-cgroupfs');
    const a = await anatomy('v1-cgroupfs', PIDS.v1Limited, f.hostConfig(), false);
    const reason = 'the container is not running: it has no cgroup until it starts';
    assert.deepEqual(three(a.memory.limitBytes), { declared: fact(64 * MIB, 'engine'), kernel: unavailable(reason), effective: unavailable(reason) });
    assert.deepEqual(a.memory.usageBytes, unavailable(reason));
    assert.deepEqual(a.pids.current, unavailable(reason));
    assert.deepEqual(a.paths, unavailable(reason));
    assert.deepEqual(a.cpuset.cpus.declared, fact('0', 'engine'));
  });

  it('passes on the reason when the cgroup paths are unknown', async () => {
    const f = scenario('v1-cgroupfs');
    const layout = await readCgroupLayout(f.proc, f.root);
    assert.ok(isFact(layout));
    const a = await readCgroupAnatomy({
      layout: layout.value, dirs: unavailable('no cgroup here'), hostConfig: {}, memTotalBytes: unavailable('x'), onlineCpus: unavailable('y'), running: true,
    });
    assert.deepEqual(a.memory.limitBytes.kernel, unavailable('no cgroup here'));
    assert.deepEqual(a.cpu.cpus.declared, fact(null, 'engine'));
  });

  it('reads this test process on the real machine, walking up no further than each mount', async () => {
    const layout = await readCgroupLayout('/proc');
    assert.ok(isFact(layout));
    const dirs = await resolveCgroupDirs('/proc', process.pid, layout.value);
    const a = await readCgroupAnatomy({
      layout: layout.value, dirs, hostConfig: {}, memTotalBytes: await readMemTotalBytes('/proc'), onlineCpus: await readOnlineCpus('/sys'), running: true,
    });
    const memTotal = v(await readMemTotalBytes('/proc'));
    const eff = v(a.memory.limitBytes.effective);
    assert.ok(eff !== null && eff > 0 && eff <= memTotal, String(eff));
    const cpus = v(a.cpu.cpus.effective);
    assert.ok(cpus !== null && cpus > 0 && cpus <= v(await readOnlineCpus('/sys')));
    // Here the test process sits in the root pids cgroup (8:pids:/), which has no pids.* files.
    for (const m of [a.pids.current, a.pids.max.kernel]) {
      assert.ok(isFact(m) ? m.value === null || m.value >= 1 : /root cgroup of this hierarchy/.test(m.unavailable), JSON.stringify(m));
    }
  });

  it('turns malformed, truncated and missing files into reasons, never a throw', async () => {
    const a = await anatomy('malformed', 7006, {});
    assert.match(why(a.memory.limitBytes.kernel), /memory\.limit_in_bytes: expected a number/);
    assert.match(why(a.memory.limitBytes.effective), /memory\.limit_in_bytes: expected a number/);
    assert.match(why(a.memory.reservationBytes.kernel), /sixty four/);
    assert.match(why(a.memory.swapLimitBytes.kernel), /memsw\.limit_in_bytes does not exist/);
    assert.match(why(a.memory.usageBytes), /memory\.usage_in_bytes/);
    assert.match(why(a.memory.oomKills), /no "oom_kill" line/);
    assert.match(why(a.cpu.cpus.kernel), /cfs_period_us reads 0/);
    assert.match(why(a.cpu.shares.kernel), /cpu\.shares: expected a whole number/);
    assert.match(why(a.cpu.throttledPeriods), /cpu\.stat was cut short/);
    assert.match(why(a.cpu.usageNs), /cpuacct\.usage does not exist/);
    assert.match(why(a.cpuset.cpus.kernel), /names no cgroup in a cgroup v1 hierarchy with the cpuset controller/);
    assert.equal(v(a.pids.max.kernel), 100);
    assert.match(why(a.pids.max.effective), /docker\/pids\.max: expected a number/);
    assert.match(why(a.pids.current), /pids\.current: expected a whole number/);
    assert.match(why(a.io.weight.kernel), /blkio\.bfq\.weight: expected a weight/);
  });
});
