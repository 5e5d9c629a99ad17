/**
 * The live model: list once, then follow /events and re-read only the containers an event
 * names. Nothing here polls the engine; while paused no request is made at all.
 *
 * Faults stay where they happen: a container that cannot be read is marked with the reason
 * (and read again on its next event or a refresh); only an engine that stops answering
 * /_ping is an outage. When the event stream is cut (the engine restarted, a proxy dropped
 * it) the watcher reconnects with backoff and the model is reconciled by listing again, so
 * events lost in the gap do not leave it stale.
 */
import * as os from 'node:os';
import { connectEngine, DEFAULT_TIMEOUT_MS, type Engine } from './engine/connection';
import { resolveEndpoint } from './engine/endpoint';
import { toEngineError, type EngineError } from './engine/errors';
import { EventWatcher, type EngineEvent } from './engine/watcher';
import type { HelperManager } from './helper/manager';
import { linkContainers, listNetworks, REAL_ROOTS, rereadHostLinks, type HostContext, type Roots } from './introspect';
import { hostBridgesOf } from './bridges';
import { withReadCache } from './procfs/files';
import type { ContainerAnatomy, HostAnatomy, Snapshot } from './model';
import { NAMESPACE_TYPES, isFact } from './model';
import { notifyAll, type AnatomyChange, type AnatomyService, type Disposer, type EngineStatus } from './service';
import { byStateThenName, checkOutage, matchesRef, readContainer, swarmOf, takeSnapshot, type ReadResult, type SnapshotProgress } from './snapshot';
import { HOST_PENDING, listedContainer, readFailureReason, unreadContainer } from './unread';
import { refreshUsageOf } from './usage';

