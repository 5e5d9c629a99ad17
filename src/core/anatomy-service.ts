/**
 * The live model: list once, then follow /events and re-read only the containers an event
 * names. Nothing here polls; while paused no request is made at all.
 */
import * as os from 'node:os';
import { connectEngine, type Engine } from './engine/connection';
import { resolveEndpoint } from './engine/endpoint';
import { toEngineError, type EngineError } from './engine/errors';
import { EventWatcher, type EngineEvent } from './engine/watcher';
import type { HelperManager } from './helper/manager';
import { linkContainers, listNetworks, REAL_ROOTS, rereadHostLinks, type HostContext, type Roots } from './introspect';
import { withReadCache } from './procfs/files';
import type { ContainerAnatomy, HostAnatomy, NamespaceType, Snapshot } from './model';
import { NAMESPACE_TYPES, valueOf } from './model';
import type { AnatomyChange, AnatomyService, Disposer, EngineStatus } from './service';
import { byStateThenName, inspectOne, matchesRef, takeSnapshot } from './snapshot';

export interface AnatomyServiceOptions {
  host?: string;
  context?: string;
  roots?: Roots;
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
  /** Coalesce a burst of events for one container into one re-read. */
  debounceMs?: number;
  connectTimeoutMs?: number;
  /** Told about failures that leave the model as it was (e.g. one container's re-read). */
  onError?: (message: string) => void;
  /** Reads kernel facts through a helper container when this machine cannot (with consent). */
  helpers?: HelperManager;
}

/** What an event may have changed beyond the container itself: the network list, the host's links. */
interface Stale {
  networks: boolean;
  links: boolean;
}

/** Errors that mean the engine itself is out of reach, not that one request went wrong. */
const CONNECTION_ERRORS = new Set(['socket-missing', 'permission-denied', 'timeout', 'refused', 'tls', 'ssh']);

/** Waits between attempts to reach an engine that is not answering. */
const RETRY_MS = [1000, 2000, 5000, 10000, 30000];

/** Events after which a container's anatomy is re-read; others (kill, stop, …) are followed by one of these. */
const REREAD = new Set(['create', 'start', 'die', 'rename', 'pause', 'unpause', 'update', 'oom', 'restart', 'connect', 'disconnect']);

export function createAnatomyService(opts: AnatomyServiceOptions = {}): AnatomyService {
  return new LiveAnatomyService(opts);
}

