/**
 * The CLI's text report read as a person reads it: what it says about the host is about the
 * host, and a reason is said once, not once per row.
 */
import { strict as assert } from 'node:assert';
import type { Lang } from '../../src/core/catalog';
import { idMapText } from '../../src/core/evidence-text';
import { formatTime } from '../../src/core/format';
import { translator } from '../../src/core/i18n';
import { diffContainers } from '../../src/core/diff';
import { renderContainer, renderDiff, renderHost, width } from '../../src/core/text-report';
import { sidecar, web } from './tree/fixture';
import { fact, NAMESPACE_TYPES } from '../../src/core/model';
import { containerOf, HOST_INODES, hostOf } from '../fixtures/snapshot';

const DENIED = (t: string): string =>
  `permission denied reading /proc/1/ns/${t}: the kernel's ptrace check refuses it; run as root (or the container's owner), ` +
  `or let the helper container read it (even root can be refused, e.g. for a supervisor's PID 1 or by a security module)`;

function host(lang: Lang): string[] {
  return renderHost(hostOf({ pid1: DENIED }), { color: false, explain: true, lang }).split('\n');
}

describe('CLI host section', () => {
  it("says once why PID 1's namespaces are unreadable, with the reason, instead of on each of the eight rows", () => {
    const en = host('en');
    const said = en.filter((l) => l.includes('PID 1 unreadable'));
    assert.equal(said.length, 1, en.join('\n'));
    assert.match(said[0], /PID 1 unreadable: permission denied reading \/proc\/1\/ns\/\*: the kernel's ptrace check refuses it/);
    const ko = host('ko').filter((l) => l.includes('PID 1 읽을 수 없음'));
    assert.equal(ko.length, 1);
    assert.match(ko[0], /\/proc\/1\/ns\/\* 읽기 권한이 없습니다/);
  });

  it('names PID 1 on each row when only some of its namespaces are readable', () => {
    const h = hostOf({ pid1: DENIED });
    for (const type of NAMESPACE_TYPES) if (type !== 'time') h.namespaces[type].pid1Inode = fact(HOST_INODES[type], 'procfs');
    const rows = renderHost(h, { color: false, explain: false, lang: 'en' }).split('\n');
    assert.ok(rows.some((l) => /^ {4}time +\d+ +PID 1 unreadable$/.test(l)), rows.join('\n'));
  });

  for (const [lang, word] of [['en', /container/i], ['ko', /컨테이너/]] as [Lang, RegExp][]) {
    it(`explains the host's namespaces in words about the host, not about a container (${lang})`, () => {
      const notes = host(lang).filter((l) => l.trim().startsWith('↳'));
      assert.equal(notes.length, 8);
      for (const n of notes) assert.doesNotMatch(n, word);
    });
  }
});

describe('uid maps in words', () => {
  const identity = [{ inside: 0, outside: 0, length: 4294967295 }];
  const remapped = [{ inside: 0, outside: 231072, length: 65536 }];

  it('says the identity map is the whole 32-bit range with no remapping, not a raw count (en, ko)', () => {
    assert.equal(idMapText(identity, 'en'), '0→0 over the whole 32-bit id range (no remapping)');
    assert.equal(idMapText(identity, 'ko'), '0→0, 32비트 ID 전체 범위(재매핑 없음)');
  });

  it('gives a remapped range its length in ids', () => {
    assert.equal(idMapText(remapped, 'en'), '0→231072 (65536 ids)');
    assert.equal(idMapText(remapped, 'ko'), '0→231072 (ID 65536개)');
  });
});

describe('times as a person reads them', () => {
  const zone = process.env.TZ;
  before(() => (process.env.TZ = 'Asia/Seoul'));
  after(() => (zone === undefined ? delete process.env.TZ : (process.env.TZ = zone)));
  const now = Date.parse('2026-11-30T05:12:40Z');

  it('shows an engine time in local time to the second, with how long ago, in the language chosen', () => {
    assert.equal(formatTime('2026-11-30T03:12:39.799958755Z', translator('en'), now), '2026-11-30 12:12:39 (2 h ago)');
    assert.equal(formatTime('2026-11-30T03:12:39.799958755Z', translator('ko'), now), '2026-11-30 12:12:39 (2시간 전)');
    assert.equal(formatTime('2026-11-30T05:12:10Z', translator('en'), now), '2026-11-30 14:12:10 (just now)');
    assert.equal(formatTime('2026-11-30T05:02:40Z', translator('ko'), now), '2026-11-30 14:02:40 (10분 전)');
    assert.equal(formatTime('2026-11-27T05:12:40Z', translator('en'), now), '2026-11-27 14:12:40 (3 days ago)');
    assert.equal(formatTime('not a time', translator('en'), now), 'not a time');
  });

  it('the CLI says when a container exited and when it was read without raw ISO text; --json keeps ISO', () => {
    const c = containerOf({ id: 'd4'.repeat(32), name: 'old', state: 'exited', exit: { code: 137, oomKilled: false, finishedAt: '2026-11-30T03:12:39.799958755Z' } });
    const text = renderContainer(c, { color: false, explain: false, lang: 'en' });
    assert.match(text, /exited with code 137 at 2026-11-30 12:12:39 \(\d+ (?:h|days) ago\)/);
    assert.doesNotMatch(text, /\d{4}-\d\d-\d\dT/);
    assert.equal(JSON.parse(JSON.stringify(c)).exit.finishedAt, '2026-11-30T03:12:39.799958755Z');
  });
});


describe('diff columns', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`keeps each inode under its container's name when the names are longer than the column (${lang})`, () => {
      const d = diffContainers({ ...sidecar, name: 'anatomy-demo-sidecar' }, { ...web, name: 'anatomy-demo-web' });
      const [head, ...rows] = renderDiff(d, { color: false, explain: false, lang }).split('\n').filter((l) => !l.startsWith(' '));
      const col = (line: string, text: string): number => width(line.slice(0, line.indexOf(text)));
      const [left, right] = [col(head, 'anatomy-demo-sidecar'), col(head, 'anatomy-demo-web')];
      for (const [i, r] of rows.entries()) {
        const starts = [...r.matchAll(/\S+/g)].map((m) => width(r.slice(0, m.index)));
        assert.deepEqual(starts.slice(1, 3), [left, right], `row ${i}: ${r}`);
      }
    });
  }
});
