/** The benchmark's one table and one JSON object. */
import type { BuildResult } from './bundles';
import type { EventResult } from './event';
import type { EvidenceResult } from './evidence';
import type { HostResult } from './host';
import { hoverLines, type HoverResult } from './hovers';
import type { IdleResult } from './idle';
import type { BenchOptions } from './run';
import type { SnapshotResult } from './snapshot';
import type { UsageTickResult } from './usage';
import { cell } from './stats';

export interface BenchReport {
  options: BenchOptions;
  machine: { loadAvg: [number, number]; cpus: number; memBytes: number; node: string; docker: string; cgroup: string };
  snapshots: SnapshotResult[];
  peakRssBytes: number | null;
  events: EventResult | undefined;
  usage?: UsageTickResult;
  evidence: EvidenceResult | undefined;
  idle: IdleResult | undefined;
  bundles: { extensionBytes: number | null; webviewBytes: number | null; extensionCompileMs: number | null; buildError?: BuildResult['error'] };
  host: HostResult;
  hovers: HoverResult | undefined;
  seconds: number;
}

const EXT_TARGET = 1_500_000;
const WEBVIEW_TARGET = 300_000;

const decimal = (bytes: number | null, unit: 'kB' | 'MB'): string =>
  bytes === null ? 'missing' : unit === 'MB' ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(0)} kB`;
const mark = (ok: boolean): string => (ok ? 'meets' : 'MISSES');
const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);

function snapshotTable(r: BenchReport): string[] {
  const cols = r.snapshots;
  const w = 12;
  const row = (label: string, f: (s: SnapshotResult) => string): string => pad(label, 44) + cols.map((s) => lpad(f(s), w)).join('');
  const at200 = cols.find((s) => s.n === 200);
  return [
    `Full snapshot, whole process, median of ${r.options.runs} alternated runs (ms)`,
    row('  N bench containers (all on engine)', (s) => `${s.n} (${s.containersOnEngine})`),
    row('  node dist/cli.js --json --all', (s) => cell(s.cliMs)),
    row('  docker ps -aq + docker inspect IDS', (s) => cell(s.dockerMs)),
    row('    of which docker inspect IDS', (s) => cell(s.dockerInspectOnlyMs)),
    row('  ratio cli / docker (target <= 2.0 at 200)', (s) => cell(s.ratio, 2)),
    row('  takeSnapshot() in-process', (s) => cell(s.coreMs)),
    row('  ratio in-process / docker (target <= 1.0 at 200)', (s) => cell(s.inProcessRatio, 2)),
    row('  longest event-loop block in it (<= 20)', (s) => cell(s.loopMaxBlockMsSnapshot, 1)),
    row('    most CPU in one block', (s) => cell(s.loopMaxCpuBlockMsSnapshot, 1)),
    row('  live service start -> rows listed', (s) => cell(s.service.firstRowsMs)),
    row('  live service start -> all read', (s) => cell(s.service.allReadMs)),
    row('  longest event-loop block in it (<= 20)', (s) => cell(s.service.loopMaxBlockMs, 1)),
    row('    most CPU in one block', (s) => cell(s.service.loopMaxCpuBlockMs, 1)),
    row('  takeSnapshot() through the helper container', (s) => cell(s.helperMs)),
    row('  ratio helper / local (target <= 2.0 at 200)', (s) => cell(s.helperRatio, 2)),
    row('  first snapshot through the helper (with its start)', (s) => cell(s.helperFirstMs)),
    row('  CPU of the CLI process (user+sys)', (s) => cell(s.cliCpuMs)),
    row('  CPU of dockerd serving the CLI', (s) => cell(s.dockerdCpuMsForCli)),
    row('  CPU of dockerd serving docker ps+inspect', (s) => cell(s.dockerdCpuMsForDocker)),
    at200 ? `  -> at N=200 the command line's ratio ${mark(at200.ratio <= 2)} its target, the in-process ratio ${mark(at200.inProcessRatio <= 1)} its target` : '  -> N=200 not run: no verdict on the ratio target',
    `Peak RSS of the CLI at N=${cols[cols.length - 1]?.n ?? '?'}: ${r.peakRssBytes === null ? 'not measured' : `${(r.peakRssBytes / 1048576).toFixed(1)} MiB`} (highest ru_maxrss of the timed runs, read in an exit hook)`,
  ];
}

