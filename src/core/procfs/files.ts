/**
 * Small, throw-free file helpers shared by the /proc and /sys readers. Every failure comes
 * back as a sentence a person can act on, never as an exception.
 */
import { AsyncLocalStorage } from 'async_hooks';
// Named imports: a namespace import of a built-in module is bundled as an object of getters,
// one more call for every file read.
import { closeSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, statSync } from 'fs';
import { join } from 'path';

/*
 * These are kernel pseudo-files that never wait on a disk: reading them synchronously costs a
 * few microseconds, while each fs.promises call takes several thread-pool round trips
 * (measured: most of a 200-container snapshot's syscalls were futex waits). The readers a
 * container's read calls (its process, namespaces, cgroup files, interfaces) are synchronous
 * too: their promises were 40 of the 60 a container's read made, and with the read scope's
 * AsyncLocalStorage every promise also runs its hooks (both together were about a tenth of the
 * command line's 200-container run). A few readers used elsewhere keep async signatures.
 */

/** A failure keeps the system's own message too, for readers that quote it. */
export type ReadResult = { ok: true; text: string } | { ok: false; code: string; reason: string; message: string };

/**
 * Who a refused read was refused to, so its advice fits: a user (who can run as root or let
 * the helper read), root on this machine, or the helper container (root on the engine's host).
 * Advice to "run as root" is wrong for the last two.
 */
export type Reader = 'user' | 'root' | 'helper';

/** This process: root when its effective uid is 0. */
export function localReader(): Reader {
  return process.geteuid?.() === 0 ? 'root' : 'user';
}

/** The end of a sentence after "permission denied reading PATH", for `reader`. */
function deniedTo(reader: Reader): string {
  if (reader === 'root') return ' even to root (a security module, or capabilities this process lacks)';
  if (reader === 'helper') return ' even to the helper container (root on the engine\'s host)';
  return '; run as root or as the owner of the process';
}

/** Explains an errno for `path` in plain words; a refusal says who was refused (see Reader). */
export function explainError(path: string, err: unknown, reader?: Reader): { code: string; reason: string } {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'UNKNOWN';
  switch (code) {
    case 'ENOENT':
      return { code, reason: `${path} does not exist` };
    case 'EACCES':
    case 'EPERM':
      // Who was refused is asked only here: most failures are a file that does not exist.
      return { code, reason: `permission denied reading ${path}${deniedTo(reader ?? localReader())}` };
    case 'ESRCH':
      return { code, reason: `the process behind ${path} exited while it was being read` };
    case 'ENOTDIR':
      return { code, reason: `${path} is not where it should be (a parent is not a directory)` };
    case 'EISDIR':
      return { code, reason: `${path} is a directory, not a file` };
    default:
      return { code, reason: `could not read ${path} (${code}: ${(err as Error | undefined)?.message ?? 'unknown error'})` };
  }
}

/**
 * The kernel ends every line of these files with a newline; text that does not end with one
 * was cut short (a truncated copy, or a helper that stopped early). Returns the reason, or null.
 */
export function cutShort(path: string, text: string): string | null {
  return text === '' || text.endsWith('\n') ? null : `${path} was cut short (its last line has no newline)`;
}

export type DirResult = { ok: true; names: string[] } | { ok: false; code: string; reason: string };

/** stat() through links (an nsfs inode for /proc/PID/ns/*), or the errno and the system's message. */
export type InodeResult = { ok: true; ino: number | bigint } | { ok: false; code: string; message: string };

/**
 * Where the readers' files come from: this machine's file system, or the answers a helper
 * container on the engine's host returned (helper/tree.ts). Readers never call `fs` for
 * /proc or /sys themselves, so both give them the same bytes and the same errors.
 */
export interface FileAccess {
  readText(path: string): ReadResult;
  listDir(path: string): DirResult;
  statInode(path: string): InodeResult;
  /** The target of a symbolic link, or null when it is not one or cannot be read. */
  readLink(path: string): string | null;
  exists(path: string): boolean;
  /** Who reads: decides the advice of a refusal (this process's user when absent). */
  readonly reader?: Reader;
}

function failure(path: string, err: unknown): { ok: false; code: string; reason: string; message: string } {
  return { ok: false, ...explainError(path, err), message: (err as Error | undefined)?.message ?? String(err) };
}