class LiveAnatomyService implements AnatomyService {
  status: EngineStatus = { kind: 'connecting', endpoint: '' };
  private engine: Engine | undefined;
  private watcher: EventWatcher | undefined;
  private ctx: HostContext | undefined;
  private containers = new Map<string, ContainerAnatomy>();
  private takenAt = new Date(0).toISOString();
  private listeners = new Set<(c: AnatomyChange) => void>();
  private pending = new Map<string, { timer: NodeJS.Timeout; stale: Stale }>();
  private generation = 0;
  private starting: Promise<void> | undefined;
  private startingGeneration = -1;
  /** Per container: bumped by each re-read and by destroy, so a late answer cannot resurrect or roll back. */
  private readSeq = new Map<string, number>();
  private paused = false;
  private retries = 0;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: AnatomyServiceOptions) {}

  snapshot(): Snapshot {
    const containers = [...this.containers.values()].sort(byStateThenName);
    return { schemaVersion: 1, takenAt: this.takenAt, host: this.ctx?.host ?? emptyHost(this.status.endpoint), containers };
  }

  container(idOrName: string): ContainerAnatomy | undefined {
    return this.containers.get(idOrName) ?? [...this.containers.values()].find((c) => matchesRef(c, idOrName));
  }

  host(): HostAnatomy | undefined {
    return this.ctx?.host;
  }

  onDidChange(listener: (change: AnatomyChange) => void): Disposer {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<void> {
    this.paused = false;
    if (this.watcher && this.status.kind === 'ready') return Promise.resolve();
    // A start still on its way is reused only if nothing (refresh, pause) superseded it.
    if (this.starting && this.startingGeneration === this.generation) return this.starting;
    // Drop a watcher kept through an outage and its engine before connecting anew.
    this.stopWatching();
    const starting = this.connectAndList();
    this.startingGeneration = this.generation;
    this.starting = starting;
    void starting.finally(() => {
      if (this.starting === starting) this.starting = undefined;
    });
    return starting;
  }

  async refresh(): Promise<void> {
    this.stopWatching();
    await this.start();
  }

  async refreshContainer(id: string): Promise<ContainerAnatomy | undefined> {
    if (!this.engine || !this.ctx) {
      await this.start();
      return this.container(id);
    }
    await this.reread(this.container(id)?.id ?? id);
    return this.container(id);
  }

  pause(): void {
    this.paused = true;
    this.stopWatching();
  }

  dispose(): void {
    this.pause();
    this.listeners.clear();
  }

  private emit(change: AnatomyChange): void {
    for (const l of [...this.listeners]) {
      try {
        l(change);
      } catch {
        // A view's listener failing must not stop the others from hearing the change.
        continue;
      }
    }
  }

  private setStatus(s: EngineStatus): void {
    this.status = s;
    this.emit({ updated: [], removed: [], host: true });
  }

  private stopWatching(): void {
    this.generation++;
    this.watcher?.stop();
    this.watcher = undefined;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    this.engine?.dispose();
    this.engine = undefined;
  }

  private async connectAndList(): Promise<void> {
    const gen = ++this.generation;
    let endpoint = '';
    try {
      const choice = resolveEndpoint(this.opts.env ?? process.env, this.opts.homeDir ?? os.homedir(), {
        ...(this.opts.host ? { host: this.opts.host } : {}),
        ...(this.opts.context ? { context: this.opts.context } : {}),
      });
      endpoint = choice.endpoint;
      if (this.status.kind !== 'connecting' || this.status.endpoint !== endpoint) this.setStatus({ kind: 'connecting', endpoint });
      const engine = await connectEngine(choice, { timeoutMs: this.opts.connectTimeoutMs ?? 5000 });
      if (gen !== this.generation) return engine.dispose();
      this.engine = engine;
      const since = Math.floor(Date.now() / 1000) - 1;
      const { snapshot, ctx } = await takeSnapshot(engine, { all: true, roots: this.opts.roots ?? REAL_ROOTS, helpers: this.opts.helpers });
      if (gen !== this.generation) return;
      this.ctx = ctx;
      const before = new Set(this.containers.keys());
      this.containers = new Map(snapshot.containers.map((c) => [c.id, c]));
      this.takenAt = snapshot.takenAt;
      this.watch(engine, since, gen);
      this.status = { kind: 'ready', endpoint };
      this.retries = 0;
      this.emit({ updated: [...this.containers.keys()], removed: [...before].filter((id) => !this.containers.has(id)), host: true });
    } catch (err) {
      if (gen !== this.generation) return;
      this.fail(err, endpoint);
    }
  }

  /** The engine is gone: say why, forget its containers, and try again later with backoff. */
  private fail(err: unknown, endpoint: string, keepWatcher = false): void {
    const e: EngineError = toEngineError(err, endpoint);
    if (!keepWatcher) {
      this.stopWatching();
      this.scheduleRetry();
    }
    const removed = [...this.containers.keys()];
    this.containers.clear();
    this.status = { kind: 'unreachable', endpoint: e.endpoint || endpoint, reason: e.hint ? `${e.message} — ${e.hint}` : e.message, code: e.code };
    this.emit({ updated: [], removed, host: true });
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.paused) return;
    const delay = RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)];
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.paused) void this.start();
    }, delay);
  }

  private watch(engine: Engine, since: number, gen: number): void {
    const w = new EventWatcher(engine);
    this.watcher = w;
    w.onEvent((e) => {
      if (gen === this.generation) this.onEvent(e);
    });
    w.onStatus((s) => {
      if (gen !== this.generation) return;
      // The watcher reconnects by itself; while it is away the engine is unreachable, and
      // when it is back everything is listed again (events may have been missed).
      if (!s.connected) this.fail(s.error ?? new Error('the event stream ended'), engine.choice.endpoint, true);
      else if (this.status.kind === 'unreachable') void this.refresh();
    });
    w.start(since);
  }

  private onEvent(e: EngineEvent): void {
    if (e.type === 'network') {
      const id = e.attributes.container;
      if (id && REREAD.has(e.action)) this.schedule(id, { networks: true, links: true });
      return;
    }
    if (e.action === 'destroy') {
      this.cancel(e.id);
      this.bumpSeq(e.id);
      if (this.containers.delete(e.id)) this.afterChange([], [e.id]);
      return;
    }
    // Only a start makes new veths; other events leave the host's links as they were.
    if (REREAD.has(e.action)) this.schedule(e.id, { networks: false, links: e.action === 'start' || e.action === 'restart' });
  }

  /** Cancels a queued re-read of `id`; returns what it would have refreshed. */
  private cancel(id: string): Stale {
    const p = this.pending.get(id);
    if (p) clearTimeout(p.timer);
    this.pending.delete(id);
    return p?.stale ?? { networks: false, links: false };
  }

  /** Queues one re-read of `id` for a burst of events, refreshing what any of them made stale. */
  private schedule(id: string, stale: Stale): void {
    const before = this.cancel(id);
    const merged = { networks: before.networks || stale.networks, links: before.links || stale.links };
    const gen = this.generation;
    const timer = setTimeout(() => {
      this.pending.delete(id);
      if (gen === this.generation) void this.reread(id, merged).catch((err) => this.rereadFailed(id, err));
    }, this.opts.debounceMs ?? 30);
    this.pending.set(id, { timer, stale: merged });
  }

  /** Re-reads one container; refreshes the host-wide pieces it depends on (new veths, new networks, names). */
  private async reread(id: string, stale: Stale = { networks: true, links: true }): Promise<void> {
    const engine = this.engine;
    const ctx = this.ctx;
    if (!engine || !ctx) return;
    const gen = this.generation;
    const seq = this.bumpSeq(id);
    const prev = this.containers.get(id);
    const [networks, hostLinks] = await Promise.all([
      stale.networks || !prev ? listNetworks(engine) : Promise.resolve(ctx.networks),
      !ctx.notLocal && (stale.links || !prev) ? rereadHostLinks(ctx) : Promise.resolve(ctx.hostLinks),
    ]);
    const fresh = await withReadCache(() => inspectOne(engine, id, { ...ctx, networks, hostLinks, names: this.names(id) }));
    // Superseded: the service reconnected, a newer re-read of this container started, or it was destroyed.
    if (gen !== this.generation || this.readSeq.get(id) !== seq) return;
    ctx.networks = networks;
    ctx.hostLinks = hostLinks;
    if (!fresh) {
      if (this.containers.delete(id)) this.afterChange([], [id]);
      return;
    }
    this.containers.set(fresh.id, fresh);
    this.afterChange([fresh.id], []);
  }

  private bumpSeq(id: string): number {
    const next = (this.readSeq.get(id) ?? 0) + 1;
    this.readSeq.set(id, next);
    return next;
  }

  /**
   * A re-read of one container failed. The engine being gone is an outage for every view;
   * anything else (an API error about this container) keeps what was known and is reported.
   */
  private rereadFailed(id: string, err: unknown): void {
    const e = toEngineError(err, this.status.endpoint);
    if (CONNECTION_ERRORS.has(e.code)) this.fail(e, this.status.endpoint);
    else this.opts.onError?.(`re-reading container ${id.slice(0, 12)} failed: ${e.message}`);
  }

  private names(extraId: string): Map<string, string> {
    const m = new Map([...this.containers.values()].map((c) => [c.id, c.name]));
    if (!m.has(extraId)) m.set(extraId, extraId);
    return m;
  }

  /** Re-links shared namespaces and reports every container whose links changed too. */
  private afterChange(updated: string[], removed: string[]): void {
    const all = [...this.containers.values()];
    const before = new Map(all.map((c) => [c.id, linkKey(c)]));
    linkContainers(all, this.ctx?.host);
    const changed = new Set(updated);
    for (const c of all) if (before.get(c.id) !== linkKey(c)) changed.add(c.id);
    this.takenAt = new Date().toISOString();
    this.emit({ updated: [...changed], removed, host: false });
  }
}

/** Views show "shared with host" for the host's namespaces, not who else is in them, so that list is left out. */
function linkKey(c: ContainerAnatomy): string {
  return NAMESPACE_TYPES.map((t: NamespaceType) => `${valueOf(c.namespaces[t].sharedWithHost, false) ? 'host' : c.namespaces[t].sharedWithContainers.join(',')}|${c.namespaces[t].mode.sharesWith?.name ?? ''}`).join(';') + (c.network.sharesWith?.name ?? '');
}

function emptyHost(endpoint: string): HostAnatomy {
  const why = { unavailable: 'not connected to the engine yet' };
  const namespaces = Object.fromEntries(NAMESPACE_TYPES.map((t) => [t, { type: t, inode: why, pid1Inode: why }])) as HostAnatomy['namespaces'];
  return {
    hostname: why,
    namespaces,
    cgroup: { version: why, driver: why },
    bridges: why,
    memTotalBytes: why,
    onlineCpus: why,
    engine: { endpoint, context: null, apiVersion: '', serverVersion: '', os: '', kernelVersion: '', ncpu: 0, memTotalBytes: 0, rootDir: '', securityOptions: [], local: false },
  };
}
