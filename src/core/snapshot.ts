import type { Engine } from './engine/connection';
import { EngineError, toEngineError } from './engine/errors';
import { HelperError, isHelper } from './helper/container';
import type { HelperManager, HelperReader } from './helper/manager';
import {
  askEngine, endpointNotLocal, hostKernel, introspectContainer, introspectHost, linkContainers, readPeer, REAL_ROOTS, type EngineAnswers, type HostContext, type LinkPeer, type RawInspect, type Roots,
} from './introspect/index';
import { kernelSource } from './introspect/where';
import { hasProcess, type ContainerAnatomy, type Snapshot } from './model';
import { inTurn, mapLimit } from './pool';
import { readSwarm } from './swarm/cluster';
import { withReadCache } from './procfs/files';
import { HELPER_PENDING, NOT_READ_YET, readFailureReason, unreadContainer } from './unread';
import { compareNames } from './order';

/** How many inspects and /proc walks run at once: enough to hide latency, few enough not to flood dockerd. */
export const INSPECT_CONCURRENCY = 16;
/**
 * Over ssh:// every request is an ssh connection of its own (docker-modem), and OpenSSH's
 * default MaxStartups (10:30:100) starts dropping unauthenticated connections beyond 10.
 */
export const SSH_INSPECT_CONCURRENCY = 4;
/**
 * On a pipelined socket a request costs one line on a kept-open connection: asking for them
 * all at once lets them go out in a couple of writes, and the engine answers them one after
 * another without waking for each (200 inspects: dockerd's CPU 80 → 50 ms, ours 275 → 220 ms).
 */
export const PIPELINED_INSPECT_CONCURRENCY = 1024;

function concurrency(engine: Engine): number {
  if (engine.choice.kind === 'ssh') return SSH_INSPECT_CONCURRENCY;
  return engine.pipelined ? PIPELINED_INSPECT_CONCURRENCY : INSPECT_CONCURRENCY;
}

export interface SnapshotOptions {
  /** Include stopped containers (docker ps -a). */
  all?: boolean;
  /** Only these containers (id, id prefix or name); others are not inspected. */
  only?: string[];
  roots?: Roots;
  /** Read only the host side (no container is inspected). */
  hostOnly?: boolean;
  /** Reads kernel facts through a helper container when this machine cannot (with consent). */
  helpers?: HelperManager;
  /** Read through the helper even when this machine could read the files itself (tests, comparisons). */
  forceHelper?: boolean;
  /**
   * Told as the snapshot goes, on the local path: `listed` once the host side and the list are
   * in (it may reorder the containers to read), then `read` as each container's read ends.
   * Through a helper the kernel files are read in batched rounds, so neither is called.
   */
  progress?: SnapshotProgress;
}

export interface SnapshotProgress {
  /**
   * The engine's container list (helper containers left out), and what its containers wait
   * for: told as soon as the list is in, before the host side is read and the engine's other
   * answers come; told again when the kernel's files are to come through the helper
   * container, before a person is asked to allow it and it starts.
   */
  seen?(list: EngineAnswers['list'], pending: string): void;
  listed(ctx: HostContext, ids: string[]): string[];
  read(id: string, result: ReadResult): void;
}

/** The container's anatomy from its inspect: through the helper when the snapshot used it. */
function introspect(raw: RawInspect, ctx: HostContext): Promise<ContainerAnatomy> {
  return ctx.reader ? ctx.reader.run(() => introspectContainer(raw, ctx), false) : inTurn(() => introspectContainer(raw, ctx));
}

/** Inspects one container; undefined when the engine no longer has it. */
export async function inspectOne(engine: Engine, id: string, ctx: HostContext): Promise<ContainerAnatomy | undefined> {
  const raw = await inspectRaw(engine, id);
  return raw === undefined ? undefined : introspect(raw, ctx);
}

/** GET /containers/{id}/json; undefined when the engine no longer has it (or it is the helper container). */
async function inspectRaw(engine: Engine, id: string): Promise<RawInspect | undefined> {
  try {
    const raw = await engine.inspectContainer(id);
    return isHelper(raw) ? undefined : raw;
  } catch (err) {
    const e = toEngineError(err, engine.choice.endpoint);
    if (e.code === 'not-found') return undefined;
    throw e;
  }
}

