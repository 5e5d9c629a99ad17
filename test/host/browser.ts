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
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-gpu'],
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

/** Clicks an activity-bar entry unless its view container is already open. */
export async function openActivity(page: Page, title: string): Promise<void> {
  const item = activityItem(page, title);
  await item.waitFor({ timeout: 30_000 });
  const checked = await item.locator('xpath=..').getAttribute('aria-pressed')
    ?? await item.getAttribute('aria-checked') ?? await item.locator('xpath=..').getAttribute('aria-checked');
  if (checked !== 'true') await item.click();
  await page.locator(`.part.sidebar .composite.title`).filter({ hasText: new RegExp(title, 'i') })
    .first().waitFor({ timeout: 15_000 });
}

/** A tree row (in the side bar) whose label matches. */
export function treeRow(page: Page, label: string | RegExp): Locator {
  return page.locator('.part.sidebar .monaco-list-row').filter({
    has: page.locator('.label-name, .monaco-highlighted-label', { hasText: label }),
  }).first();
}

/** All visible rows of the side-bar tree, as their aria-labels. */
export async function treeLabels(page: Page): Promise<string[]> {
  return page.locator('.part.sidebar .monaco-list-row').evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('aria-label') ?? (r.textContent ?? '').trim()));
}

/** Expands a collapsed tree row by clicking its twistie. */
export async function expandTreeRow(page: Page, label: string | RegExp): Promise<Locator> {
  const row = treeRow(page, label);
  await row.waitFor({ timeout: 30_000 });
  if ((await row.getAttribute('aria-expanded')) === 'false') {
    await row.click();
    await page.waitForFunction((el) => el?.getAttribute('aria-expanded') !== 'false', await row.elementHandle(), { timeout: 10_000 })
      .catch(async () => { await row.press('ArrowRight'); });
  }
  return row;
}

/** Moves the mouse over `target` and returns the text of the hover (tooltip) that appears. */
export async function hoverText(page: Page, target: Locator, timeoutMs = 10_000): Promise<string> {
  await page.mouse.move(0, 0);
  await target.hover();
  const hover = page.locator('.monaco-hover:visible, .workbench-hover:visible, .monaco-hover-content:visible').last();
  await hover.waitFor({ state: 'visible', timeout: timeoutMs });
  // Hovers may fill in after a first render; wait for the text to settle.
  let text = '';
  for (let i = 0; i < 10; i++) {
    const next = (await hover.innerText()).trim();
    if (next && next === text) break;
    text = next;
    await page.waitForTimeout(150);
  }
  return text;
}

/** Dismisses hovers, menus and quick inputs. */
export async function escape(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
}

/** Opens the command palette, types the title and runs the matching command. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first();
  await row.waitFor({ timeout: 10_000 });
  await row.click();
}

/** The visible quick pick rows' labels (after a command asked for something). */
export async function quickPickLabels(page: Page): Promise<string[]> {
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.first().waitFor({ timeout: 15_000 });
  return rows.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim()));
}

/** Picks the quick pick row containing `text`. */
export async function pickQuickItem(page: Page, text: string | RegExp): Promise<void> {
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: text }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
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

/** The span holding `word` on an editor line containing `lineText`. */
export function editorToken(page: Page, lineText: string, word: string): Locator {
  return page.locator('.editor-instance .view-line').filter({ hasText: lineText }).first()
    .locator('span > span', { hasText: word }).first();
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

/** The frame of the webview panel whose body contains `text` (webviews nest two iframes deep). */
export async function webviewText(page: Page, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || !frame.url().includes('fake.html') && frame.parentFrame() === page.mainFrame()) continue;
      const text = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
      if (text.trim()) return text;
    }
    await page.waitForTimeout(300);
  }
  return '';
}
