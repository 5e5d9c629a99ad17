/**
 * Run as its own process by service.test.ts: start the live service, wait for one event to
 * arrive through it, dispose it, and then expect the process to exit by itself. Prints one
 * JSON line with what it saw; any handle left open keeps the process alive and the test
 * that spawned it fails on its timeout.
 */
import { createAnatomyService } from '../../../src/core/anatomy-service';

async function main(): Promise<void> {
  const target = process.argv[2];
  const service = createAnatomyService();
  await service.start();
  const status = service.status.kind;
  const seen = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 30000);
    const off = service.onDidChange((c) => {
      if (c.updated.includes(target) || c.removed.includes(target)) {
        clearTimeout(timer);
        off();
        resolve(true);
      }
    });
    // Tell the parent we are listening; it then makes the engine emit an event for `target`.
    process.stdout.write('listening\n');
  });
  service.dispose();
  process.stdout.write(`${JSON.stringify({ status, seen, containers: service.snapshot().containers.length })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
