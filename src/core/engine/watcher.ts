/**
 * Follows GET /events for containers and network attachments. Survives engine restarts
 * and dropped connections: it reconnects with backoff and resumes from the last event it
 * saw, dropping the replayed ones it already delivered.
 */
import type { IncomingMessage } from 'node:http';
import type { Engine } from './connection';
import { DEFAULT_TIMEOUT_MS } from './connection';
import { EngineError, timeoutError, toEngineError } from './errors';
import { JsonObjectSplitter } from './jsonStream';

/**
 * Container actions that change what a snapshot shows (reference §4). kill and stop are
 * left out: each is followed by die, which is the state change; a restart is die + start.
 */
export const CONTAINER_EVENTS = ['create', 'start', 'die', 'destroy', 'rename', 'pause', 'unpause', 'update', 'oom'];
/** Network actions that change a container's IPs. */
export const NETWORK_EVENTS = ['connect', 'disconnect'];
export const DEFAULT_BACKOFF_MS = [500, 1000, 2000, 5000, 10000];

export interface EngineEvent {
  type: 'container' | 'network';
  action: string;
  /** Actor.ID: the container id, or for network events the network id. */
  id: string;
  attributes: Record<string, string>;
  timeNano: number;
}

export type WatcherStatus = { connected: boolean; error?: EngineError };

export interface WatcherOptions {
  /** Delays before reconnect attempts; the last repeats. */
  backoffMs?: number[];
  /** How long to wait for the engine to accept the subscription. */
  connectTimeoutMs?: number;
}

/** How far back a resume reaches, so events the engine stamped out of order are not lost. */
const RESUME_MARGIN_NS = 1_000_000_000n;
const REMEMBERED_KEYS = 2048;

export class EventWatcher {
  private readonly backoff: number[];
  private readonly connectTimeoutMs: number;
  private readonly eventListeners = new Set<(e: EngineEvent) => void>();
  private readonly statusListeners = new Set<(s: WatcherStatus) => void>();
  private running = false;
  private generation = 0;
  private attempt = 0;
  /** Empty: no since (only new events). */
  private since = '';
  private lastNano: bigint | null = null;
  private readonly seen = new Set<string>();
  private abort: AbortController | null = null;
  private timer: NodeJS.Timeout | null = null;
  private status: WatcherStatus = { connected: false };

  constructor(
    private readonly engine: Engine,
    opts?: WatcherOptions,
  ) {
    this.backoff = opts?.backoffMs?.length ? opts.backoffMs : DEFAULT_BACKOFF_MS;
    this.connectTimeoutMs = opts?.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Subscribes from `sinceSeconds` (unix seconds, fractions allowed; 0 = from now). No-op while running. */
  start(sinceSeconds: number): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.since = formatSeconds(sinceSeconds);
    this.connect();
  }

  onEvent(listener: (e: EngineEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onStatus(listener: (s: WatcherStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  get connected(): boolean {
    return this.status.connected;
  }

  stop(): void {
    this.running = false;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
    this.abort = null;
    this.status = { connected: false };
  }

  private connect(): void {
    const gen = ++this.generation;
    const ac = new AbortController();
    this.abort = ac;
    const endpoint = this.engine.choice.endpoint;
    const filters = { type: ['container', 'network'], event: [...CONTAINER_EVENTS, ...NETWORK_EVENTS] };
    const query = { ...(this.since ? { since: this.since } : {}), filters };
    const connectTimer = setTimeout(() => this.lost(gen, timeoutError(endpoint, this.connectTimeoutMs)), this.connectTimeoutMs);
    const request = this.engine.events(query, ac.signal);
    request.then(
      (stream) => {
        clearTimeout(connectTimer);
        const res = stream as IncomingMessage;
        if (gen !== this.generation) {
          res.destroy();
          return;
        }
        this.attempt = 0;
        this.setStatus({ connected: true });
        const splitter = new JsonObjectSplitter();
        res.on('data', (chunk: Buffer) => {
          if (gen !== this.generation) return;
          for (const text of splitter.push(chunk)) this.handle(text);
        });
        const closed = (): void =>
          this.lost(gen, new EngineError('other', endpoint, `The engine at ${endpoint} closed the event stream`, 'It may be restarting; reconnecting.'));
        res.on('end', closed);
        res.on('close', closed);
        res.on('error', (err) => this.lost(gen, toEngineError(err, endpoint)));
      },
      (err: unknown) => {
        clearTimeout(connectTimer);
        this.lost(gen, toEngineError(err, endpoint));
      },
    );
  }

  /** The connection `gen` is gone: report it once and schedule the next attempt. */
  private lost(gen: number, error: EngineError): void {
    if (gen !== this.generation || !this.running) return;
    this.generation++;
    this.abort?.abort();
    this.abort = null;
    this.setStatus({ connected: false, error });
    const delay = this.backoff[Math.min(this.attempt, this.backoff.length - 1)];
    this.attempt++;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) this.connect();
    }, delay);
  }

  private handle(text: string): void {
    let msg: RawEvent;
    try {
      msg = JSON.parse(text) as RawEvent;
    } catch {
      return; // The splitter only hands over balanced objects; a broken one has nothing to act on.
    }
    const type = msg.Type;
    if (type !== 'container' && type !== 'network') return;
    const nano = preciseTimeNano(text, msg);
    const id = msg.Actor?.ID ?? msg.id ?? '';
    const action = msg.Action ?? msg.status ?? '';
    const key = `${nano}|${type}|${action}|${id}`;
    if (this.seen.has(key)) return;
    this.remember(key);
    if (this.lastNano === null || nano > this.lastNano) {
      this.lastNano = nano;
      const from = nano > RESUME_MARGIN_NS ? nano - RESUME_MARGIN_NS : 0n;
      this.since = `${from / 1_000_000_000n}.${String(from % 1_000_000_000n).padStart(9, '0')}`;
    }
    const event: EngineEvent = { type, action, id, attributes: { ...(msg.Actor?.Attributes ?? {}) }, timeNano: Number(nano) };
    for (const l of [...this.eventListeners]) l(event);
  }

  private remember(key: string): void {
    this.seen.add(key);
    if (this.seen.size > REMEMBERED_KEYS) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  private setStatus(next: WatcherStatus): void {
    const prev = this.status;
    const same = prev.connected === next.connected && prev.error?.message === next.error?.message;
    this.status = next;
    if (same) return;
    for (const l of [...this.statusListeners]) l(next);
  }
}

interface RawEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number;
}

/** timeNano as an exact integer (JSON.parse rounds it: it exceeds 2^53). */
function preciseTimeNano(text: string, msg: RawEvent): bigint {
  const m = /"timeNano"\s*:\s*(\d+)/.exec(text);
  if (m) return BigInt(m[1]);
  return BigInt(Math.trunc(msg.time ?? 0)) * 1_000_000_000n;
}

/** Docker's since accepts "seconds" or "seconds.nanoseconds"; 0 or less means "from now". */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s) || s <= 0) return '';
  const whole = Math.floor(s);
  const nanos = Math.round((s - whole) * 1e9);
  return nanos === 0 ? String(whole) : `${whole}.${String(Math.min(nanos, 999_999_999)).padStart(9, '0')}`;
}
