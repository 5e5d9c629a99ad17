/**
 * The static HTML shell of both panels. It holds no data: only the CSP source, a nonce and
 * the two resource URIs. Everything shown is posted after the webview says it is ready.
 *
 * The toolkit's elements style themselves through adoptedStyleSheets, which style-src does
 * not govern; FAST's one probe that appends a <style> element (the :focus-visible check)
 * takes its nonce from <meta property="csp-nonce">, so the shell carries one.
 */
import type { PanelKind } from '../shared/protocol';

export interface ShellOptions {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  kind: PanelKind;
}

/** The Content-Security-Policy of the panels: nothing but our bundle, our stylesheet and nonce'd code. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

const SAFE = /^[A-Za-z0-9+/=._:;,~%@\-\s'*]*$/;

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function buildShellHtml(o: ShellOptions): string {
  if (!/^[A-Za-z0-9+/=]+$/.test(o.nonce)) throw new Error('nonce must be base64');
  if (!SAFE.test(o.cspSource)) throw new Error('unexpected characters in cspSource');
  if (o.kind !== 'compare' && o.kind !== 'topology' && o.kind !== 'limits') throw new Error('unknown panel kind');
  const csp = contentSecurityPolicy(o.cspSource, o.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="csp-nonce" content="${o.nonce}">
<link rel="stylesheet" href="${attr(o.styleUri)}" nonce="${o.nonce}">
</head>
<body data-panel="${o.kind}">
<main id="app"></main>
<script nonce="${o.nonce}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}
