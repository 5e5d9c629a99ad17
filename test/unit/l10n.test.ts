/**
 * Every interface message the code asks for (`t('…')`, `vscode.l10n.t('…')`) has a Korean
 * entry in l10n/bundle.l10n.ko.json: the tree, hovers and the CLI never fall back to English.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { hasKorean, translator, withParticle } from '../../src/core/i18n';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** The string literal each `t(` call starts with; `\'` unescaped. */
function messages(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\bt\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) out.push(m[2].replace(/\\'/g, "'"));
  return out;
}

describe('interface words in Korean', () => {
  it('has a Korean entry for every message the code asks for', () => {
    const all = new Set(sources(path.join(__dirname, '..', '..', 'src')).flatMap((f) => messages(readFileSync(f, 'utf8'))));
    assert.ok(all.size > 100, `found ${all.size} messages`);
    assert.deepEqual([...all].filter((m) => !hasKorean(m)).sort(), []);
  });

  it('translates with arguments, and picks the particle by the final sound where it is known', () => {
    assert.equal(translator('ko')('joined {0}', 'web'), 'web에 합류');
    assert.equal(translator('en')('joined {0}', 'web'), 'joined web');
    assert.equal(withParticle('호스트', '이', '가'), '호스트가');
    assert.equal(withParticle('컨테이너 3', '이', '가'), '컨테이너 3이');
    assert.equal(withParticle('web', '이', '가'), 'web이(가)');
  });
});
