/** How many of mapLimit's tasks start in one turn of the event loop. */
const STARTS_PER_TURN = 32;

/**
 * Runs `fn` over `items` with at most `limit` in flight; results keep the input order. Tasks
 * start at most STARTS_PER_TURN to a turn of the event loop: on a pipelined socket every
 * inspect of a snapshot starts at once, and 200 of them (each with its timer and abort
 * signal) were a stretch of several milliseconds on top of the list's own handling.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  const running: Promise<void>[] = [];
  const n = Math.min(limit, items.length);
  for (let w = 0; w < n; w++) {
    if (w > 0 && w % STARTS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const started = worker();
    // Awaited below with the others; a failure before then is not unhandled meanwhile.
    started.catch(() => undefined);
    running.push(started);
  }
  await Promise.all(running);
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
