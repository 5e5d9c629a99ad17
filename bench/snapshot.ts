/**
 * Full snapshot: the CLI as a whole process against `docker ps -aq` + `docker inspect IDS`
 * (what `docker inspect $(docker ps -aq)` runs), alternated; the core in-process; and the
 * CLI's peak resident set.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createAnatomyService } from '../src/core/anatomy-service';
import type { Engine } from '../src/core/engine/connection';
import { HelperManager } from '../src/core/helper/manager';
import { takeSnapshot } from '../src/core/snapshot';
import { IMAGE } from './fleet';
import { median } from './stats';

export const CLI = path.resolve(__dirname, '..', 'dist', 'cli.js');
const MAX_BUFFER = 512 * 1024 * 1024;

export interface SnapshotResult {
  n: number;
  /** Every container the engine had (the CLI and docker inspect both cover all of them). */
  containersOnEngine: number;
  cliMs: number;
  dockerMs: number;
  dockerInspectOnlyMs: number;
  ratio: number;
  coreMs: number;
  /** takeSnapshot() reading the kernel's files through a running helper container (median). */
  helperMs: number;
  /** helperMs / coreMs, measured alternately in the same run. */
  helperRatio: number;
  /** The first snapshot through the helper: starting the container, then two rounds of reads. */
  helperFirstMs: number;
  /** User + system CPU of the CLI process (median), from its own exit hook. */
  cliCpuMs: number;
  /** CPU dockerd spent serving one run (median), from /proc/<dockerd>/stat; null if unreadable. */
  dockerdCpuMsForCli: number | null;
  dockerdCpuMsForDocker: number | null;
  /** Highest ru_maxrss over the timed CLI runs. */
  peakRssBytes: number;
  cliSamples: number[];
  dockerSamples: number[];
  coreSamples: number[];
  /** In-process takeSnapshot() / docker ps + docker inspect (medians). */
  inProcessRatio: number;
  /** Longest event-loop block (a 1 ms timer's worst delay) during the in-process snapshots. */
  loopMaxBlockMsSnapshot: number;
  /** The live service, connected fresh, as the extension starts it (medians of `runs`). */
  service: {
    /** start() -> the first change that lists the containers (each one still being read). */
    firstRowsMs: number;
    /** start() -> every container read (start() resolved). */
    allReadMs: number;
    /** Longest event-loop block during those first reads. */
    loopMaxBlockMs: number;
    /** The most CPU time in any one of those blocks. */
    loopMaxCpuBlockMs: number;
  };
  /** The most CPU time in any one block during the in-process snapshots. */
  loopMaxCpuBlockMsSnapshot: number;
  helperSamples: number[];
}

/**
 * Runs `fn` while a 1 ms timer watches the event loop; the worst delay is the longest block.
 * Wall time counts the time the process was not scheduled too (a loaded machine), so a second
 * timer also takes the process's own CPU time between two of its ticks: the most CPU any one
 * gap held is the longest stretch of work on the thread (it includes helper threads and GC).
 */
async function watchLoop<T>(fn: () => Promise<T>): Promise<{ value: T; maxBlockMs: number; maxCpuBlockMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  let maxCpu = 0;
  let last = process.cpuUsage();
  const tick = setInterval(() => {
    const d = process.cpuUsage(last);
    maxCpu = Math.max(maxCpu, (d.user + d.system) / 1000);
    last = process.cpuUsage();
  }, 1);
  h.enable();
  try {
    const value = await fn();
    return { value, maxBlockMs: h.max / 1e6, maxCpuBlockMs: maxCpu };
  } finally {
    h.disable();
    clearInterval(tick);
  }
}

