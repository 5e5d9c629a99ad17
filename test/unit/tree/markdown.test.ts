import { strict as assert } from 'node:assert';
import { escapeMarkdown, fillMarkdown, tooltipMarkdown, type ExplainFn } from '../../../src/tree/markdown';
import { childRows, plainTranslate } from '../../../src/tree/rows';
import { EVIL_ID, EVIL_IMAGE, EVIL_NAME, snapshot } from './fixture';

/** A catalog stand-in: raw text with a {name} placeholder, like the real catalog's entries. */
const explain: ExplainFn = (topic) => ({ title: `T(${topic})`, body: `Body of ${topic} for {name}.` });

/** No raw tag may survive: every `<` must be an entity. */
function assertNoTags(md: string): void {
  assert.ok(!/<[a-zA-Z/!]/.test(md), `raw tag in: ${md}`);
  assert.ok(!md.includes('<script'), md);
  assert.ok(!md.includes('<img'), md);
}

describe('escapeMarkdown', () => {
  it('turns HTML into entities', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert\\(1\\)&gt;');
    assert.equal(escapeMarkdown('"><script>'), '"&gt;&lt;script&gt;');
    assert.equal(escapeMarkdown('a & b'), 'a &amp; b');
  });

  it('escapes Markdown syntax and line breaks so data cannot format or link', () => {
    assert.equal(escapeMarkdown('[x](command:foo)'), '\\[x\\]\\(command\\:foo\\)');
    assert.equal(escapeMarkdown('**b** _i_ `c`'), '\\*\\*b\\*\\* \\_i\\_ \\`c\\`');
    assert.equal(escapeMarkdown('line\n# heading\r\n- item'), 'line \\# heading \\- item');
    assert.equal(escapeMarkdown('back\\slash'), 'back\\\\slash');
    assert.equal(escapeMarkdown('![i](https://x/y.png)'), '\\!\\[i\\]\\(https\\://x/y\\.png\\)');
  });

  it('leaves plain names alone', () => {
    assert.equal(escapeMarkdown('web'), 'web');
    assert.equal(escapeMarkdown('172 17 0 2'), '172 17 0 2');
  });
});

describe('tooltipMarkdown', () => {
  it('escapes heading, facts, notes and the values filled into catalog text', () => {
    const md = tooltipMarkdown(
      {
        heading: EVIL_NAME,
        facts: [{ label: 'Image', value: EVIL_IMAGE }],
        notes: ['<b>reason</b>'],
        topics: [{ topic: 'ns.pid', vars: { name: EVIL_NAME } }],
      },
      explain,
    );
    assertNoTags(md);
    assert.ok(md.startsWith('**&lt;img src=x onerror=alert\\(1\\)&gt;**'), md);
    assert.ok(md.includes('Image: "&gt;&lt;script&gt;alert\\(1\\)&lt;/script&gt;'), md);
    assert.ok(md.includes('\n\n---\n\nBody of ns.pid for &lt;img'), md);
  });

  it('leads with the fact and the first topic\'s meaning; its body after, further topics in one line each', () => {
    const md = tooltipMarkdown({ heading: 'web', facts: [{ label: 'Inode', value: '1' }], notes: [], topics: [{ topic: 'a' }, { topic: 'b' }, { topic: 'a' }] }, explain);
    assert.equal(md, '**web**  \nT(a)\n\nInode: 1\n\n---\n\nBody of a for {name}.\n\n---\n\n**T(b)**: Body of b for {name}.');
    const cat: ExplainFn = (topic) => ({ title: `T(${topic})`, summary: `S(${topic}) {peer}.`, body: 'B' });
    const led = tooltipMarkdown({ heading: 'web', facts: [], notes: [], topics: [{ topic: 'a' }], lead: { topic: 'sharing.joined', vars: { peer: 'db' } } }, cat);
    assert.equal(led, '**web**  \nS(sharing.joined) db.  \nS(a) {peer}.\n\n---\n\nB');
  });

  it('fills placeholders inside code spans without escapes but without backticks', () => {
    const md = fillMarkdown('The container `{name}` is {name}.', { name: 'my_app`<b>' });
    assert.equal(md, "The container `my_app'<b>` is my\\_app\\`&lt;b&gt;.");
    assert.equal(fillMarkdown('{what} and {missing}', { what: 'x' }), 'x and {missing}');
  });

  it('puts the first topic\'s summary up front and its body after a rule', () => {
    const md = tooltipMarkdown({ heading: '', facts: [], notes: [], topics: [{ topic: 'x', vars: { name: '<b>' } }] }, () => ({ title: 'T', summary: 'S {name}.', body: 'B' }));
    assert.equal(md, 'S &lt;b&gt;.\n\n---\n\nB');
  });

  it('skips topics the catalog does not know', () => {
    const md = tooltipMarkdown({ heading: 'web', facts: [], notes: [], topics: [{ topic: 'missing' }] }, () => undefined);
    assert.equal(md, '**web**');
  });

  it('renders every row of the hostile container without a raw tag', () => {
    const snap = snapshot();
    const opts = { showStopped: true, groupByCompose: false, t: plainTranslate };
    const walk = (rows: ReturnType<typeof childRows>): number => {
      let n = 0;
      for (const r of rows) {
        assertNoTags(tooltipMarkdown(r.tooltip, explain));
        n += 1 + walk(childRows(snap, r, opts));
      }
      return n;
    };
    const evil = childRows(snap, undefined, opts).filter((r) => r.containerId === EVIL_ID);
    assert.ok(walk(evil) > 20);
  });
});
