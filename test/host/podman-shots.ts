// Pictures of a Podman engine in the real extension: the Containers view pointed at Podman's
// Docker-compatible service (started here, as test/integration/podman.test.ts starts it), with
// "Podman" beside the view's title, a container's hover explaining what differs, and its
// network section with the bridge netavark made and the host veth.
//   npx tsx test/host/podman-shots.ts     (root; writes test-results/podman-*.png)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ui from './browser';
import { packageExtension, startHost } from './server';
import { PodmanService } from '../integration/support/podman';
import { TestSuite } from '../integration/support/docker';

async function main(): Promise<void> {
  const podman = new PodmanService();
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'anatomy-podman-ws-'));
  try {
    await podman.setUp();
    const suite = new TestSuite('podman-shots', podman.client);
    const web = await suite.createContainer({ name: 'web', hostConfig: { Memory: 64 * 1024 * 1024, NetworkMode: podman.network } });
    await suite.createContainer({ name: 'side', hostConfig: { NetworkMode: `container:${web.id}` } });
    const vsix = await packageExtension();
    const host = await startHost({ vsixes: [vsix], workspace, settings: { 'containerAnatomy.engine.host': podman.endpoint } });
    const wb = await ui.openWorkbench(host.url, { width: 1400, height: 1000 });
    try {
      const { page } = wb;
      await ui.openActivity(page, 'Container Anatomy');
      // A side bar wide enough for the words beside the view's title.
      await page.mouse.move(349, 500);
      await page.mouse.down();
      await page.mouse.move(720, 500, { steps: 10 });
      await page.mouse.up();
      const row = await ui.findTreeRow(page, web.name, 60_000);
      console.log(await ui.hoverText(page, row));
      console.log(`wrote ${await ui.screenshot(page, 'podman-hover')}`);
      await ui.escape(page);
      await ui.expandTreeRow(page, web.name);
      await ui.expandChild(page, web.name, 'Network');
      await ui.expandChild(page, 'Network', podman.network);
      await page.mouse.move(0, 0);
      await page.waitForTimeout(800);
      console.log(`wrote ${await ui.screenshot(page, 'podman-network')}`);
      console.log((await ui.allTreeLabels(page)).join('\n'));
    } finally {
      await wb.close();
      await host.stop();
    }
  } finally {
    await podman.tearDown();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`podman-shots: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
