import * as assert from 'node:assert/strict';
import { JsonObjectSplitter } from '../../../src/core/engine/jsonStream';

describe('engine/jsonStream: JsonObjectSplitter', () => {
  const a = { Type: 'container', Action: 'start', Actor: { ID: 'a1', Attributes: { name: 'web', note: 'brace } and " quote {' } } };
  const b = { Type: 'network', Action: 'connect', Actor: { ID: 'n1', Attributes: { name: '브리지', container: 'a1' } } };
  const text = `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`;

  it('returns several objects from one chunk', () => {
    const s = new JsonObjectSplitter();
    assert.deepEqual(s.push(text).map((t) => JSON.parse(t)), [a, b]);
    assert.equal(s.pending, 0);
  });

  it('reassembles objects cut at every possible byte, including inside a UTF-8 character', () => {
    const bytes = Buffer.from(text, 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) {
      const s = new JsonObjectSplitter();
      const got = [...s.push(bytes.subarray(0, cut)), ...s.push(bytes.subarray(cut))];
      assert.deepEqual(
        got.map((t) => JSON.parse(t)),
        [a, b],
        `cut at ${cut}`,
      );
    }
  });

  it('handles one byte at a time and objects written back to back without newlines', () => {
    const s = new JsonObjectSplitter();
    const bytes = Buffer.from(JSON.stringify(a) + JSON.stringify(b), 'utf8');
    const got: string[] = [];
    for (const byte of bytes) got.push(...s.push(Buffer.from([byte])));
    assert.deepEqual(
      got.map((t) => JSON.parse(t)),
      [a, b],
    );
  });

  it('keeps an unfinished object pending and ignores whitespace between objects', () => {
    const s = new JsonObjectSplitter();
    assert.deepEqual(s.push('  \n{"Type":"contai'), []);
    assert.ok(s.pending > 0);
    assert.deepEqual(s.push('ner","x":"\\"}"}\r\n'), ['{"Type":"container","x":"\\"}"}']);
  });
});
