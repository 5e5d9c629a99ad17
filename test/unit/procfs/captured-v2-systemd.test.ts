/**
 * test/fixtures/v2-systemd-vm: files the kernel of the test VM wrote (Debian bookworm 6.1,
 * cgroup v2, Docker 20.10 with the systemd driver), captured by test/vm/capture.ts for a
 * limited container and one under a slice with tighter limits than its own.
 */
import { strict as assert } from 'assert';
import { isFact, type Maybe } from '../../../src/core/model';
import { readCgroupLayout, resolveCgroupDirs } from '../../../src/core/procfs/cgroup';
import { readCgroupAnatomy } from '../../../src/core/procfs/limits';
import { readMemTotalBytes, readOnlineCpus } from '../../../src/core/procfs/process';
import { IDS, PIDS, scenario } from './fixtures';

const MIB = 1024 * 1024;
const f = scenario('v2-systemd-vm');
const v = <T>(m: Maybe<T>): T => {
  assert.ok(isFact(m), JSON.stringify(m));
  return m.value;
};

async function read(pid: number, hostConfig: string) {
  const layout = await readCgroupLayout(f.proc, f.root);
  const dirs = await resolveCgroupDirs(f.proc, pid, v(layout));
  const anatomy = await readCgroupAnatomy({
    layout: v(layout),
    dirs,
    hostConfig: f.hostConfig(hostConfig),
    memTotalBytes: await readMemTotalBytes(f.proc),
    onlineCpus: await readOnlineCpus(f.sys),
    running: true,
  });
  return { layout: v(layout), dirs: v(dirs), anatomy };
}

describe('captured cgroup v2 + systemd driver (the test VM)', () => {
  it('finds the unified hierarchy and the container\'s systemd scope', async () => {
    const { layout, dirs } = await read(PIDS.vmLimited, 'hostconfig-limited.json');
    assert.equal(layout.version, 'v2');
    assert.deepEqual(dirs, { unified: `${f.root}/sys/fs/cgroup/system.slice/docker-${IDS.vmLimited}.scope` });
    const sliced = await read(PIDS.vmSliced, 'hostconfig-sliced.json');
    assert.deepEqual(sliced.dirs, { unified: `${f.root}/sys/fs/cgroup/anatomytest.slice/docker-${IDS.vmSliced}.scope` });
  });

  it('limited: --memory 64m --memory-swap 128m --cpus 0.5 --pids-limit 50 --cpuset-cpus 0, as the kernel holds them', async () => {
    const a = (await read(PIDS.vmLimited, 'hostconfig-limited.json')).anatomy;
    assert.deepEqual(a.memory.limitBytes.kernel, { value: 64 * MIB, source: 'procfs' });
    assert.deepEqual(a.memory.limitBytes.effective, { value: 64 * MIB, source: 'procfs' });
    assert.deepEqual(a.memory.swapLimitBytes.kernel, { value: 128 * MIB, source: 'procfs' });
    assert.deepEqual(a.cpu.cpus.kernel, { value: 0.5, source: 'procfs' });
    assert.deepEqual(a.cpu.quotaUs, { value: 50000, source: 'procfs' });
    assert.deepEqual(a.pids.max.kernel, { value: 50, source: 'procfs' });
    assert.deepEqual(a.cpuset.cpus.kernel, { value: '0', source: 'procfs' });
    assert.equal(v(a.cpu.weight), 100);
    // A virtio disk has no BFQ scheduler here: io.weight alone, no io.bfq.weight.
    assert.equal(v(a.io.weight.kernel), 100);
  });

  it('sliced: the slice\'s MemoryMax and TasksMax, tighter than the container\'s own, are the effective limits', async () => {
    const a = (await read(PIDS.vmSliced, 'hostconfig-sliced.json')).anatomy;
    assert.deepEqual(a.memory.limitBytes, {
      declared: { value: 128 * MIB, source: 'engine' },
      kernel: { value: 128 * MIB, source: 'procfs' },
      effective: { value: 48 * MIB, source: 'procfs' },
      boundBy: { value: '/anatomytest.slice', source: 'procfs' },
    });
    assert.deepEqual(a.pids.max, {
      declared: { value: 100, source: 'engine' },
      kernel: { value: 100, source: 'procfs' },
      effective: { value: 20, source: 'procfs' },
      boundBy: { value: '/anatomytest.slice', source: 'procfs' },
    });
  });
});
