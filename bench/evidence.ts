/**
 * Evidence on demand: reading what both sides of a comparison see (one bench container against
 * the host, and two bench containers), as the Compare panel and `diff` do, in-process.
 */
import { readdirSync, readFileSync } from 'node:fs';
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
  /**
   * CPU per container-vs-host read (ms): this process and its waited-for children (nsenter,
   * grep), from /proc/self/stat at 10 ms resolution over all reads. Hardly moved by other load.
   */
  hostPairCpuMs: number;
  /** Two containers (two namespace entries, in parallel). */
  containerPairMs: number;
  /** Namespace types that came back unavailable (expected: none, as root on the engine's machine). */
  unavailable: string[];
  samples: number[];
}

/** utime + stime + cutime + cstime of this process, in ms (clock ticks of 10 ms). */
function cpuWithChildrenMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14-17 of proc(5), counted from the state field (3) here.
  return [11, 12, 13, 14].reduce((n, i) => n + Number(f[i]), 0) * 10;
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
  let cpu = 0;
  for (let i = 0; i < count; i++) {
    const c0 = cpuWithChildrenMs();
    const t0 = performance.now();
    await readEvidence(containerSide(a), host, opts);
    const t1 = performance.now();
    cpu += cpuWithChildrenMs() - c0;
    await readEvidence(containerSide(a), containerSide(b), opts);
    samples.push(t1 - t0);
    pairs.push(performance.now() - t1);
  }
  return {
    n,
    processes: readdirSync('/proc').filter((e) => /^\d+$/.test(e)).length,
    hostPairMs: median(samples),
    hostPairP95Ms: percentile(samples, 95),
    hostPairCpuMs: cpu / count,
    containerPairMs: median(pairs),
    unavailable,
    samples,
  };
}
