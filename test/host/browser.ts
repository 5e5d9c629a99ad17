// Drives the code-server workbench in Debian's Chromium the way a person would: click the
// activity bar, expand tree rows, hover, run commands from the palette, open files. It also
// records console messages, CSP violations and dialogs, and saves screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { resultsDir } from './paths';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface ConsoleEntry {
  type: string;
  text: string;
  url: string;
}

export interface Workbench {
  browser: Browser;
  page: Page;
  /** Every console message from the page and its frames (webviews included). */
  console: ConsoleEntry[];
  /** Content-Security-Policy violations seen by any frame. */
  cspViolations: string[];
  /** alert/confirm/prompt dialogs that opened, or were blocked by a sandbox. */
  dialogs: string[];
  close(): Promise<void>;
}

const CSP_HOOK = `
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error('[csp-violation] ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
      ' in ' + (e.documentURI || location.href) + (e.sample ? ' sample: ' + e.sample : ''));
  });
`;

/** Opens the workbench URL in a fresh headless Chromium and waits until it is usable. */
export async function openWorkbench(url: string, opts: { width?: number; height?: number } = {}): Promise<Workbench> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium looks up names of its own (besides the page's requests): it may resolve none but
    // the test server's address, so nothing is sent to the machine's DNS server either.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1400, height: opts.height ?? 900 } });
  await context.addInitScript(CSP_HOOK);
  const page = await context.newPage();
  const wb: Workbench = {
    browser, page, console: [], cspViolations: [], dialogs: [],
    close: async () => { await browser.close(); },
  };
  page.on('console', (m) => {
    const entry = { type: m.type(), text: m.text(), url: m.location().url };
    wb.console.push(entry);
    if (/\[csp-violation\]|Content Security Policy/i.test(entry.text)) wb.cspViolations.push(`${entry.text} (${entry.url})`);
    if (/Ignored call to '(alert|confirm|prompt)\(\)'/.test(entry.text)) wb.dialogs.push(`blocked: ${entry.text}`);
  });
  page.on('dialog', (d) => {
    wb.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url);
  await waitForWorkbench(page);
  return wb;
}

/** Waits until the workbench has laid out its activity bar and status bar. */
export async function waitForWorkbench(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: timeoutMs });
}

/** Saves test-results/<name>.png (name made file-safe). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The activity-bar entry whose title starts with `title`. */
export function activityItem(page: Page, title: string): Locator {
  return page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title}"]`).first();
}

/** Opens the view container of an activity-bar entry (clicking it again would close it). */
export async function openActivity(page: Page, title: string): Promise<void> {
  const item = activityItem(page, title);
  await item.waitFor({ timeout: 30_000 });
  const shown = page.locator('.part.sidebar .composite.title').filter({ hasText: new RegExp(title, 'i') }).first();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await shown.isVisible()) break;
    await item.click();
    await shown.waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
  await shown.waitFor({ timeout: 5_000 });
  // Move focus into the view, as a person's next click would: a focused activity-bar item
  // keeps showing its own hover ("Container Anatomy") over whatever is hovered next.
  // The list may not exist yet (the tree is still connecting, or shows a welcome view): then
  // at least take focus off the activity bar.
  await page.locator('.part.sidebar .monaco-list').first().focus({ timeout: 5_000 }).catch(() => undefined);
  await blurActivityBar(page);
}

/** Takes keyboard focus off the activity bar, whose focused item keeps its hover open. */
async function blurActivityBar(page: Page): Promise<void> {
  const focused = page.locator('.part.activitybar :focus');
  if ((await focused.count()) === 0) return;
  await focused.first().evaluate((el) => (el as unknown as { blur(): void }).blur()).catch(() => undefined);
}

/** A tree row (in the side bar) whose label matches (only rows scrolled into view exist). */
export function treeRow(page: Page, label: string | RegExp, within?: Locator): Locator {
  return (within ?? page.locator('.part.sidebar')).locator('.monaco-list-row').filter({
    has: page.locator('.label-name, .monaco-highlighted-label', { hasText: label }),
  }).first();
}

/**
 * Pages through the side-bar tree from the top (Home, then Page Down, as a person does with
 * the keyboard) until a row matching `label` is rendered; returns the row.
 */
