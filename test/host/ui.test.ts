// The extension inside a real VS Code (code-server in Chromium), driven like a person:
// activity bar, tree, hovers, command palette, panels; against the real Docker engine.
// Every test saves a screenshot under test-results/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { explain } from '../../src/core/catalog';
import { describeFailures, runApiSuiteInHost } from './api-suite';
import * as ui from './browser';
import { createContainer, docker, ensureImage, IMAGE, nsInode, removeLabelled } from './containers';
import { canControlEngine, stopEngine } from './engine-control';
import { startCountingProxy, type CountingProxy } from '../../bench/proxy';
import { SecondEngine } from '../integration/support/second-engine';
import { TestSuite } from '../integration/support/docker';
import { ensureDockerGroupUser, requireRoot } from '../integration/support/user';
import { PodmanService } from '../integration/support/podman';
import { SwarmEngine } from '../integration/support/swarm';
import { containerLink, hostLinks, linksIn, namespacesHoldingPeer, type HostLink, type KernelLink } from '../integration/support/truth';
import { buildRunnerExtension } from './runner-ext/build';
import { packageExtension, startHost, type Host, type HostOptions } from './server';

const TAG = `${process.pid.toString(36)}`;
const LABEL_KEY = 'container-anatomy.test';
/** Per run: several people run these tests on one engine, and each run removes only its own. */
const RUN = `host-${TAG}`;
const LABEL = { [LABEL_KEY]: RUN };
const NAMES = {
  bridge: `anatomy-ui-bridge-${TAG}`,
  limits: `anatomy-ui-limits-${TAG}`,
  shared: `anatomy-ui-shared-${TAG}`,
  xss: `xss-anatomy-ui-${TAG}`,
  live: `anatomy-ui-live-${TAG}`,
  oom: `anatomy-ui-oom-${TAG}`,
};
const MiB = 1024 * 1024;
/** A child shell doubles a string until the kernel OOM-kills it; the parent waits and starts another. */
const ALLOCATE_UNTIL_KILLED = ['sh', '-c', 'while true; do sh -c \'x=a; while true; do x=$x$x; done\'; sleep 4; done'];

/** How many OOM-kill marks the Limits panel's memory chart draws, in whichever webview frame holds it. */
async function oomMarks(page: import('playwright-core').Page): Promise<number> {
  let n = 0;
  for (const frame of page.frames()) n += await frame.locator('svg.chart .oom-line').count().catch(() => 0);
  return n;
}
const HOSTILE = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>'];
const NS_TYPES = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'];
const TITLE = 'Container Anatomy';

/** The verdict a Compare panel shows on the row of namespace `type` (lower case). */
function verdict(text: string, type: string): string | undefined {
  const m = new RegExp(`^${type}\\n[^\\n]*\\n[^\\n]*\\t([^\\t\\n]+)\\t`, 'm').exec(text);
  return m?.[1].trim().toLowerCase();
}

