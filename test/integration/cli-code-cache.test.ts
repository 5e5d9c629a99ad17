/**
 * dist/cli.js runs the command's bundle (dist/cli-core.js) through V8's code cache, kept in
 * $XDG_CACHE_HOME/container-anatomy. What a person relies on: the output is the same with
 * and without it, the file is theirs alone, a broken or foreign file is never used, and no
 * place to write it only means no cache.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Snapshot } from '../../src/core/model';
import { CLI, CLI_CORE, cleanEnv, ensureCliBuilt, REPO, runCli } from './support/cli';
import { TestSuite } from './support/docker';

const NAME = /^cli-[0-9a-f]{32}\.v8$/;

describe('the command line\'s code cache (dist/cli.js running dist/cli-core.js)', function () {
  this.timeout(60_000);
  let home: string;
  let dir: string;
  let help: string;

  const suite = new TestSuite('code-cache');
  let ours: string;

  before(async () => {
    await suite.sweep(true);
    ours = (await suite.createContainer({ name: 'one' })).id;
    ensureCliBuilt();
    help = spawnSync(process.execPath, [CLI_CORE, '--help'], { cwd: REPO, env: cleanEnv(), encoding: 'utf8' }).stdout;
    assert.match(help, /^Usage:/);
  });
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'ca-code-cache-'));
    dir = path.join(home, 'container-anatomy');
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));
  after(() => suite.sweep());

  const env = (): NodeJS.ProcessEnv => cleanEnv({ XDG_CACHE_HOME: home });
  const caches = (): string[] => (existsSync(dir) ? readdirSync(dir) : []);
  const helpRun = async (): Promise<void> => {
    const r = await runCli(['--help'], { env: env() });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, help, 'the same text as the bundle run alone');
  };

  it('is written by the first run, for this user alone, and used as it is by the next ones', async () => {
    await helpRun();
    const [name] = caches();
    assert.match(name, NAME);
    const file = path.join(dir, name);
    const first = statSync(file);
    assert.equal(first.mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(first.uid, process.geteuid?.());
    assert.ok(first.size > 10_000, `a cache of ${first.size} bytes`);
    await helpRun();
    await helpRun();
    const after = statSync(file);
    // V8 took it: a cache it turns down is written again.
    assert.deepEqual([after.ino, after.mtimeMs], [first.ino, first.mtimeMs], 'not rewritten');
    assert.deepEqual(caches(), [name]);
  });

  it('a snapshot through it is the snapshot of the bundle run alone', async () => {
    await helpRun();
    const viaCache = await runCli(['--json', '--all'], { env: env() });
    assert.equal(viaCache.code, 0, viaCache.stderr);
    const alone = spawnSync(process.execPath, [CLI_CORE, '--json', '--all'], { cwd: REPO, env: cleanEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.equal(alone.status, 0, alone.stderr);
    const ids = (out: string): string[] => (JSON.parse(out) as Snapshot).containers.map((c) => c.id).sort();
    const a = ids(viaCache.stdout);
    assert.ok(a.includes(ours), 'this test\'s container is there');
    assert.deepEqual(a, ids(alone.stdout));
  });

  it('a damaged file is not run: the output is the same and the file is written anew', async () => {
    await helpRun();
    const [name] = caches();
    const file = path.join(dir, name);
    const garbage = Buffer.alloc(statSync(file).size, 0x5a);
    writeFileSync(file, garbage, { mode: 0o600 });
    await helpRun();
    assert.notDeepEqual(readFileSync(file), garbage, 'replaced');
    const fixed = statSync(file);
    await helpRun();
    assert.equal(statSync(file).mtimeMs, fixed.mtimeMs, 'the new one is taken');
  });

  it('a file another user owns is never read (sudo with someone else\'s HOME), only replaced', async () => {
    await helpRun();
    const [name] = caches();
    const file = path.join(dir, name);
    chownSync(file, 65534, 65534);
    await helpRun();
    assert.equal(statSync(file).uid, process.geteuid?.(), 'replaced by this user\'s own');
  });

  it('a directory others can write to is neither read nor written', async () => {
    mkdirSync(dir, { mode: 0o700 });
    chmodSync(dir, 0o777);
    await helpRun();
    assert.deepEqual(caches(), []);
  });

  it('nowhere to write it (the cache home is a file) only means no cache', async () => {
    rmSync(home, { recursive: true });
    writeFileSync(home, 'not a directory');
    await helpRun();
    assert.equal(readFileSync(home, 'utf8'), 'not a directory');
  });

  it('a cache of an earlier bundle goes when the new one is written', async () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const old = `cli-${'0'.repeat(32)}.v8`;
    writeFileSync(path.join(dir, old), 'stale', { mode: 0o600 });
    writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
    await helpRun();
    const left = caches();
    assert.equal(left.length, 2, left.join(', '));
    assert.ok(left.includes('notes.txt'), 'files it did not write stay');
    assert.ok(!left.includes(old));
  });

  it('an entry without the command beside it says what is missing and exits 1', () => {
    const lone = path.join(home, 'cli.js');
    copyFileSync(CLI, lone);
    const r = spawnSync(process.execPath, [lone, '--help'], { env: env(), encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^container-anatomy: cannot read .*cli-core\.js \(ENOENT[^)]*\): the command is incomplete; build it again with npm run build\n$/);
  });
});