export async function findTreeRow(page: Page, label: string | RegExp, timeoutMs = 30_000): Promise<Locator> {
  const row = treeRow(page, label);
  const list = page.locator('.part.sidebar .monaco-list').first();
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let still = 0;
  let fromTop = true;
  while (Date.now() < deadline) {
    if (await row.count()) {
      // The tree may re-render the row between the count and the scroll (an engine event):
      // then look again.
      const attached = await row.scrollIntoViewIfNeeded({ timeout: 5_000 }).then(() => true, (err: Error) => {
        if (!/not attached|timeout/i.test(err.message)) throw err;
        return false;
      });
      if (attached) return row;
      continue;
    }
    if (await list.isVisible()) {
      await list.focus();
      await page.keyboard.press(fromTop ? 'Home' : 'PageDown');
      fromTop = false;
      await page.waitForTimeout(100);
      const rows = await treeLabels(page);
      const bottom = rows[rows.length - 1] ?? '';
      // The first Page Down only moves the focus; two without scrolling mean the end. The
      // row may still come (engine events): start over from the top.
      still = bottom === last ? still + 1 : 0;
      if (still >= 2) { fromTop = true; still = 0; }
      last = bottom;
    } else {
      await page.waitForTimeout(250);
    }
  }
  throw new Error(`no tree row matching ${String(label)} after paging through the tree for ${timeoutMs} ms`);
}

/** All visible rows of the side-bar tree, as their aria-labels. */
export async function treeLabels(page: Page): Promise<string[]> {
  return page.locator('.part.sidebar .monaco-list-row').evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('aria-label') ?? (r.textContent ?? '').trim()));
}

async function waitForExpanded(page: Page, row: Locator, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await row.getAttribute('aria-expanded')) === 'false') {
    if (Date.now() > deadline) throw new Error('the tree row did not expand');
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(200); // children render right after
}

/** Every row label of the side-bar tree, paging through it from the top. */
export async function allTreeLabels(page: Page): Promise<string[]> {
  const list = page.locator('.part.sidebar .monaco-list').first();
  const seen = new Set<string>();
  if (!(await list.isVisible())) return [];
  await list.focus();
  await page.keyboard.press('Home');
  let last = '';
  for (let still = 0; still < 2;) {
    const rows = await treeLabels(page);
    rows.forEach((r) => seen.add(r));
    const bottom = rows[rows.length - 1] ?? '';
    still = bottom === last ? still + 1 : 0;
    last = bottom;
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(80);
  }
  return [...seen];
}

/** Expands a collapsed tree row by clicking its twistie. */
export async function expandTreeRow(page: Page, label: string | RegExp): Promise<Locator> {
  const row = await findTreeRow(page, label);
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
  await waitForExpanded(page, row);
  return row;
}

/**
 * The hover now shown. The activity bar's own hover (its item's title, one line) can outlive a
 * click on it: it is never taken for the target's.
 */
async function shownHover(page: Page): Promise<Locator> {
  const titles = (await page.locator('.part.activitybar .action-label[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).filter(Boolean);
  const escaped = titles.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return page.locator('.monaco-hover:visible, .workbench-hover:visible').filter(escaped.length ? { hasNotText: new RegExp(`^\\s*(${escaped.join('|')})\\s*$`) } : {}).last();
}

/**
 * Moves the mouse over `target` and returns the text of the hover (tooltip) that appears.
 * Tries again when the hover goes away before it could be read (a row re-rendered by an
 * engine event takes its hover with it).
 */
export async function hoverText(
  page: Page, target: Locator, timeoutMs = 30_000, position?: () => Promise<{ x: number; y: number }>,
): Promise<string> {
  const hover = await shownHover(page);
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      // Let any earlier hover (say, of the activity-bar entry just clicked) go away first:
      // rest the pointer over the empty editor area, where nothing has a hover.
      await blurActivityBar(page);
      const size = page.viewportSize() ?? { width: 1400, height: 900 };
      await page.mouse.move(Math.round(size.width * 0.75), Math.round(size.height * 0.6));
      await hover.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
      const stale = (await hover.isVisible()) ? (await hover.innerText({ timeout: 1_000 })).trim() : '';
      await target.hover({ timeout: 5_000, position: position ? await position() : undefined });
      await hover.waitFor({ state: 'visible', timeout: 5_000 });
      // Lazily resolved tooltips show "Loading..." first; wait for the text to settle.
      let text = '';
      for (let i = 0; i < 30; i++) {
        const next = (await hover.innerText({ timeout: 1_000 })).trim();
        if (next && next === text && !/^Loading\b|^로드 중/.test(next)) break;
        text = next;
        await page.waitForTimeout(150);
      }
      // A hover that outlived the pointer's move is not the target's.
      if (text && text !== stale && !/^Loading\b|^로드 중/.test(text)) return text;
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(`no hover could be read within ${timeoutMs} ms: ${String(lastError)}`);
}

/** Dismisses hovers, menus and quick inputs. */
export async function escape(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
}

/** Opens the command palette and types `>text`; retries until rows matching `expect` show. */
export async function paletteRows(page: Page, text: string, expect: string | RegExp, timeoutMs = 30_000): Promise<Locator> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const rows = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: expect });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!(await input.isVisible())) await page.keyboard.press('F1');
    if (!(await input.waitFor({ timeout: 3_000 }).then(() => true, () => false))) {
      // Right after load the keyboard focus may be nowhere: focus the workbench and retry.
      await page.locator('.part.editor').click();
      await page.keyboard.press('F1');
      await input.waitFor({ timeout: 10_000 });
    }
    await input.fill(`>${text}`);
    try {
      await rows.first().waitFor({ timeout: 3_000 });
      return rows;
    } catch (err) {
      // Contributions of an extension may register a moment after the workbench shows.
      if (Date.now() > deadline) {
        const seen = await page.locator('.quick-input-widget .monaco-list-row').evaluateAll((els) =>
          els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim()));
        throw new Error(`the command palette shows no row matching ${String(expect)} for ">${text}"; it shows: ${seen.join(' | ')}`, { cause: err });
      }
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: 5_000 });
    }
  }
}

