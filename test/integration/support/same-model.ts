/**
 * The live model against a fresh snapshot, field by field. Read times differ by nature, and so
 * do the counters that move on their own (usage, CPU time, the "Up 3 seconds" status text);
 * everything else must be equal.
 */
import * as assert from 'node:assert/strict';
import type { ContainerAnatomy, Snapshot } from '../../../src/core/model';
import { takeSnapshot } from '../../../src/core/snapshot';
import { connectEngine } from '../../../src/core/engine/connection';
import { resolveEndpoint } from '../../../src/core/engine/endpoint';

/** A copy without read times and moving counters. */
export function comparable(c: ContainerAnatomy): unknown {
  const copy = JSON.parse(JSON.stringify(c)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  delete copy.readAt;
  delete copy.usageReadAt;
  delete copy.status;
  const g = copy.cgroup;
  if (g) {
    delete g.memory.usageBytes;
    delete g.cpu.usageNs;
    delete g.cpu.throttledPeriods;
    delete g.pids.current;
  }
  return copy;
}

/** Fails naming the first path where two values differ. */
function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return `${at || '(root)'}: live ${JSON.stringify(a)?.slice(0, 300)} vs fresh ${JSON.stringify(b)?.slice(0, 300)}`;
}

/** The containers `keep` selects are the same set, each equal field by field. */
export function assertSameContainers(live: ContainerAnatomy[], fresh: ContainerAnatomy[], keep: (c: ContainerAnatomy) => boolean, what: string): void {
  const l = live.filter(keep).sort((a, b) => a.id.localeCompare(b.id));
  const f = fresh.filter(keep).sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(l.map((c) => c.name), f.map((c) => c.name), `${what}: the live model holds the same containers as a fresh snapshot`);
  l.forEach((c, i) => {
    const d = firstDifference(comparable(c), comparable(f[i]));
    assert.equal(d, undefined, `${what}: ${c.name} differs from a fresh snapshot at ${d}`);
  });
}

/** A fresh snapshot of every container on `endpoint`, taken directly (no proxy). */
export async function freshSnapshot(endpoint: string): Promise<Snapshot> {
  const engine = await connectEngine(resolveEndpoint({}, '/nonexistent', { host: endpoint }));
  try {
    return (await takeSnapshot(engine, { all: true })).snapshot;
  } finally {
    engine.dispose();
  }
}
