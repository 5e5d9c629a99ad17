import * as assert from 'node:assert/strict';
import { packagedReadme } from '../../scripts/package';

describe('packaged README', () => {
  const md = [
    '# Title',
    '',
    'Intro.',
    '',
    '![The view](media/screenshot-tree.png)',
    '',
    '## Install',
    'See [the benchmarks](bench/README.md), [Use](#use), [VS Code](https://code.visualstudio.com/).',
    '![Remote](https://example.org/a.png)',
    '',
  ].join('\n');

  it('leaves relative images out, and no empty paragraph where they were', () => {
    const out = packagedReadme(md);
    assert.doesNotMatch(out, /screenshot-tree/);
    assert.match(out, /Intro\.\n\n## Install/);
  });

  it('turns relative links into their text and keeps anchors and https links and images', () => {
    const out = packagedReadme(md);
    assert.match(out, /See the benchmarks, \[Use\]\(#use\), \[VS Code\]\(https:\/\/code\.visualstudio\.com\/\)\./);
    assert.match(out, /!\[Remote\]\(https:\/\/example\.org\/a\.png\)/);
  });
});
