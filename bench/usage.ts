/**
 * The Limits panel's sampling cost: one tick (read the container's cgroup files, turn them
 * into a sample, keep it) as the extension host pays it once a second while the panel shows.
 */
import { performance } from 'node:perf_hooks';
import type { AnatomyService } from '../src/core/service';
import { cgroupUsageReader, UsageHistory } from '../src/core/usage';
import { percentile } from './stats';

export interface UsageTickResult {
  container: string;
  ticks: number;
  spacingMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** `ticks` samples of one container, `spacingMs` apart (not back to back, so caches cool as between real ticks). */
export async function measureUsageTick(s: AnatomyService, id: string, ticks = 200, spacingMs = 20): Promise<UsageTickResult> {
  const c = s.container(id);
  if (!c) throw new Error(`usage tick: ${id} is not in the model`);
  const reader = cgroupUsageReader(c);
  if (!reader) throw new Error(`usage tick: ${c.name} has no local cgroup directories`);
  const history = new UsageHistory();
  const samples: number[] = [];
  for (let i = 0; i < ticks + 1; i++) {
    const t0 = performance.now();
    const r = await reader.read();
    if ('unavailable' in r) throw new Error(`usage tick: ${r.unavailable}`);
    history.add(r);
    const ms = performance.now() - t0;
    if (i > 0) samples.push(ms); // the first one loads the code paths
    await new Promise((resolve) => setTimeout(resolve, spacingMs));
  }
  return { container: c.name, ticks, spacingMs, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), maxMs: Math.max(...samples) };
}
