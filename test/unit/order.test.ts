import { strict as assert } from 'assert';
import { compareNames } from '../../src/core/order';

describe('compareNames', () => {
  const en = (a: string, b: string): number => Math.sign(a.localeCompare(b, 'en'));

  it('orders every name of up to three characters from Docker\'s name alphabet as English localeCompare does', () => {
    const alphabet = ['_', '-', '.', '0', '5', '9', 'a', 'A', 'b', 'm', 'Z', 'z'];
    const names = [''];
    let layer = [''];
    for (let len = 1; len <= 3; len++) {
      layer = layer.flatMap((s) => alphabet.map((c) => s + c));
      names.push(...layer);
    }
    const wrong: string[] = [];
    for (const a of names) for (const b of names) if (Math.sign(compareNames(a, b)) !== en(a, b)) wrong.push(`${a} ${b}`);
    assert.equal(names.length, 1885);
    assert.deepEqual(wrong.slice(0, 5), []);
  });

  it('sorts container names as before: case ignored first, then lowercase first', () => {
    const names = ['web-2', 'Web-1', 'web_1', 'web.1', 'web1', 'web-10', 'db', 'DB', 'ca-bench-002', 'ca-bench-010', 'a'];
    assert.deepEqual([...names].sort(compareNames), [...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('falls back to localeCompare for any other name', () => {
    assert.equal(Math.sign(compareNames('é', 'f')), en('é', 'f'));
    assert.equal(Math.sign(compareNames('a b', 'a-b')), en('a b', 'a-b'));
    assert.equal(compareNames('웹', '웹'), 0);
  });
});