function eventLines(r: BenchReport): string[] {
  const e = r.events;
  if (!e) return ['Event to model: not measured'];
  const n = r.snapshots[r.snapshots.length - 1]?.n;
  const row = (label: string, p50: number, p95?: number): string => pad(label, 72) + lpad(cell(p50), 6) + (p95 === undefined ? '' : lpad(cell(p95), 7));
  return [
    pad(`Event to model, N=${n} running, ${e.samples.length} starts of one stopped container (ms)`, 72) + lpad('p50', 6) + lpad('p95', 7),
    row('  start request sent -> model running, all 8 inodes (target 100/250)', e.p50Ms, e.p95Ms) + `  ${mark(e.p50Ms <= 100 && e.p95Ms <= 250)}`,
    row("  engine's start event at the socket -> model (0: already read)", e.eventP50Ms, e.eventP95Ms),
    row('  POST /containers/{id}/start answered by the engine', e.startCallP50Ms),
    `  re-reads per start: ${e.onlyTargetReread ? 'only the started container' : 'OTHER CONTAINERS TOO'} (inspects of it/others per start: ${summariseInspects(e)}; restart: ${e.restart.inspectsOfTarget}/${e.restart.inspectsOfOthers})`,
    `  requests of one start: ${formatCounts(e.samples[e.samples.length - 1]?.requests ?? {})}`,
  ];
}

function summariseInspects(e: EventResult): string {
  const kinds = new Set(e.samples.map((s) => `${s.inspectsOfTarget}/${s.inspectsOfOthers}`));
  const foreign = e.samples.reduce((n, s) => n + s.inspectsAfterForeignEvents, 0);
  if (foreign) kinds.add(`plus ${foreign} re-reads after other work's events`);
  return [...kinds].join(', ');
}

function formatCounts(m: Record<string, number>): string {
  const entries = Object.entries(m);
  return entries.length ? entries.map(([k, v]) => `${k} x${v}`).join(', ') : 'none';
}

function evidenceLines(r: BenchReport): string[] {
  const e = r.evidence;
  if (!e) return ['Evidence on demand: not measured'];
  return [
    `Evidence on demand (what each side sees), in-process, N=${e.n}, ${e.processes} processes in /proc, ${e.samples.length} reads (ms)`,
    `  container vs host, median / p95 (target <= 50)                 ${lpad(cell(e.hostPairMs, 1), 8)} ${lpad(cell(e.hostPairP95Ms, 1), 7)}  ${mark(e.hostPairMs <= 50)}`,
    `  container vs host, CPU per read incl. nsenter (mean, 10 ms ticks) ${lpad(cell(e.hostPairCpuMs, 1), 8)}`,
    `  container vs container (two nsenter runs at once), median       ${lpad(cell(e.containerPairMs, 1), 8)}`,
    `  unavailable: ${e.unavailable.length ? e.unavailable.join('; ') : 'none'}`,
  ];
}

function idleLines(r: BenchReport): string[] {
  const i = r.idle;
  if (!i) return ['Idle: not measured'];
  return [
    `Idle, N=${i.n}, ${i.seconds} s, live service through the counting proxy`,
    `  requests not caused by an engine event: ${i.requests} (target 0) ${mark(i.requests === 0)}${i.unexplained.length ? ` — ${i.unexplained.join(', ')}` : ''}`,
    `  all requests other than the open /events stream: ${i.allRequests}${i.allRequests ? ` (${formatCounts(i.byPath)}), ${i.requestsAfterEvents} of them re-reads after ${i.eventsInWindow} events from other work on the engine` : ''}`,
    `  /events subscriptions opened in the window: ${i.eventStreamsOpened}; engine events in the window: ${i.eventsInWindow}`,
    ...hostIdleLines(r),
  ];
}

function hostIdleLines(r: BenchReport): string[] {
  const h = r.host;
  if (!h.measured) return [`  in the real VS Code host: not measured — ${h.reason}`];
  const i = h.idle;
  return [
    `Idle in the real VS Code host (code-server), tree visible, N=${h.n} (${h.containersOnEngine} on the engine), ${i.seconds} s, through the counting proxy`,
    `  requests not caused by an engine event: ${i.requests} (target 0) ${mark(i.requests === 0)}${i.unexplained.length ? ` — ${i.unexplained.join(', ')}` : ''}`,
    `  all requests other than the open /events stream: ${i.allRequests}${i.allRequests ? ` (${formatCounts(i.byPath)}), ${i.requestsAfterEvents} of them re-reads after ${i.eventsInWindow} events from other work on the engine` : ''}`,
    `  /events subscriptions opened in the window: ${i.eventStreamsOpened}; engine events in the window: ${i.eventsInWindow}`,
  ];
}

