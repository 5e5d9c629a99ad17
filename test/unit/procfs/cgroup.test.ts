import { strict as assert } from 'assert';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { isFact, isUnavailable } from '../../../src/core/model';
import {
  parseMountinfo, parseProcCgroup, readCgroupLayout, resolveCgroupDirs, type CgroupLayout,
} from '../../../src/core/procfs/cgroup';
import { IDS, PIDS, scenario } from './fixtures';

async function layoutOf(name: string, withPrefix = true): Promise<CgroupLayout> {
  const f = scenario(name);
  const l = await readCgroupLayout(f.proc, withPrefix ? f.root : '');
  assert.ok(isFact(l), JSON.stringify(l));
  return l.value;
}

describe('procfs/cgroup', () => {
  it('parses mountinfo fields, optional fields and octal escapes', () => {
    const [e] = parseMountinfo('36 35 98:0 /mnt1 /mnt\\040two rw,noatime master:1 shared:2 - ext3 /dev/root rw,errors=continue\n');
    assert.deepEqual(e, {
      mountId: 36, parentId: 35, root: '/mnt1', mountPoint: '/mnt two', fsType: 'ext3', source: '/dev/root',
      superOptions: ['rw', 'errors=continue'],
    });
    assert.deepEqual(parseMountinfo('34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgr\nnot a line\n'), []);
  });

  it('parses /proc/PID/cgroup lines, including v2 and deleted cgroups', () => {
    assert.deepEqual(parseProcCgroup('4:cpu,cpuacct:/docker/a\n0::/docker/a\n1:name=systemd:/x (deleted)\n'), [
      { hierarchyId: 4, controllers: ['cpu', 'cpuacct'], path: '/docker/a', deleted: false },
      { hierarchyId: 0, controllers: [], path: '/docker/a', deleted: false },
      { hierarchyId: 1, controllers: ['name=systemd'], path: '/x', deleted: true },
    ]);
  });

  it('finds a hybrid layout on the captured v1 host: separate cpu and cpuacct, cgroup2 at unified', async () => {
    const f = scenario('v1-cgroupfs');
    const l = await layoutOf('v1-cgroupfs');
    assert.equal(l.version, 'hybrid');
    assert.equal(l.fsRoot, f.root);
    const byPoint = Object.fromEntries(l.mounts.map((m) => [m.mountPoint.slice(f.root.length), m]));
    assert.deepEqual(byPoint['/sys/fs/cgroup/cpu'].controllers, ['cpu']);
    assert.deepEqual(byPoint['/sys/fs/cgroup/cpuacct'].controllers, ['cpuacct']);
    assert.deepEqual(byPoint['/sys/fs/cgroup/systemd'].controllers, ['name=systemd']);
    assert.deepEqual(byPoint['/sys/fs/cgroup/unified'], { kind: 'v2', controllers: [], root: '/', mountPoint: `${f.root}/sys/fs/cgroup/unified` });
    assert.equal(l.mounts.length, 10);
  });

  it('tells pure v1 and pure v2 apart, and ignores non-controller super options', async () => {
    const v1 = await layoutOf('v1-systemd');
    assert.equal(v1.version, 'v1');
    assert.deepEqual(v1.mounts.find((m) => m.controllers.includes('cpu'))?.controllers, ['cpuacct', 'cpu']);
    assert.deepEqual(v1.mounts.find((m) => m.mountPoint.endsWith('/systemd'))?.controllers, ['name=systemd']);
    assert.equal((await layoutOf('v2-cgroupfs')).version, 'v2');
  });

  it('resolves every v1 controller and the unified line of a real container capture', async () => {
    const f = scenario('v1-cgroupfs');
    const dirs = await resolveCgroupDirs(f.proc, PIDS.v1Limited, await layoutOf('v1-cgroupfs'));
    assert.ok(isFact(dirs));
    const id = IDS.v1Limited;
    for (const c of ['cpu', 'cpuacct', 'cpuset', 'memory', 'devices', 'freezer', 'blkio', 'pids']) {
      assert.equal(dirs.value[c], `${f.root}/sys/fs/cgroup/${c}/docker/${id}`);
    }
    assert.equal(dirs.value['name=systemd'], `${f.root}/sys/fs/cgroup/systemd/docker/${id}`);
    assert.equal(dirs.value.unified, `${f.root}/sys/fs/cgroup/unified/docker/${id}`);
    assert.ok(existsSync(path.join(dirs.value.memory, 'memory.limit_in_bytes')));
  });

  it('adds fsRoot once whether it was given to the layout or to the resolver', async () => {
    const f = scenario('v2-systemd');
    const a = await resolveCgroupDirs(f.proc, PIDS.v2Systemd, await layoutOf('v2-systemd', true), f.root);
    const b = await resolveCgroupDirs(f.proc, PIDS.v2Systemd, await layoutOf('v2-systemd', false), f.root);
    const want = { value: { unified: `${f.root}/sys/fs/cgroup/system.slice/docker-${IDS.v2Systemd}.scope` }, source: 'procfs' };
    assert.deepEqual(a, want);
    assert.deepEqual(b, want);
  });

  it('resolves systemd-driver, co-mounted, v2 cgroupfs and rootless paths', async () => {
    const s = scenario('v1-systemd');
    const v1 = await resolveCgroupDirs(s.proc, PIDS.v1Systemd, await layoutOf('v1-systemd'));
    assert.ok(isFact(v1));
    const scope = `system.slice/docker-${IDS.v1Systemd}.scope`;
    assert.equal(v1.value.cpu, `${s.root}/sys/fs/cgroup/cpu,cpuacct/${scope}`);
    assert.equal(v1.value.cpuacct, v1.value.cpu);
    assert.equal(v1.value.net_cls, `${s.root}/sys/fs/cgroup/net_cls,net_prio/${scope}`);
    assert.equal(v1.value.unified, undefined);

    const c = scenario('v2-cgroupfs');
    assert.deepEqual(await resolveCgroupDirs(c.proc, PIDS.v2Cgroupfs, await layoutOf('v2-cgroupfs')), {
      value: { unified: `${c.root}/sys/fs/cgroup/docker/${IDS.v2Cgroupfs}` }, source: 'procfs',
    });
    const r = scenario('rootless');
    const rl = await resolveCgroupDirs(r.proc, PIDS.rootless, await layoutOf('rootless'));
    assert.ok(isFact(rl));
    assert.equal(rl.value.unified, `${r.root}/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/user.slice/docker-${IDS.rootless}.scope`);
  });

  it('strips the mount root when the mount is itself a cgroup (a container seeing the host cgroupns)', async () => {
    const inside: CgroupLayout = { version: 'v1', mounts: [{ kind: 'v1', controllers: ['memory'], root: `/docker/${IDS.v1Limited}`, mountPoint: '/sys/fs/cgroup/memory' }] };
    assert.deepEqual(await resolveCgroupDirs(scenario('v1-cgroupfs').proc, PIDS.v1Limited, inside), { value: { memory: '/sys/fs/cgroup/memory' }, source: 'procfs' });
    const layout: CgroupLayout = { version: 'v1', mounts: [{ kind: 'v1', controllers: ['memory'], root: '/docker/abc', mountPoint: '/sys/fs/cgroup/memory' }] };
    const f = scenario('malformed');
    const dirs = await resolveCgroupDirs(scenario('v1-cgroupfs').proc, PIDS.v1Limited, layout);
    assert.ok(isUnavailable(dirs) && /not below the mount's root \/docker\/abc/.test(dirs.unavailable));
    const outside = await resolveCgroupDirs(f.proc, 7004, layout);
    assert.ok(isUnavailable(outside) && /outside this reader's cgroup namespace/.test(outside.unavailable));
  });

  it('gives a reason for empty, garbage, cut-short, deleted and missing cgroup files', async () => {
    const f = scenario('malformed');
    const layout = await layoutOf('malformed');
    assert.deepEqual(layout.mounts.map((m) => m.controllers[0]), ['cpu', 'cpuacct', 'memory', 'blkio', 'pids']);
    const cases: [number, RegExp][] = [
      [7001, /cut short/],
      [7002, /no "ID:controllers:path" line/],
      [7003, /no "ID:controllers:path" line/],
      [7005, /deleted/],
      [99999, /process 99999 has exited/],
    ];
    for (const [pid, re] of cases) {
      const got = await resolveCgroupDirs(f.proc, pid, layout);
      assert.ok(isUnavailable(got), `${pid}: ${JSON.stringify(got)}`);
      assert.match(got.unavailable, re);
    }
    const noMounts = await readCgroupLayout(scenario('userns-remap').proc);
    assert.ok(isUnavailable(noMounts) && /does not exist/.test(noMounts.unavailable));
  });

  it('resolves this test process on the real machine and stays inside each mount', async () => {
    const layout = await readCgroupLayout('/proc');
    assert.ok(isFact(layout));
    const dirs = await resolveCgroupDirs('/proc', process.pid, layout.value);
    assert.ok(isFact(dirs), JSON.stringify(dirs));
    const lines = parseProcCgroup(readFileSync(`/proc/${process.pid}/cgroup`, 'utf8'));
    for (const [key, dir] of Object.entries(dirs.value)) {
      assert.ok(existsSync(dir), `${key}: ${dir}`);
      const line = lines.find((l) => (key === 'unified' ? l.hierarchyId === 0 : l.controllers.includes(key)));
      assert.ok(line && dir.endsWith(line.path === '/' ? '' : line.path), `${key}: ${dir}`);
      const procs = readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').split('\n');
      assert.ok(procs.includes(String(process.pid)), `${key}: pid not in ${dir}/cgroup.procs`);
    }
  });
});
