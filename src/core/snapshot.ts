import type { Engine } from './engine/connection';
import { toEngineError } from './engine/errors';
import { HelperError, isHelper } from './helper/container';
import type { HelperManager, HelperReader } from './helper/manager';
import {
  askEngine, introspectContainer, introspectHost, linkContainers, readPeer, REAL_ROOTS, type EngineAnswers, type HostContext, type LinkPeer, type RawInspect, type Roots,
} from './introspect/index';
import { kernelSource } from './introspect/where';
import { hasProcess, type ContainerAnatomy, type Snapshot } from './model';
import { mapLimit } from './pool';
import { withReadCache } from './procfs/files';

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
  /** Reads kernel facts through a helper container when this machine cannot (with consent). */
  helpers?: HelperManager;
  /** Read through the helper even when this machine could read the files itself (tests, comparisons). */
  forceHelper?: boolean;
}

/** GET /containers/{id}/json; undefined when the engine no longer has it. */
async function inspectRaw(engine: Engine, id: string): Promise<RawInspect | undefined> {
  try {
    return await engine.inspectContainer(id);
  } catch (err) {
    const e = toEngineError(err, engine.choice.endpoint);
    if (e.code === 'not-found') return undefined;
    throw e;
  }
}

/** Inspects one container; undefined when the engine no longer has it. */
export async function inspectOne(engine: Engine, id: string, ctx: HostContext): Promise<ContainerAnatomy | undefined> {
  const raw = await inspectRaw(engine, id);
  if (!raw || isHelper(raw)) return undefined;
  return ctx.reader ? ctx.reader.run(() => introspectContainer(raw, ctx), false) : introspectContainer(raw, ctx);
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

function finish(containers: ContainerAnatomy[], ctx: HostContext, peers: LinkPeer[], missing: string[], opts: SnapshotOptions): Result {
  let shown = containers;
  if (!opts.all && !(opts.only && opts.only.length)) shown = shown.filter((c) => hasProcess(c.state));
  linkContainers(shown, ctx.host, peers);
  shown.sort(byStateThenName);
  return { snapshot: { schemaVersion: 1, takenAt: new Date().toISOString(), host: ctx.host, containers: shown }, ctx, missing };
}

async function snapshotOnce(engine: Engine, opts: SnapshotOptions): Promise<Result> {
  const roots = opts.roots ?? REAL_ROOTS;
  const answers = askEngine(engine);
  const source = await kernelSource(engine, answers, roots, opts.helpers, opts.forceHelper);
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
  const ctx = await introspectHost(engine, roots, { answers, notLocal, ...(helperReason ? { helperReason } : {}) });
  const { ids, missing, others } = choose((await answers).list, opts);
  const inspected = await mapLimit(ids, INSPECT_CONCURRENCY, (id) => inspectOne(engine, id, ctx));
  const peers = (await mapLimit(others, INSPECT_CONCURRENCY, async (id) => {
    try {
      return await readPeer(await engine.inspectContainer(id), ctx);
    } catch {
      return null; // gone since the list: it shares nothing any more
    }
  })).filter((p): p is LinkPeer => !!p);
  return finish(inspected.filter((c): c is ContainerAnatomy => !!c), ctx, peers, missing, opts);
}

/** Every inspect first, then the kernel's files of all of them in a few batched rounds. */
async function throughHelper(engine: Engine, opts: SnapshotOptions, answers: Promise<EngineAnswers>, reader: HelperReader): Promise<Result> {
  reader.prefetch();
  const { ids, missing, others } = choose((await answers).list, opts);
  const [raws, peerRaws] = await Promise.all([
    mapLimit(ids, INSPECT_CONCURRENCY, (id) => inspectRaw(engine, id)),
    mapLimit(others, INSPECT_CONCURRENCY, (id) => inspectRaw(engine, id).catch(() => undefined)),
  ]);
  const helper = { container: reader.helper.id, image: reader.helper.image };
  const { ctx, containers, peers } = await reader.run(async () => {
    const ctx = await introspectHost(engine, REAL_ROOTS, { answers, notLocal: null, helper });
    const containers = await Promise.all(raws.filter((r) => !!r).map((r) => introspectContainer(r, ctx)));
    const peers = (await Promise.all(peerRaws.filter((r) => !!r).map((r) => readPeer(r, ctx)))).filter((p): p is LinkPeer => !!p);
    return { ctx, containers, peers };
  }, true);
  ctx.reader = reader;
  return finish(containers, ctx, peers, missing, opts);
}

const STATE_ORDER: Record<string, number> = { running: 0, restarting: 1, paused: 2, created: 3, exited: 4, dead: 5, removing: 6 };

export function byStateThenName(a: ContainerAnatomy, b: ContainerAnatomy): number {
  return (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9) || a.name.localeCompare(b.name);
}
