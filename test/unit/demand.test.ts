import { strict as assert } from 'node:assert';
import { Demand } from '../../src/demand';

describe('demand: the live model runs while the view or a panel is visible', () => {
  it('wants the engine from the first visible holder until the last one hides', () => {
    const calls: string[] = [];
    const d = new Demand(
      () => calls.push('wanted'),
      () => calls.push('unwanted'),
    );
    const view = {};
    const panel = {};
    d.set(view, true);
    d.set(panel, true);
    d.set(view, false);
    assert.deepEqual(calls, ['wanted'], 'a visible panel keeps it running after the view hides');
    d.set(panel, false);
    assert.deepEqual(calls, ['wanted', 'unwanted']);
    assert.equal(d.wanted, false);
  });

  it('ignores repeated reports from the same holder', () => {
    let wanted = 0;
    const d = new Demand(
      () => wanted++,
      () => wanted--,
    );
    const view = {};
    d.set(view, true);
    d.set(view, true);
    d.set(view, false);
    d.set(view, false);
    assert.equal(wanted, 0);
  });
});