const NS_LINK = /^[a-z_]+:\[(\d+)\]$/;

/** The target of a symbolic link; '' when `path` is not one (EINVAL). Other errors are thrown. */
function readLinkOrEmpty(path: string): string {
  try {
    return readlinkSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EINVAL') return '';
    throw err;
  }
}

/** One buffer for every local read: reads are synchronous, so no two use it at once. */
let readBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * A whole file as UTF-8: open, read until the kernel says end of file, close. A kernel file
 * reports size 0, so readFileSync's fstat and size-based first read buy nothing; this costs
 * about 12% less per file (measured over 1,600 cgroup and /proc files of 100 containers:
 * 15 against 17 µs). A seq_file may end a read early at a page boundary, so one short read is
 * not taken as the end.
 */
function readWhole(path: string): string {
  const fd = openSync(path, 'r');
  try {
    let n = 0;
    for (;;) {
      if (n === readBuffer.length) {
        const bigger = Buffer.allocUnsafe(readBuffer.length * 2);
        readBuffer.copy(bigger, 0, 0, n);
        readBuffer = bigger;
      }
      const got = readSync(fd, readBuffer, n, readBuffer.length - n, null);
      if (got === 0) return readBuffer.toString('utf8', 0, n);
      n += got;
    }
  } finally {
    closeSync(fd);
  }
}

/** This machine's files. */
export const LOCAL_FILES: FileAccess = {
  get reader() {
    return localReader();
  },
  readText(path) {
    try {
      return { ok: true, text: readWhole(path) };
    } catch (err) {
      return failure(path, err);
    }
  },
  listDir(path) {
    try {
      return { ok: true, names: readdirSync(path).sort() };
    } catch (err) {
      return { ok: false, ...explainError(path, err) };
    }
  },
  statInode(path) {
    try {
      // A namespace link reads "type:[inode]", the inode stat() finds through it (namespaces(7)),
      // and reading it costs the kernel less than a stat. Anything else (a fixture's plain
      // file or ordinary link) is stat()ed.
      const ns = NS_LINK.exec(readLinkOrEmpty(path));
      if (ns) {
        const n = Number(ns[1]);
        return { ok: true, ino: Number.isSafeInteger(n) ? n : BigInt(ns[1]) };
      }
      // A plain stat is exact below 2^53 (every nsfs inode seen so far is a 32-bit number);
      // only a larger one needs the bigint stat to say so.
      const ino = statSync(path).ino;
      return { ok: true, ino: Number.isSafeInteger(ino) ? ino : statSync(path, { bigint: true }).ino };
    } catch (err) {
      return { ok: false, code: (err as NodeJS.ErrnoException).code ?? 'UNKNOWN', message: (err as Error).message };
    }
  },
  readLink(path) {
    try {
      return readlinkSync(path);
    } catch {
      return null;
    }
  },
  exists(path) {
    try {
      lstatSync(path);
      return true;
    } catch {
      return false;
    }
  },
};

interface ReadScope {
  cache: Map<string, ReadResult>;
  /** readTextIn's answers by directory, then name: see there. */
  byDir?: Map<string, Map<string, Read>>;
  files: FileAccess;
  /** Answers of other reads (a command run in a namespace) made once per scope, by key. */
  once?: Map<string, Promise<unknown>>;
}

const readScope = new AsyncLocalStorage<ReadScope>();

/**
 * The scope found once by `inScope` for a synchronous stretch of reads. AsyncLocalStorage's
 * lookup costs a walk to the current async resource: a container's 40 reads asked it 80 times.
 */
let pinned: ReadScope | undefined;

/**
 * The scope of a process that reads one snapshot at a time (see oneScopeAtATime): a plain
 * variable while its first scope is open. AsyncLocalStorage's store wins over it, so a scope
 * begun while this one is open (a helper's reads inside a snapshot) is still its own.
 */
let solo: ReadScope | undefined;
let soloAllowed = false;

/**
 * For a process that takes one snapshot at a time, such as the command line: its first scope
 * is kept in a variable rather than in AsyncLocalStorage, which on Node 20 runs hooks for every
 * promise and callback once it is used (measured on the command line's 200-container run:
 * 25 ms less CPU, 20 ms less time). A scope begun while that one is open still uses
 * AsyncLocalStorage. Not for the extension host, where other reads run beside a snapshot and
 * would see its scope.
 */
