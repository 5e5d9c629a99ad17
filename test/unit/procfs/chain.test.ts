import { strict as assert } from 'assert';
import { fact, isFact, type Maybe } from '../../../src/core/model';
import { cgroupAnatomyOf, IDS, PIDS } from './fixtures';

const MIB = 1024 * 1024;

const anatomy = cgroupAnatomyOf;

const v = <T>(m: Maybe<T>): T => {
  assert.ok(isFact(m), JSON.stringify(m));
  return m.value;
};

/** [path, value] pairs of a chain, root first. */
const pairs = <T>(m: Maybe<{ path: string; value: T | null }[]>): [string, T | null][] => v(m).map((l) => [l.path, l.value]);

describe('procfs/limits: the cgroup chain and who binds', () => {
  it('v2 systemd slices: shop.slice caps memory and pids, shop-web.slice caps CPU time and the cpuset', async () => {
    const a = await anatomy('v2-slices', PIDS.v2Slices);
    const slice = '/shop.slice';
    const web = '/shop.slice/shop-web.slice';
    const scope = `${web}/docker-${IDS.v2Slices}.scope`;
    assert.deepEqual(pairs(a.chain.memory), [['/', null], [slice, 50 * MIB], [web, null], [scope, 100 * MIB]]);
    assert.deepEqual(a.memory.limitBytes.effective, fact(50 * MIB, 'procfs'));
    assert.deepEqual(a.memory.limitBytes.boundBy, fact(slice, 'procfs'));
    // memory+swap per level: memory.max + memory.swap.max; the scope's swap.max is 0
    assert.deepEqual(pairs(a.chain.memorySwap), [['/', null], [slice, null], [web, null], [scope, 100 * MIB]]);
    assert.deepEqual(a.memory.swapLimitBytes.effective, fact(50 * MIB, 'procfs'));
    assert.match((a.memory.swapLimitBytes.boundBy as { unavailable: string }).unavailable, /combined from several levels/);
    assert.deepEqual(pairs(a.chain.pids), [['/', null], [slice, 20], [web, null], [scope, 50]]);
    assert.deepEqual(a.pids.max.boundBy, fact(slice, 'procfs'));
    assert.deepEqual(v(a.chain.cpu).map((l) => [l.path, l.value, l.quotaUs, l.periodUs]), [
      ['/', null, null, null], [slice, null, null, 100000], [web, 1.5, 150000, 100000], [scope, null, null, 100000],
    ]);
    // quota 1.5 CPUs, but the cpuset holds one CPU: the cpuset's level binds
    assert.deepEqual(a.cpu.cpus.effective, fact(1, 'procfs'));
    assert.deepEqual(a.cpu.cpus.boundBy, fact(web, 'procfs'));
    assert.deepEqual(pairs(a.chain.cpusetCpus), [['/', null], [slice, null], [web, '1'], [scope, null]]);
    assert.deepEqual(a.cpuset.cpus.boundBy, fact(web, 'procfs'));
    assert.deepEqual(a.cpuset.mems.boundBy, fact('host', 'procfs'));
    assert.deepEqual(pairs(a.chain.ioWeight), [['/', null], [slice, 100], [web, 200], [scope, 100]]);
    assert.equal(a.io.weight.boundBy, undefined, 'weights are shares, not caps');
    assert.equal(a.cpu.shares.boundBy, undefined);
    assert.equal(a.memory.reservationBytes.boundBy, undefined);
  });

  it('v2 systemd, nothing set anywhere: the machine binds memory and CPUs, nothing binds pids', async () => {
    const a = await anatomy('v2-systemd', PIDS.v2Systemd);
    const scope = `/system.slice/docker-${IDS.v2Systemd}.scope`;
    assert.deepEqual(pairs(a.chain.memory), [['/', null], ['/system.slice', null], [scope, null]]);
    assert.deepEqual(a.memory.limitBytes.boundBy, fact('host', 'procfs'));
    assert.deepEqual(a.cpu.cpus.boundBy, fact('host', 'procfs'));
    assert.deepEqual(a.pids.max.boundBy, fact(null, 'procfs'));
  });

  it('v1 nested under --cgroup-parent: the parent binds memory and pids, the container its own memory+swap', async () => {
    const a = await anatomy('v1-nested', PIDS.v1Nested);
    const parent = '/ca-procfs-parent';
    const own = `${parent}/${IDS.v1Nested}`;
    assert.deepEqual(pairs(a.chain.memory), [['/', null], [parent, 32 * MIB], [own, 64 * MIB]]);
    assert.deepEqual(a.memory.limitBytes.boundBy, fact(parent, 'procfs'));
    assert.deepEqual(pairs(a.chain.pids), [['/', null], [parent, 30], [own, 100]]);
    assert.deepEqual(a.pids.max.boundBy, fact(parent, 'procfs'));
    assert.deepEqual(a.memory.swapLimitBytes.boundBy, fact(own, 'procfs'));
    // every online CPU in the set: the machine, not a cgroup, is what limits it
    assert.deepEqual(a.cpuset.cpus.boundBy, fact('host', 'procfs'));
  });

  it('v1 cgroupfs with its own limits: the container binds; v2 cgroupfs: the /docker parent binds', async () => {
    const a = await anatomy('v1-cgroupfs', PIDS.v1Limited);
    const own = `/docker/${IDS.v1Limited}`;
    assert.deepEqual(a.memory.limitBytes.boundBy, fact(own, 'procfs'));
    assert.deepEqual(a.cpu.cpus.boundBy, fact(own, 'procfs'));
    assert.deepEqual(pairs(a.chain.cpusetCpus), [['/', '0-1'], ['/docker', '0-1'], [own, '0']]);
    assert.deepEqual(a.cpuset.cpus.boundBy, fact(own, 'procfs'));
    const b = await anatomy('v2-cgroupfs', PIDS.v2Cgroupfs);
    assert.deepEqual(b.memory.limitBytes.boundBy, fact('/docker', 'procfs'));
    assert.deepEqual(b.pids.max.boundBy, fact('/docker', 'procfs'));
  });

  it('a container that is not running has no chain, for the same reason', async () => {
    const a = await anatomy('v1-cgroupfs', PIDS.v1Limited, {}, false);
    for (const c of Object.values(a.chain)) assert.match((c as { unavailable: string }).unavailable, /not running/);
    assert.match((a.memory.limitBytes.boundBy as { unavailable: string }).unavailable, /not running/);
  });
});