/** One container's read: its anatomy, gone (the engine no longer has it), or why it could not be read. */
export type ReadResult = { kind: 'read'; container: ContainerAnatomy } | { kind: 'gone' } | { kind: 'failed'; error: EngineError; reason: string };

/** Errors that may mean the engine itself is gone rather than one request going wrong; /_ping decides. */
const MAYBE_OUTAGE = new Set(['socket-missing', 'permission-denied', 'refused', 'tls', 'ssh']);

type Inspected = { kind: 'raw'; raw: RawInspect } | Exclude<ReadResult, { kind: 'read' }>;

async function inspectFor(engine: Engine, id: string): Promise<Inspected> {
  try {
    const raw = await inspectRaw(engine, id);
    return raw === undefined ? { kind: 'gone' } : { kind: 'raw', raw };
  } catch (err) {
    const error = toEngineError(err, engine.choice.endpoint);
    return { kind: 'failed', error, reason: readFailureReason(id, error.message) };
  }
}

function readFailed(engine: Engine, id: string, err: unknown): ReadResult {
  // The readers turn every expected failure into an unavailable fact; this is the unexpected rest.
  const message = `reading its /proc and /sys files failed: ${err instanceof Error ? err.message : String(err)}`;
  return { kind: 'failed', error: new EngineError('other', engine.choice.endpoint, message, ''), reason: readFailureReason(id, message) };
}

