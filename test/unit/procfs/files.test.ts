import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { explainError, inScope, joinPath, LOCAL_FILES, oneScopeAtATime, parseKeyValues, readText, readTextIn, readTextSync, withReadCache, type FileAccess } from '../../../src/core/procfs/files';

describe('procfs/files readText', () => {
  it('a failure carries the code, a sentence, and the system message', async () => {
    const r = await readText('/proc/self/no-such-file');
    assert.ok(!r.ok);
    assert.equal(r.code, 'ENOENT');
    assert.equal(r.reason, '/proc/self/no-such-file does not exist');
    assert.match(r.message, /^ENOENT: no such file or directory, open '\/proc\/self\/no-such-file'$/);
  });

  it('a refusal advises running as root only to someone who is not root', () => {
    const denied = { code: 'EACCES' };
    assert.equal(explainError('/proc/9/environ', denied, 'user').reason, 'permission denied reading /proc/9/environ; run as root or as the owner of the process');
    assert.equal(explainError('/proc/9/environ', denied, 'root').reason, 'permission denied reading /proc/9/environ even to root (a security module, or capabilities this process lacks)');
    assert.equal(explainError('/proc/9/environ', denied, 'helper').reason, "permission denied reading /proc/9/environ even to the helper container (root on the engine's host)");
    // Unsaid, it is this process: root when its effective uid is 0.
    assert.equal(explainError('/x', { code: 'EPERM' }).reason, explainError('/x', { code: 'EPERM' }, process.geteuid?.() === 0 ? 'root' : 'user').reason);
  });

  it('inside withReadCache a file is read once, and the copies agree', async () => {
    const [a, b] = await withReadCache(async () => [await readText('/proc/self/stat'), await readText('/proc/self/stat')]);
    assert.ok(a.ok && b.ok);
    assert.equal(a, b);
  });
});

describe('procfs/files readTextIn', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anatomy-files-'));
    fs.mkdirSync(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'a', 'limit'), '42\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names the file as path.join would, in normal form or not, inside a scope and outside', async () => {
    for (const d of [path.join(dir, 'a'), `${dir}/a/`, `${dir}//a`, `${dir}/a/../a`, `${dir}/./a`]) {
      const outside = readTextIn(d, 'limit');
      const inside = await withReadCache(async () => readTextIn(d, 'limit'));
      for (const r of [outside, inside]) {
        assert.equal(r.path, path.join(dir, 'a', 'limit'), d);
        assert.ok(r.result.ok && r.result.text === '42\n', d);
      }
    }
  });

  it('shares the scope cache with readText: a file read either way is read once', async () => {
    const [a, b, c] = await withReadCache(async () => [readTextIn(path.join(dir, 'a'), 'limit').result, await readText(path.join(dir, 'a', 'limit')), readTextIn(`${dir}/a/`, 'limit').result]);
    assert.equal(a, b);
    assert.equal(b, c);
  });
});

describe('procfs/files parseKeyValues', () => {
  it('reads two-field lines and skips the rest; the same text gives the same answer again', () => {
    const text = 'cache 4096\nrss\t8192  \nbad line here\n\nhierarchical_memory_limit 9223372036854771712\n';
    const m = parseKeyValues(text);
    assert.deepEqual([...m], [['cache', '4096'], ['rss', '8192'], ['hierarchical_memory_limit', '9223372036854771712']]);
    assert.equal(parseKeyValues(text), m);
    assert.deepEqual([...parseKeyValues('oom_kill_disable 0\noom_kill 3')], [['oom_kill_disable', '0'], ['oom_kill', '3']]);
  });
});

