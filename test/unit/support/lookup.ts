/**
 * Shared by the tests of the file lookups (Dockerfile, Compose): reading the sample files,
 * turning "the nth occurrence of a needle" into a position, walking every position of a text,
 * checking that a hit is sane, and a seeded random number source for generated garbage.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explain, hasTopic } from '../../../src/core/catalog';
import type { Lang } from '../../../src/core/catalog/types';
import type { TextPosition, TopicHit } from '../../../src/core/dockerfile';

/** A reader of the sample files in test/fixtures/files/<kind>. */
export function samples(kind: string): (name: string) => string {
  const dir = join(__dirname, '..', '..', 'fixtures', 'files', kind);
  return (name) => readFileSync(join(dir, name), 'utf8');
}

/** Position of the `nth` occurrence of `needle` in `text`, moved `delta` characters right. */
export function at(text: string, needle: string, delta = 0, nth = 0): TextPosition {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`fixture lacks ${JSON.stringify(needle)} #${nth}`);
  }
  offset += delta;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Every position of every line, plus one past each line end and a line past the end. */
export function* everyPosition(text: string): Generator<TextPosition> {
  const lines = text.split('\n');
  for (let line = 0; line <= lines.length; line++) {
    const len = line < lines.length ? lines[line].length : 0;
    for (let character = 0; character <= len + 1; character++) yield { line, character };
  }
}

/** The topic is known, its range holds `pos`, and its explanation in each language fills every placeholder. */
export function assertSaneHit(hit: TopicHit, pos: TextPosition, langs: readonly Lang[] = ['en']): void {
  assert.ok(hasTopic(hit.topic), `unknown topic ${hit.topic}`);
  const { start, end } = hit.range;
  const afterStart = pos.line > start.line || (pos.line === start.line && pos.character >= start.character);
  const beforeEnd = pos.line < end.line || (pos.line === end.line && pos.character < end.character);
  assert.ok(afterStart && beforeEnd, `${hit.topic} range does not contain ${JSON.stringify(pos)}`);
  for (const lang of langs) {
    const x = explain(hit.topic, lang, hit.vars);
    assert.ok(x && !/\{[A-Za-z_]\w*\}/.test(x.title + x.summary + x.body), `${hit.topic} leaves a placeholder unfilled`);
  }
}

/** A repeatable source of numbers below n (a linear congruential generator from `seed`). */
export function seeded(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
}
