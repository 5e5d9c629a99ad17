/**
 * npm run bench [-- --sizes 10,50,200 --runs 5 --quick --skip-host --json]
 *
 * Creates labelled busybox containers, measures the snapshot, event, idle and bundle
 * costs against them, removes them (also on Ctrl-C and on failure), and prints one table
 * (or with --json one object). See bench/README.md.
 */
import Docker from 'dockerode';
import * as os from 'node:os';
import * as path from 'node:path';
import { connectEngine, type Engine } from '../src/core/engine/connection';
import { resolveEndpoint } from '../src/core/engine/endpoint';
import { createAnatomyService } from '../src/core/anatomy-service';
import type { AnatomyService } from '../src/core/service';
import { build, compileMs, EXTENSION_BUNDLE, sizeOf, WEBVIEW_BUNDLE } from './bundles';
import { measureEvents, type EventResult } from './event';
import { measureEvidence, type EvidenceResult } from './evidence';
import { Fleet, fleetNames, IMAGE } from './fleet';
import { measureHost, type HostResult } from './host';
import { measureHovers } from './hovers';
import { measureIdle, type IdleResult } from './idle';
import { startCountingProxy, type CountingProxy } from './proxy';
import { CLI, measureSnapshot, type SnapshotResult } from './snapshot';
import { renderTable, toJson, type BenchReport } from './report';
import { measureUsageTick, type UsageTickResult } from './usage';

export interface BenchOptions {
  sizes: number[];
  runs: number;
  quick: boolean;
  skipHost: boolean;
  json: boolean;
  idleSeconds: number;
  eventIterations: number;
  build: boolean;
  /** Leave the containers running at the end (for profiling); the next run sweeps them. */
  keep: boolean;
  /** A named fleet (own label, names, network) so runs beside another benchmark do not collide. */
  fleet?: string;
  /** Only the hover lookups (in process, no engine, no containers). */
  hoversOnly: boolean;
}

