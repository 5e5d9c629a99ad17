import { strict as assert } from 'assert';
import * as path from 'path';
import { ancestry, isWithin } from '../../../src/core/procfs/cgfile';
import { scopes } from '../../../src/core/procfs/kernelside';

/** What isWithin and ancestry answered before their string fast path: path.relative. */
function withinByRelative(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

function ancestryByRelative(dir: string, stop: string): string[] {
  if (!withinByRelative(stop, dir)) return [dir];
  const out = [dir];
  let cur = dir;
  while (path.relative(stop, cur) !== '') {
    const up = path.dirname(cur);
    if (up === cur) break;
    cur = up;
    out.push(cur);
  }
  return out;
}

const ID = 'c0ffee'.repeat(10) + 'abcd';
const PATHS = [
  '/', '/sys', '/sys/fs/cgroup', '/sys/fs/cgroup/memory', '/sys/fs/cgroup/memory/docker',
  `/sys/fs/cgroup/memory/docker/${ID}`, '/sys/fs/cgroup/memoryx', '/sys/fs/cgroup/cpu,cpuacct',
  '/sys/fs/cgroup/cpu,cpuacct/docker', '/sys/fs/cgroup/unified/system.slice/docker-x.scope',
  // Not in normal form: these take the path.relative way and must still agree.
  '/sys/fs/cgroup/memory/', '/sys//fs/cgroup/memory', '/sys/fs/cgroup/memory/./docker', '/sys/fs/cgroup/memory/../cpu',
  'relative/memory', 'relative', './x', '/..', '/a/..b', '/a/.b/c', '/a/b..',
];

describe('procfs cgroup paths: string comparison agrees with path.relative', () => {
  it('isWithin(root, p) for every pair of sample paths', () => {
    for (const root of PATHS) for (const p of PATHS) assert.equal(isWithin(root, p), withinByRelative(root, p), `isWithin(${root}, ${p})`);
  });

  it('ancestry(dir, stop) for every pair of sample paths', () => {
    for (const stop of PATHS) for (const dir of PATHS) assert.deepEqual(ancestry(dir, stop), ancestryByRelative(dir, stop), `ancestry(${dir}, ${stop})`);
  });

  it('walks from a container cgroup up to its mount root, both included', () => {
    assert.deepEqual(ancestry(`/sys/fs/cgroup/pids/docker/${ID}`, '/sys/fs/cgroup/pids'), [
      `/sys/fs/cgroup/pids/docker/${ID}`,
      '/sys/fs/cgroup/pids/docker',
      '/sys/fs/cgroup/pids',
    ]);
  });

  it('scopes() stops at the longest mount containing the directory, not at a name prefix', () => {
    const mount = (p: string): { kind: 'v1'; controllers: string[]; root: string; mountPoint: string } => ({ kind: 'v1', controllers: [], root: '/', mountPoint: p });
    const layout = { version: 'v1' as const, mounts: [mount('/sys/fs/cgroup'), mount('/sys/fs/cgroup/memory'), mount('/sys/fs/cgroup/mem')] };
    const scope = scopes(layout, { memory: `/sys/fs/cgroup/memory/docker/${ID}`, pids: '/elsewhere/pids' }, '');
    assert.deepEqual(scope('memory', 'memory limits'), { dir: `/sys/fs/cgroup/memory/docker/${ID}`, stop: '/sys/fs/cgroup/memory', root: '/' });
    assert.deepEqual(scope('pids', 'the PID limit'), { dir: '/elsewhere/pids', stop: '/elsewhere/pids', root: '/' });
  });
});
