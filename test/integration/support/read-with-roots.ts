/**
 * Run as its own process by faults.test.ts (without CAP_DAC_OVERRIDE, so file modes apply to
 * root too): reads the main engine's containers with a given /proc root, once as the CLI does
 * and once through the live service, and prints both as one JSON line.
 */
import { createAnatomyService } from '../../../src/core/anatomy-service';
import type { Roots } from '../../../src/core/introspect';
import { takeSnapshot } from '../../../src/core/snapshot';
import { withEngine } from './model';

async function main(): Promise<void> {
  const roots: Roots = { procRoot: process.argv[2], sysRoot: '/sys', fsRoot: '' };
  const cli = await withEngine(async (engine) => (await takeSnapshot(engine, { all: true, roots })).snapshot);
  const service = createAnatomyService({ roots, env: {}, homeDir: '/nonexistent' });
  await service.start();
  const live = service.snapshot();
  service.dispose();
  if (service.status.kind !== 'paused') throw new Error(`the service ended ${service.status.kind}`);
  process.stdout.write(`${JSON.stringify({ cli, live })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
