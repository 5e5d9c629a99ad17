import type { Engine } from './engine/connection';
import { toEngineError } from './engine/errors';
import { introspectContainer, introspectHost, linkContainers, readPeer, REAL_ROOTS, type HostContext, type LinkPeer, type Roots } from './introspect';
import { hasProcess, type ContainerAnatomy, type Snapshot } from './model';
import { mapLimit } from './pool';
import { withReadCache } from './procfs/files';

/** How many inspects and /proc walks run at once: enough to hide latency, few enough not to flood dockerd. */
export const INSPECT_CONCURRENCY = 16;
/**
 * Over ssh:// every request is an ssh connection of its own (docker-modem), and OpenSSH's
 * default MaxStartups (10:30:100) starts dropping unauthenticated connections beyond 10.
 */
export const SSH_INSPECT_CONCURRENCY = 4;

function concurrency(engine: Engine): number {
  return engine.choice.kind === 'ssh' ? SSH_INSPECT_CONCURRENCY : INSPECT_CONCURRENCY;
}

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
  let raw;
  try {
    raw = await engine.inspectContainer(id);
  } catch (err) {
    const e = toEngineError(err, engine.choice.endpoint);
    if (e.code === 'not-found') return undefined;
    throw e;
  }
  return introspectContainer(raw, ctx);
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
  const inspected = await mapLimit([...new Set(ids)], concurrency(engine), (id) => inspectOne(engine, id, ctx));
  let containers = inspected.filter((c): c is ContainerAnatomy => !!c);
  if (!opts.all && !(opts.only && opts.only.length)) containers = containers.filter((c) => hasProcess(c.state));
  // Showing some containers: the others still count when saying who shares a namespace.
  let peers: LinkPeer[] = [];
  if (opts.only && opts.only.length) {
    const others = listed.filter((c) => !ids.includes(c.id) && ctx.running.has(c.id)).map((c) => c.id);
    peers = (await mapLimit(others, concurrency(engine), async (id) => {
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
