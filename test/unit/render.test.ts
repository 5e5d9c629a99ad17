/**
 * Everything a person can read, rendered from the fixture snapshots in English and Korean:
 * no placeholder left, no container named as its own peer, no English sentence in Korean.
 * The text is kept in test/golden/ (UPDATE_GOLDEN=1 rewrites it) so wording changes show.
 */
import * as assert from 'node:assert/strict';
import type { Lang } from '../../src/core/catalog';
import type { Snapshot } from '../../src/core/model';
import { check, describe as describeProblems } from '../render/checks';
import { matchGolden } from '../render/golden';
import { asDocument, renderAll } from '../render/render-all';
import { snapshot as panelSnapshot } from './panels/fixture';
import { snapshot as treeSnapshot } from './tree/fixture';

const SETS: [string, () => Snapshot][] = [
  ['tree', treeSnapshot],
  ['panels', () => panelSnapshot],
];

describe('every explanation, rendered from the fixture snapshots', () => {
  // Times are shown in local time and relative to now: render them in one zone at one moment.
  const zone = process.env.TZ;
  const realNow = Date.now;
  before(() => {
    process.env.TZ = 'UTC';
    Date.now = () => Date.parse('2026-11-28T05:10:00Z');
  });
  after(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
    Date.now = realNow;
  });
  for (const [name, snap] of SETS) {
    for (const lang of ['en', 'ko'] as Lang[]) {
      it(`${name} fixture, ${lang}: no placeholder, no self-peer${lang === 'ko' ? ', no English sentence' : ''}; matches the golden text`, () => {
        const s = snap();
        const items = renderAll(s, lang);
        assert.ok(items.length > 100, `rendered ${items.length} texts`);
        const problems = check(items, lang, s);
        assert.equal(problems.length, 0, describeProblems(problems));
        matchGolden(`render-${name}.${lang}.md`, asDocument(items));
      });
    }
  }
});