/** The live service's first look: rows listed, then every container read; on the direct socket. */
async function measureService(engine: Engine, runs: number): Promise<SnapshotResult['service']> {
  const first: number[] = [];
  const all: number[] = [];
  const block: number[] = [];
  const cpuBlock: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const s = createAnatomyService({ host: engine.choice.endpoint });
    try {
      let firstAt: number | undefined;
      s.onDidChange(() => {
        if (firstAt === undefined && s.snapshot().containers.length) firstAt = performance.now();
      });
      const t0 = performance.now();
      const { maxBlockMs, maxCpuBlockMs } = await watchLoop(() => s.start());
      all.push(performance.now() - t0);
      first.push((firstAt ?? Number.NaN) - t0);
      block.push(maxBlockMs);
      cpuBlock.push(maxCpuBlockMs);
    } finally {
      s.dispose();
    }
  }
  return { firstRowsMs: median(first), allReadMs: median(all), loopMaxBlockMs: Math.max(...block), loopMaxCpuBlockMs: Math.max(...cpuBlock) };
}
interface Timed {
  ms: number;
  stdout: string;
}

function timedExec(file: string, args: string[], env?: NodeJS.ProcessEnv): Promise<Timed> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    execFile(file, args, { maxBuffer: MAX_BUFFER, encoding: 'utf8', ...(env ? { env } : {}) }, (err, stdout, stderr) => {
      const ms = performance.now() - t0;
      if (err) reject(new Error(`${file} ${args.slice(0, 3).join(' ')}… failed: ${err.message}\n${stderr}`));
      else resolve({ ms, stdout });
    });
  });
}

/** A preload that writes the process's own peak RSS and CPU time at exit (well under 1 ms). */
function writeExitHook(dir: string): string {
  const hook = path.join(dir, 'exit-hook.cjs');
  fs.writeFileSync(
    hook,
    "const fs = require('node:fs');\n" +
      "process.on('exit', () => { const u = process.resourceUsage();\n" +
      "  fs.writeFileSync(process.env.BENCH_EXIT_FILE, JSON.stringify({ maxRssBytes: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })); });\n",
  );
  return hook;
}

async function runCli(dir: string, hook: string): Promise<Timed & { count: number; cpuMs: number; maxRssBytes: number }> {
  const out = path.join(dir, 'exit.json');
  const r = await timedExec(process.execPath, ['--require', hook, CLI, '--json', '--all'], { ...process.env, BENCH_EXIT_FILE: out });
  const parsed = JSON.parse(r.stdout) as { containers: unknown[] };
  const usage = JSON.parse(fs.readFileSync(out, 'utf8')) as { maxRssBytes: number; cpuMs: number };
  return { ...r, count: parsed.containers.length, ...usage };
}

/** dockerd's user + system CPU so far in ms, or null when /proc does not show it. */
function dockerdCpuMs(): number | null {
  try {
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let comm: string;
      try {
        comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      } catch {
        continue;
      }
      if (comm !== 'dockerd') continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    }
  } catch {
    return null;
  }
  return null;
}

/** USER_HZ; 100 on every Linux architecture Docker runs on. */
const CLOCK_TICKS = 100;

async function dockerdDelta<T>(run: () => Promise<T>): Promise<{ value: T; dockerdMs: number | null }> {
  const before = dockerdCpuMs();
  const value = await run();
  const after = dockerdCpuMs();
  return { value, dockerdMs: before === null || after === null ? null : after - before };
}

/** The docker side; again (up to 3 times) when another suite removed a container between ps and inspect. */
async function runDocker(): Promise<{ ms: number; inspectMs: number; count: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runDockerOnce();
    } catch (err) {
      if (attempt >= 3 || !/No such object/.test(String(err))) throw err;
    }
  }
}

async function runDockerOnce(): Promise<{ ms: number; inspectMs: number; count: number }> {
  const ps = await timedExec('docker', ['ps', '-aq', '--no-trunc']);
  const ids = ps.stdout.split('\n').filter(Boolean);
  const inspect = await timedExec('docker', ['inspect', ...ids]);
  const parsed = JSON.parse(inspect.stdout) as unknown[];
  return { ms: ps.ms + inspect.ms, inspectMs: inspect.ms, count: parsed.length };
}

