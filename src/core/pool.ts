/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

let lane: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` after the ones queued before it, each in its own turn of the event loop. The
 * /proc and /sys reads are synchronous (procfs/files.ts), so without this the containers whose
 * inspects were answered together, or the host side's files, would be read in one long
 * stretch (setImmediate alone runs every callback queued in the same phase back to back), and
 * nothing else on the thread — the editor's other extensions, timers, the event stream —
 * would run meanwhile.
 */
export function inTurn<T>(fn: () => T | Promise<T>): Promise<T> {
  const run = lane.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(fn);
  lane = run.catch(() => undefined);
  return run;
}
