// The README's "What you see" pictures, taken from the real extension in the test host
// against the demo containers: the tree, the compare panel and the topology panel.
//   npx tsx test/host/readme-shots.ts      (writes media/screenshot-*.png)
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import * as ui from './browser';
import { removeDemo, startDemoContainers } from './demo';
import { packageExtension, startHost } from './server';

const OUT = path.join(__dirname, '..', '..', 'media');

async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(600);
  const file = path.join(OUT, `screenshot-${name}.png`);
  await page.screenshot({ path: file, scale: 'css' });
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

/** Widens the side bar by dragging the sash beside it, so labels are not cut off. */
async function widenSideBar(page: Page, to: number): Promise<void> {
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (!bar) return;
  const x = bar.x + bar.width;
  await page.mouse.move(x, 300);
  await page.mouse.down();
  await page.mouse.move(to, 300, { steps: 8 });
  await page.mouse.up();
}

async function main(): Promise<void> {
  await startDemoContainers();
  const host = await startHost({
    vsixes: [await packageExtension()],
    workspace: path.join(__dirname, 'demo-workspace'),
    settings: { 'workbench.colorTheme': 'Default Dark Modern' },
  });
  const wb = await ui.openWorkbench(host.url, { width: 1280, height: 760 });
  try {
    const { page } = wb;
    await ui.openActivity(page, 'Container Anatomy');
    await widenSideBar(page, 470);
    await ui.expandTreeRow(page, 'anatomy-demo-web');
    await ui.expandChild(page, 'anatomy-demo-web', 'Namespaces');
    await ui.expandChild(page, 'anatomy-demo-web', 'cgroup limits');
    await shot(page, 'tree');

    const row = await ui.findTreeRow(page, 'anatomy-demo-sidecar');
    await row.hover();
    await row.locator('.actions .action-label[aria-label^="Compare with Host"]').click();
    await ui.waitForWebviewText(page, /anatomy-demo-sidecar/);
    await shot(page, 'compare');

    await ui.runCommandAndPick(page, 'Show Network Topology', 'anatomy-demo-web');
    await ui.waitForWebviewText(page, /veth/);
    await shot(page, 'topology');
  } finally {
    await wb.close();
    await host.stop();
    await removeDemo();
  }
}

main().catch((err: unknown) => {
  console.error(`readme-shots: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