/** Markdown renders `code` without the backticks. */
const plain = (s: string) => s.replace(/`/g, '');

async function hostVethOf(id: string): Promise<string> {
  const exec = await docker.getContainer(id).exec({ Cmd: ['cat', '/sys/class/net/eth0/iflink'], AttachStdout: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const raw = await new Promise<string>((resolve, reject) => {
    let out = '';
    stream.on('data', (d: Buffer) => { out += d.toString('latin1'); });
    stream.on('end', () => resolve(out));
    stream.on('error', reject);
  });
  const iflink = (/(\d+)\s*$/.exec(raw) ?? [])[1];
  for (const dev of fs.readdirSync('/sys/class/net')) {
    if (fs.readFileSync(`/sys/class/net/${dev}/ifindex`, 'utf8').trim() === iflink) return dev;
  }
  throw new Error(`no host interface with ifindex ${iflink}`);
}

/**
 * The tooltip of the net namespace row of `container` (its section label in the UI's language),
 * whether it needs scrolling, and a screenshot of it.
 */
async function nsTooltip(page: ui.Workbench['page'], container: string, section: string, description: string, shot: string): Promise<{ text: string; scrolls: boolean }> {
  await ui.openActivity(page, TITLE);
  // The shared engine's other containers refresh the tree meanwhile: children may take a moment.
  let row: Awaited<ReturnType<typeof ui.childRow>>['row'] | undefined;
  for (let attempt = 1; !row; attempt++) {
    try {
      await ui.expandTreeRow(page, container);
      await ui.expandChild(page, container, section);
      row = (await ui.childRow(page, container, 'net')).row;
    } catch (err) {
      if (attempt === 5) throw err;
      await page.waitForTimeout(1000);
    }
  }
  // By its words, not its position: other containers coming and going on the shared engine move rows.
  const net = page.locator('.part.sidebar .monaco-list-row').filter({ hasText: description }).filter({ has: page.locator('.label-name', { hasText: /^net$/ }) }).first();
  await row.scrollIntoViewIfNeeded();
  // VS Code shows the bare label until it has resolved the tooltip: hover again until it has.
  let text = await ui.hoverText(page, net);
  for (let attempt = 1; attempt < 4 && !text.includes('\n'); attempt++) {
    await ui.escape(page);
    text = await ui.hoverText(page, net);
  }
  const box = await ui.hoverScrolls(page);
  await ui.screenshot(page, shot);
  await ui.escape(page);
  return { text, scrolls: box.scrolls };
}

/**
 * A code-server host and a workbench around the enclosing describe block (with `around` set up
 * before the host starts and torn down after it stops), and a screenshot after each test,
 * named with `prefix`. Returns the workbench once it is open.
 */
function withWorkbench(prefix: string, options: () => HostOptions, around: { before?: () => Promise<void>; after?: () => Promise<void> } = {}): () => ui.Workbench {
  let host: Host | undefined;
  let wb: ui.Workbench | undefined;
  before(async () => {
    await around.before?.();
    host = await startHost(options());
    wb = await ui.openWorkbench(host.url);
  });
  afterEach(async function () {
    if (wb) await ui.screenshot(wb.page, `${prefix}-${this.currentTest?.title ?? 'test'}`);
    if (wb) await ui.escape(wb.page);
  });
  after(async () => {
    try {
      await wb?.close();
      await host?.stop();
    } finally {
      await around.after?.();
    }
  });
  return () => {
    if (!wb) throw new Error('the workbench is not open');
    return wb;
  };
}

describe('Container Anatomy in VS Code (code-server)', function () {
  this.timeout(300_000);
  let vsix: string;
  let runnerVsix: string;
  let workspace: string;
  const info: Record<string, { id: string; pid: number }> = {};

  before(async () => {
    await ensureImage();
    await removeLabelled(LABEL_KEY, RUN);
    const bridge = await createContainer({ name: NAMES.bridge }, LABEL);
    const limits = await createContainer({ name: NAMES.limits, hostConfig: { Memory: 64 * 1024 * 1024, PidsLimit: 50 } }, LABEL);
    const shared = await createContainer({ name: NAMES.shared, hostConfig: { NetworkMode: `container:${bridge.Id}` } }, LABEL);
    const xss = await createContainer({ name: NAMES.xss, labels: { 'xss.img': HOSTILE[0], 'xss.script': HOSTILE[1] } }, LABEL);
    await createContainer({ name: NAMES.oom, cmd: ALLOCATE_UNTIL_KILLED, hostConfig: { Memory: 24 * MiB, MemorySwap: 24 * MiB } }, LABEL);
    for (const [k, c] of Object.entries({ bridge, limits, shared, xss })) info[k] = { id: c.Id, pid: c.State.Pid };
    vsix = await packageExtension();
    runnerVsix = await buildRunnerExtension();
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'anatomy-ui-ws-'));
    fs.cpSync(path.join(__dirname, 'demo-workspace'), workspace, { recursive: true });
  });

  after(async () => {
    await removeLabelled(LABEL_KEY, RUN);
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  describe('in English', () => {
    let host: Host;
    let wb: ui.Workbench;

    before(async () => {
      const t0 = Date.now();
      host = await startHost({ vsixes: [vsix], workspace });
      const t1 = Date.now();
      wb = await ui.openWorkbench(host.url);
      console.log(`      host answered in ${t1 - t0} ms, workbench ready ${Date.now() - t1} ms later`);
    });

    afterEach(async function () {
      if (wb) await ui.screenshot(wb.page, `en-${this.currentTest?.title ?? 'test'}`);
      if (wb) await ui.escape(wb.page);
    });

    after(async () => {
      await wb?.close();
      await host?.stop();
    });

    it('the activity-bar icon opens the tree, listing the test containers with their state', async () => {
      const { page } = wb;
      await ui.openActivity(page, TITLE);
      for (const name of [NAMES.bridge, NAMES.limits, NAMES.shared, NAMES.xss]) {
        const row = await ui.findTreeRow(page, name, 60_000);
        assert.match((await row.getAttribute('aria-label')) ?? '', /running/, `${name} is shown as running`);
      }
    });

    it('expanding a container shows the eight namespaces with their inodes and markers', async () => {
      const { page } = wb;
      await ui.expandTreeRow(page, NAMES.bridge);
      await ui.expandChild(page, NAMES.bridge, 'Namespaces');
      const rows = (await ui.childLabels(page, NAMES.bridge, 2)).filter((l) => /^(cgroup|ipc|mnt|net|pid|time|user|uts),/.test(l));
      assert.deepEqual(rows.map((r) => r.split(',')[0]), NS_TYPES);
      for (const row of rows) {
        const type = row.split(',')[0];
        const inode = nsInode(info.bridge.pid, type);
        assert.ok(row.includes(String(inode)), `${row} shows inode ${inode}`);
        const shared = inode === nsInode(process.pid, type);
        assert.equal(/shared with host/.test(row), shared, `${row}: shared with host is ${shared}`);
      }
    });

    it('the net tooltip of the owner names the container that joined it, and the joiner\'s names the owner', async () => {
      const owner = await nsTooltip(wb.page, NAMES.bridge, 'Namespaces', `joined by ${NAMES.shared}`, 'en-net-tooltip-owner');
      assert.ok(owner.text.includes(`${NAMES.shared} joined this container's net namespace.`), `owner's net tooltip:\n${owner.text}`);
      assert.ok(!owner.text.includes(`joined ${NAMES.bridge}`) && !owner.text.includes(`container:${NAMES.bridge}`), `owner's tooltip names itself:\n${owner.text}`);
      assert.equal(owner.scrolls, false, `the owner's tooltip needs scrolling: ${JSON.stringify(owner)}`);
      const joiner = await nsTooltip(wb.page, NAMES.shared, 'Namespaces', `joined ${NAMES.bridge}`, 'en-net-tooltip-joiner');
      assert.ok(joiner.text.includes(`This container joined ${NAMES.bridge}'s net namespace.`), `joiner's net tooltip:\n${joiner.text}`);
      assert.ok(!joiner.text.includes(`joined ${NAMES.shared}`), `joiner's tooltip names itself:\n${joiner.text}`);
      assert.equal(joiner.scrolls, false, `the joiner's tooltip needs scrolling: ${JSON.stringify(joiner)}`);
    });

    it('shows the network with the right IP, bridge and host veth', async () => {
      const { page } = wb;
      const inspect = await docker.getContainer(info.bridge.id).inspect();
      const ip = inspect.NetworkSettings.Networks.bridge.IPAddress;
      const veth = await hostVethOf(info.bridge.id);
      const network = (await ui.childLabels(page, NAMES.bridge)).find((l) => /^Network/.test(l));
      assert.ok(network, 'a Network row');
      await ui.expandChild(page, NAMES.bridge, network.split(',')[0]);
      const rows = await ui.childLabels(page, NAMES.bridge, 2);
      const bridgeRow = rows.find((l) => l.includes(ip));
      assert.ok(bridgeRow, `a row shows ${ip}: ${rows.join(' | ')}`);
      assert.ok(bridgeRow.includes(veth) && bridgeRow.includes('docker0'), `${bridgeRow} names docker0 and ${veth}`);
    });

    it('shows limits declared → effective for a container with --memory 64m --pids-limit 50', async () => {
      const { page } = wb;
      await ui.expandTreeRow(page, NAMES.limits);
      await ui.expandChild(page, NAMES.limits, 'cgroup limits');
      const rows = await ui.childLabels(page, NAMES.limits, 2);
      assert.ok(rows.some((l) => /^memory, 64 MiB/.test(l)), `memory row shows 64 MiB: ${rows.join(' | ')}`);
      assert.ok(rows.some((l) => /^pids, 50\b/.test(l)), `pids row shows 50: ${rows.join(' | ')}`);
    });

    it('Limits panel from the palette: the chain in words, and an OOM kill marked on the memory chart', async () => {
      const { page } = wb;
      await ui.openActivity(page, TITLE);
      await ui.findTreeRow(page, NAMES.oom, 60_000);
      const title = new RegExp(`Limits: ${NAMES.oom}`);
      await ui.runCommandAndPick(page, 'Show Limits', NAMES.oom);
      const text = await ui.waitForWebviewText(page, title, 30_000);
      assert.match(text, /Memory limit: this container can use at most 24 MiB, as its own cgroup file says/);
      assert.match(text, /Where each limit comes from/);
      // The child shell is OOM-killed every few seconds; the chart marks a kill it sampled.
      const deadline = Date.now() + 60_000;
      while ((await oomMarks(page)) === 0 && Date.now() < deadline) await page.waitForTimeout(500);
      assert.ok((await oomMarks(page)) > 0, 'the memory chart marks an OOM kill');
      // A second open reuses the panel.
      await ui.runCommandAndPick(page, 'Show Limits', NAMES.oom);
      await page.waitForTimeout(1000);
      const tabs = (await ui.tabTitles(page)).filter((t) => t.includes(`Limits: ${NAMES.oom}`));
      assert.equal(tabs.length, 1, `one Limits panel per container: ${tabs.join(' | ')}`);
      await page.waitForTimeout(3000); // a few more samples on screen for the screenshot
    });

    // On a quiet container, and on one whose limits section is redrawn every second (the OOM
    // kills change its usage): the menu must open the panel of the row it was opened on.
    for (const [which, mib] of [['limits', 64], ['oom', 24]] as const) {
      it(`Limits panel from the context menu of the cgroup limits section row (${which})`, async () => {
        const { page } = wb;
        const name = NAMES[which];
        await ui.openActivity(page, TITLE);
        await ui.expandTreeRow(page, name);
        // The sections render a moment after the container row expands.
        const deadline = Date.now() + 30_000;
        while (!(await ui.childLabels(page, name)).some((l) => l.startsWith('cgroup limits')) && Date.now() < deadline) await page.waitForTimeout(300);
        // Containers of other runs on this engine come and go: each time the whole tree is
        // redrawn, and a menu opened on a row VS Code has not drawn again yet runs without it
        // (the command then asks which container). Redraws of this container (its usage every
        // second, a re-read after each OOM kill) must not do that: up to three tries.
        let text = '';
        for (let attempt = 0; attempt < 3 && !text; attempt++) {
          const section = await ui.expandChild(page, name, 'cgroup limits');
          await section.click({ button: 'right' });
          const item = page.locator('.context-view .action-label', { hasText: 'Show Limits' }).first();
          await item.waitFor({ timeout: 10_000 });
          await ui.screenshot(page, `en-limits-context-menu-${which}`);
          await item.click();
          const asked = page.locator('.quick-input-widget .monaco-list-row', { hasText: name });
          if (await asked.first().waitFor({ timeout: 2_000 }).then(() => true, () => false)) {
            console.log(`      attempt ${attempt + 1}: the command asked which container (the tree was redrawn under the menu)`);
            await ui.escape(page);
            continue;
          }
          // The panel's title shows first, its chains once read.
          text = await ui.waitForWebviewText(page, new RegExp(`Limits: ${name}[^]*Memory limit: this container can use at most ${mib} MiB`), 30_000);
        }
        assert.ok(text, 'the Limits panel opened from the context menu of the cgroup limits section');
        await ui.screenshot(page, `en-limits-from-context-menu-${which}`);
        await ui.escape(page);
      });
    }

    it('Compare with Host from the context menu of the Namespaces section row', async () => {
      const { page } = wb;
      await ui.openActivity(page, TITLE);
      await ui.expandTreeRow(page, NAMES.limits);
      const deadline = Date.now() + 30_000;
      while (!(await ui.childLabels(page, NAMES.limits)).some((l) => l.startsWith('Namespaces')) && Date.now() < deadline) await page.waitForTimeout(300);
      let text = '';
      // As for the limits section above: a redraw under the open menu makes the command ask; up to three tries.
      for (let attempt = 0; attempt < 3 && !text; attempt++) {
        const { row } = await ui.childRow(page, NAMES.limits, 'Namespaces');
        await row.click({ button: 'right' });
        const item = page.locator('.context-view .action-label', { hasText: 'Compare with Host' }).first();
        await item.waitFor({ timeout: 10_000 });
        await ui.screenshot(page, 'en-namespaces-context-menu');
        await item.click();
        const asked = page.locator('.quick-input-widget .monaco-list-row', { hasText: NAMES.limits });
        if (await asked.first().waitFor({ timeout: 2_000 }).then(() => true, () => false)) {
          console.log(`      attempt ${attempt + 1}: the command asked which container (the tree was redrawn under the menu)`);
          await ui.escape(page);
          continue;
        }
        text = await ui.waitForWebviewText(page, new RegExp(NAMES.limits), 30_000);
      }
      assert.equal(verdict(text, 'pid'), 'different', `the panel compares ${NAMES.limits} with the host:\n${text}`);
      await ui.escape(page);
    });

    it('starting and removing a container updates the tree without a manual refresh', async () => {
      const { page } = wb;
      const live = await createContainer({ name: NAMES.live }, LABEL);
      await ui.findTreeRow(page, NAMES.live, 30_000);
      await ui.screenshot(page, 'en-live-container-appeared');
      await docker.getContainer(live.Id).remove({ force: true });
      const deadline = Date.now() + 30_000;
      while ((await ui.allTreeLabels(page)).some((l) => l.startsWith(`${NAMES.live},`))) {
        assert.ok(Date.now() < deadline, `${NAMES.live} still listed 30 s after removal`);
        await page.waitForTimeout(500);
      }
    });

    it('Compare with Host opens the panel with net and pid different', async () => {
      const { page } = wb;
      const row = await ui.findTreeRow(page, NAMES.bridge);
      await row.hover();
      await row.locator('.actions .action-label[aria-label^="Compare with Host"]').click();
      const text = await ui.waitForWebviewText(page, new RegExp(NAMES.bridge));
      assert.equal(verdict(text, 'net'), 'different', `net row says different:\n${text}`);
      assert.equal(verdict(text, 'pid'), 'different', `pid row says different:\n${text}`);
      assert.equal(verdict(text, 'user'), 'same', `user row says same (no userns-remap):\n${text}`);
      // The other tabs, for the eye: the host's process facts, networks with whole values.
      for (const tab of ['Process', 'Networks']) {
        await ui.clickInWebview(page, 'vscode-panel-tab', tab);
        await page.waitForTimeout(500);
        await ui.screenshot(page, `en-compare-${tab}`);
      }
      await ui.clickInWebview(page, 'vscode-panel-tab', 'Namespaces');
      // What each side sees, read once the panel shows, under each verdict.
      const hostname = fs.readFileSync('/proc/sys/kernel/hostname', 'utf8').trim();
      const seen = await ui.waitForWebviewText(page, /Different hostnames: /);
      assert.ok(seen.includes(`ps inside ${NAMES.bridge} shows 1 process; the host's ps shows `), `pid consequence:\n${seen}`);
      assert.ok(seen.includes(`this one's PID 1 as PID ${info.bridge.pid}.`), `the host PID of its init:\n${seen}`);
      assert.ok(seen.includes(`Different hostnames: ${info.bridge.id.slice(0, 12)} / ${hostname}.`), `uts consequence:\n${seen}`);
      assert.ok(seen.includes(`${NAMES.bridge}: 1 process; PID 1 is sleep 86400 (host PID ${info.bridge.pid})`), `one line for the container:\n${seen}`);
    });

    it('Namespace Diff from the command palette: shared net namespace is same, pid is different', async () => {
      const { page } = wb;
      await ui.runCommandAndPick(page, 'Namespace Diff', NAMES.shared);
      await ui.pickQuickItem(page, NAMES.bridge);
      const text = await ui.waitForWebviewText(page, new RegExp(`${NAMES.shared}[\\s\\S]*${NAMES.bridge}|${NAMES.bridge}[\\s\\S]*${NAMES.shared}`));
      assert.equal(verdict(text, 'net'), 'same', `net row says same:\n${text}`);
      assert.equal(verdict(text, 'pid'), 'different', `pid row says different:\n${text}`);
      const ip = (await docker.getContainer(info.bridge.id).inspect()).NetworkSettings.Networks.bridge.IPAddress;
      const seen = await ui.waitForWebviewText(page, new RegExp(`Both see eth0 ${ip.replace(/\./g, '\\.')}/16`));
      assert.ok(seen.includes(`${NAMES.shared}: eth0 ${ip}/16`), `the joined container sees the donor's address:\n${seen}`);
    });

    it('Show Network Topology and Compare with Host a second time for one container reuse their tab', async () => {
      const { page } = wb;
      const count = async (prefix: string) => (await ui.tabTitles(page)).filter((t) => t.startsWith(prefix)).length;
      for (let i = 0; i < 2; i++) {
        await ui.runCommandAndPick(page, 'Show Network Topology', NAMES.bridge);
        await ui.waitForWebviewText(page, /veth/);
      }
      assert.equal(await count(`Network: ${NAMES.bridge}`), 1, `tabs: ${(await ui.tabTitles(page)).join(' | ')}`);
      await ui.openActivity(page, TITLE);
      const row = await ui.findTreeRow(page, NAMES.bridge, 60_000);
      for (let i = 0; i < 2; i++) {
        await row.hover();
        await row.locator('.actions .action-label[aria-label^="Compare with Host"]').click();
        await ui.waitForWebviewText(page, new RegExp(NAMES.bridge));
      }
      assert.equal(await count(`Compare: ${NAMES.bridge}`), 1, `tabs: ${(await ui.tabTitles(page)).join(' | ')}`);
    });

    it('Export Snapshot as JSON writes the file and says where, with Open and Reveal', async () => {
      const { page } = wb;
      await ui.runCommand(page, 'Export Snapshot as JSON');
      // The save dialog offers a file in the workspace folder; accept it as it is.
      const input = page.locator('.quick-input-widget .quick-input-box input');
      for (let i = 0; i < 60 && !/container-anatomy-[^/]*\.json$/.test(await input.inputValue()); i++) await page.waitForTimeout(250);
      await input.press('Enter');
      const toast = page.locator('.notifications-toasts .notification-list-item').filter({ hasText: 'Snapshot written to' });
      await toast.waitFor({ timeout: 30_000 });
      const written = fs.readdirSync(workspace).filter((f) => /^container-anatomy-.*\.json$/.test(f));
      assert.equal(written.length, 1, `one snapshot in ${workspace}: ${written.join(', ')}`);
      assert.match((await toast.textContent()) ?? '', new RegExp(written[0].replace(/\./g, '\\.')));
      const buttons = await toast.locator('.monaco-button').allTextContents();
      assert.deepEqual(buttons.map((b) => b.trim()), ['Open', 'Reveal']);
      await toast.locator('.monaco-button', { hasText: 'Open' }).click();
      await page.locator('.tabs-container .tab.active').filter({ hasText: written[0] }).waitFor({ timeout: 15_000 });
      const snapshot = JSON.parse(fs.readFileSync(path.join(workspace, written[0]), 'utf8')) as { schemaVersion: number; containers: { name: string }[] };
      assert.equal(snapshot.schemaVersion, 1);
      assert.ok(snapshot.containers.some((c) => c.name === NAMES.bridge), `the snapshot lists ${NAMES.bridge}`);
    });

    it('hovering USER and EXPOSE in a Dockerfile, and pid: host in compose.yaml, explains them', async () => {
      const { page } = wb;
      await ui.openFile(page, 'Dockerfile');
      for (const [line, word, topic] of [['USER 1000', 'USER', 'dockerfile.USER'], ['EXPOSE 8080', 'EXPOSE', 'dockerfile.EXPOSE']]) {
        const text = await ui.hoverEditorWord(page, line, word);
        assert.ok(plain(text).includes(plain(explain(topic, 'en')?.summary ?? '?')), `${word} hover:\n${text}`);
        await ui.screenshot(page, `en-hover-${word}`);
        await ui.escape(page);
      }
      await ui.openFile(page, 'compose.yaml');
      const text = await ui.hoverEditorWord(page, 'pid: host', 'host');
      assert.ok(plain(text).includes(plain(explain('compose.pid.host', 'en')?.summary ?? '?')), `pid: host hover:\n${text}`);
    });

    it('a container whose name and labels carry HTML/JS renders them as text: no dialog, no script, no CSP violation', async () => {
      const { page } = wb;
      await ui.openActivity(page, TITLE);
      const row = await ui.findTreeRow(page, NAMES.xss);
      await ui.hoverText(page, row);
      await ui.expandTreeRow(page, NAMES.xss);
      await ui.escape(page);
      await row.hover();
      await row.locator('.actions .action-label[aria-label^="Compare with Host"]').click();
      await ui.waitForWebviewText(page, new RegExp(NAMES.xss));
      await page.waitForTimeout(1000);
      for (const frame of page.frames()) {
        assert.equal(await frame.locator('img[src="x"]').count(), 0, `an <img src=x> was created in ${frame.url()}`);
      }
      assert.deepEqual(wb.dialogs, [], 'no dialog opened or was attempted');
      assert.equal(await ui.modalDialogOpen(page), false);
      if (wb.cspViolations.length) console.log(`      CSP violations seen on the page (none in our webviews allowed):\n${wb.cspViolations.join('\n')}`);
      const ours = wb.cspViolations.filter((v) => /container-anatomy|vscode-webview|webview/i.test(v));
      assert.deepEqual(ours, [], 'no CSP violation in our webviews');
    });

    // Stops the machine's dockerd: only as root; CONTAINER_ANATOMY_HOST_KEEP_ENGINE=1 leaves it alone
    // (for runs on a machine where others use the engine at the same time).
    if (canControlEngine() && process.env.CONTAINER_ANATOMY_HOST_KEEP_ENGINE !== '1') {
      it('the engine stopped shows the unreachable welcome view; started again, the tree comes back', async () => {
        const { page } = wb;
        await ui.openActivity(page, TITLE);
        const start = await stopEngine();
        try {
          const welcome = page.locator('.part.sidebar .pane-body').filter({ hasText: /cannot be reached/i }).first();
          await welcome.waitFor({ timeout: 60_000 });
          const text = await welcome.innerText();
          await ui.screenshot(page, 'en-engine-unreachable');
          assert.match(text, /docker\.sock|refused|ENOENT|no such file/i, `the reason is shown:\n${text}`);
        } finally {
          await start();
          // dockerd took the containers down with it; bring the fixtures back for what follows.
          for (const key of ['bridge', 'limits', 'shared', 'xss']) {
            await docker.getContainer(info[key].id).start();
            info[key].pid = (await docker.getContainer(info[key].id).inspect()).State.Pid;
          }
        }
        const row = await ui.findTreeRow(page, NAMES.bridge, 90_000);
        await ui.screenshot(page, 'en-engine-back');
        const deadline = Date.now() + 30_000;
        while (!/running/.test((await row.getAttribute('aria-label')) ?? '')) {
          assert.ok(Date.now() < deadline, `${NAMES.bridge} shows running again`);
          await page.waitForTimeout(500);
        }
      });
    }
  });

  /** The helper containers on the main engine (never in the tree; found by their label). */
  const helperContainers = async () => docker.listContainers({ all: true, filters: { label: ['io.container-anatomy.helper'] } });
  const helperNames = async (): Promise<string[]> => (await helperContainers()).map((c) => String(c.Names?.[0] ?? c.Id));
  const removeHelpers = async (): Promise<void> => {
    for (const c of await helperContainers()) await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
  };
  /** VS Code run by the docker-group test user, not root, on the main engine, with the test image as the helper's. */
  const userWorkbench = (prefix: string, extra: Partial<HostOptions> = {}): (() => ui.Workbench) => {
    let user: { uid: number; gid: number } | undefined;
    return withWorkbench(prefix, () => ({ vsixes: [vsix], workspace, as: user, settings: { 'containerAnatomy.helper.image': IMAGE }, ...extra }), {
      before: async () => {
        requireRoot('the docker-group user\'s VS Code');
        user = ensureDockerGroupUser();
        fs.chmodSync(workspace, 0o755); // the user opens the same folder
        await removeHelpers();
      },
      after: removeHelpers,
    });
  };
  const consent = (page: ui.Workbench['page']) =>
    page.locator('.notifications-toasts .notification-list-item').filter({ hasText: 'Read kernel facts through a helper container' }).first();
  /** The text above the tree while a helper question waits for an answer. */
  const WAITING = /^Waiting for your answer: may a helper container read the kernel facts of unix:\/\/\/var\/run\/docker\.sock\?/;
  const viewMessage = async (page: ui.Workbench['page']): Promise<string> =>
    (await page.locator('.part.sidebar .message').first().innerText().catch(() => '')).trim();
  /** The bridge container's net namespace tooltip, once it says `needle` (the tree re-reads on its own). */
  const netTooltipSaying = async (page: ui.Workbench['page'], needle: string): Promise<string> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      await ui.expandTreeRow(page, NAMES.bridge).catch(() => undefined);
      await ui.expandChild(page, NAMES.bridge, 'Namespaces').catch(() => undefined);
      const row = ui.treeRow(page, /^net$/);
      const text = (await row.count()) ? await ui.hoverText(page, row, 10_000).catch(() => '') : '';
      if (text.includes(needle)) return text;
      assert.ok(Date.now() < deadline, `the net row says "${needle}":\n${text}`);
      await page.waitForTimeout(1000);
    }
  };
  /**
   * The question as a toast. VS Code hides a toast after a few seconds (it stays under the
   * bell), so when it is not shown the view must say that a question waits, and its bell
   * button must show the question again.
   */
  const askedAgain = async (page: ui.Workbench['page'], timeoutMs = 60_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!(await consent(page).isVisible())) {
      if (WAITING.test(await viewMessage(page))) {
        await page.locator('.part.sidebar .title-actions a.action-label[aria-label^="Show the Helper Container Question"]').first().click();
        await consent(page).waitFor({ timeout: 10_000 });
        return;
      }
      assert.ok(Date.now() < deadline, `the question comes, or the view says it waits: "${await viewMessage(page)}"`);
      await page.waitForTimeout(500);
    }
  };

  describe('as a user in the docker group, not root: the helper container, with consent', () => {
    const workbench = userWorkbench('user');

    it('the rows come from the engine at once; VS Code asks before the helper runs, showing the command; Allow once reads the namespaces through it, the inodes root reads', async () => {
      const { page } = workbench();
      await ui.openActivity(page, TITLE);
      const row = await ui.findTreeRow(page, NAMES.bridge, 60_000);
      const ask = consent(page);
      await ask.waitFor({ timeout: 30_000 });
      const text = (await ask.innerText()).replace(/\s+/g, ' ');
      for (const part of ['docker run', '--pid=host', '--read-only', '--cap-drop ALL', '--cap-add SYS_PTRACE', '--security-opt no-new-privileges', IMAGE, 'permission denied']) {
        assert.ok(text.includes(part), `the question shows ${part}:\n${text}`);
      }
      assert.deepEqual(await helperNames(), [], 'nothing runs before the answer');
      assert.match(await row.innerText(), /reading…/, 'the row waits for its kernel facts');
      const tip = await ui.hoverText(page, row);
      assert.ok(/PID on the host:?\s*reading…/.test(tip), `a running container's PID is not "none" while it waits:\n${tip}`);
      assert.ok(tip.includes('so they come through the helper container, which is asked for and started first'), `the row says what it waits for:\n${tip}`);
      await ui.screenshot(page, 'user-consent');
      // Escape hides the toast, as VS Code does by itself after a few seconds: the view says what
      // waits, and its bell button brings the question back.
      await ui.escape(page);
      await ask.waitFor({ state: 'hidden', timeout: 10_000 });
      assert.match(await viewMessage(page), WAITING);
      await ui.screenshot(page, 'user-consent-hidden');
      await askedAgain(page, 10_000);
      assert.equal(await page.locator('.notifications-toasts .notification-list-item').filter({ hasText: 'Read kernel facts through a helper container' }).count(), 1, 'shown again, not twice');
      await page.mouse.move(0, 0);
      await ask.locator('.monaco-button', { hasText: 'Allow once' }).click();
      const deadline = Date.now() + 60_000;
      let rows: string[] = [];
      for (;;) {
        await ui.expandTreeRow(page, NAMES.bridge).catch(() => undefined);
        await ui.expandChild(page, NAMES.bridge, 'Namespaces').catch(() => undefined);
        rows = (await ui.childLabels(page, NAMES.bridge, 2).catch(() => [])).filter((l) => /^(cgroup|ipc|mnt|net|pid|time|user|uts),/.test(l));
        if (rows.length === 8 && rows.every((r) => /\d{6,}/.test(r))) break;
        assert.ok(Date.now() < deadline, `the namespaces are read through the helper: ${rows.join(' | ')}`);
        await page.waitForTimeout(1000);
      }
      for (const r of rows) {
        const inode = nsInode(info.bridge.pid, r.split(',')[0]);
        assert.ok(r.includes(String(inode)), `${r} shows inode ${inode}, as root reads it`);
      }
      const netTip = await ui.hoverText(page, ui.treeRow(page, /^net$/));
      assert.match(netTip, /helper/i, `the net tooltip says the helper read it:\n${netTip}`);
      assert.deepEqual(await helperNames(), ['/container-anatomy-helper']);
      assert.doesNotMatch(await viewMessage(page), WAITING, 'answered: nothing waits');
      await ui.screenshot(page, 'user-helper-namespaces');
    });

    it('the extension host ending (Reload Window) removes the helper container; the new window asks again', async () => {
      const { page } = workbench();
      await ui.runCommand(page, 'Developer: Reload Window');
      const deadline = Date.now() + 30_000;
      while ((await helperNames()).length) {
        assert.ok(Date.now() < deadline, `the helper is removed when the extension stops: ${(await helperNames()).join(', ')}`);
        await page.waitForTimeout(500);
      }
      await ui.waitForWorkbench(page);
      await ui.openActivity(page, TITLE);
      await askedAgain(page);
    });

    it('a question closed without an answer: the rows say to press Refresh, and Refresh asks again', async () => {
      const { page } = workbench();
      await askedAgain(page);
      const ask = consent(page);
      await ask.hover();
      await ask.locator('.codicon-notifications-clear, a.action-label[aria-label^="Clear Notification"]').first().click();
      await ask.waitFor({ state: 'hidden', timeout: 10_000 });
      const text = await netTooltipSaying(page, 'closed without an answer');
      assert.ok(text.replace(/\s+/g, ' ').includes('to be asked again, press Refresh in the Container Anatomy view'), text);
      assert.doesNotMatch(await viewMessage(page), WAITING, 'closed: nothing waits');
      assert.deepEqual(await helperNames(), [], 'no helper without an answer');
      await ui.escape(page);
      await ui.runCommand(page, 'Container Anatomy: Refresh');
      await askedAgain(page);
    });
  });

  describe('as a user in the docker group: Never, and being asked again', () => {
    const workbench = userWorkbench('user-never');

    it('Never is kept, and the rows say how to be asked again; Forget Helper Container Answers forgets it', async () => {
      const { page } = workbench();
      await ui.openActivity(page, TITLE);
      const ask = consent(page);
      await ask.waitFor({ timeout: 60_000 });
      await page.mouse.move(0, 0);
      await ask.locator('.monaco-button', { hasText: 'Never' }).click();
      await ui.findTreeRow(page, NAMES.bridge, 30_000);
      const text = await netTooltipSaying(page, 'Forget Helper Container Answers');
      assert.match(text, /the helper container was refused for unix:\/\/\/var\/run\/docker\.sock \("Never"\)/);
      assert.deepEqual(await helperNames(), [], 'refused: no helper runs');
      await ui.escape(page);
      await ui.runCommand(page, 'Container Anatomy: Forget Helper Container Answers');
      await page.locator('.notifications-toasts .notification-list-item').filter({ hasText: 'Forgot the helper container answers for unix:///var/run/docker.sock' }).first().waitFor({ timeout: 30_000 });
      await ui.screenshot(page, 'user-forgot');
      await askedAgain(page);
      await ui.screenshot(page, 'user-asked-again');
    });
  });

  describe('as a user in the docker group, with VS Code in Korean', () => {
    const workbench = userWorkbench('user-ko', { locale: 'ko' });

    it('the consent question is Korean throughout, its reason too, and still shows the command', async () => {
      const { page } = workbench();
      await ui.openActivity(page, TITLE);
      const ask = page.locator('.notifications-toasts .notification-list-item').filter({ hasText: '헬퍼 컨테이너로 커널 정보를 읽을까요?' }).first();
      await ask.waitFor({ timeout: 60_000 });
      const text = (await ask.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /\/proc\/\d+\/ns\/net을\(를\) 비롯한 컨테이너의 네임스페이스 링크를 읽을 권한이 없습니다/, `the reason in Korean:\n${text}`);
      assert.ok(!/permission denied/.test(text), `no English reason:\n${text}`);
      for (const part of ['docker run', '--cap-drop ALL', IMAGE, '이번만 허용']) assert.ok(text.includes(part), `the question shows ${part}:\n${text}`);
      await ui.screenshot(page, 'user-ko-consent');
      await ui.escape(page);
      await ask.waitFor({ state: 'hidden', timeout: 10_000 });
      assert.match(await viewMessage(page), /^답을 기다립니다: 헬퍼 컨테이너가 unix:\/\/\/var\/run\/docker\.sock의 커널 정보를 읽어도 될까요\?/);
      await page.locator('.part.sidebar .title-actions a.action-label[aria-label^="헬퍼 컨테이너 질문 다시 보기"]').first().click();
      await ask.waitFor({ timeout: 10_000 });
      await ui.screenshot(page, 'user-ko-asked-again');
    });
  });

  describe('a slow engine: its container list answers after 6 s', () => {
    const sock = path.join(os.tmpdir(), `anatomy-ui-slow-${TAG}.sock`);
    let proxy: CountingProxy | undefined;
    const workbench = withWorkbench('slow', () => ({ vsixes: [vsix], workspace, settings: { 'containerAnatomy.engine.host': `unix://${sock}` } }), {
      before: async () => {
        proxy = await startCountingProxy(sock);
        proxy.fault = (r) => (r.method === 'GET' && r.path.startsWith('/containers/json') ? { kind: 'delay', ms: 6000 } : undefined);
      },
      after: async () => {
        await proxy?.close();
      },
    });

    it('shows the Connecting welcome view while it waits, then the rows', async () => {
      const { page } = workbench();
      await ui.openActivity(page, TITLE);
      const welcome = page.locator('.part.sidebar .pane-body').filter({ hasText: /Connecting to the Docker Engine/ }).first();
      await welcome.waitFor({ timeout: 5_000 });
      await ui.screenshot(page, 'en-slow-engine-connecting');
      assert.equal(await ui.treeRow(page, NAMES.bridge).count(), 0, 'no container row before the list is in');
      await ui.findTreeRow(page, NAMES.bridge, 30_000);
      await ui.screenshot(page, 'en-slow-engine-rows');
      assert.equal(await welcome.isVisible(), false, 'the welcome view is gone once the rows are in');
    });
  });

  describe('with two engines: the main one and a second dockerd', () => {
    const engine2 = new SecondEngine({ name: 'uieng' });
    const MAIN = 'unix:///var/run/docker.sock';
    const other = `anatomy-ui-engine2-${TAG}`;
    const workbench = withWorkbench('engines', () => ({ vsixes: [vsix], workspace, settings: { 'containerAnatomy.engine.host': MAIN, 'containerAnatomy.engine.additional': [engine2.endpoint] } }), {
      before: async () => {
        await engine2.setUp();
        await (await engine2.client.createContainer({ name: other, Image: IMAGE, Cmd: ['sleep', '86400'], Labels: LABEL })).start();
      },
      after: () => engine2.tearDown(),
    });

    it('one tree shows both engines, each with its status and its own containers', async () => {
      const { page } = workbench();
      await ui.openActivity(page, TITLE);
      await ui.findTreeRow(page, engine2.endpoint, 60_000);
      // Reachable as soon as the list is in; the cgroup version follows with the host side.
      const complete = (top: string[]): boolean =>
        top.length === 2 && top[0].startsWith(`${MAIN}, reachable · cgroup`) && top[1].startsWith(`${engine2.endpoint}, reachable · cgroup hybrid · 1 container`);
      const deadline = Date.now() + 60_000;
      let top: string[] = [];
      while (!complete(top)) {
        assert.ok(Date.now() < deadline, `two reachable engines at the top, each with its cgroup version: ${top.join(' | ')}`);
        await page.waitForTimeout(500);
        top = (await ui.treeRows(page)).filter((r) => r.level === 1).map((r) => r.label);
      }
      await ui.expandTreeRow(page, engine2.endpoint);
      let under = await ui.childLabels(page, engine2.endpoint);
      for (let i = 0; i < 20 && !under.length; i++) {
        await page.waitForTimeout(500);
        under = await ui.childLabels(page, engine2.endpoint);
      }
      assert.deepEqual(under.map((l) => l.split(',')[0]), [other], `only its own container under the second engine: ${JSON.stringify(await ui.treeRows(page))}`);
      await ui.expandTreeRow(page, other);
      await ui.expandChild(page, other, 'Namespaces');
      await ui.screenshot(page, 'engines-two-in-one-tree');
    });

    it('Namespace Diff across the two engines: one kernel, so the host\'s user namespace is the same and net is not', async () => {
      const { page } = workbench();
      await ui.runCommandAndPick(page, 'Namespace Diff', other);
      await ui.pickQuickItem(page, NAMES.bridge);
      const text = await ui.waitForWebviewText(page, /Two engines, one kernel/);
      assert.equal(verdict(text, 'user'), 'same', `user row says same:\n${text}`);
      assert.equal(verdict(text, 'net'), 'different', `net row says different:\n${text}`);
      await ui.screenshot(page, 'engines-diff-across-engines');
    });
  });

  describe('one tree: the main engine, a Swarm manager and Podman', () => {
    const MAIN = 'unix:///var/run/docker.sock';
    const swarm = new SwarmEngine();
    const podman = new PodmanService();
    const podmanSuite = new TestSuite('onetree', podman.client);
    /** The Swarm task's container and the Podman container, as their engines and the kernel say. */
    const task = { id: '', name: '', pid: 0, sandboxKey: '' };
    const pod = { name: '', pid: 0 };
    const workbench = withWorkbench('onetree', () => ({ vsixes: [vsix], workspace, settings: { 'containerAnatomy.engine.host': MAIN, 'containerAnatomy.engine.additional': [swarm.endpoint, podman.endpoint] } }), {
      before: async () => {
        await Promise.all([swarm.setUp(), podman.setUp()]);
        const t = await swarm.runningTask();
        const raw = await swarm.client.getContainer(t.Status.ContainerStatus.ContainerID).inspect();
        Object.assign(task, { id: raw.Id, name: raw.Name.replace(/^\//, ''), pid: raw.State.Pid, sandboxKey: raw.NetworkSettings.SandboxKey });
        const c = await podmanSuite.createContainer({ name: 'web', hostConfig: { NetworkMode: podman.network } });
        Object.assign(pod, { name: c.name, pid: (await c.container.inspect()).State.Pid });
      },
      after: async () => {
        await Promise.allSettled([swarm.tearDown(), podman.tearDown()]);
      },
    });

    /** Expands `child` under `parent`, again while the tree is still filling in (engines answer one by one). */
    async function open(page: ui.Workbench['page'], parent: string, child: string): Promise<void> {
      for (let attempt = 1; ; attempt++) {
        try {
          await ui.expandChild(page, parent, child);
          return;
        } catch (err) {
          if (attempt === 20) throw err;
          await page.waitForTimeout(500);
        }
      }
    }

    /**
     * The rendered row (aria-label) under `parent` whose label is `label`; waits for it, as the
     * tree is redrawn whenever an engine's model changes (a swarm re-read redraws it all).
     */
    async function rowUnder(page: ui.Workbench['page'], parent: string, label: string): Promise<string> {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const rows = await ui.childLabels(page, parent, 6);
        const row = rows.find((l) => l === label || l.startsWith(`${label}, `));
        if (row) return row;
        assert.ok(Date.now() < deadline, `a row ${label} under ${parent}: ${rows.join(' | ')}`);
        await page.waitForTimeout(500);
      }
    }

    /** Every namespace row of `container` (expanded) shows the inode readlink /proc/PID/ns/TYPE gives. */
    async function namespacesMatch(page: ui.Workbench['page'], container: string, pid: number): Promise<void> {
      await open(page, container, 'Namespaces');
      const rows = (await ui.childLabels(page, container, 2)).filter((l) => /^(cgroup|ipc|mnt|net|pid|time|user|uts),/.test(l));
      assert.deepEqual(rows.map((r) => r.split(',')[0]), NS_TYPES, `${container}: ${rows.join(' | ')}`);
      for (const row of rows) {
        const inode = nsInode(pid, row.split(',')[0]);
        assert.ok(row.includes(String(inode)), `${container}: ${row} shows inode ${inode}`);
      }
    }

    it('the three engines at the top, each reachable with its own containers', async () => {
      const { page } = workbench();
      await ui.openActivity(page, TITLE);
      // A side bar wide enough to read the rows' descriptions in the pictures.
      await page.mouse.move(349, 500);
      await page.mouse.down();
      await page.mouse.move(1000, 500, { steps: 10 });
      await page.mouse.up();
      // An engine is reachable as soon as its container list is in; what it is (Podman, its
      // cgroup version) follows once its host side is read: wait for all of it.
      const podmanVersion = await podman.libpodVersion();
      const complete = (top: string[]): boolean =>
        top.length === 3 &&
        top[0].startsWith(`${MAIN}, reachable · cgroup`) &&
        top[1].startsWith(`${swarm.endpoint}, reachable · `) && top[1].endsWith(' · 1 container') &&
        top[2].startsWith(`${podman.endpoint}, reachable · Podman ${podmanVersion} · `) && top[2].endsWith(' · 1 container');
      const deadline = Date.now() + 90_000;
      let top: string[] = [];
      while (!complete(top)) {
        assert.ok(Date.now() < deadline, `three reachable engines at the top, each saying what it is: ${top.join(' | ')}`);
        await page.waitForTimeout(500);
        top = (await ui.treeRows(page)).filter((r) => r.level === 1).map((r) => r.label);
      }
      await ui.screenshot(page, 'onetree-engines');
    });

    it('the Swarm engine: service → task on this engine, and the task\'s container with the kernel\'s namespaces', async () => {
      const { page } = workbench();
      await ui.openActivity(page, TITLE);
      await ui.expandTreeRow(page, swarm.endpoint);
      await open(page, swarm.endpoint, 'Swarm services');
      await open(page, 'Swarm services', swarm.serviceName);
      const service = await rowUnder(page, 'Swarm services', swarm.serviceName);
      assert.ok(service.startsWith(`${swarm.serviceName}, replicated · 1/1 running · `), service);
      const taskRow = await rowUnder(page, swarm.serviceName, `${swarm.serviceName}.1`);
      assert.equal(taskRow, `${swarm.serviceName}.1, running · on this engine · ${task.id.slice(0, 12)}`);
      assert.ok(task.name.startsWith(`${swarm.serviceName}.1.`), task.name);
      await ui.expandTreeRow(page, task.name);
      await namespacesMatch(page, task.name, task.pid);
      await ui.screenshot(page, 'onetree-swarm-task');
      await ui.findTreeRow(page, 'Namespaces').then((r) => r.click()); // collapsed again: room for the network
    });

    it('the task\'s overlay leg: its peer on br0 in the overlay namespace and the vxlan device, as the kernel has them', async () => {
      const { page } = workbench();
      await open(page, task.name, (await rowUnder(page, task.name, 'Network')).split(',')[0]);
      await open(page, task.name, swarm.networkName);
      const eth = linksIn(task.sandboxKey).find((l) => l.peer !== null && namespacesHoldingPeer(task.sandboxKey, l).length === 1);
      assert.ok(eth, 'an interface of the task whose peer is in an overlay namespace');
      const [nsFile] = namespacesHoldingPeer(task.sandboxKey, eth);
      const there = linksIn(nsFile);
      const peer = there.find((l) => l.ifindex === eth.peer) as KernelLink;
      const vx = there.find((l) => l.vxlanId !== null && l.master === peer.master) as KernelLink;
      assert.ok(vx, `a vxlan device on ${peer.master} in ${nsFile}`);
      assert.equal(await rowUnder(page, swarm.networkName, 'overlay namespace'), `overlay namespace, ${nsFile}`);
      assert.equal(await rowUnder(page, swarm.networkName, 'peer in the overlay namespace'), `peer in the overlay namespace, ${peer.name} (ifindex ${peer.ifindex}) → ${peer.master}`);
      assert.match(await rowUnder(page, swarm.networkName, 'vxlan device'), new RegExp(`^vxlan device, ${vx.name} · VNI ${vx.vxlanId}\\b`));
      assert.equal(await rowUnder(page, swarm.networkName, 'container interface'), `container interface, ${eth.name} (ifindex ${eth.ifindex}, iflink ${eth.peer})`);
      await ui.screenshot(page, 'onetree-overlay-leg');
      // What the overlay attachment itself says of the bridge, gateway and host veth it has none of on the host.
      const text = await ui.hoverText(page, ui.treeRow(page, new RegExp(`^${swarm.networkName}$`)));
      assert.ok(plain(text).includes(plain(explain('swarm.overlay', 'en')?.summary ?? '?')), `overlay attachment's hover:\n${text}`);
      assert.ok(!plain(text).includes(plain(explain('net.bridge', 'en')?.summary ?? '?')), `no host bridge explained on the overlay attachment:\n${text}`);
      await ui.screenshot(page, 'onetree-overlay-hover');
      await ui.escape(page);
      await ui.findTreeRow(page, swarm.networkName).then((r) => r.click());
    });

    it('the task\'s gateway leg on docker_gwbridge: the host veth by ifindex/iflink, explained on hover', async () => {
      const { page } = workbench();
      const eth = linksIn(task.sandboxKey).find((l) => l.peer !== null && hostLinks().some((h) => h.ifindex === l.peer && h.iflink === l.ifindex));
      assert.ok(eth, 'an interface of the task paired with a host interface');
      const veth = hostLinks().find((h) => h.ifindex === eth.peer && h.iflink === eth.ifindex) as HostLink;
      assert.equal(veth.master, swarm.gwBridge);
      const row = await rowUnder(page, task.name, 'docker_gwbridge');
      assert.match(row, new RegExp(`^docker_gwbridge, \\S+ · ${swarm.gwBridge} · ${veth.name}$`));
      const text = await ui.hoverText(page, ui.treeRow(page, /^docker_gwbridge$/));
      assert.ok(plain(text).includes(plain(explain('swarm.gwbridge', 'en')?.summary ?? '?')), `docker_gwbridge hover:\n${text}`);
      assert.ok(!plain(text).includes(plain(explain('net.mode.bridge', 'en')?.body ?? '?')), `the bridge mode's words are not the gateway leg's:\n${text}`);
      assert.ok(text.includes(veth.name), `the hover names ${veth.name}:\n${text}`);
      await ui.screenshot(page, 'onetree-gateway-leg');
      await ui.escape(page);
      await ui.findTreeRow(page, swarm.endpoint).then((r) => r.click()); // collapsed: room for Podman
    });

    it('the Podman engine: its container with the kernel\'s namespaces and the host veth netavark paired', async () => {
      const { page } = workbench();
      await ui.openActivity(page, TITLE);
      await ui.expandTreeRow(page, podman.endpoint);
      await ui.findTreeRow(page, pod.name, 30_000);
      await ui.expandTreeRow(page, pod.name);
      await namespacesMatch(page, pod.name, pod.pid);
      await ui.screenshot(page, 'onetree-podman-namespaces');
      await ui.findTreeRow(page, 'Namespaces').then((r) => r.click());
      await open(page, pod.name, (await rowUnder(page, pod.name, 'Network')).split(',')[0]);
      const eth0 = containerLink(pod.pid, 'eth0');
      const veth = hostLinks().find((h) => h.ifindex === eth0.iflink) as HostLink;
      assert.ok(veth, `a host interface with ifindex ${eth0.iflink}`);
      assert.equal(veth.master, podman.bridge);
      const row = await rowUnder(page, pod.name, podman.network);
      assert.match(row, new RegExp(`^${podman.network}, \\S+ · ${podman.bridge} · ${veth.name}$`));
      await open(page, pod.name, podman.network);
      assert.equal(await rowUnder(page, podman.network, 'host veth'), `host veth, ${veth.name} (ifindex ${veth.ifindex}) → ${podman.bridge}`);
      await ui.screenshot(page, 'onetree-podman');
    });
  });

  describe('with VS Code\'s display language set to Korean', () => {
    const workbench = withWorkbench('ko', () => ({ vsixes: [vsix], workspace, locale: 'ko' }));

    it('command titles are in Korean', async () => {
      const { page } = workbench();
      // One title at a time: the palette shows only its first rows, and the commands are more than those.
      for (const title of ['호스트와 비교', '네임스페이스 비교', '엔진 추가']) {
        await ui.paletteRows(page, `Container Anatomy: ${title}`, title);
        const labels = await ui.quickPickLabels(page);
        assert.ok(labels.some((l) => l.includes(title)), `palette shows ${title}: ${labels.join(' | ')}`);
        await ui.escape(page);
        await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'hidden', timeout: 5_000 });
      }
    });

    it('tree tooltips are in Korean', async () => {
      const { page } = workbench();
      await ui.openActivity(page, TITLE);
      const text = await ui.hoverText(page, await ui.findTreeRow(page, NAMES.bridge, 60_000));
      assert.match(text, /[가-힣]/, `tooltip in Korean:\n${text}`);
    });

    it('the net tooltips of the owner and the joiner are in Korean and name the other container', async () => {
      const owner = await nsTooltip(workbench().page, NAMES.bridge, '네임스페이스', `합류한 컨테이너: ${NAMES.shared}`, 'ko-net-tooltip-owner');
      assert.ok(owner.text.includes(`${NAMES.shared} 컨테이너가 이 컨테이너의 net 네임스페이스에 합류했습니다.`), `owner's net tooltip:\n${owner.text}`);
      for (const header of ['inode', '호스트', 'Docker 설정']) assert.ok(owner.text.includes(`${header}:`), `fact header ${header}:\n${owner.text}`);
      assert.ok(!/Inode:|Sharing:|Docker setting:/.test(owner.text), `English fact headers:\n${owner.text}`);
      const joiner = await nsTooltip(workbench().page, NAMES.shared, '네임스페이스', `${NAMES.bridge}에 합류`, 'ko-net-tooltip-joiner');
      assert.ok(joiner.text.includes(`이 컨테이너는 ${NAMES.bridge}의 net 네임스페이스에 합류했습니다.`), `joiner's net tooltip:\n${joiner.text}`);
    });

    it('hovers in a Dockerfile are in Korean', async () => {
      const { page } = workbench();
      await ui.openFile(page, 'Dockerfile');
      const text = await ui.hoverEditorWord(page, 'USER 1000', 'USER');
      assert.ok(plain(text).includes(plain(explain('dockerfile.USER', 'ko')?.summary ?? '?')), `USER hover in Korean:\n${text}`);
    });

    it('the Compare with Host panel is in Korean', async () => {
      const { page } = workbench();
      await ui.openActivity(page, TITLE);
      const row = await ui.findTreeRow(page, NAMES.bridge);
      await row.hover();
      await row.locator('.actions .action-label').first().click();
      const text = await ui.waitForWebviewText(page, new RegExp(NAMES.bridge));
      assert.match(text, /[가-힣]/, `panel in Korean:\n${text}`);
      const seen = await ui.waitForWebviewText(page, /호스트명이 다름: /);
      assert.ok(seen.includes(`${NAMES.bridge}: 프로세스 1개, PID 1은 sleep 86400`), `what the container sees, in Korean:\n${seen}`);
    });
  });

  describe('the test/api suite inside the extension host', () => {
    for (const locale of [undefined, 'ko'] as const) {
      it(`passes with display language ${locale ?? 'en'}`, async () => {
        const r = await runApiSuiteInHost({ vsixes: [vsix, runnerVsix], workspace, locale, name: `api-suite-${locale ?? 'en'}` });
        assert.ok(!r.error && r.failures.length === 0 && r.passes.length > 0,
          `in-host suite: ${r.passes.length} passed, ${r.failures.length} failed\n${describeFailures(r)}`);
      });
    }
  });
});
