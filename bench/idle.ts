/**
 * Idle cost: the live service connected through the counting proxy, nothing happening,
 * for a fixed time. Every request other than the one open /events stream is a cost.
 * Other work on the same engine can emit events in the window; those are counted apart so
 * a re-read they caused is not mistaken for polling.
 */
import { performance } from 'node:perf_hooks';
import type { AnatomyService } from '../src/core/service';
import { isEventStream, normalisedKey, type CountingProxy } from './proxy';

export interface IdleResult {
  /** Containers on the engine from this benchmark. */
  n: number;
  seconds: number;
  /** Requests other than the /events stream in the window that no engine event explains (target 0). */
  requests: number;
  /** Every request other than the /events stream, explained or not. */
  allRequests: number;
  byPath: Record<string, number>;
  /** Engine events that reached the service in the window (from activity outside the benchmark). */
  eventsInWindow: number;
  /** Requests naming a container an event in the window named, or the network list after an event. */
  requestsAfterEvents: number;
  /** Method and path of each request no event explains. */
  unexplained: string[];
  /** The /events stream stayed the one open subscription (no reconnect in the window). */
  eventStreamsOpened: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function measureIdle(service: AnatomyService, proxy: CountingProxy, n: number, seconds: number): Promise<IdleResult> {
  await service.start();
  if (service.status.kind !== 'ready') throw new Error(`the service did not become ready: ${JSON.stringify(service.status)}`);
  const readyAt = performance.now();
  await sleep(1000);
  const mark = performance.now();
  await sleep(seconds * 1000);
  return idleWindow(proxy, n, seconds, readyAt, mark);
}

/**
 * Classifies the proxy's requests since `mark`: every one other than the /events stream,
 * and which of them an engine event seen since `readyAt` explains (a re-read of a container
 * the event named, or the network list after any event).
 */
export function idleWindow(proxy: CountingProxy, n: number, seconds: number, readyAt: number, mark: number): IdleResult {
  const window = proxy.requests.filter((r) => r.at >= mark);
  const others = window.filter((r) => !isEventStream(r));
  const count = (texts: string[]): number => texts.reduce((n, t) => n + (t.match(/"Action":/g)?.length ?? 0), 0);
  const eventsInWindow = count(proxy.eventChunks.filter((c) => c.at >= mark).map((c) => c.text));
  // An event just before the window can still cause a re-read inside it, so look back to readiness.
  const recent = proxy.eventChunks.filter((c) => c.at >= readyAt).map((c) => c.text);
  const text = recent.join('\n');
  const unexplained: string[] = [];
  const byPath: Record<string, number> = {};
  let requestsAfterEvents = 0;
  for (const r of others) {
    const k = normalisedKey(r);
    byPath[k] = (byPath[k] ?? 0) + 1;
    const id = /[0-9a-f]{64}/.exec(r.path)?.[0];
    if ((id && text.includes(id)) || (r.path === '/networks' && count(recent) > 0)) requestsAfterEvents++;
    else unexplained.push(`${r.method} ${r.path}`);
  }
  return { n, seconds, unexplained, requests: others.length - requestsAfterEvents, allRequests: others.length, byPath, eventsInWindow, requestsAfterEvents, eventStreamsOpened: window.length - others.length };
}
