/**
 * Reading the snapshot model in tests: take one against the real engine, and unwrap facts
 * with an assertion that says which field was unavailable and why.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import { connectEngine, type Engine } from '../../../src/core/engine/connection';
import { resolveEndpoint } from '../../../src/core/engine/endpoint';
import type { ContainerAnatomy, Maybe, Snapshot } from '../../../src/core/model';
import { takeSnapshot } from '../../../src/core/snapshot';

export async function withEngine<T>(run: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await connectEngine(resolveEndpoint({}, os.homedir()));
  try {
    return await run(engine);
  } finally {
    engine.dispose();
  }
}

/** One snapshot of every container (stopped ones too), as the CLI's `--all` takes it. */
export async function snapshotAll(): Promise<Snapshot> {
  return withEngine(async (engine) => (await takeSnapshot(engine, { all: true })).snapshot);
}

export function containerIn(snapshot: Snapshot, id: string): ContainerAnatomy {
  const c = snapshot.containers.find((x) => x.id === id);
  assert.ok(c, `container ${id.slice(0, 12)} is not in the snapshot`);
  return c;
}

/** The value of a fact; fails with the unavailable reason otherwise. */
export function val<T>(m: Maybe<T> | undefined, what: string): T {
  assert.ok(m && typeof m === 'object', `${what}: missing (${JSON.stringify(m)})`);
  assert.ok('value' in m, `${what}: unavailable: ${(m as { unavailable?: string }).unavailable}`);
  return m.value;
}

/** The reason of an unavailable fact; fails if it is a value. */
export function why(m: Maybe<unknown> | undefined, what: string): string {
  assert.ok(m && typeof m === 'object', `${what}: missing`);
  assert.ok('unavailable' in m, `${what}: expected unavailable, got ${JSON.stringify(m)}`);
  assert.ok(m.unavailable.length > 10, `${what}: the reason is too short to act on: "${m.unavailable}"`);
  return m.unavailable;
}
