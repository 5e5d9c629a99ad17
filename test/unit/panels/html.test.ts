import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { buildShellHtml, contentSecurityPolicy } from '../../../src/panels/html';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
const scriptUri = 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js';
const styleUri = 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panels.css';

describe('panel HTML shell', () => {
  const nonce = randomBytes(16).toString('base64');
  const html = buildShellHtml({ cspSource, nonce, scriptUri, styleUri, kind: 'compare' });

  it('sets exactly the panels CSP', () => {
    const expected = `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${cspSource} 'nonce-${nonce}'; font-src ${cspSource}`;
    assert.equal(contentSecurityPolicy(cspSource, nonce), expected);
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
    assert.ok(meta);
    assert.equal(meta[1].replace(/&#39;|&apos;/g, "'"), expected);
    assert.equal((html.match(/Content-Security-Policy/g) ?? []).length, 1);
  });

  it('puts the nonce on every script tag and loads nothing but the bundle', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)];
    assert.equal(scripts.length, 1);
    for (const [, attrs] of scripts) {
      assert.ok(attrs.includes(`nonce="${nonce}"`), attrs);
      assert.ok(attrs.includes(`src="${scriptUri}"`), attrs);
    }
    assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/, 'no inline script body');
    // FAST's one <style> probe (the :focus-visible check) takes its nonce from this meta.
    assert.ok(html.includes(`<meta property="csp-nonce" content="${nonce}">`));
    assert.doesNotMatch(html, /<style\b/, 'no inline style element');
    assert.doesNotMatch(html, /\sstyle=/, 'no style attributes');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
  });

  it('contains no data: only the nonce, the CSP source, the two URIs and the panel kind vary', () => {
    const other = buildShellHtml({ cspSource: 'vscode-webview://x', nonce: 'QUJD', scriptUri: 's.js', styleUri: 'p.css', kind: 'topology' });
    const normalise = (s: string, o: { n: string; c: string; sc: string; st: string; k: string }): string =>
      s.split(o.n).join('N').split(o.sc).join('SCRIPT').split(o.st).join('STYLE').split(o.c).join('CSP').split(`data-panel="${o.k}"`).join('data-panel="K"');
    assert.equal(
      normalise(html, { n: nonce, c: cspSource, sc: scriptUri, st: styleUri, k: 'compare' }),
      normalise(other, { n: 'QUJD', c: 'vscode-webview://x', sc: 's.js', st: 'p.css', k: 'topology' }),
    );
    assert.match(html, /<main id="app"><\/main>/);
  });

  it('refuses a nonce or CSP source that could break out of the attribute', () => {
    assert.throws(() => buildShellHtml({ cspSource, nonce: 'a" onload="x', scriptUri, styleUri, kind: 'compare' }));
    assert.throws(() => buildShellHtml({ cspSource: 'x"><script>', nonce, scriptUri, styleUri, kind: 'compare' }));
    assert.throws(() => buildShellHtml({ cspSource, nonce, scriptUri, styleUri, kind: 'other' as 'compare' }));
  });

  it('escapes URIs it is given', () => {
    const odd = buildShellHtml({ cspSource, nonce, scriptUri: 'https://x/a"b<c>.js', styleUri, kind: 'compare' });
    assert.ok(odd.includes('src="https://x/a&quot;b&lt;c&gt;.js"'));
  });
});