export async function measureSnapshot(engine: Engine, n: number, runs: number, log: (s: string) => void): Promise<SnapshotResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anatomy-bench-'));
  try {
    const hook = writeExitHook(dir);
    // One untimed pass of each warms the page cache and dockerd's own caches for both sides
    // (left out of a single-run smoke test).
    if (runs > 1) {
      await runCli(dir, hook);
      await runDocker();
    }
    const cli: number[] = [];
    const cliCpu: number[] = [];
    const docker: number[] = [];
    const inspectOnly: number[] = [];
    const dCli: number[] = [];
    const dDocker: number[] = [];
    let containersOnEngine = 0;
    let peakRssBytes = 0;
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? ['cli', 'docker'] : ['docker', 'cli'];
      for (const which of order) {
        if (which === 'cli') {
          const { value: r, dockerdMs } = await dockerdDelta(() => runCli(dir, hook));
          cli.push(r.ms);
          cliCpu.push(r.cpuMs);
          if (dockerdMs !== null) dCli.push(dockerdMs);
          containersOnEngine = Math.max(containersOnEngine, r.count);
          peakRssBytes = Math.max(peakRssBytes, r.maxRssBytes);
        } else {
          const { value: r, dockerdMs } = await dockerdDelta(runDocker);
          docker.push(r.ms);
          inspectOnly.push(r.inspectMs);
          if (dockerdMs !== null) dDocker.push(dockerdMs);
        }
      }
      log(`  N=${n} run ${i + 1}/${runs}: cli ${cli[i].toFixed(0)} ms (cpu ${cliCpu[i].toFixed(0)} ms), docker ${docker[i].toFixed(0)} ms`);
    }
    const core: number[] = [];
    const blocks: number[] = [];
    const cpuBlocks: number[] = [];
    const viaHelper: number[] = [];
    const helpers = new HelperManager({ mode: 'always', image: IMAGE });
    let helperFirstMs: number;
    try {
      await takeSnapshot(engine, { all: true });
      const first = performance.now();
      await takeSnapshot(engine, { all: true, helpers, forceHelper: true });
      helperFirstMs = performance.now() - first;
      for (let i = 0; i < runs; i++) {
        const order = i % 2 === 0 ? [false, true] : [true, false];
        for (const helper of order) {
          const t0 = performance.now();
          const { value: { snapshot }, maxBlockMs, maxCpuBlockMs } = await watchLoop(() => takeSnapshot(engine, { all: true, ...(helper ? { helpers, forceHelper: true } : {}) }));
          (helper ? viaHelper : core).push(performance.now() - t0);
          if (!helper) {
            blocks.push(maxBlockMs);
            cpuBlocks.push(maxCpuBlockMs);
          }
          if (helper && !snapshot.host.engine.helper) throw new Error(`the helper was not used: ${snapshot.host.engine.helperReason ?? ''}`);
        }
      }
    } finally {
      await helpers.dispose();
    }
    const service = await measureService(engine, runs);
    log(`  N=${n} in-process ${median(core).toFixed(0)} ms (longest block ${Math.max(...blocks).toFixed(1)} ms, ${Math.max(...cpuBlocks).toFixed(1)} ms CPU); service: rows at ${service.firstRowsMs.toFixed(0)} ms, all read at ${service.allReadMs.toFixed(0)} ms (longest block ${service.loopMaxBlockMs.toFixed(1)} ms, ${service.loopMaxCpuBlockMs.toFixed(1)} ms CPU)`);
    const cliMs = median(cli);
    const dockerMs = median(docker);
    return {
      n,
      containersOnEngine,
      cliMs,
      dockerMs,
      dockerInspectOnlyMs: median(inspectOnly),
      ratio: cliMs / dockerMs,
      coreMs: median(core),
      helperMs: median(viaHelper),
      helperRatio: median(viaHelper) / median(core),
      helperFirstMs,
      cliCpuMs: median(cliCpu),
      dockerdCpuMsForCli: dCli.length ? median(dCli) : null,
      dockerdCpuMsForDocker: dDocker.length ? median(dDocker) : null,
      peakRssBytes,
      cliSamples: cli,
      dockerSamples: docker,
      coreSamples: core,
      inProcessRatio: median(core) / dockerMs,
      loopMaxBlockMsSnapshot: Math.max(...blocks),
      loopMaxCpuBlockMsSnapshot: Math.max(...cpuBlocks),
      service,
      helperSamples: viaHelper,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
