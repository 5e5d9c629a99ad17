/**
 * Reading ahead on the worker thread, over a fixture tree shaped like /proc and the cgroup
 * hierarchy: what one container read is read ahead for the next (its PID and id put in), the
 * answers are the ones LOCAL_FILES gives (a missing file's failure included), and nothing is
 * read ahead for a helper container's files.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LOCAL_FILES, readTextSync, withReadCache, type FileAccess } from '../../../src/core/procfs/files';
import { learnReads, readAheadFor } from '../../../src/core/procfs/prefetch';

describe('procfs/prefetch: the next container\'s files read ahead on a worker thread', function () {
  this.timeout(10000);
  const root = mkdtempSync(path.join(tmpdir(), 'ca-prefetch-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const A = { pid: 101, id: 'a'.repeat(64) };
  const B = { pid: 202, id: 'b'.repeat(64) };
  const files = (c: { pid: number; id: string }) => ({
    status: path.join(root, 'proc', String(c.pid), 'status'),
    cgroup: path.join(root, 'proc', String(c.pid), 'cgroup'),
    limit: path.join(root, 'sys/fs/cgroup/memory/docker', c.id, 'memory.limit_in_bytes'),
    missing: path.join(root, 'sys/fs/cgroup/blkio/docker', c.id, 'blkio.weight'),
    shared: path.join(root, 'sys/fs/cgroup/memory/docker/memory.limit_in_bytes'),
  });
  before(() => {
    for (const c of [A, B]) {
      const f = files(c);
      for (const p of [f.status, f.cgroup, f.limit]) mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(f.status, `Name:\tsleep\nNSpid:\t${c.pid}\t1\n`);
      writeFileSync(f.cgroup, `4:memory:/docker/${c.id}\n`);
      writeFileSync(f.limit, c === A ? '67108864\n' : '9223372036854771712\n');
    }
    writeFileSync(files(A).shared, '9223372036854771712\n');
  });

  /** One container's reads, as the readers make them. */
  const readAll = (c: { pid: number; id: string }) => Object.values(files(c)).map((p) => readTextSync(p));

  it('reads ahead for the second container what the first read, with the answers its own reads would give', async () => {
    await withReadCache(async () => {
      const first = await learnReads(A.pid, A.id, async () => readAll(A));
      assert.equal(first[0].ok, true);
      await readAheadFor(B.pid, B.id);
      // Read ahead: changing the files now does not change what the readers get in this scope.
      const f = files(B);
      const before = { limit: '9223372036854771712\n', status: `Name:\tsleep\nNSpid:\t${B.pid}\t1\n` };
      writeFileSync(f.limit, '1\n');
      writeFileSync(f.status, 'changed\n');
      try {
        const got = readAll(B);
        assert.deepEqual(got[0], { ok: true, text: before.status });
        assert.deepEqual(got[2], { ok: true, text: before.limit });
        // The missing file: the same failure LOCAL_FILES gives, its reason and code.
        assert.deepEqual(got[3], LOCAL_FILES.readText(f.missing));
        assert.equal(got[3].ok === false && got[3].code, 'ENOENT');
      } finally {
        writeFileSync(f.limit, before.limit);
        writeFileSync(f.status, before.status);
      }
    });
  });

  it('a container arriving while the first is being learned waits for it, then is read ahead', async () => {
    await withReadCache(async () => {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((r) => (release = r));
      const learning = learnReads(A.pid, A.id, async () => {
        const r = readAll(A);
        await gate;
        return r;
      });
      let ahead = false;
      const second = readAheadFor(B.pid, B.id).then(() => (ahead = true));
      await new Promise((r) => setImmediate(r));
      assert.equal(ahead, false, 'nothing is learned yet, so it waits');
      release();
      await learning;
      await second;
      writeFileSync(files(B).limit, '2\n');
      try {
        assert.deepEqual(readTextSync(files(B).limit), { ok: true, text: '9223372036854771712\n' });
      } finally {
        writeFileSync(files(B).limit, '9223372036854771712\n');
      }
    });
  });

  it('reads nothing ahead for files that are not this machine\'s (the helper container\'s answers)', async () => {
    const asked: string[] = [];
    const helperLike: FileAccess = {
      reader: 'helper',
      readText: (p) => {
        asked.push(p);
        return LOCAL_FILES.readText(p);
      },
      listDir: (p) => LOCAL_FILES.listDir(p),
      statInode: (p) => LOCAL_FILES.statInode(p),
      readLink: (p) => LOCAL_FILES.readLink(p),
      exists: (p) => LOCAL_FILES.exists(p),
    };
    await withReadCache(async () => {
      await learnReads(A.pid, A.id, async () => readAll(A));
      await readAheadFor(B.pid, B.id);
      readAll(B);
    }, helperLike);
    assert.equal(asked.filter((p) => p.includes(B.id) || p.includes(`/${B.pid}/`)).length, 4, 'every file of the second container was asked of the helper\'s access, none read ahead');
  });

  it('keeps no process alive: a command line that started the thread, used it or not, exits when its work is done', () => {
    const prefetch = require.resolve('../../../src/core/procfs/prefetch');
    for (const script of [
      `require(${JSON.stringify(prefetch)}).warmReadAhead(); console.log('started')`,
      `require(${JSON.stringify(prefetch)}).readAhead(['/proc/self/stat', '/nonexistent']).then((r) => console.log(r[0].text ? 'read' : 'no text', r[1].code))`,
    ]) {
      const out = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { encoding: 'utf8', timeout: 20000 });
      assert.equal(out.signal, null, `${script}: still running after 20 s, killed`);
      assert.equal(out.status, 0, out.stderr);
      assert.match(out.stdout, /^(started|read ENOENT)\n$/);
    }
  });
});