describe('procfs/files joinPath', () => {
  it('answers what path.join answers, whatever the parts', () => {
    const firsts = ['/', '/proc', '/proc/', '//proc', '/proc/./x', '/proc/../x', '/sys/fs/cgroup/memory/docker/abc', 'relative/dir', '', '.', '/a/.', '/a/..', '/a/.b', '/a/..b'];
    const rests = [[], ['1'], ['1', 'ns', 'net'], ['net/dev'], ['/net'], ['net/'], ['..'], ['.'], [''], ['a//b'], ['a/./b'], ['.hidden'], ['..x', 'y'], ['docker/abc/memory.stat']];
    for (const f of firsts) for (const r of rests) assert.equal(joinPath(f, ...r), path.join(f, ...r), JSON.stringify([f, ...r]));
  });

  it('answers what path.join answers for every path made of slashes, dots and names, up to four pieces', () => {
    const pieces = ['', '/', '.', '..', '...', 'a', '.a', 'a.', 'a.b', '..a', 'a..', '//'];
    for (const a of pieces) for (const b of pieces) for (const c of pieces) for (const d of pieces) {
      const p = a + b + c + d;
      if (p === '') continue;
      assert.equal(joinPath(p, 'x'), path.join(p, 'x'), JSON.stringify(p));
      assert.equal(joinPath('/r', p), path.join('/r', p), JSON.stringify(p));
    }
  });
});

describe('procfs/files inScope', () => {
  /** A file access whose every file reads as its own name. */
  const named = (name: string): FileAccess => ({ ...LOCAL_FILES, readText: () => ({ ok: true, text: `${name}\n` }) });
  const text = (p: string): string => {
    const r = readTextSync(p);
    return r.ok ? r.text.trim() : r.code;
  };

  /** A scope 'b' run beside another: it reads at once and after a turn of the event loop. */
  const beside = (seen: string[]): Promise<void> =>
    withReadCache(async () => {
      seen.push(inScope(() => text('/x')));
      await new Promise((r) => setImmediate(r));
      seen.push(text('/x'));
    }, named('b'));

  it('reads in the scope it was called in, and a scope begun inside it is that scope\'s own', async () => {
    const seen: string[] = [];
    await Promise.all([
      withReadCache(async () => {
        await new Promise((r) => setImmediate(r));
        seen.push(inScope(() => text('/x')));
        const inner = inScope(() => withReadCache(async () => text('/y'), named('inner')));
        seen.push(await inner, inScope(() => text('/z')));
      }, named('a')),
      beside(seen),
    ]);
    assert.deepEqual(seen.sort(), ['a', 'a', 'b', 'b', 'inner'].sort());
    assert.equal(inScope(() => text('/proc/self/no-such-file')), 'ENOENT', 'outside every scope: this machine');
  });

  describe('one scope at a time (the command line)', () => {
    beforeEach(() => oneScopeAtATime(true));
    afterEach(() => oneScopeAtATime(false));

    it('the first scope is held without AsyncLocalStorage; one begun beside it or inside it is still its own', async () => {
      const seen: string[] = [];
      await Promise.all([
        withReadCache(async () => {
          await new Promise((r) => setImmediate(r));
          seen.push(text('/x'), inScope(() => text('/x')));
          const inner = inScope(() => withReadCache(async () => text('/y'), named('inner')));
          seen.push(await inner, text('/z'));
          await new Promise((r) => setTimeout(r, 1));
          seen.push(text('/z'));
        }, named('a')),
        beside(seen),
      ]);
      assert.deepEqual(seen.sort(), ['a', 'a', 'a', 'a', 'b', 'b', 'inner'].sort());
      assert.equal(text('/proc/self/no-such-file'), 'ENOENT', 'after it ended: this machine');
    });

    it('a scope that fails ends too, and the next one is held the same way', async () => {
      await assert.rejects(withReadCache(async () => Promise.reject(new Error('engine gone')), named('a')), /engine gone/);
      assert.equal(text('/proc/self/no-such-file'), 'ENOENT');
      assert.equal(await withReadCache(async () => text('/x'), named('c')), 'c');
      assert.equal(text('/proc/self/no-such-file'), 'ENOENT');
    });
  });
});
