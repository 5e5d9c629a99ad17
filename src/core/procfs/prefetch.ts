/**
 * Reading ahead on a second thread. A snapshot's kernel files cost about 13 µs each in system
 * calls (open, read, read, close), some 30 per container, all on the thread that also parses
 * the engine's answers and builds the model. A small worker thread reads the files a
 * container is about to ask for while that thread does the rest; the answers go into the
 * snapshot's read cache (files.ts), where the readers find them as if they had read them.
 *
 * Which files: the snapshot learns them from the containers read so far (their paths with
 * the PID and the container id taken out), so no list of file names is kept here. A path
 * not read ahead is read where it is asked for, as before; a path read ahead and not asked
 * for is dropped with the scope. The worker reads with the same calls the readers use, and a
 * failure comes back as its errno and message, from which files.ts builds the same result.
 */
import { Worker } from 'node:worker_threads';
import { fillCache, localScope } from './files';

/** The worker: reads each path whole, as files.ts's readWhole does, and answers per batch. */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
let buf = Buffer.allocUnsafe(64 * 1024);
function whole(path) {
  const fd = fs.openSync(path, 'r');
  try {
    let n = 0;
    for (;;) {
      if (n === buf.length) { const b = Buffer.allocUnsafe(buf.length * 2); buf.copy(b, 0, 0, n); buf = b; }
      const got = fs.readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) return buf.toString('utf8', 0, n);
      n += got;
    }
  } finally { fs.closeSync(fd); }
}
parentPort.on('message', (m) => {
  const out = m.paths.map((p) => { try { return { text: whole(p) }; } catch (e) { return { code: e.code || 'UNKNOWN', message: e.message }; } });
  parentPort.postMessage({ id: m.id, out });
});
`;

/** What the worker gives for one path: its text, or the errno and message of the failure. */
export type Ahead = { text: string } | { code: string; message: string };

let worker: Worker | null = null;
let broken = false;
let nextId = 0;
const waiting = new Map<number, (out: Ahead[] | null) => void>();

function ensureWorker(): Worker | null {
  if (worker || broken) return worker;
  try {
    const w = new Worker(SOURCE, { eval: true });
    w.on('message', (m: { id: number; out: Ahead[] }) => {
      const done = waiting.get(m.id);
      waiting.delete(m.id);
      if (waiting.size === 0) w.unref();
      done?.(m.out);
    });
    const fail = (): void => {
      // Without the thread every file is read where it is asked for, as before.
      broken = true;
      worker = null;
      for (const done of waiting.values()) done(null);
      waiting.clear();
    };
    w.on('error', fail);
    w.on('exit', fail);
    // Idle, it keeps no process alive (the command line exits when its work is done). After
    // the listeners: adding one to a worker refs it again.
    w.unref();
    worker = w;
  } catch {
    broken = true;
  }
  return worker;
}

/** Starts the thread before it is needed (its start overlaps the engine's answers). */
export function warmReadAhead(): void {
  ensureWorker();
}

/** Reads `paths` on the worker; null when there is no worker (then nothing was read ahead). */
export function readAhead(paths: string[]): Promise<Ahead[] | null> {
  const w = ensureWorker();
  if (!w || paths.length === 0) return Promise.resolve(null);
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    w.ref();
    w.postMessage({ id, paths });
  });
}

/** A path with this container's PID and id taken out; null when it names neither. */
function template(path: string, pid: number, id: string): string | null {
  const t = path.split(`/proc/${pid}/`).join('/proc/{PID}/').split(id).join('{ID}');
  return t === path ? null : t;
}

/**
 * Before a container's reads: reads ahead, on the worker, the paths the containers read so
 * far in this scope asked for, made this container's. The first container of a scope reads
 * without it (there is nothing learned yet); the others wait for it to be learned.
 */
export async function readAheadFor(pid: number | null, id: string): Promise<void> {
  const scope = localScope();
  if (!scope || pid === null || broken) return;
  scope.ahead ??= { templates: new Set() };
  const ahead = scope.ahead;
  if (ahead.templates.size === 0) {
    if (!ahead.first) return; // this container is the one the others learn from
    await ahead.first;
  }
  const paths: string[] = [];
  for (const t of ahead.templates) {
    const p = t.split('{PID}').join(String(pid)).split('{ID}').join(id);
    if (!scope.cache.has(p)) paths.push(p);
  }
  const out = await readAhead(paths);
  if (out) fillCache(paths, out);
}

/** Runs one container's reads (`fn`), learning the paths it asks for that were not read ahead. */
export async function learnReads<T>(pid: number | null, id: string, fn: () => Promise<T>): Promise<T> {
  const scope = localScope();
  if (!scope || pid === null) return fn();
  scope.ahead ??= { templates: new Set() };
  const ahead = scope.ahead;
  let learned: () => void = () => undefined;
  if (ahead.templates.size === 0 && !ahead.first) ahead.first = new Promise((resolve) => (learned = resolve));
  const recording: string[] = [];
  scope.recording = recording;
  try {
    return await fn();
  } finally {
    if (scope.recording === recording) scope.recording = undefined;
    for (const path of recording) {
      const t = template(path, pid, id);
      if (t) ahead.templates.add(t);
    }
    learned();
  }
}