export function parseOptions(argv: string[]): BenchOptions {
  const o: BenchOptions = { sizes: [10, 50, 200], runs: 5, quick: false, skipHost: false, json: false, idleSeconds: 60, eventIterations: 20, build: true, keep: false, hoversOnly: false };
  const rest = [...argv];
  const num = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (!v || !Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer, not "${v ?? ''}"`);
    return n;
  };
  let quick = false;
  const explicit = new Set<string>();
  while (rest.length) {
    const a = rest.shift() as string;
    switch (a) {
      case '--sizes':
        o.sizes = (rest.shift() ?? '').split(',').map((s) => num('--sizes', s));
        explicit.add('sizes');
        break;
      case '--runs':
        o.runs = num(a, rest.shift());
        explicit.add('runs');
        break;
      case '--idle-seconds':
        o.idleSeconds = num(a, rest.shift());
        explicit.add('idle');
        break;
      case '--events':
        o.eventIterations = num(a, rest.shift());
        explicit.add('events');
        break;
      case '--quick':
        quick = true;
        break;
      case '--skip-host':
        o.skipHost = true;
        break;
      case '--build':
        o.build = true;
        explicit.add('build');
        break;
      case '--no-build':
        o.build = false;
        explicit.add('build');
        break;
      case '--keep':
        o.keep = true;
        break;
      case '--json':
        o.json = true;
        break;
      case '--hovers-only':
        o.hoversOnly = true;
        break;
      case '--fleet': {
        const name = rest.shift();
        if (!name) throw new Error('--fleet needs a name');
        fleetNames(name);
        o.fleet = name;
        break;
      }
      default:
        throw new Error(`unknown option ${a} (options: --sizes 10,50,200 --runs 5 --quick --skip-host --json --idle-seconds 60 --events 20 --build --no-build --keep --fleet NAME --hovers-only)`);
    }
  }
  if (quick) {
    o.quick = true;
    if (!explicit.has('sizes')) o.sizes = [3];
    if (!explicit.has('runs')) o.runs = 1;
    if (!explicit.has('idle')) o.idleSeconds = 3;
    if (!explicit.has('build')) o.build = false;
    if (!explicit.has('events')) o.eventIterations = 3;
  }
  o.sizes = [...new Set(o.sizes)].sort((a, b) => a - b);
  return o;
}

/** The idle measurement runs at N=50, or the nearest size below it, or the smallest. */
export function idleSize(sizes: number[]): number {
  return [...sizes].reverse().find((n) => n <= 50) ?? sizes[0];
}

/** The hover lookups alone: no engine, nothing created. */
function hoversOnly(opts: BenchOptions): BenchReport {
  const t0 = Date.now();
  const loadAtStart = os.loadavg()[0];
  const hovers = measureHovers();
  return {
    options: opts,
    machine: { loadAvg: [loadAtStart, os.loadavg()[0]], cpus: os.cpus().length, memBytes: os.totalmem(), node: process.version, docker: 'not used', cgroup: 'not used' },
    snapshots: [],
    peakRssBytes: null,
    events: undefined,
    evidence: undefined,
    idle: undefined,
    bundles: { extensionBytes: null, webviewBytes: null, extensionCompileMs: null },
    host: { measured: false, reason: '--hovers-only was given' },
    hovers,
    seconds: (Date.now() - t0) / 1000,
  };
}

async function main(opts: BenchOptions): Promise<BenchReport> {
  if (opts.hoversOnly) return hoversOnly(opts);
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  const docker = new Docker({ socketPath: '/var/run/docker.sock' });
  const fleet = new Fleet(docker, fleetNames(opts.fleet));
  let engine: Engine | undefined;
  let proxy: CountingProxy | undefined;
  const services: AnatomyService[] = [];
  let cleaning: Promise<void> | undefined;
  let interrupted = false;
  const cleanup = (): Promise<void> =>
    (cleaning ??= (async () => {
      for (const s of services) s.dispose();
      engine?.dispose();
      await proxy?.close().catch(() => undefined);
      if (opts.keep && !interrupted) return log(`--keep: left ${fleet.members.length} bench containers running`);
      const removed = await fleet.sweep();
      log(`removed ${removed} bench containers`);
    })());
  const onSignal = (sig: NodeJS.Signals): void => {
    interrupted = true;
    log(`${sig}: removing the bench containers…`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const t0 = Date.now();
    const loadAtStart = os.loadavg()[0];
    const left = await fleet.sweep();
    if (left) log(`removed ${left} containers left over from an earlier run`);
    await docker.getImage(IMAGE).inspect().catch(() => {
      throw new Error(`the image ${IMAGE} is missing: run bash test/setup/image.sh`);
    });

    log('hovers: compose and Dockerfile lookups on generated files …');
    const hovers = measureHovers();

    let buildError: string | undefined;
    if (opts.build) {
      log('building with node esbuild.mjs --production …');
      const b = await build(true);
      if (!b.ok) buildError = b.error;
    } else if (sizeOf(CLI) === null) {
      log('dist/cli.js is missing: building with node esbuild.mjs …');
      const b = await build(false);
      if (!b.ok) throw new Error(`node esbuild.mjs failed: ${b.error}`);
    }
    const bundles = {
      extensionBytes: sizeOf(EXTENSION_BUNDLE),
      webviewBytes: sizeOf(WEBVIEW_BUNDLE),
      extensionCompileMs: await compileMs(EXTENSION_BUNDLE),
      buildError,
    };

    engine = await connectEngine(resolveEndpoint(process.env, os.homedir(), {}));
    proxy = await startCountingProxy(path.join(os.tmpdir(), `anatomy-bench-${process.pid}.sock`));
    const snapshots: SnapshotResult[] = [];
    let idle: IdleResult | undefined;
    let events: EventResult | undefined;
    let usage: UsageTickResult | undefined;
    let evidence: EvidenceResult | undefined;
    let peakRssBytes: number | null = null;
    let host: HostResult = { measured: false, reason: opts.skipHost ? '--skip-host was given' : 'not reached' };
    const largest = opts.sizes[opts.sizes.length - 1];
    const idleN = idleSize(opts.sizes);

    for (const n of opts.sizes) {
      log(`creating containers up to N=${n} …`);
      const c0 = Date.now();
      await fleet.growTo(n, (done) => done % 25 === 0 && log(`  ${done}/${n}`));
      log(`  N=${n} ready in ${((Date.now() - c0) / 1000).toFixed(1)} s`);
      snapshots.push(await measureSnapshot(engine, n, opts.runs, log));
      if (n === idleN) {
        log(`idle: service through the counting proxy, N=${n}, ${opts.idleSeconds} s …`);
        const s = createAnatomyService({ host: proxy.endpoint });
        services.push(s);
        idle = await measureIdle(s, proxy, n, opts.idleSeconds);
        s.dispose();
      }
      // The real VS Code host at the largest size: the first look at 200 is what it measures.
      if (n === largest && !opts.skipHost) {
        const containersOnEngine = snapshots[snapshots.length - 1].containersOnEngine;
        host = await measureHost(log, { n, containersOnEngine, idleSeconds: opts.idleSeconds, rowName: fleet.members[n - 1].name });
      }
      if (n === largest) {
        evidence = await measureEvidence(engine, n, opts.runs, fleet.members.map((m) => m.name), log);
        peakRssBytes = snapshots[snapshots.length - 1].peakRssBytes;
        log(`events: ${opts.eventIterations} starts of one stopped container among N=${n} running …`);
        const spare = await fleet.createSpare();
        const s = createAnatomyService({ host: proxy.endpoint });
        services.push(s);
        await s.start();
        if (s.status.kind !== 'ready') throw new Error(`the service did not become ready: ${JSON.stringify(s.status)}`);
        events = await measureEvents(docker, s, proxy, spare, opts.eventIterations, log);
        const limited = fleet.members.find((m) => m.kind === 'limits') ?? fleet.members[0];
        log(`usage: 200 Limits-panel sampling ticks of ${limited.name} …`);
        usage = await measureUsageTick(s, limited.id);
        s.dispose();
      }
    }

    const info = await engine.info();
    return {
      options: opts,
      machine: { loadAvg: [loadAtStart, os.loadavg()[0]], cpus: os.cpus().length, memBytes: os.totalmem(), node: process.version, docker: `${engine.serverVersion} (API ${engine.apiVersion})`, cgroup: `v${info.CgroupVersion} ${info.CgroupDriver}` },
      snapshots,
      peakRssBytes,
      events,
      usage,
      evidence,
      idle,
      bundles,
      host,
      hovers,
      seconds: (Date.now() - t0) / 1000,
    };
  } finally {
    await cleanup();
    if (opts.build) {
      const b = await build(false);
      if (!b.ok) log(`could not restore the development build in dist/: ${b.error}`);
    }
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

if (require.main === module) {
  let opts: BenchOptions;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    process.exit(2);
  }
  main(opts).then(
    (report) => {
      process.stdout.write(opts.json ? JSON.stringify(toJson(report), null, 2) + '\n' : renderTable(report) + '\n');
    },
    (err: unknown) => {
      process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
