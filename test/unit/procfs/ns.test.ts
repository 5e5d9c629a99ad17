import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { lstatSync, statSync } from 'fs';
import * as path from 'path';
import { isFact, isUnavailable, NAMESPACE_TYPES } from '../../../src/core/model';
import { withReadCache, LOCAL_FILES, type FileAccess } from '../../../src/core/procfs/files';
import { readNamespaceInode, readNamespaces } from '../../../src/core/procfs/ns';
import { scenario } from './fixtures';

describe('procfs/ns', () => {
  it('reads the nsfs inode of /proc/self/ns/* with stat(), not the symlink inode', async () => {
    for (const t of ['net', 'pid', 'mnt', 'uts', 'ipc', 'user'] as const) {
      const got = await readNamespaceInode('/proc', 'self', t);
      assert.ok(isFact(got), `${t}: ${JSON.stringify(got)}`);
      assert.equal(got.value, statSync(`/proc/self/ns/${t}`).ino);
      assert.notEqual(got.value, lstatSync(`/proc/self/ns/${t}`).ino);
      assert.equal(got.source, 'procfs');
    }
  });

  it('reads every namespace type of the current process at once', async () => {
    const all = await readNamespaces('/proc', process.pid);
    assert.deepEqual(Object.keys(all).sort(), [...NAMESPACE_TYPES].sort());
    const self = await readNamespaces('/proc', 'self');
    for (const t of NAMESPACE_TYPES) assert.deepEqual(all[t], self[t]);
  });

  it('says the kernel lacks a namespace when the process exists but the link does not', async () => {
    const f = scenario('ns');
    const got = await readNamespaceInode(f.proc, 4242, 'time');
    assert.ok(isUnavailable(got));
    assert.match(got.unavailable, /no time namespace/);
    assert.match(got.unavailable, /5\.6/);
  });

  it('says the process has exited when its /proc directory is gone', async () => {
    const got = await readNamespaceInode(scenario('ns').proc, 5151, 'net');
    assert.ok(isUnavailable(got));
    assert.match(got.unavailable, /5151\/ns\/net does not exist: process 5151 has exited/);
  });

  it('reports EACCES from the ptrace check as permission denied, without throwing', function () {
    this.timeout(20000);
    // A process may not read another user's ns links. As root, run the reader as nobody
    // against this (root) test process; otherwise read PID 1's, which belongs to root.
    const isRoot = process.getuid?.() === 0;
    const target = isRoot ? process.pid : 1;
    const moduleFile = path.resolve(__dirname, '../../../src/core/procfs/ns.ts');
    const script = `require(${JSON.stringify(moduleFile)}).readNamespaceInode('/proc', ${target}, 'net').then((r) => process.stdout.write(JSON.stringify(r)))`;
    const res = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], {
      cwd: path.resolve(__dirname, '../../..'),
      encoding: 'utf8',
      ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    assert.equal(res.status, 0, res.stderr);
    const got = JSON.parse(res.stdout) as { unavailable?: string };
    assert.match(got.unavailable ?? '', new RegExp(`^permission denied reading /proc/${target}/ns/net: the kernel's ptrace check refuses it; run as root`));
  });

  it('does not tell root to run as root: a refusal to root says so (root without CAP_SYS_PTRACE, against a process holding it)', async function () {
    this.timeout(20000);
    const expected = (pid: number): string => `permission denied reading /proc/${pid}/ns/net: the kernel's ptrace check refuses it even to root here, as it can for a supervisor's PID 1 or under a security module`;
    if (process.getuid?.() !== 0) {
      // Not root: the same reader, told its files are read by root, given the kernel's refusal.
      const refused: FileAccess = { ...LOCAL_FILES, reader: 'root', statInode: () => ({ ok: false, code: 'EPERM', message: 'Operation not permitted' }) };
      const got = await withReadCache(() => readNamespaceInode('/proc', 1, 'net'), refused);
      assert.equal(isUnavailable(got) && got.unavailable, expected(1));
      return;
    }
    // The ptrace check lets a caller in only if it holds every capability of the target, or
    // CAP_SYS_PTRACE: root with CAP_SYS_PTRACE dropped from its bounding set is refused this process.
    const moduleFile = path.resolve(__dirname, '../../../src/core/procfs/ns.ts');
    const script = `require(${JSON.stringify(moduleFile)}).readNamespaceInode('/proc', ${process.pid}, 'net').then((r) => process.stdout.write(JSON.stringify(r)))`;
    const res = spawnSync('setpriv', ['--bounding-set', '-sys_ptrace', process.execPath, '-r', 'tsx/cjs', '-e', script], { cwd: path.resolve(__dirname, '../../..'), encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    const got = JSON.parse(res.stdout) as { unavailable?: string };
    assert.equal(got.unavailable, expected(process.pid));
  });

  it('says a refusal to the helper container is one, without advice to use the helper', async () => {
    const refused: FileAccess = { ...LOCAL_FILES, reader: 'helper', statInode: () => ({ ok: false, code: 'EACCES', message: 'Permission denied' }) };
    const got = await withReadCache(() => readNamespaceInode('/proc', 1, 'pid'), refused);
    assert.ok(isUnavailable(got));
    assert.equal(got.unavailable, `permission denied reading /proc/1/ns/pid: the kernel's ptrace check refuses it even to the helper container (root on the engine's host), as it can for a supervisor's PID 1 or under a security module`);
  });
});
