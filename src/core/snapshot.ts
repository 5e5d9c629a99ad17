import type { Engine } from './engine/connection';
import { EngineError, toEngineError } from './engine/errors';
import { introspectContainer, introspectHost, linkContainers, readPeer, REAL_ROOTS, type HostContext, type LinkPeer, type RawInspect, type Roots } from './introspect';
import { hasProcess, type ContainerAnatomy, type Snapshot } from './model';
import { mapLimit } from './pool';
import { withReadCache } from './procfs/files';
import { readFailureReason, unreadContainer } from './unread';

/** How many inspects and /proc walks run at once: enough to hide latency, few enough not to flood dockerd. */
export const INSPECT_CONCURRENCY = 16;

export interface SnapshotOptions {
  /** Include stopped containers (docker ps -a). */
  all?: boolean;
  /** Only these containers (id, id prefix or name); others are not inspected. */
  only?: string[];
  roots?: Roots;
  /** Read only the host side (no container is inspected). */
  hostOnly?: boolean;
}

/** Inspects one container; undefined when the engine no longer has it. */
export async function inspectOne(engine: Engine, id: string, ctx: HostContext): Promise<ContainerAnatomy | undefined> {
  const raw = await inspectRaw(engine, id);
  return raw === undefined ? undefined : introspectContainer(raw, ctx);
}

async function inspectRaw(engine: Engine, id: string): Promise<RawInspect | undefined> {
  try {
    return await engine.inspectContainer(id);
  } catch (err) {
    const e = toEngineError(err, engine.choice.endpoint);
    if (e.code === 'not-found') return undefined;
    throw e;
  }
}

/** One container's read: its anatomy, gone (the engine no longer has it), or why it could not be read. */
export type ReadResult = { kind: 'read'; container: ContainerAnatomy } | { kind: 'gone' } | { kind: 'failed'; error: EngineError; reason: string };

let lane: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` after the ones queued before it, each in its own turn of the event loop. The
 * /proc and /sys reads are synchronous (procfs/files.ts), so without this the containers whose
 * inspects were answered together would be read in one long stretch (setImmediate alone runs
 * every callback queued in the same phase back to back), and nothing else on the thread — the
 * editor's other extensions, timers, the event stream — would run meanwhile.
 */
export function inTurn<T>(fn: () => Promise<T>): Promise<T> {
  const run = lane.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(fn);
  lane = run.catch(() => undefined);
  return run;
}

/** Errors that may mean the engine itself is gone rather than one request going wrong; /_ping decides. */
const MAYBE_OUTAGE = new Set(['socket-missing', 'permission-denied', 'refused', 'tls', 'ssh']);

/** Reads one container; a failure is this container's (the engine answering an error, a timeout, a /proc reader throwing). */
export async function readContainer(engine: Engine, id: string, ctx: HostContext): Promise<ReadResult> {
  let raw: RawInspect | undefined;
  try {
    raw = await inspectRaw(engine, id);
  } catch (err) {
    const error = toEngineError(err, engine.choice.endpoint);
    return { kind: 'failed', error, reason: readFailureReason(id, error.message) };
  }
  if (raw === undefined) return { kind: 'gone' };
  try {
    return { kind: 'read', container: await inTurn(() => introspectContainer(raw, ctx)) };
  } catch (err) {
    // The readers turn every expected failure into an unavailable fact; this is the unexpected rest.
    const message = `reading its /proc and /sys files failed: ${err instanceof Error ? err.message : String(err)}`;
    return { kind: 'failed', error: new EngineError('other', engine.choice.endpoint, message, ''), reason: readFailureReason(id, message) };
  }
}

/**
 * After some reads failed: when a failure could mean the engine is gone, ask /_ping. An
 * engine that does not answer it is an outage (this throws its error); one that does makes
 * every failure that container's own.
 */
export async function checkOutage(engine: Engine, failures: EngineError[]): Promise<void> {
  if (!failures.some((e) => MAYBE_OUTAGE.has(e.code))) return;
  try {
    await engine.ping();
  } catch (err) {
    throw toEngineError(err, engine.choice.endpoint);
  }
}

export function matchesRef(c: { id: string; name: string }, ref: string): boolean {
  const r = ref.replace(/^\//, '');
  return c.name === r || c.id === r || (r.length >= 3 && /^[0-9a-f]+$/.test(r) && c.id.startsWith(r));
}

export function takeSnapshot(engine: Engine, opts: SnapshotOptions = {}): Promise<{ snapshot: Snapshot; ctx: HostContext; missing: string[] }> {
  return withReadCache(() => snapshotOnce(engine, opts));
}

async function snapshotOnce(engine: Engine, opts: SnapshotOptions): Promise<{ snapshot: Snapshot; ctx: HostContext; missing: string[] }> {
  const ctx = await introspectHost(engine, opts.roots ?? REAL_ROOTS);
  const listed = [...ctx.names.entries()].map(([id, name]) => ({ id, name }));
  let ids: string[];
  const missing: string[] = [];
  if (opts.hostOnly) {
    ids = [];
  } else if (opts.only && opts.only.length) {
    ids = [];
    for (const ref of opts.only) {
      const hit = listed.find((c) => matchesRef(c, ref));
      if (hit) ids.push(hit.id);
      else missing.push(ref);
    }
  } else {
    ids = listed.map((c) => c.id);
  }
  const unique = [...new Set(ids)];
  const results = await mapLimit(unique, INSPECT_CONCURRENCY, (id) => readContainer(engine, id, ctx));
  const failures = results.flatMap((r) => (r.kind === 'failed' ? [r.error] : []));
  await checkOutage(engine, failures);
  const unread = (id: string, reason: string): ContainerAnatomy => unreadContainer(ctx.listed.get(id) ?? { Id: id }, reason);
  let containers = results.flatMap((r, i) => (r.kind === 'read' ? [r.container] : r.kind === 'failed' ? [unread(unique[i], r.reason)] : []));
  if (!opts.all && !(opts.only && opts.only.length)) containers = containers.filter((c) => hasProcess(c.state));
  // Showing some containers: the others still count when saying who shares a namespace.
  let peers: LinkPeer[] = [];
  if (opts.only && opts.only.length) {
    const others = listed.filter((c) => !ids.includes(c.id) && ctx.running.has(c.id)).map((c) => c.id);
    peers = (await mapLimit(others, INSPECT_CONCURRENCY, async (id) => {
      try {
        return await readPeer(await engine.inspectContainer(id), ctx);
      } catch {
        return null; // gone since the list: it shares nothing any more
      }
    })).filter((p): p is LinkPeer => !!p);
  }
  linkContainers(containers, ctx.host, peers);
  containers.sort(byStateThenName);
  return { snapshot: { schemaVersion: 1, takenAt: new Date().toISOString(), host: ctx.host, containers }, ctx, missing };
}

const STATE_ORDER: Record<string, number> = { running: 0, restarting: 1, paused: 2, created: 3, exited: 4, dead: 5, removing: 6 };

export function byStateThenName(a: ContainerAnatomy, b: ContainerAnatomy): number {
  return (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9) || a.name.localeCompare(b.name);
}
