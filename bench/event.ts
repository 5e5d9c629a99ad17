/**
 * Event to model: with the fleet running and the live service following /events through
 * the counting proxy, start one stopped container through the API and time how long until
 * the service's model shows it running with every namespace inode read from /proc.
 */
import type Docker from 'dockerode';
import { performance } from 'node:perf_hooks';
import { NAMESPACE_TYPES, isFact, type ContainerAnatomy } from '../src/core/model';
import type { AnatomyService } from '../src/core/service';
import type { FleetMember } from './fleet';
import { normalisedKey, type CountingProxy } from './proxy';
import { median, percentile } from './stats';

/** How long after the model is ready the trailing requests of one start are still counted. */
const SETTLE_MS = 400;

export interface EventSample {
  /** From the start request leaving this process to the model being ready. */
  startToModelMs: number;
  /** How long the engine took to answer POST /containers/{id}/start. */
  startCallMs: number;
  /**
   * From the engine's start event passing the proxy to the model being ready; 0 when the
   * re-read after the earlier network connect event had already found the container running.
   */
  eventToModelMs: number | null;
  inspectsOfTarget: number;
  /** Inspects of other containers that no engine event in the window named (target 0). */
  inspectsOfOthers: number;
  /** Inspects of other containers that an event in the window named (other work on the engine). */
  inspectsAfterForeignEvents: number;
  requests: Record<string, number>;
}

export interface EventResult {
  samples: EventSample[];
  p50Ms: number;
  p95Ms: number;
  eventP50Ms: number;
  eventP95Ms: number;
  startCallP50Ms: number;
  /** Every start re-read exactly the started container and no other. */
  onlyTargetReread: boolean;
  restart: Pick<EventSample, 'inspectsOfTarget' | 'inspectsOfOthers' | 'inspectsAfterForeignEvents' | 'requests'>;
}

export function isLive(c: ContainerAnatomy | undefined): boolean {
  return !!c && c.state === 'running' && isFact(c.pid) && NAMESPACE_TYPES.every((t) => isFact(c.namespaces[t].inode));
}

/** Resolves with performance.now() at the first moment `cond` holds, checked now and on every change. */
export function waitForModel(service: AnatomyService, cond: () => boolean, timeoutMs: number, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    if (cond()) return resolve(performance.now());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const off = service.onDidChange(() => {
      if (!cond()) return;
      const at = performance.now();
      clearTimeout(timer);
      off();
      resolve(at);
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function inspectCounts(proxy: CountingProxy, since: number, targetId: string): EventResult['restart'] {
  const named = proxy.eventChunks.filter((c) => c.at >= since).map((c) => c.text).join('\n');
  let inspectsOfTarget = 0;
  let inspectsOfOthers = 0;
  let inspectsAfterForeignEvents = 0;
  const requests: Record<string, number> = {};
  for (const r of proxy.requests) {
    if (r.at < since || (r.method === 'GET' && r.path === '/events')) continue;
    const m = /^\/containers\/([^/]+)\/json$/.exec(r.path);
    if (r.method === 'GET' && m) {
      if (m[1] === targetId) inspectsOfTarget++;
      else if (named.includes(m[1])) inspectsAfterForeignEvents++;
      else inspectsOfOthers++;
    }
    const k = normalisedKey(r);
    requests[k] = (requests[k] ?? 0) + 1;
  }
  return { inspectsOfTarget, inspectsOfOthers, inspectsAfterForeignEvents, requests };
}

/** When the engine's start event for the container passed the proxy after `since`. */
function eventSeenAt(proxy: CountingProxy, since: number, id: string): number | null {
  const hit = proxy.eventChunks.find((c) => c.at >= since && c.text.includes('"Action":"start"') && c.text.includes(id));
  return hit ? hit.at : null;
}

async function stopAndSettle(docker: Docker, service: AnatomyService, id: string): Promise<void> {
  await docker.getContainer(id).stop({ t: 0 }).catch((err: { statusCode?: number }) => {
    if (err.statusCode !== 304) throw err;
  });
  await waitForModel(service, () => service.container(id)?.state === 'exited', 10_000, 'the model to show the container exited');
  await sleep(SETTLE_MS);
}

export async function measureEvents(
  docker: Docker,
  service: AnatomyService,
  proxy: CountingProxy,
  spare: FleetMember,
  iterations: number,
  log: (s: string) => void,
): Promise<EventResult> {
  const c = docker.getContainer(spare.id);
  // Warm-up, not counted: the first start of a created container also sets up its network.
  await c.start();
  await waitForModel(service, () => isLive(service.container(spare.id)), 10_000, 'the warm-up start');
  await stopAndSettle(docker, service, spare.id);

  const samples: EventSample[] = [];
  for (let i = 0; i < iterations; i++) {
    const mark = performance.now();
    await c.start();
    const startReturned = performance.now();
    const ready = await waitForModel(service, () => isLive(service.container(spare.id)), 10_000, 'the model to show the started container');
    await sleep(SETTLE_MS);
    const seen = eventSeenAt(proxy, mark, spare.id);
    samples.push({
      startToModelMs: ready - mark,
      startCallMs: startReturned - mark,
      eventToModelMs: seen === null ? null : Math.max(0, ready - seen),
      ...inspectCounts(proxy, mark, spare.id),
    });
    const s = samples[samples.length - 1];
    log(`  start ${i + 1}/${iterations}: ${s.startToModelMs.toFixed(0)} ms (engine call ${s.startCallMs.toFixed(0)} ms, event→model ${s.eventToModelMs?.toFixed(0) ?? '?'} ms), inspects ${s.inspectsOfTarget} of it, ${s.inspectsOfOthers} of others, ${s.inspectsAfterForeignEvents} after others' events`);
    await stopAndSettle(docker, service, spare.id);
  }

  // A restart (die + start) of one running container among many.
  await c.start();
  await waitForModel(service, () => isLive(service.container(spare.id)), 10_000, 'the start before the restart');
  await sleep(SETTLE_MS);
  const pidBefore = service.container(spare.id)?.pid;
  const mark = performance.now();
  await c.restart({ t: 0 });
  await waitForModel(
    service,
    () => {
      const now = service.container(spare.id);
      return isLive(now) && JSON.stringify(now?.pid) !== JSON.stringify(pidBefore);
    },
    10_000,
    'the model to show the restarted container',
  );
  await sleep(SETTLE_MS);
  const restart = inspectCounts(proxy, mark, spare.id);
  await stopAndSettle(docker, service, spare.id);

  const starts = samples.map((s) => s.startToModelMs);
  const events = samples.map((s) => s.eventToModelMs).filter((v): v is number => v !== null);
  return {
    samples,
    p50Ms: percentile(starts, 50),
    p95Ms: percentile(starts, 95),
    eventP50Ms: percentile(events, 50),
    eventP95Ms: percentile(events, 95),
    startCallP50Ms: median(samples.map((s) => s.startCallMs)),
    onlyTargetReread: samples.every((s) => s.inspectsOfOthers === 0 && s.inspectsOfTarget >= 1) && restart.inspectsOfOthers === 0,
    restart,
  };
}
