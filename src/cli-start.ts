/**
 * The command's entry point (dist/cli.js). It runs the command itself (dist/cli-core.js,
 * built from cli.ts) through V8's code cache: parsing that 1.7 MB bundle, and compiling the
 * functions a snapshot calls, was a tenth of a 200-container run. The cache is written after a
 * run that had none (or one V8 turned down), to $XDG_CACHE_HOME/container-anatomy (default
 * ~/.cache/container-anatomy), named by the bundle's SHA-256, Node's version and the machine.
 *
 * The cache is compiled code that is run: it is read only from a file and a directory owned by
 * this user that no one else can write to, so `sudo` with someone else's HOME never runs their
 * file as root, and writes nothing there either. Anything unusual (no home, a read-only disk,
 * a truncated file) only means the bundle is compiled as usual.
 */
import { createHash } from 'crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'fs';
import { createRequire } from 'module';
import { homedir } from 'os';
import { isAbsolute, join } from 'path';
import { Script } from 'vm';

const CORE = join(__dirname, 'cli-core.js');

/** Only this user may have written it: owned by the effective user, not writable by group or others. */
function ownedHere(st: Stats, euid: number): boolean {
  return st.uid === euid && (st.mode & 0o022) === 0;
}

function cacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'container-anatomy');
}

function ownDir(dir: string, euid: number): boolean {
  try {
    const st = statSync(dir);
    return st.isDirectory() && ownedHere(st, euid);
  } catch {
    return false;
  }
}

function readCache(file: string, euid: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    return st.isFile() && ownedHere(st, euid) ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes the cache whole under a temporary name, then renames it; earlier bundles' caches go. */
function writeCache(dir: string, name: string, data: Buffer, euid: number): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!ownDir(dir, euid)) return;
    const tmp = join(dir, `.${name}.${process.pid}`);
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, join(dir, name));
    for (const old of readdirSync(dir)) if (old !== name && /^cli-[0-9a-f]+\.v8$/.test(old)) unlinkSync(join(dir, old));
  } catch {
    // No cache this time: the next run compiles the bundle again.
  }
}

function start(): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(CORE);
  } catch (err) {
    process.stderr.write(`container-anatomy: cannot read ${CORE} (${(err as Error).message}): the command is incomplete; build it again with npm run build\n`);
    process.exitCode = 1;
    return;
  }
  const euid = process.geteuid?.();
  const dir = cacheDir(process.env);
  const name = `cli-${createHash('sha256').update(bytes).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 32)}.v8`;
  const cached = euid !== undefined && ownDir(dir, euid) ? readCache(join(dir, name), euid) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`, {
    filename: CORE,
    ...(cached ? { cachedData: cached } : {}),
  });
  if (euid !== undefined && (!cached || script.cachedDataRejected)) {
    // After the run, so the functions it compiled are in the cache too.
    process.once('exit', () => writeCache(dir, name, script.createCachedData(), euid));
  }
  const core = { exports: {} as { main?: () => void } };
  (script.runInThisContext() as (...args: unknown[]) => void).call(core.exports, core.exports, createRequire(CORE), core, CORE, __dirname);
  if (typeof core.exports.main !== 'function') throw new Error(`${CORE} has no main(): rebuild with node esbuild.mjs`);
  core.exports.main();
}

start();
