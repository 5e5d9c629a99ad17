/**
 * Activation and idle cost inside the real VS Code host of test/host: code-server with the
 * packaged extension, driven in Chromium. The engine is reached through a counting proxy
 * (setting containerAnatomy.engine.host), so every request the real extension makes is seen.
 *
 * The extension reports its own timings (activate() returns timings()); the test runner
 * extension, started in its timings mode, waits until the tree has listed the containers
 * and writes them to a file. Nothing is activated on purpose: the click on the activity
 * item shows the view, and that activates the extension as it would for a person.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CHROMIUM, findTreeRow, openActivity, openWorkbench, screenshot, type Workbench } from '../test/host/browser';
import { cacheDir, codeServerEntry } from '../test/host/paths';
import { buildRunnerExtension } from '../test/host/runner-ext/build';
import type { HostTimings } from '../test/host/runner-ext/timings';
import { packageExtension, startHost, type Host } from '../test/host/server';
import { idleWindow, type IdleResult } from './idle';
import { normalisedKey, startCountingProxy, type CountingProxy } from './proxy';

export interface HostBenchOptions {
  /** Bench containers on the engine. */
  n: number;
  /** Every container on the engine (what the tree lists). */
  containersOnEngine: number;
  idleSeconds: number;
  /** A bench container's name: its tree row showing means the tree lists the fleet. */
  rowName: string;
}

export interface HostMeasurement {
  measured: true;
  n: number;
  containersOnEngine: number;
  /** The synchronous activate() duration, as the extension measured it. */
  activationMs: number;
  /** From the start of activate() until the tree first listed the engine's containers. */
  firstTreeRenderMs: number;
  /** Wall time from the click on the activity item until the tree's first row was in the page. */
  clickToFirstRowMs: number;
  /** Engine requests before the view was shown (the extension should not have started). */
  requestsBeforeView: number;
  /** Requests from the click until the tree had rendered, by "METHOD /path". */
  requestsToFirstRender: Record<string, number>;
  /** Idle requests no engine event explains (target 0). */
  idleRequests: number;
  idle: IdleResult;
  /** Seconds spent packaging, starting code-server, loading the workbench and waiting for it to be quiet. */
  setupSeconds: { package: number; host: number; workbench: number };
  /** How busy the machine was (all CPUs, percent) in the second before the click. */
  busyBeforeClickPercent: number;
}

export type HostResult = { measured: false; reason: string } | HostMeasurement;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The machine counts as quiet below this share of all its CPUs busy, two seconds in a row. */
const QUIET_BUSY = 0.05;

/** Busy and total jiffies of all CPUs together, from /proc/stat. */
function cpuTimes(): { busy: number; total: number } {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = fields[3] + fields[4]; // idle + iowait
  return { busy: total - idle, total };
}

/** Waits until the whole machine was less than `busy` busy in each of two seconds in a row, or `timeoutMs` passed. */
async function waitForQuiet(busy: number, timeoutMs: number): Promise<{ waitedMs: number; busyPercent: number }> {
  const t0 = Date.now();
  let quietSeconds = 0;
  for (;;) {
    const a = cpuTimes();
    await sleep(1000);
    const b = cpuTimes();
    const share = (b.busy - a.busy) / Math.max(1, b.total - a.total);
    quietSeconds = share < busy ? quietSeconds + 1 : 0;
    if (quietSeconds >= 2 || Date.now() - t0 > timeoutMs) return { waitedMs: Date.now() - t0, busyPercent: share * 100 };
  }
}