/** Opens the command palette, types the title and runs the matching command. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const rows = await paletteRows(page, title, title);
  await rows.first().click();
}

/** The visible quick pick rows' labels (after a command asked for something). */
export async function quickPickLabels(page: Page): Promise<string[]> {
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.first().waitFor({ timeout: 15_000 });
  return rows.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim()));
}

/**
 * Picks the quick pick row containing `text`. A string is typed into the filter box first, as
 * a person would with a long list (a busy engine lists hundreds of containers, and rows
 * scrolled out of view cannot be clicked).
 */
export async function pickQuickItem(page: Page, text: string | RegExp): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  if (typeof text === 'string') {
    await input.waitFor({ timeout: 15_000 });
    await input.fill(text);
  }
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: text }).first();
  await row.waitFor({ timeout: 15_000 });
  // Enter takes the focused row, as a person who typed would; a click can land on the hover a
  // row shows when the pointer happens to rest where the list opened.
  if (await page.locator('.quick-input-widget .monaco-list-row.focused').filter({ hasText: text }).count()) {
    await input.press('Enter');
    return;
  }
  await page.mouse.move(0, 0);
  await row.click();
}

/**
 * Runs a palette command and picks `text` in the quick pick it opens. Under load the quick pick
 * can close before the text is typed (it closes when focus moves, e.g. to a webview that just
 * rendered); then the command is run again, up to three times, and each retry is logged.
 */
export async function runCommandAndPick(page: Page, title: string, text: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await runCommand(page, title);
      await pickQuickItem(page, text);
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      console.log(`      attempt ${attempt}: the quick pick of "${title}" closed before "${text}" was picked; again`);
      await page.keyboard.press('Escape');
    }
  }
}

/** Opens a workspace file through Quick Open and waits for its editor. */
export async function openFile(page: Page, relativePath: string): Promise<Locator> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(relativePath);
  const base = path.basename(relativePath);
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: base }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await page.locator('.tabs-container .tab.active').filter({ hasText: base }).waitFor({ timeout: 15_000 });
  await editor.waitFor({ timeout: 15_000 });
  return editor;
}

/**
 * Hovers `word` on the editor line containing `lineText` and returns the hover's text. The
 * point is computed inside the line (monospace), so it holds before and after tokenization.
 */
export async function hoverEditorWord(page: Page, lineText: string, word: string): Promise<string> {
  const line = page.locator('.editor-instance .view-line').filter({ hasText: lineText }).first();
  await line.waitFor({ timeout: 15_000 });
  const at = async () => {
    const text = (await line.textContent()) ?? '';
    const box = await line.locator(':scope > span').first().boundingBox();
    const i = text.indexOf(word);
    if (!box || i < 0 || !text.length) throw new Error(`"${word}" not on the line "${text}"`);
    return { x: ((i + word.length / 2) * box.width) / text.length, y: box.height / 2 };
  };
  return hoverText(page, line.locator(':scope > span').first(), 30_000, at);
}

