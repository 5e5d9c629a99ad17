/**
 * Full snapshot: the CLI as a whole process against `docker ps -aq` + `docker inspect IDS`
 * (what `docker inspect $(docker ps -aq)` runs), alternated; the core in-process; and the
 * CLI's peak resident set.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/core/engine/connection';
import { takeSnapshot } from '../src/core/snapshot';
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
  cliSamples: number[];
  dockerSamples: number[];
  coreSamples: number[];
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

async function runCli(): Promise<Timed & { count: number }> {
  const r = await timedExec(process.execPath, [CLI, '--json', '--all']);
  const parsed = JSON.parse(r.stdout) as { containers: unknown[] };
  return { ...r, count: parsed.containers.length };
}

async function runDocker(): Promise<{ ms: number; inspectMs: number; count: number }> {
  const ps = await timedExec('docker', ['ps', '-aq', '--no-trunc']);
  const ids = ps.stdout.split('\n').filter(Boolean);
  const inspect = await timedExec('docker', ['inspect', ...ids]);
  const parsed = JSON.parse(inspect.stdout) as unknown[];
  return { ms: ps.ms + inspect.ms, inspectMs: inspect.ms, count: parsed.length };
}

export async function measureSnapshot(engine: Engine, n: number, runs: number, log: (s: string) => void): Promise<SnapshotResult> {
  // One untimed pass of each warms the page cache and dockerd's own caches for both sides.
  await runCli();
  await runDocker();
  const cli: number[] = [];
  const docker: number[] = [];
  const inspectOnly: number[] = [];
  let containersOnEngine = 0;
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['cli', 'docker'] : ['docker', 'cli'];
    for (const which of order) {
      if (which === 'cli') {
        const r = await runCli();
        cli.push(r.ms);
        containersOnEngine = Math.max(containersOnEngine, r.count);
      } else {
        const r = await runDocker();
        docker.push(r.ms);
        inspectOnly.push(r.inspectMs);
      }
    }
    log(`  N=${n} run ${i + 1}/${runs}: cli ${cli[i].toFixed(0)} ms, docker ${docker[i].toFixed(0)} ms`);
  }
  const core: number[] = [];
  await takeSnapshot(engine, { all: true });
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await takeSnapshot(engine, { all: true });
    core.push(performance.now() - t0);
  }
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
    cliSamples: cli,
    dockerSamples: docker,
    coreSamples: core,
  };
}

/**
 * Peak RSS of one CLI run: a preload registers an exit hook that writes
 * process.resourceUsage().maxRSS (getrusage ru_maxrss, the high-water mark of the whole
 * process up to exit) to a file. Not timed, so the hook costs the timed runs nothing.
 */
export async function measurePeakRss(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anatomy-bench-rss-'));
  try {
    const hook = path.join(dir, 'maxrss.cjs');
    const out = path.join(dir, 'maxrss.txt');
    fs.writeFileSync(
      hook,
      "const fs = require('node:fs');\n" +
        "process.on('exit', () => fs.writeFileSync(process.env.BENCH_MAXRSS_FILE, String(process.resourceUsage().maxRSS * 1024)));\n",
    );
    await timedExec(process.execPath, ['--require', hook, CLI, '--json', '--all'], { ...process.env, BENCH_MAXRSS_FILE: out });
    return Number(fs.readFileSync(out, 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