/** Why the host cannot start on this machine, or undefined when it can. */
export function hostUnavailable(): string | undefined {
  if (!fs.existsSync(codeServerEntry)) return 'code-server is not installed: run "npx tsx test/host/install.ts" first';
  if (!fs.existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  return undefined;
}

async function waitForFile(file: string, timeoutMs: number): Promise<HostTimings> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the runner extension wrote no timings within ${timeoutMs} ms`);
    await sleep(100);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as HostTimings;
}

export async function measureHost(log: (s: string) => void, opts: HostBenchOptions): Promise<HostResult> {
  const missing = hostUnavailable();
  if (missing) {
    log(`host: not measured — ${missing}`);
    return { measured: false, reason: missing };
  }
  // Own folders and socket, so a host test running at the same time keeps its .cache/host/.
  const work = fs.mkdtempSync(path.join(cacheDir, 'bench-'));
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'anatomy-bench-ws-'));
  const timingsFile = path.join(work, 'timings.json');
  let proxy: CountingProxy | undefined;
  let host: Host | undefined;
  let wb: Workbench | undefined;
  try {
    const t0 = Date.now();
    log('host: packaging the extension (production build) and the runner …');
    const vsix = await packageExtension(work);
    const runner = await buildRunnerExtension(path.join(work, 'runner'));
    const t1 = Date.now();
    proxy = await startCountingProxy(path.join(os.tmpdir(), `anatomy-bench-host-${process.pid}.sock`));
    log(`host: starting code-server, engine through ${proxy.endpoint} …`);
    host = await startHost({
      vsixes: [vsix, runner],
      workspace,
      settings: { 'containerAnatomy.engine.host': proxy.endpoint },
      env: { CONTAINER_ANATOMY_TIMINGS_FILE: timingsFile },
    });
    const t2 = Date.now();
    wb = await openWorkbench(host.url);
    const { page } = wb;
    // Let the workbench finish starting: the built-in extensions (git, TypeScript, JSON …)
    // activate in the same extension host for seconds after the page loads, and on two cores
    // a click meanwhile measures their start, not this extension's.
    await page.waitForTimeout(2000);
    const quiet = await waitForQuiet(QUIET_BUSY, 60_000);
    log(`host: workbench quiet (machine ${quiet.busyPercent.toFixed(1)}% busy in the last second) after ${((quiet.waitedMs + 2000) / 1000).toFixed(1)} s`);
    const t3 = Date.now();
    const requestsBeforeView = proxy.requests.length;

    log(`host: showing the Container Anatomy view with ${opts.containersOnEngine} containers on the engine …`);
    const clickAt = performance.now();
    await openActivity(page, 'Container Anatomy');
    await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ timeout: 120_000 });
    const clickToFirstRowMs = performance.now() - clickAt;
    await findTreeRow(page, opts.rowName, 120_000);
    const timings = await waitForFile(timingsFile, 60_000);
    if (timings.error || timings.activateMs === null || timings.firstTreeRenderMs === null) {
      throw new Error(timings.error ?? 'the extension reported no timings');
    }
    const requestsToFirstRender: Record<string, number> = {};
    for (const r of proxy.requests) {
      const k = normalisedKey(r);
      requestsToFirstRender[k] = (requestsToFirstRender[k] ?? 0) + 1;
    }
    log(`host: activate() ${timings.activateMs.toFixed(1)} ms, tree listed the containers ${timings.firstTreeRenderMs.toFixed(0)} ms after activation began`);

    // Idle with the tree visible: the pointer away from the tree (no tooltips to resolve).
    await page.mouse.move(900, 450);
    await sleep(1000);
    const mark = performance.now();
    log(`host: idle with the tree visible, ${opts.idleSeconds} s …`);
    await sleep(opts.idleSeconds * 1000);
    if (!(await page.locator('.part.sidebar .monaco-list-row').first().isVisible())) throw new Error('the tree was no longer visible at the end of the idle window');
    const idle = idleWindow(proxy, opts.n, opts.idleSeconds, clickAt, mark);
    log(`host: idle requests ${idle.requests} unexplained, ${idle.allRequests} in all (${idle.eventsInWindow} engine events in the window)`);
    return {
      measured: true,
      n: opts.n,
      containersOnEngine: opts.containersOnEngine,
      activationMs: timings.activateMs,
      firstTreeRenderMs: timings.firstTreeRenderMs,
      clickToFirstRowMs,
      requestsBeforeView,
      requestsToFirstRender,
      idleRequests: idle.requests,
      idle,
      setupSeconds: { package: (t1 - t0) / 1000, host: (t2 - t1) / 1000, workbench: (t3 - t2) / 1000 },
      busyBeforeClickPercent: quiet.busyPercent,
    };
  } catch (err) {
    const reason = `the VS Code host run failed: ${(err as Error).message.split('\n')[0]}`;
    if (wb) log(`host: screenshot ${await screenshot(wb.page, 'bench-host-failure').catch(() => 'not saved')}`);
    if (host) log(`host: code-server output:\n${host.output().slice(-4000)}`);
    log(`host: not measured — ${reason}`);
    return { measured: false, reason };
  } finally {
    await wb?.close().catch(() => undefined);
    await host?.stop().catch(() => undefined);
    await proxy?.close().catch(() => undefined);
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}