export function oneScopeAtATime(on = true): void {
  soloAllowed = on;
}

/** The current read scope (see withReadCache). */
function scopeNow(): ReadScope | undefined {
  return pinned ?? readScope.getStore() ?? solo;
}

/**
 * Runs the synchronous `fn` with the current read scope looked up once. Nothing else can run
 * until `fn` returns, so every read in it belongs to that scope; promises it starts go on in
 * their own scope, which AsyncLocalStorage carries as before.
 */
export function inScope<T>(fn: () => T): T {
  const outer = pinned;
  pinned = readScope.getStore() ?? solo;
  try {
    return fn();
  } finally {
    pinned = outer;
  }
}

/**
 * Runs `fn` with a read cache: inside it each file is read once. One snapshot is one scope,
 * so the ancestors every container shares (docker/, the mount root) and files several limits
 * come from (memory.stat, cpu.cfs_quota_us) are read once, and all agree with each other.
 * `files` says where the files come from (this machine unless told otherwise).
 */
export function withReadCache<T>(fn: () => Promise<T>, files: FileAccess = LOCAL_FILES): Promise<T> {
  // A scope begun inside inScope's stretch is the one its reads belong to, not the pinned one.
  const outer = pinned;
  pinned = undefined;
  try {
    const scope: ReadScope = { cache: new Map(), files };
    if (!soloAllowed || solo !== undefined || readScope.getStore() !== undefined) return readScope.run(scope, fn);
    solo = scope;
    const end = (): void => {
      if (solo === scope) solo = undefined;
    };
    try {
      return fn().finally(end);
    } catch (err) {
      end();
      throw err;
    }
  } finally {
    pinned = outer;
  }
}

/** `read()` once per withReadCache scope for the same key (every time outside a scope). */
export function oncePerScope<T>(key: string, read: () => Promise<T>): Promise<T> {
  const scope = scopeNow();
  if (!scope) return read();
  scope.once ??= new Map();
  let p = scope.once.get(key) as Promise<T> | undefined;
  if (!p) {
    p = read();
    scope.once.set(key, p);
  }
  return p;
}

/** True inside a withReadCache scope. */
export function inReadScope(): boolean {
  return scopeNow() !== undefined;
}

/** Who reads the current scope's files (see Reader). */
export function reader(): Reader {
  return files().reader ?? localReader();
}

/** The file access of the current scope: this machine's outside any scope. */
export function files(): FileAccess {
  return scopeNow()?.files ?? LOCAL_FILES;
}

/**
 * Reads /proc/PID/<name> whole: its text, or why not (the process exited, the read was
 * refused, the file was cut short).
 */
export function readProcessFile(procRoot: string, pid: number | 'self', name: string): { ok: true; file: string; text: string } | { ok: false; reason: string } {
  const file = joinPath(procRoot, String(pid), name);
  const r = readTextSync(file);
  if (!r.ok) return { ok: false, reason: r.code === 'ENOENT' ? `${file} does not exist: process ${pid} has exited` : r.reason };
  const cut = cutShort(file, r.text);
  return cut ? { ok: false, reason: cut } : { ok: true, file, text: r.text };
}

export async function readText(path: string): Promise<ReadResult> {
  return readTextSync(path);
}

/**
 * readText without the promise, for readers that make many reads per container (the cgroup
 * files): a promise per file was a visible part of a snapshot's CPU. Same cache, same results.
 */
export function readTextSync(path: string): ReadResult {
  return readInScope(scopeNow(), path);
}

function readInScope(scope: ReadScope | undefined, path: string): ReadResult {
  const hit = scope?.cache.get(path);
  if (hit) return hit;
  const result = (scope?.files ?? LOCAL_FILES).readText(path);
  scope?.cache.set(path, result);
  return result;
}

/** A file's path and what reading it gave. */
export interface Read {
  path: string;
  result: ReadResult;
}

/**
 * readTextSync of `dir`/`name`. Every container's readers ask for the same few names in a
 * handful of directories (its own cgroup's and the ancestors every container shares); inside
 * a scope the answer is kept by directory and name, so a repeated ask builds no path and
 * hashes no new string (with path.join, those were a fifth of the JavaScript of 200
 * containers' reads).
 */