function activationLines(r: BenchReport): string[] {
  const h = r.host;
  if (!h.measured) return [`Activation in VS Code: not measured — ${h.reason}`];
  const s = h.setupSeconds;
  return [
    `Activation in the real VS Code host (code-server + Chromium), view shown by a click, N=${h.n} (${h.containersOnEngine} on the engine)`,
    `  activate() itself, before any engine work (target <= 50 ms)      ${lpad(cell(h.activationMs, 1), 8)} ms  ${mark(h.activationMs <= 50)}`,
    `  activate() began -> tree first listed the containers            ${lpad(cell(h.firstTreeRenderMs), 8)} ms`,
    `  click on the activity item -> first tree row in the page        ${lpad(cell(h.clickToFirstRowMs), 8)} ms`,
    `  engine requests before the view was shown: ${h.requestsBeforeView}; until the tree rendered: ${formatCounts(h.requestsToFirstRender)}`,
    `  (setup: package ${s.package.toFixed(1)} s, code-server ${s.host.toFixed(1)} s, workbench until quiet ${s.workbench.toFixed(1)} s; machine ${h.busyBeforeClickPercent.toFixed(0)}% busy before the click)`,
  ];
}

function bundleLines(r: BenchReport): string[] {
  const b = r.bundles;
  return [
    `Bundles ${r.options.build ? 'after node esbuild.mjs --production' : 'as found in dist/ (not rebuilt: --quick or --no-build)'}${b.buildError ? ` (BUILD FAILED: ${b.buildError.split('\n')[0]})` : ''}`,
    `  dist/extension.js  ${pad(decimal(b.extensionBytes, 'MB'), 10)} (target <= 1.5 MB)${b.extensionBytes === null ? '' : ` ${mark(b.extensionBytes <= EXT_TARGET)}`}`,
    `  dist/webview.js    ${pad(decimal(b.webviewBytes, 'kB'), 10)} (target <= 300 kB)${b.webviewBytes === null ? '' : ` ${mark(b.webviewBytes <= WEBVIEW_TARGET)}`}`,
    `  extension bundle parse in a fresh node (vm.Script, not run): ${b.extensionCompileMs === null ? 'no bundle' : `${b.extensionCompileMs.toFixed(1)} ms`}`,
  ];
}

function usageLines(r: BenchReport): string[] {
  const u = r.usage;
  if (!u) return ['Limits panel sampling tick: not measured'];
  return [
    `Limits panel sampling tick (cgroup files of ${u.container}), ${u.ticks} ticks ${u.spacingMs} ms apart (ms)`,
    `  p50 ${u.p50Ms.toFixed(3)}  p95 ${u.p95Ms.toFixed(3)}  max ${u.maxMs.toFixed(3)}  (target p95 <= 1 ms) ${mark(u.p95Ms <= 1)}`,
  ];
}

export function renderTable(r: BenchReport): string {
  const m = r.machine;
  if (r.options.hoversOnly) {
    return [
      `Container Anatomy hover benchmark — ${m.cpus} CPUs, Node ${m.node}; 1-min load average at start ${m.loadAvg[0].toFixed(1)}, at end ${m.loadAvg[1].toFixed(1)}`,
      '',
      ...hoverLines(r.hovers),
      '',
      `(hovers only, ${r.seconds.toFixed(0)} s)`,
    ].join('\n');
  }
  return [
    `Container Anatomy benchmarks — ${m.cpus} CPUs, ${(m.memBytes / 2 ** 30).toFixed(0)} GiB, Node ${m.node}, Docker ${m.docker}, cgroup ${m.cgroup}`,
    `1-min load average (other work on this machine) at start ${m.loadAvg[0].toFixed(1)}, at end ${m.loadAvg[1].toFixed(1)}`,
    '',
    ...snapshotTable(r),
    '',
    ...eventLines(r),
    '',
    ...usageLines(r),
    ...evidenceLines(r),
    '',
    ...idleLines(r),
    '',
    ...activationLines(r),
    '',
    ...bundleLines(r),
    '',
    ...hoverLines(r.hovers),
    '',
    `(${r.options.quick ? 'quick smoke run' : 'full run'}, ${r.seconds.toFixed(0)} s)`,
  ].join('\n');
}

const num = (v: number | null | undefined): number | null => (v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 100) / 100);