/** Reads one container; a failure is this container's (the engine answering an error, a timeout, a /proc reader throwing). */
export async function readContainer(engine: Engine, id: string, ctx: HostContext): Promise<ReadResult> {
  const r = await inspectFor(engine, id);
  if (r.kind !== 'raw') return r;
  try {
    return { kind: 'read', container: await introspect(r.raw, ctx) };
  } catch (err) {
    return readFailed(engine, id, err);
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

type Result = { snapshot: Snapshot; ctx: HostContext; missing: string[] };

/** Which containers to inspect, which refs named none, and which others count as sharers. */
function choose(list: EngineAnswers['list'], opts: SnapshotOptions): { ids: string[]; missing: string[]; others: string[] } {
  const listed = list.filter((c) => !isHelper(c)).map((c) => ({ id: String(c.Id), name: String(c.Names?.[0] ?? c.Id).replace(/^\//, ''), running: c.State === 'running' || c.State === 'paused' }));
  const missing: string[] = [];
  let ids: string[];
  if (opts.hostOnly) ids = [];
  else if (opts.only && opts.only.length) {
    ids = [];
    for (const ref of opts.only) {
      const hit = listed.find((c) => matchesRef(c, ref));
      if (hit) ids.push(hit.id);
      else missing.push(ref);
    }
  } else ids = listed.map((c) => c.id);
  ids = [...new Set(ids)];
  // Showing some containers: the others still count when saying who shares a namespace.
  const others = opts.only && opts.only.length ? listed.filter((c) => !ids.includes(c.id) && c.running).map((c) => c.id) : [];
  return { ids, missing, others };
}

/** The engine's swarm (services, tasks, nodes on a manager); undefined when it is in none. */
export async function swarmOf(engine: Engine, ctx: HostContext): Promise<Snapshot['swarm']> {
  const notLocal = ctx.notLocal ?? (ctx.reader ? 'read through the helper container, which does not look for IPVS' : null);
  return readSwarm(engine, await engine.info(), ctx.networks, ctx.roots.procRoot, notLocal);
}

/** The read containers, and the failed ones marked with their reason, in list order. */
async function finish(engine: Engine, ids: string[], results: ReadResult[], ctx: HostContext, peers: LinkPeer[], missing: string[], opts: SnapshotOptions): Promise<Result> {
  await checkOutage(engine, results.flatMap((r) => (r.kind === 'failed' ? [r.error] : [])));
  const unread = (id: string, reason: string): ContainerAnatomy => unreadContainer(ctx.listed.get(id) ?? { Id: id }, reason);
  let containers = results.flatMap((r, i) => (r.kind === 'read' ? [r.container] : r.kind === 'failed' ? [unread(ids[i], r.reason)] : []));
  if (!opts.all && !(opts.only && opts.only.length)) containers = containers.filter((c) => hasProcess(c.state));
  linkContainers(containers, ctx.host, peers);
  containers.sort(byStateThenName);
  const swarm = opts.hostOnly ? undefined : await swarmOf(engine, ctx);
  return { snapshot: { schemaVersion: 1, takenAt: new Date().toISOString(), host: ctx.host, containers, ...(swarm ? { swarm } : {}) }, ctx, missing };
}

async function snapshotOnce(engine: Engine, opts: SnapshotOptions): Promise<Result> {
  const roots = opts.roots ?? REAL_ROOTS;
  const seen = opts.progress?.seen;
  const tell = seen && ((list: EngineAnswers['list'], pending: string) => seen(list.filter((c) => !isHelper(c)), pending));
  const answers = askEngine(engine, tell && ((list) => tell(list, NOT_READ_YET)));
  // On a unix socket the engine most likely runs on this machine: its host-side files are read
  // while the engine answers and the verdict is made, not after (used only if that verdict is local).
  const early = !opts.forceHelper && endpointNotLocal(engine) === null ? hostKernel(roots, null, false) : undefined;
  early?.catch(() => undefined); // awaited below when used; this only keeps a rejection from looking unhandled meanwhile
  const source = await kernelSource(engine, answers, roots, opts.helpers, opts.forceHelper, tell && ((a) => tell(a.list, HELPER_PENDING)));
  let notLocal = source.notLocal;
  let helperReason = source.refused;
  if (source.reader) {
    try {
      return await throughHelper(engine, opts, answers, source.reader);
    } catch (err) {
      if (!(err instanceof HelperError)) throw err;
      // The engine's own facts are still shown; the kernel's say why they are missing.
      notLocal = helperReason = err.message;
    }
  }
  const ctx = await introspectHost(engine, roots, { answers, notLocal, ...(helperReason ? { helperReason } : {}), ...(early && notLocal === null ? { kernel: early } : {}) });
  const chosen = choose((await answers).list, opts);
  const { missing, others } = chosen;
  const ids = opts.progress ? opts.progress.listed(ctx, chosen.ids) : chosen.ids;
  const results = await mapLimit(ids, concurrency(engine), async (id) => {
    const r = await readContainer(engine, id, ctx);
    opts.progress?.read(id, r);
    return r;
  });
  const peers = (await mapLimit(others, concurrency(engine), async (id) => {
    try {
      return await readPeer(await engine.inspectContainer(id), ctx);
    } catch {
      return null; // gone since the list: it shares nothing any more
    }
  })).filter((p): p is LinkPeer => !!p);
  return finish(engine, ids, results, ctx, peers, missing, opts);
}

/** Every inspect first, then the kernel's files of all of them in a few batched rounds. */
async function throughHelper(engine: Engine, opts: SnapshotOptions, answers: Promise<EngineAnswers>, reader: HelperReader): Promise<Result> {
  reader.prefetch();
  const { ids, missing, others } = choose((await answers).list, opts);
  const [inspected, peerRaws] = await Promise.all([
    mapLimit(ids, concurrency(engine), (id) => inspectFor(engine, id)),
    mapLimit(others, concurrency(engine), (id) => inspectRaw(engine, id).catch(() => undefined)),
  ]);
  const helper = { container: reader.helper.id, image: reader.helper.image };
  const { ctx, results, peers } = await reader.run(async () => {
    const ctx = await introspectHost(engine, REAL_ROOTS, { answers, notLocal: null, helper });
    const results = await Promise.all(
      inspected.map(async (r, i): Promise<ReadResult> => {
        if (r.kind !== 'raw') return r;
        try {
          return { kind: 'read', container: await introspectContainer(r.raw, ctx) };
        } catch (err) {
          return readFailed(engine, ids[i], err);
        }
      }),
    );
    const peers = (await Promise.all(peerRaws.filter((r) => !!r).map((r) => readPeer(r, ctx)))).filter((p): p is LinkPeer => !!p);
    return { ctx, results, peers };
  }, true);
  ctx.reader = reader;
  return finish(engine, ids, results, ctx, peers, missing, opts);
}

const STATE_ORDER: Record<string, number> = { running: 0, restarting: 1, paused: 2, created: 3, exited: 4, dead: 5, removing: 6 };

export function byStateThenName(a: ContainerAnatomy, b: ContainerAnatomy): number {
  return (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9) || compareNames(a.name, b.name);
}