export function readTextIn(dir: string, name: string): Read {
  const scope = scopeNow();
  if (!scope) {
    const full = joinPath(dir, name);
    return { path: full, result: readTextSync(full) };
  }
  scope.byDir ??= new Map();
  let names = scope.byDir.get(dir);
  if (!names) scope.byDir.set(dir, (names = new Map()));
  let hit = names.get(name);
  if (!hit) {
    const full = joinPath(dir, name);
    names.set(name, (hit = { path: full, result: readInScope(scope, full) }));
  }
  return hit;
}

/** Two slashes in a row, or a "." or ".." segment. */
/**
 * Two slashes in a row, or a "." or ".." segment. Said with indexOf rather than a regular
 * expression: it runs for every path of every read, and a command-line run is over before
 * the expression is compiled to machine code.
 */
function notNormal(p: string): boolean {
  if (p.includes('//')) return true;
  for (let i = p.indexOf('.'); i !== -1; i = p.indexOf('.', i + 1)) {
    if (i > 0 && p.charCodeAt(i - 1) !== 0x2f) continue; // a dot inside a name
    const j = p.charCodeAt(i + 1) === 0x2e ? i + 2 : i + 1;
    if (j === p.length || p.charCodeAt(j) === 0x2f) return true;
  }
  return false;
}

/** An absolute path already in normal form: no empty, "." or ".." segment, no trailing slash. */
export function isNormalAbsolute(p: string): boolean {
  if (p === '/') return true;
  return p.charCodeAt(0) === 0x2f && p.charCodeAt(p.length - 1) !== 0x2f && !notNormal(p);
}

/** A relative path in normal form: not empty, no leading or trailing slash, no "." or ".." segment. */
function isNormalRelative(p: string): boolean {
  return p !== '' && p.charCodeAt(0) !== 0x2f && p.charCodeAt(p.length - 1) !== 0x2f && !notNormal(p);
}

/**
 * path.join, for the paths the readers build by the thousand (/proc/PID/ns/net,
 * /sys/fs/cgroup/memory/docker/ID): when the first part is absolute and in normal form and the
 * others are relative and in normal form, joining is putting slashes between them, and that
 * is all this does; anything else goes to path.join. The answer is path.join's either way.
 */
export function joinPath(first: string, ...rest: string[]): string {
  if (!isNormalAbsolute(first)) return join(first, ...rest);
  let out = first === '/' ? '' : first;
  for (const part of rest) {
    if (!isNormalRelative(part)) return join(first, ...rest);
    out += `/${part}`;
  }
  return out || '/';
}

export async function listDir(path: string): Promise<DirResult> {
  return listDirSync(path);
}

/** listDir without the promise (see readTextSync). */
export function listDirSync(path: string): DirResult {
  return files().listDir(path);
}

export async function exists(path: string): Promise<boolean> {
  return files().exists(path);
}

/** A non-negative decimal integer that fits a JS number exactly, or null. */
export function parseUint(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/** The last text parseKeyValues read, and its map: several limits come from one memory.stat. */
let lastKeyValues: { text: string; map: ReadonlyMap<string, string> } | undefined;

/**
 * Reads `key value` lines (memory.stat, cpu.stat, memory.events, oom_control) into a map: a
 * line of exactly two fields separated by spaces or tabs (trailing ones allowed). The same
 * text asked again (the same file's answer) gets the same map back, so it is read-only.
 */
export function parseKeyValues(text: string): ReadonlyMap<string, string> {
  if (lastKeyValues?.text === text) return lastKeyValues.map;
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = KEY_VALUE.exec(line);
    if (m) out.set(m[1], m[2]);
  }
  lastKeyValues = { text, map: out };
  return out;
}

const KEY_VALUE = /^(\S+)\s+(\S+)\s*$/;

/** Counts CPUs in a list such as "0-1,4,6-7"; null if malformed. Empty text counts 0. */
export function countCpuList(text: string): number | null {
  const t = text.trim();
  if (t === '') return 0;
  let n = 0;
  for (const part of t.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return null;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) return null;
    n += hi - lo + 1;
  }
  return n;
}
