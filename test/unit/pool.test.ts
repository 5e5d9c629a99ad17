import { strict as assert } from 'node:assert';
import { mapLimit } from '../../src/core/pool';

describe('pool: mapLimit', () => {
  it('keeps the input order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([...Array(50).keys()], 4, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, n % 3));
      running--;
      return n * 2;
    });
    assert.deepEqual(out, [...Array(50).keys()].map((n) => n * 2));
    assert.equal(most, 4);
  });

  it('starts 200 tasks 32 to a turn of the event loop, so other work runs between', async () => {
    let started = 0;
    const all = mapLimit([...Array(200).keys()], 1024, async () => {
      started++;
      await new Promise((r) => setTimeout(r, 5));
    });
    assert.equal(started, 32, 'the first 32 start at once');
    // Queued after mapLimit's own turn: by then it has started the next 32, and no more.
    await new Promise((r) => setImmediate(r));
    assert.equal(started, 64);
    await all;
    assert.equal(started, 200);
  });

  it('a task that fails while others are still starting fails the whole, and nothing is left unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => void unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      await assert.rejects(
        mapLimit([...Array(100).keys()], 1024, async (n) => {
          if (n === 0) throw new Error('first one fails at once');
          await new Promise((r) => setTimeout(r, 1));
        }),
        /first one fails at once/,
      );
      await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
