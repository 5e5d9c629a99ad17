/**
 * Evidence on demand: reading what both sides of a comparison see (one bench container against
 * the host, and two bench containers), as the Compare panel and `diff` do, in-process.
 */
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/core/engine/connection';
import { containerSide, hostSide } from '../src/core/diff';
import { evidenceOptionsFor, readEvidence } from '../src/core/evidence';
import { isUnavailable, NAMESPACE_TYPES, type Maybe } from '../src/core/model';
import { takeSnapshot } from '../src/core/snapshot';
import { median, percentile } from './stats';

export interface EvidenceResult {
  n: number;
  /** Processes in /proc when measured (the PID namespace scan walks all of them). */
  processes: number;
  /** Container against the host: median and p95 (ms). */
  hostPairMs: number;
  hostPairP95Ms: number;
  /** Two containers (two namespace entries, in parallel). */
  containerPairMs: number;
  /** Namespace types that came back unavailable (expected: none, as root on the engine's machine). */
  unavailable: string[];
  samples: number[];
}

export async function measureEvidence(engine: Engine, n: number, runs: number, names: string[], log: (s: string) => void): Promise<EvidenceResult> {
  const { snapshot } = await takeSnapshot(engine, { only: names.slice(0, 2) });
  const [a, b] = snapshot.containers;
  if (!a || !b) throw new Error('evidence: two bench containers are needed');
  const opts = evidenceOptionsFor(snapshot.host);
  const host = hostSide(snapshot.host);
  const [ea] = await readEvidence(containerSide(a), host, opts); // warm-up: first spawn, first reads
  const unavailable = NAMESPACE_TYPES.flatMap((t) => { const m: Maybe<unknown> = ea[t]; return isUnavailable(m) ? [`${t}: ${m.unavailable}`] : []; });
  const samples: number[] = [];
  const pairs: number[] = [];
  const count = Math.max(5, runs * 4);
  log(`evidence: ${count} reads of container vs host and of container vs container, N=${n} …`);
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await readEvidence(containerSide(a), host, opts);
    const t1 = performance.now();
    await readEvidence(containerSide(a), containerSide(b), opts);
    samples.push(t1 - t0);
    pairs.push(performance.now() - t1);
  }
  return {
    n,
    processes: readdirSync('/proc').filter((e) => /^\d+$/.test(e)).length,
    hostPairMs: median(samples),
    hostPairP95Ms: percentile(samples, 95),
    containerPairMs: median(pairs),
    unavailable,
    samples,
  };
}
