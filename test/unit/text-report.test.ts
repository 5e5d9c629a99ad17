/**
 * The CLI's text report read as a person reads it: what it says about the host is about the
 * host, and a reason is said once, not once per row.
 */
import { strict as assert } from 'node:assert';
import type { Lang } from '../../src/core/catalog';
import { idMapText } from '../../src/core/evidence-text';
import { renderHost } from '../../src/core/text-report';
import { fact, NAMESPACE_TYPES } from '../../src/core/model';
import { HOST_INODES, hostOf } from '../fixtures/snapshot';

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