/** Titles of the editor tabs (panels included). */
export async function tabTitles(page: Page): Promise<string[]> {
  return page.locator('.tabs-container .tab').evaluateAll((tabs) => tabs.map((t) => (t.getAttribute('aria-label') ?? t.textContent ?? '').trim()));
}

/** Text of notification toasts currently shown. */
export async function notifications(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-list-item').evaluateAll((els) =>
    els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim()));
}

/** True when a modal VS Code dialog (not a browser alert) is open. */
export async function modalDialogOpen(page: Page): Promise<boolean> {
  return page.locator('.monaco-dialog-box').isVisible();
}

/** Body text of every webview frame on the page (webviews nest two iframes deep). */
export async function webviewTexts(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const text = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
    if (text.trim()) out.push(text);
  }
  return out;
}

/** Waits until some webview shows text matching `pattern`; returns that webview's text. */
export async function waitForWebviewText(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await webviewTexts(page);
    const hit = seen.find((t) => pattern.test(t));
    if (hit) return hit;
    await page.waitForTimeout(300);
  }
  throw new Error(`no webview shows ${pattern} within ${timeoutMs} ms; webviews show:\n${seen.join('\n----\n').slice(0, 2000)}`);
}

export interface TreeRowInfo {
  index: number;
  level: number;
  label: string;
  expanded: string | null;
}

/** The rendered rows of the side-bar tree with their depth. */
export async function treeRows(page: Page): Promise<TreeRowInfo[]> {
  return page.locator('.part.sidebar .monaco-list-row').evaluateAll((rows) => rows.map((r) => ({
    index: Number(r.getAttribute('data-index')),
    level: Number(r.getAttribute('aria-level') ?? '1'),
    label: r.getAttribute('aria-label') ?? (r.textContent ?? '').trim(),
    expanded: r.getAttribute('aria-expanded'),
  })).sort((a, b) => a.index - b.index));
}

/** Labels of the rendered descendants of the row whose label starts with `parent`. */
export async function childLabels(page: Page, parent: string, depth = 1): Promise<string[]> {
  const rows = await treeRows(page);
  const at = rows.findIndex((r) => r.label === parent || r.label.startsWith(`${parent},`));
  if (at < 0) return [];
  const out: string[] = [];
  for (const r of rows.slice(at + 1)) {
    if (r.level <= rows[at].level) break;
    if (r.level <= rows[at].level + depth) out.push(r.label);
  }
  return out;
}

/** The rendered row `child` (label prefix) under the row whose label starts with `parent`. */
export async function childRow(page: Page, parent: string, child: string): Promise<{ row: Locator; expanded: string | null }> {
  const rows = await treeRows(page);
  const at = rows.findIndex((r) => r.label === parent || r.label.startsWith(`${parent},`));
  if (at < 0) throw new Error(`no rendered row ${parent}`);
  const hit = rows.slice(at + 1).find((r, i, rest) =>
    rest.slice(0, i + 1).every((x) => x.level > rows[at].level) && (r.label === child || r.label.startsWith(`${child},`)));
  if (!hit) throw new Error(`no row ${child} under ${parent}; rows: ${rows.map((r) => r.label).join(' | ')}`);
  const row = page.locator(`.part.sidebar .monaco-list-row[data-index="${hit.index}"]`);
  await row.scrollIntoViewIfNeeded();
  return { row, expanded: hit.expanded };
}

/** Expands the child row `child` (label prefix) under the row whose label starts with `parent`. */
export async function expandChild(page: Page, parent: string, child: string): Promise<Locator> {
  const { row, expanded } = await childRow(page, parent, child);
  if (expanded === 'false') await row.click();
  await waitForExpanded(page, row);
  return row;
}

/** Whether the hover now shown needs scrolling: its content is taller than the box it gets. */
export async function hoverScrolls(page: Page): Promise<{ scrolls: boolean; contentHeight: number; boxHeight: number }> {
  const hover = await shownHover(page);
  return hover.evaluate((el) => {
    const box = el.querySelector('.monaco-scrollable-element') ?? el;
    const content = box.firstElementChild ?? box;
    return { scrolls: content.scrollHeight > box.clientHeight + 1, contentHeight: content.scrollHeight, boxHeight: box.clientHeight };
  });
}

/** Clicks the first element matching `selector` with text `text` in any webview (e.g. a panel tab). */
export async function clickInWebview(page: Page, selector: string, text: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const target = frame.locator(selector, { hasText: text }).first();
      if (await target.count().catch(() => 0)) {
        await target.click();
        return;
      }
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no ${selector} "${text}" in any webview`);
}