export function toJson(r: BenchReport): Record<string, unknown> {
  const s200 = r.snapshots.find((s) => s.n === 200);
  const largest = r.snapshots[r.snapshots.length - 1];
  const why: Record<string, string> = {};
  if (r.options.hoversOnly) why.engine = '--hovers-only: only the hover lookups were measured';
  else if (!s200) why.snapshot200 = `N=200 was not run (sizes ${r.options.sizes.join(',')})`;
  if (!r.host.measured) why.activationMs = why.firstTreeRenderMs = why.hostIdleRequests = r.host.reason;
  const host200 = r.host.measured && r.host.n === 200 ? r.host : undefined;
  if (!host200) why.firstRowsMs200 = why.clickToFirstRowMs200 = r.host.measured ? `the VS Code host ran at N=${r.host.n}, not 200` : r.host.reason;
  if (!r.usage) why.usageTickMs = 'not measured (the event stage did not run)';
  if (r.bundles.extensionBytes === null) why.extensionBundleBytes = r.bundles.buildError ?? 'dist/extension.js does not exist';
  if (r.bundles.webviewBytes === null) why.webviewBundleBytes = r.bundles.buildError ?? 'dist/webview.js does not exist';
  return {
    snapshotRatio200: num(s200?.ratio),
    snapshotInProcessRatio200: num(s200?.inProcessRatio),
    eventLoopMaxBlockMs200: s200 ? num(Math.max(s200.loopMaxBlockMsSnapshot, s200.service.loopMaxBlockMs)) : null,
    eventLoopMaxCpuBlockMs200: s200 ? num(Math.max(s200.loopMaxCpuBlockMsSnapshot, s200.service.loopMaxCpuBlockMs)) : null,
    firstRowsMs200: host200 ? num(host200.firstTreeRenderMs) : null,
    clickToFirstRowMs200: host200 ? num(host200.clickToFirstRowMs) : null,
    eventToModelP95Ms: num(r.events?.eventP95Ms),
    snapshotMs200: num(s200?.cliMs),
    helperSnapshotRatio200: num(s200?.helperRatio),
    helperFirstStartMs: num(largest?.helperFirstMs),
    dockerInspectMs200: num(s200?.dockerMs),
    eventP50Ms: num(r.events?.p50Ms),
    eventP95Ms: num(r.events?.p95Ms),
    usageTickMs: r.usage ? Math.round(r.usage.p95Ms * 1000) / 1000 : null,
    evidenceMs: num(r.evidence?.hostPairMs),
    idleRequests: r.idle ? r.idle.requests : null,
    activationMs: r.host.measured ? num(r.host.activationMs) : null,
    firstTreeRenderMs: r.host.measured ? num(r.host.firstTreeRenderMs) : null,
    hostIdleRequests: r.host.measured ? r.host.idleRequests : null,
    hostIdleAllRequests: r.host.measured ? r.host.idle.allRequests : null,
    extensionBundleBytes: r.bundles.extensionBytes,
    webviewBundleBytes: r.bundles.webviewBytes,
    peakRssBytes200: s200 && largest === s200 ? r.peakRssBytes : null,
    ...hoverKeys(r.hovers),
    nullBecause: why,
    detail: {
      machine: r.machine,
      options: r.options,
      snapshots: r.snapshots,
      peakRssBytesAtLargest: r.peakRssBytes,
      events: r.events && { ...r.events, n: largest?.n },
      usage: r.usage,
      evidence: r.evidence,
      idle: r.idle,
      bundles: r.bundles,
      host: r.host,
      hovers: r.hovers,
      seconds: r.seconds,
    },
  };
}

/** The hover keys: wall ms of a hover right after an edit (nothing cached), median. */
function hoverKeys(h: HoverResult | undefined): Record<string, number | null> {
  const c = h?.cases ?? [];
  return {
    composeHoverMs1000: num(c[0]?.firstMs),
    composeHoverCpuMs1000: num(c[0]?.firstCpuMs),
    composeHoverMs1MB: num(c[2]?.firstMs),
    composeHoverCpuMs1MB: num(c[2]?.firstCpuMs),
    dockerfileHoverMs1MB: num(c[4]?.firstMs),
    dockerfileHoverMs5MB: num(c[5]?.firstMs),
    dockerfileHoverCpuMs5MB: num(c[5]?.firstCpuMs),
    hoverMaxMs: c.length ? num(Math.max(...c.map((x) => x.maxMs))) : null,
  };
}
