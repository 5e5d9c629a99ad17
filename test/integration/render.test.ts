/**
 * Every explanation of the real containers of the integration set (one per Docker setting,
 * test/integration/support/fleet.ts), rendered in English and Korean from one snapshot of the
 * real engine: no placeholder, no container named as its own peer, no English sentence in
 * Korean. The text is kept in test/golden/ with run-specific values (names' run prefix, ids,
 * inodes, addresses, numbers) normalised, so a wording change is a visible diff.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import type { Lang } from '../../src/core/catalog';
import type { Snapshot } from '../../src/core/model';
import { escapeMarkdown } from '../../src/tree/markdown';
import { check, describe as describeProblems } from '../render/checks';
import { asDocument, renderAll, type Rendered } from '../render/render-all';
import { matchGolden } from '../render/golden';
import { removeParent, sweepParents } from './support/cgroup-parent';
import { RUN_ID, TestSuite } from './support/docker';
import { buildFleet, PARENT, type Fleet } from './support/fleet';
import { snapshotAll } from './support/model';

/** What depends on the run or on other containers of the engine, not on the wording. */
function normaliser(suite: TestSuite, fleet: Fleet): (s: string) => string {
  const prefix = suite.fullName('');
  const hostname = os.hostname();
  const ids = [...Object.values(fleet).map((c) => c.id)];
  return (s) => {
    let out = s.split(prefix).join('').split(escapeMarkdown(prefix)).join('').split(PARENT.name).join('<parent>').split(escapeMarkdown(PARENT.name)).join('<parent>').split(RUN_ID).join('<run>');
    for (const id of ids) out = out.split(id).join('<id>').split(id.slice(0, 12)).join('<id>');
    if (hostname) out = out.split(hostname).join('<hostname>');
    return out
      .replace(/\b[0-9a-f]{64}\b/g, '<id>')
      .replace(/\b[0-9a-f]{12}\b/g, '<id>')
      .replace(/\b\d{4}-\d\d-\d\dT[\d:.]+Z\b/g, '<time>')
      // Local time and how long ago ("2026-11-30 05:20:00 (just now)"), Markdown-escaped in tooltips.
      .replace(/\b\d{4}\\?-\d\d\\?-\d\d \d\d\\?:\d\d\\?:\d\d(?: \\?\([^)]*?\\?\))?/g, '<time>')
      .replace(/\b(?:[0-9a-f]{2}\\?:){5}[0-9a-f]{2}\b/g, '<mac>')
      .replace(/\b\d{1,3}(?:\\?\.\d{1,3}){3}\b/g, '<ip>')
      .replace(/\bveth[0-9a-f]{7}\b/g, '<veth>')
      .replace(/\bbr-[0-9a-f]{12}\b/g, '<bridge>')
      .replace(/\d+/g, '#')
      .replace(/ {2,}/g, '  ');
  };
}

/** Texts that list other containers or bridges of the shared engine: checked, not kept. */
function stable(i: Rendered): boolean {
  return !/^cli host$|networks\.rows\[|peers|lanes\[\d+\]\.(?:peers|chain\[\d+\]\.lines)/.test(i.where);
}

describe('every explanation of the real containers, rendered', function () {
  const suite = new TestSuite('render').hooks();
  let fleet: Fleet;
  let snap: Snapshot;
  let ours: Set<string>;

  before(async function () {
    this.timeout(120000);
    sweepParents();
    fleet = await buildFleet(suite);
    snap = await snapshotAll();
    ours = new Set(Object.values(fleet).map((c) => c.id));
  });
  after(() => removeParent(PARENT.name));

  for (const lang of ['en', 'ko'] as Lang[]) {
    it(`${lang}: no placeholder, no self-peer${lang === 'ko' ? ', no English sentence' : ''}; matches the golden text`, () => {
      const items = renderAll(snap, lang, (c) => ours.has(c.id));
      assert.ok(items.length > 500, `rendered ${items.length} texts`);
      const problems = check(items, lang, snap);
      assert.equal(problems.length, 0, describeProblems(problems));
      matchGolden(`render-integration.${lang}.md`, asDocument(items.filter(stable), normaliser(suite, fleet)));
    });
  }
});
