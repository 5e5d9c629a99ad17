/**
 * Hosts that mix hierarchies: a cgroup2 host with a named-only v1 hierarchy (name=systemd, as
 * systemd inside a container mounts it) and a container listed in both kinds.
 */
import { strict as assert } from 'assert';
import { fact, isFact, type Maybe } from '../../../src/core/model';
import { readCgroupLayout, resolveCgroupDirs } from '../../../src/core/procfs/cgroup';
import { limitsVersion, readCgroupAnatomy } from '../../../src/core/procfs/limits';
import { readMemTotalBytes, readOnlineCpus } from '../../../src/core/procfs/process';
import { IDS, PIDS, scenario } from './fixtures';

const MIB = 1024 * 1024;
const v = <T>(m: Maybe<T>): T => {
  assert.ok(isFact(m), JSON.stringify(m));
  return m.value;
};

describe('procfs: cgroup version per container on mixed hosts', () => {
  it('a named-only v1 hierarchy does not make a cgroup2 host hybrid', async () => {
    const f = scenario('v2-named-systemd');
    const layout = v(await readCgroupLayout(f.proc, f.root));
    assert.equal(layout.version, 'v2');
    assert.ok(layout.mounts.some((m) => m.kind === 'v1' && m.controllers.includes('name=systemd')), 'the named hierarchy is still listed');
    const dirs = v(await resolveCgroupDirs(f.proc, PIDS.v2Cgroupfs, layout));
    assert.deepEqual(Object.keys(dirs).sort(), ['name=systemd', 'unified']);
    assert.equal(dirs.unified, `${f.root}/sys/fs/cgroup/docker/${IDS.v2Cgroupfs}`);
  });

  it('reads the limits from cgroup2 there, whatever the engine says', async () => {
    const f = scenario('v2-named-systemd');
    const layout = v(await readCgroupLayout(f.proc, f.root));
    for (const engineCgroupVersion of ['1', '2', '']) {
      const a = await readCgroupAnatomy({
        layout,
        dirs: await resolveCgroupDirs(f.proc, PIDS.v2Cgroupfs, layout),
        hostConfig: f.hostConfig(),
        memTotalBytes: await readMemTotalBytes(f.proc),
        onlineCpus: await readOnlineCpus(f.sys),
        running: true,
        engineCgroupVersion,
      });
      assert.deepEqual(a.memory.limitBytes, { declared: fact(128 * MIB, 'engine'), kernel: fact(128 * MIB, 'procfs'), effective: fact(64 * MIB, 'procfs'), boundBy: fact('/docker', 'procfs') }, engineCgroupVersion);
      assert.equal(v(a.pids.current) >= 0, true);
    }
  });

  it('chooses per container from its own /proc/PID/cgroup lines, the engine breaking a tie', () => {
    const v1 = { memory: '/sys/fs/cgroup/memory/docker/x', cpu: '/sys/fs/cgroup/cpu/docker/x', 'name=systemd': '/sys/fs/cgroup/systemd/docker/x' };
    const v2 = { unified: '/sys/fs/cgroup/docker/x', 'name=systemd': '/sys/fs/cgroup/systemd/docker/x' };
    const both = { ...v1, unified: '/sys/fs/cgroup/unified/docker/x' };
    assert.equal(limitsVersion(v1, '2', 'hybrid'), 'v1');
    assert.equal(limitsVersion(v2, '1', 'hybrid'), 'v2');
    assert.equal(limitsVersion(both, '1', 'hybrid'), 'v1');
    assert.equal(limitsVersion(both, '2', 'hybrid'), 'v2');
    assert.equal(limitsVersion(both, '', 'hybrid'), 'v1');
    assert.equal(limitsVersion(both, undefined, 'v2'), 'v2');
  });
});