export interface AnatomyServiceOptions {
  host?: string;
  context?: string;
  roots?: Roots;
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
  /** Coalesce a burst of events into one batch of re-reads. */
  debounceMs?: number;
  /** The deadline of every engine request (default DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Delays before the event stream is reconnected after it was cut; the last repeats. */
  streamBackoffMs?: number[];
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

/** Waits between attempts to reach an engine that is not answering. */
const RETRY_MS = [1000, 2000, 5000, 10000, 30000];

/** Events after which a container's anatomy is re-read; others (kill, stop, …) are followed by one of these. */
const REREAD = new Set(['create', 'start', 'die', 'rename', 'pause', 'unpause', 'update', 'oom', 'restart', 'connect', 'disconnect']);

/** Re-reads in flight at once, over all batches: a hung inspect holds one of these, never the others. */
const REREAD_CONCURRENCY = 8;
/** More events than this within STORM_WINDOW_MS is a storm: batches then wait STORM_DEBOUNCE_MS to coalesce. */
const STORM_EVENTS = 40;
const STORM_WINDOW_MS = 1000;
const STORM_DEBOUNCE_MS = 250;
/** During the first read, containers read within this long are told to the views together. */
const FIRST_READ_EMIT_MS = 50;
/** How long after a task's container event the swarm's services and tasks are read again. */
const SWARM_DEBOUNCE_MS = 500;
/**
 * How many more reads, SWARM_DEBOUNCE_MS apart, while a task is still on its way to the state
 * it is meant to be in: the manager moves it to "running" after its container's start event,
 * and no event says so (the stream carries container and network events only).
 */
const SWARM_SETTLE_READS = 20;
/** Task states between a task's creation and running (Docker's TaskState). */
const TASK_ON_ITS_WAY = new Set(['new', 'allocated', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting']);

/** True when a task the manager wants running is not there yet. */
function settling(swarm: Snapshot['swarm']): boolean {
  const services = swarm?.services;
  return !!services && isFact(services) && services.value.some((s) => s.tasks.some((t) => t.desiredState === 'running' && TASK_ON_ITS_WAY.has(t.state)));
}

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
  /** Containers named by events since the last batch, and the host-wide pieces (no container) to refresh. */
  private pending = new Map<string, Stale>();
  private hostPending: Stale = { networks: false, links: false };
  private flushTimer: NodeJS.Timeout | undefined;
  private recentEvents: number[] = [];
  private generation = 0;
  private starting: Promise<void> | undefined;
  private startingGeneration = -1;
  /**
   * Per container: the number of the latest read or destroy touching it, so a late answer cannot
   * resurrect or roll back. Numbers come from one counter; entries of containers no longer in
   * the model are dropped whenever no read is in flight, so the map stays as big as the model.
   */
  private readSeq = new Map<string, number>();
  private seqCounter = 0;
  private inflight = 0;
  /** Re-read batches started by events and not finished yet. */
  private readonly batches = new Set<Promise<void>>();
  private slots = new Slots(REREAD_CONCURRENCY);
  private paused = false;
  /** Counts start() calls from views, so a one-off refresh while paused knows whether to pause again. */
  private startsAsked = 0;
  /** The event stream was cut since the last list: list again once it is back. */
  private streamLost = false;
  private retries = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private lastHostKey = '';
  /** The engine's swarm as last read (services and tasks); undefined when it is in none. */
  private swarm: Snapshot['swarm'];
  private swarmTimer: NodeJS.Timeout | undefined;
  /** Reads made since the last event while a task was still settling (see SWARM_SETTLE_READS). */
  private swarmSettleReads = 0;

  constructor(private readonly opts: AnatomyServiceOptions) {}

  snapshot(): Snapshot {
    const containers = [...this.containers.values()].sort(byStateThenName);
    return { schemaVersion: 1, takenAt: this.takenAt, host: this.ctx?.host ?? emptyHost(this.status.endpoint, this.engine), containers, ...(this.swarm ? { swarm: this.swarm } : {}) };
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
    this.startsAsked++;
    return this.begin();
  }

  private begin(): Promise<void> {
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
    const wasPaused = this.paused;
    const asked = this.startsAsked;
    try {
      if (!this.engine || !this.ctx) {
        await this.begin();
        return this.container(id);
      }
      const full = this.container(id)?.id ?? id;
      this.cancel(full);
      await this.readBatch(new Map([[full, { networks: true, links: true }]]), this.generation);
      return this.container(id);
    } finally {
      // A refresh asked while nothing was looking reads once; it does not resume the event stream.
      if (wasPaused && this.startsAsked === asked) this.pause();
    }
  }

  async refreshUsage(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx || ctx.notLocal || this.status.kind !== 'ready') return;
    const gen = this.generation;
    const changed = await refreshUsageOf([...this.containers.values()], ctx);
    if (gen !== this.generation || !changed.length) return;
    const updated: string[] = [];
    for (const c of changed) {
      // Only onto the read it was taken from: a re-read that landed meanwhile is newer.
      if (this.containers.get(c.id)?.readAt !== c.readAt) continue;
      this.containers.set(c.id, c);
      updated.push(c.id);
    }
    if (updated.length) this.emit({ updated, removed: [], host: false, usage: true });
  }

  async engineStats(id: string): Promise<unknown> {
    if (!this.engine) throw new Error('not connected to the engine yet');
    const options = { stream: false, 'one-shot': true } as { stream: false };
    return this.engine.docker.getContainer(id).stats(options);
  }

  pause(): void {
    this.paused = true;
    this.stopWatching();
    if (this.status.kind === 'ready') this.setStatus({ kind: 'paused', endpoint: this.status.endpoint });
  }

  dispose(): void {
    this.pause();
    this.listeners.clear();
  }

  private emit(change: AnatomyChange): void {
    notifyAll(this.listeners, change);
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
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.swarmTimer) clearTimeout(this.swarmTimer);
    this.swarmTimer = undefined;
    this.pending.clear();
    this.hostPending = { networks: false, links: false };
    this.streamLost = false;
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
      const engine = await connectEngine(choice, { timeoutMs: this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS });
      if (gen !== this.generation) return engine.dispose();
      this.engine = engine;
      const since = Math.floor(Date.now() / 1000) - 1;
      this.inflight++;
      const startSeq = this.seqCounter;
      try {
        const ready = (): void => {
          this.watch(engine, since, gen);
          this.status = { kind: 'ready', endpoint };
          this.retries = 0;
        };
        const first = this.firstLook(engine, gen, startSeq, ready);
        const { snapshot, ctx } = await takeSnapshot(engine, { all: true, roots: this.opts.roots ?? REAL_ROOTS, helpers: this.opts.helpers, progress: first.progress });
        if (gen !== this.generation) return;
        this.swarm = snapshot.swarm;
        if (first.shown()) {
          // Every container is in the model already, each as its read ended, except those an
          // event re-read meanwhile (the look's own read of them was set aside as older): the
          // look ends when those reads do too.
          first.flush();
          this.ctx = ctx;
          await Promise.all([...this.batches]);
        } else {
          ready();
          this.apply(snapshot.containers, ctx, startSeq, true);
        }
      } finally {
        this.settle();
      }
    } catch (err) {
      if (gen !== this.generation) return;
      this.fail(err, endpoint);
    }
  }

  /**
   * The first look: as soon as the host side and the container list are in, every listed
   * container goes into the model at once (marked as being read), in the order the views show
   * them, which is also the order they are read in; each read goes into the model as it ends
   * (the views hear of them in bunches). A container that an event or an expanded row re-read
   * meanwhile, or that was destroyed, keeps that newer state.
   */
  private firstLook(engine: Engine, gen: number, startSeq: number, ready: () => void): { progress: SnapshotProgress; shown: () => boolean; flush: () => void } {
    let shown = false;
    /** The rows `seen` put in from the list alone. */
    let placed: Set<string> | undefined;
    let seqs = new Map<string, number>();
    let due: string[] = [];
    let gone: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    const flush = (): void => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (gen !== this.generation || (!due.length && !gone.length)) return;
      const [updated, removed] = [due, gone];
      due = [];
      gone = [];
      this.afterChange(updated, removed, false);
    };
    const progress: SnapshotProgress = {
      // The rows, from the list alone: as soon as it is in, before the host side is read, and
      // again while the helper container is asked for and starts (a person's answer, then
      // seconds), each saying what it waits for. The engine has answered, so it is not
      // "connecting" any more. The event stream starts with the first read as before; it
      // replays from `since`.
      seen: (list, pending) => {
        if (gen !== this.generation || shown || (this.status.kind !== 'connecting' && !placed)) return;
        const rows = list.map((entry) => listedContainer(entry, pending)).sort(byStateThenName);
        const updated: string[] = [];
        for (const c of rows) {
          // A row this look placed is told again what it waits for (the helper, once that is known).
          const prev = this.containers.get(c.id);
          if (prev && !(placed?.has(c.id) && prev.reading)) continue;
          this.containers.set(c.id, c);
          updated.push(c.id);
        }
        placed ??= new Set();
        for (const id of updated) placed.add(id);
        this.status = { kind: 'ready', endpoint: engine.choice.endpoint };
        this.emit({ updated, removed: [], host: true });
      },
      listed: (ctx, ids) => {
        if (gen !== this.generation) return ids;
        ready();
        const listed = ids.map((id) => listedContainer(ctx.listed.get(id) ?? { Id: id })).sort(byStateThenName);
        this.apply(listed, ctx, startSeq, true);
        shown = true;
        // One already re-read since the list (an event, an expanded row) is that read's to finish.
        seqs = new Map(listed.filter((c) => (this.readSeq.get(c.id) ?? 0) <= startSeq).map((c) => [c.id, this.bumpSeq(c.id)]));
        return listed.map((c) => c.id);
      },
      read: (id, r) => {
        if (!seqs.has(id) || gen !== this.generation || this.readSeq.get(id) !== seqs.get(id)) return;
        this.put(id, r, due, gone);
        timer ??= setTimeout(flush, FIRST_READ_EMIT_MS);
      },
    };
    return { progress, shown: () => shown, flush };
  }

  /**
   * Puts a fresh list into the model: containers read again since `startSeq` (or destroyed)
   * keep what that newer read said; a container that failed now keeps its earlier facts.
   */
  private apply(listed: ContainerAnatomy[], ctx: HostContext, startSeq: number, hostChanged: boolean): void {
    const fresh = new Map(listed.map((c) => [c.id, c]));
    const newer = (id: string): boolean => (this.readSeq.get(id) ?? 0) > startSeq;
    const updated: string[] = [];
    const removed: string[] = [];
    for (const id of [...this.containers.keys()]) {
      if (!fresh.has(id) && !newer(id)) {
        this.containers.delete(id);
        removed.push(id);
      }
    }
    for (const [id, c] of fresh) {
      if (newer(id)) continue;
      const prev = this.containers.get(id);
      // Listed, not read yet: what the model already knows of it stays until the read ends.
      if (c.reading && prev) continue;
      const next = c.readFailure && c.readAt === null && prev && prev.readAt !== null ? { ...prev, readFailure: c.readFailure } : c;
      this.containers.set(id, next);
      updated.push(id);
    }
    this.ctx = ctx;
    const all = [...this.containers.values()];
    linkContainers(all, ctx.host);
    const hostKey = JSON.stringify(ctx.host);
    const host = hostChanged || hostKey !== this.lastHostKey;
    this.lastHostKey = hostKey;
    this.takenAt = new Date().toISOString();
    this.emit({ updated, removed, host });
  }

  /** The engine is gone: say why, forget its containers, and try again later with backoff. */
  private fail(err: unknown, endpoint: string): void {
    const e: EngineError = toEngineError(err, endpoint);
    this.stopWatching();
    this.scheduleRetry();
    const removed = [...this.containers.keys()];
    this.containers.clear();
    this.readSeq.clear();
    this.status = { kind: 'unreachable', endpoint: e.endpoint || endpoint, reason: e.hint ? `${e.message} — ${e.hint}` : e.message, code: e.code };
    this.emit({ updated: [], removed, host: true });
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.paused) return;
    const delay = RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)];
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.paused) void this.begin();
    }, delay);
  }

  private watch(engine: Engine, since: number, gen: number): void {
    const w = new EventWatcher(engine, { connectTimeoutMs: engine.timeoutMs, ...(this.opts.streamBackoffMs ? { backoffMs: this.opts.streamBackoffMs } : {}) });
    this.watcher = w;
    w.onEvent((e) => {
      if (gen === this.generation) this.onEvent(e);
    });
    w.onStatus((s) => {
      if (gen !== this.generation) return;
      if (!s.connected) {
        // The watcher reconnects by itself. Whether the engine is gone is /_ping's to say.
        this.streamLost = true;
        void engine.ping().catch((err: unknown) => {
          if (gen === this.generation) this.fail(err, engine.choice.endpoint);
        });
      } else if (this.streamLost) {
        this.streamLost = false;
        void this.reconcile(engine, gen);
      }
    });
    w.start(since);
  }

  /** Lists everything again after the event stream came back: events in the gap may be lost. */
  private async reconcile(engine: Engine, gen: number): Promise<void> {
    this.inflight++;
    const startSeq = this.seqCounter;
    try {
      const { snapshot, ctx } = await takeSnapshot(engine, { all: true, roots: this.opts.roots ?? REAL_ROOTS });
      if (gen !== this.generation) return;
      this.swarm = snapshot.swarm;
      this.apply(snapshot.containers, ctx, startSeq, false);
    } catch (err) {
      if (gen !== this.generation) return;
      // The list failed although the stream is back: an outage only if /_ping says so.
      try {
        await engine.ping();
        this.opts.onError?.(`listing again after the event stream returned failed: ${toEngineError(err, engine.choice.endpoint).message}`);
        this.streamLost = true; // try again when the stream next reconnects or on a refresh
      } catch (pingErr) {
        if (gen === this.generation) this.fail(pingErr, engine.choice.endpoint);
      }
    } finally {
      this.settle();
    }
  }

  private onEvent(e: EngineEvent): void {
    this.recentEvents.push(Date.now());
    if (this.recentEvents.length > STORM_EVENTS) this.recentEvents.shift();
    if (e.attributes['com.docker.swarm.service.id'] || (e.type === 'network' && (e.action === 'create' || e.action === 'destroy'))) this.scheduleSwarm();
    if (e.type === 'network') {
      const id = e.attributes.container;
      if (id && REREAD.has(e.action)) this.schedule(id, { networks: true, links: true });
      // A network made or removed: the bridges change with it.
      else if (e.action === 'create' || e.action === 'destroy') this.scheduleHost({ networks: true, links: true });
      return;
    }
    if (e.action === 'destroy') {
      this.cancel(e.id);
      // A read in flight must not bring it back; with none, there is nothing to guard against.
      if (this.inflight > 0) this.bumpSeq(e.id);
      else this.readSeq.delete(e.id);
      if (this.containers.delete(e.id)) this.afterChange([], [e.id], false);
      return;
    }
    // Only a start makes new veths (and a die removes them); other events leave the host's links as they were.
    if (REREAD.has(e.action)) this.schedule(e.id, { networks: false, links: e.action === 'start' || e.action === 'restart' || e.action === 'die' });
  }

  /**
   * Services and tasks again, a moment after a task's container or a network changed (the
   * event stream carries container and network events only; tasks on other nodes show on the
   * next refresh). Only while the engine is in a swarm.
   */
  private scheduleSwarm(settle = false): void {
    if (this.swarmTimer || !this.swarm) return;
    if (!settle) this.swarmSettleReads = 0;
    const gen = this.generation;
    this.swarmTimer = setTimeout(() => {
      this.swarmTimer = undefined;
      const { engine, ctx } = this;
      if (!engine || !ctx || gen !== this.generation) return;
      swarmOf(engine, ctx).then(
        (swarm) => {
          if (gen !== this.generation) return;
          if (JSON.stringify(swarm) !== JSON.stringify(this.swarm)) {
            this.swarm = swarm;
            this.afterChange([], [], true);
          }
          // A task still starting reaches "running" without an event: read again until it does.
          if (settling(swarm) && this.swarmSettleReads++ < SWARM_SETTLE_READS) this.scheduleSwarm(true);
        },
        (err: unknown) => this.opts.onError?.(`reading the swarm's services failed: ${toEngineError(err, engine.choice.endpoint).message}`),
      );
    }, SWARM_DEBOUNCE_MS);
  }

  private cancel(id: string): void {
    this.pending.delete(id);
  }

  /** Queues a re-read of `id` into the next batch, refreshing what any of its events made stale. */
  private schedule(id: string, stale: Stale): void {
    const before = this.pending.get(id);
    this.pending.set(id, { networks: !!before?.networks || stale.networks, links: !!before?.links || stale.links });
    this.armFlush();
  }

  private scheduleHost(stale: Stale): void {
    this.hostPending = { networks: this.hostPending.networks || stale.networks, links: this.hostPending.links || stale.links };
    this.armFlush();
  }

  private armFlush(): void {
    if (this.flushTimer) return;
    const storm = this.recentEvents.length >= STORM_EVENTS && Date.now() - this.recentEvents[0] < STORM_WINDOW_MS;
    const gen = this.generation;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      if (gen !== this.generation) return;
      const batch = this.pending;
      this.pending = new Map();
      const run = this.readBatch(batch, gen).catch((err: unknown) => this.opts.onError?.(`re-reading containers failed: ${toEngineError(err, this.status.endpoint).message}`));
      this.batches.add(run);
      void run.finally(() => this.batches.delete(run));
    }, storm ? STORM_DEBOUNCE_MS : (this.opts.debounceMs ?? 30));
  }

  /**
   * Re-reads a batch of containers: the network list and the host's links once for the whole
   * batch, each container on its own (a slow one holds one slot, not the batch).
   */
  private async readBatch(batch: Map<string, Stale>, gen: number): Promise<void> {
    const engine = this.engine;
    const ctx = this.ctx;
    const hostStale = this.hostPending;
    this.hostPending = { networks: false, links: false };
    if (!engine || !ctx || (batch.size === 0 && !hostStale.networks && !hostStale.links)) return;
    const seqs = new Map([...batch.keys()].map((id) => [id, this.bumpSeq(id)]));
    const any = (k: keyof Stale): boolean => hostStale[k] || [...batch].some(([id, s]) => s[k] || !this.containers.has(id));
    this.inflight++;
    try {
      let networks: HostContext['networks'];
      let hostLinks: HostContext['hostLinks'];
      try {
        [networks, hostLinks] = await Promise.all([
          any('networks') ? listNetworks(engine) : Promise.resolve(ctx.networks),
          !ctx.notLocal && any('links') ? rereadHostLinks(ctx) : Promise.resolve(ctx.hostLinks),
        ]);
      } catch (err) {
        if (gen === this.generation) await this.batchFailed(engine, gen, batch, seqs, err);
        return;
      }
      if (gen !== this.generation) return;
      if (this.updateHost(ctx, networks, hostLinks)) this.afterChange([], [], true);
      const readCtx: HostContext = { ...ctx, networks, hostLinks, names: this.names(batch.keys()) };
      // Each container is put into the model as soon as its own read ends.
      await withReadCache(() =>
        Promise.all(
          [...batch.keys()].map(async (id) => {
            const r = await this.slots.run(() => readContainer(engine, id, readCtx));
            if (r.kind === 'failed') await checkOutage(engine, [r.error]);
            // Superseded: the service reconnected, a newer read of this container started, or it was destroyed.
            if (gen !== this.generation || this.readSeq.get(id) !== seqs.get(id)) return;
            const updated: string[] = [];
            const removed: string[] = [];
            this.put(id, r, updated, removed);
            this.afterChange(updated, removed, false);
          }),
        ),
      );
    } catch (err) {
      // checkOutage: /_ping does not answer either.
      if (gen === this.generation) this.fail(err, engine.choice.endpoint);
    } finally {
      this.settle();
    }
  }

  /**
   * The network list of a batch failed, so none of it can be read. An engine that no longer
   * answers /_ping is an outage; otherwise every container of the batch is marked with the reason.
   */
  private async batchFailed(engine: Engine, gen: number, batch: Map<string, Stale>, seqs: Map<string, number>, err: unknown): Promise<void> {
    try {
      await engine.ping();
    } catch (pingErr) {
      if (gen === this.generation) this.fail(pingErr, engine.choice.endpoint);
      return;
    }
    if (gen !== this.generation) return;
    const error = toEngineError(err, engine.choice.endpoint);
    const updated: string[] = [];
    for (const id of batch.keys()) {
      if (this.readSeq.get(id) === seqs.get(id)) this.put(id, { kind: 'failed', error, reason: readFailureReason(id, error.message) }, updated, []);
    }
    if (updated.length) this.afterChange(updated, [], false);
  }

  private put(id: string, r: ReadResult, updated: string[], removed: string[]): void {
    const prev = this.containers.get(id);
    if (r.kind === 'gone') {
      if (this.containers.delete(id)) removed.push(id);
      return;
    }
    if (r.kind === 'read') {
      this.containers.set(r.container.id, r.container);
      updated.push(r.container.id);
      return;
    }
    this.opts.onError?.(r.reason);
    this.containers.set(id, prev && !prev.reading ? { ...prev, readFailure: r.reason } : unreadContainer(this.ctx?.listed.get(id) ?? { Id: id, Names: [id] }, r.reason));
    updated.push(id);
  }

  /** Takes a newer network list or link table into the context and rebuilds the bridges; true when the host side changed. */
  private updateHost(ctx: HostContext, networks: HostContext['networks'], hostLinks: HostContext['hostLinks']): boolean {
    if (networks === ctx.networks && hostLinks === ctx.hostLinks) return false;
    ctx.networks = networks;
    ctx.hostLinks = hostLinks;
    ctx.host = { ...ctx.host, bridges: hostBridgesOf(ctx) };
    const key = JSON.stringify(ctx.host);
    if (key === this.lastHostKey) return false;
    this.lastHostKey = key;
    return true;
  }

  private bumpSeq(id: string): number {
    const next = ++this.seqCounter;
    this.readSeq.set(id, next);
    return next;
  }

  /** A read finished; with none left in flight, forget the numbers of containers no longer in the model. */
  private settle(): void {
    this.inflight--;
    if (this.inflight > 0) return;
    for (const id of this.readSeq.keys()) if (!this.containers.has(id)) this.readSeq.delete(id);
  }

  /** Names for container:<id> modes: the model's, plus the ids being read (named by their id until read). */
  private names(ids: Iterable<string>): Map<string, string> {
    const m = new Map([...this.containers.values()].map((c) => [c.id, c.name]));
    for (const id of ids) if (!m.has(id)) m.set(id, this.ctx?.names.get(id) ?? id);
    return m;
  }

  /** Re-links shared namespaces and reports every container whose links changed too. */
  private afterChange(updated: string[], removed: string[], host: boolean): void {
    const linked = linkContainers([...this.containers.values()], this.ctx?.host);
    const changed = new Set(updated);
    for (const id of linked) changed.add(id);
    this.takenAt = new Date().toISOString();
    this.emit({ updated: [...changed], removed, host });
  }

  /** How many ids the model keeps sequence numbers for (bounded by the model while idle). */
  get trackedIds(): number {
    return this.readSeq.size;
  }
}

/** At most `limit` tasks at once across every caller; the rest wait their turn. */
class Slots {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.busy >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.busy++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.busy--;
    }
  }
}

/**
 * The host before its side is read: nothing, or once the engine has answered /version (the
 * rows can come before the host side), what that answer said: which engine, which version.
 */
function emptyHost(endpoint: string, engine?: Engine): HostAnatomy {
  const why = { unavailable: engine ? HOST_PENDING : 'not connected to the engine yet' };
  const namespaces = Object.fromEntries(NAMESPACE_TYPES.map((t) => [t, { type: t, inode: why, pid1Inode: why }])) as HostAnatomy['namespaces'];
  return {
    hostname: why,
    namespaces,
    cgroup: { version: why, driver: why },
    bridges: why,
    memTotalBytes: why,
    onlineCpus: why,
    engine: {
      ...(engine?.kind === 'podman' ? { kind: engine.kind } : {}),
      endpoint,
      context: engine?.choice.context ?? null,
      apiVersion: engine?.apiVersion ?? '',
      serverVersion: engine?.serverVersion ?? '',
      os: '',
      kernelVersion: '',
      ncpu: 0,
      memTotalBytes: 0,
      rootDir: '',
      securityOptions: [],
      local: false,
    },
  };
}
