// Pictures of what each side sees, from the real extension in the test host, in English and
// Korean: Compare with Host, a Namespace Diff of a container joined to another's network,
// and the donor's topology with the joined container drawn in it.
//   npx tsx test/host/evidence-shots.ts [en|ko]     (writes test-results/evidence-*.png)
// Its containers carry their own label value, so other host runs on the same engine leave them alone.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import * as ui from './browser';
import { createContainer, ensureImage, removeLabelled } from './containers';
import { packageExtension, startHost } from './server';

const LABEL_KEY = 'container-anatomy.test';
const LABEL_VALUE = `evidence-shots-${process.pid}`;
const WEB = `evidence-shot-web-${process.pid}`;
const SIDE = `evidence-shot-side-${process.pid}`;

async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(800);
  console.log(`wrote ${path.relative(process.cwd(), await ui.screenshot(page, `evidence-${name}`))}`);
}

/** Scrolls the namespace table of the visible Compare panel so that `type`'s row is at the top. */
async function scrollTo(page: Page, type: string): Promise<void> {
  for (const frame of page.frames()) {
    const row = frame.locator('table.grid tbody tr', { hasText: new RegExp(`^${type}`) }).first();
    if (await row.count()) {
      await row.scrollIntoViewIfNeeded();
      await row.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      return;
    }
  }
}

async function run(locale: 'en' | 'ko', vsix: string, workspace: string): Promise<void> {
  const host = await startHost({ vsixes: [vsix], workspace, ...(locale === 'ko' ? { locale } : {}) });
  const wb = await ui.openWorkbench(host.url, { width: 1400, height: 1000 });
  try {
    const { page } = wb;
    await ui.openActivity(page, 'Container Anatomy');
    const row = await ui.findTreeRow(page, WEB, 60_000);
    await row.hover();
    await row.locator('.actions .action-label').first().click();
    await ui.waitForWebviewText(page, locale === 'ko' ? /호스트명이 다름/ : /Different hostnames/);
    // More room for the panel (the palette matches the English title in Korean too).
    await ui.runCommand(page, 'View: Close Primary Side Bar');
    await shot(page, `${locale}-compare-host`);
    await scrollTo(page, 'pid');
    await shot(page, `${locale}-compare-host-lower`);
    if (locale === 'en') {
      await ui.runCommandAndPick(page, 'Namespace Diff', SIDE);
      await ui.pickQuickItem(page, WEB);
      await ui.waitForWebviewText(page, /Both see eth0/);
      await scrollTo(page, 'net');
      await shot(page, 'en-diff-joined');
      await ui.runCommandAndPick(page, 'Show Network Topology', WEB);
      await ui.waitForWebviewText(page, /Also in this network namespace/);
      await shot(page, 'en-topology-donor');
    }
  } catch (err) {
    await shot(wb.page, `${locale}-failed`);
    throw err;
  } finally {
    await wb.close();
    await host.stop();
  }
}

async function main(): Promise<void> {
  await ensureImage();
  const label = { [LABEL_KEY]: LABEL_VALUE };
  const web = await createContainer({ name: WEB }, label);
  await createContainer({ name: SIDE, hostConfig: { NetworkMode: `container:${web.Id}` } }, label);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'anatomy-evidence-ws-'));
  try {
    const vsix = await packageExtension();
    // `npx tsx test/host/evidence-shots.ts ko` takes only the Korean ones.
    const langs = process.argv.slice(2).filter((a): a is 'en' | 'ko' => a === 'en' || a === 'ko');
    for (const lang of langs.length ? langs : (['en', 'ko'] as const)) await run(lang, vsix, workspace);
  } finally {
    await removeLabelled(LABEL_KEY, LABEL_VALUE);
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`evidence-shots: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
