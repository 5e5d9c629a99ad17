/**
 * Runs the bundled CLI (dist/cli.js) as a child process, the way a person would, and
 * builds the bundle first when it is missing or older than the sources it comes from.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../../..');
export const CLI = path.join(REPO, 'dist', 'cli.js');
/** The command itself, which dist/cli.js runs through V8's code cache; it also runs alone. */
export const CLI_CORE = path.join(REPO, 'dist', 'cli-core.js');

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

/** `node esbuild.mjs` unless dist/cli.js and dist/cli-core.js are newer than what they are built from. */
export function ensureCliBuilt(): void {
  const sources = Math.max(...['core', 'cli.ts', 'cli-start.ts'].map((p) => newestMtime(path.join(REPO, 'src', p))));
  const built = [CLI, CLI_CORE];
  if (built.every((f) => existsSync(f) && statSync(f).mtimeMs >= sources)) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, stdio: 'pipe' });
  for (const f of built) if (!existsSync(f)) throw new Error(`node esbuild.mjs did not produce ${f}`);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Replaces the environment (default: this process's, without DOCKER_* and NO_COLOR, LANG=C). */
  env?: NodeJS.ProcessEnv;
  /** Run as this user through setpriv (needs root). */
  as?: { uid: number; gid: number };
  /** A command to run the CLI under, e.g. unshare with its options (needs root). */
  under?: string[];
  /** Close this pipe's reading end at once, like a reader that quits before the output comes. */
  close?: 'stdout' | 'stderr';
}

/** A clean environment: no engine choice from the caller's shell, no colour preference, English. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('DOCKER_') || k === 'NO_COLOR' || k.startsWith('LC_') || k === 'LANG' || k === 'LANGUAGE') continue;
    env[k] = v;
  }
  return { ...env, LANG: 'C', ...extra };
}

export function runCli(args: string[], opts: RunOptions = {}): Promise<CliResult> {
  const env = opts.env ?? cleanEnv();
  const [cmd, ...argv] = [
    ...(opts.under ?? []),
    ...(opts.as ? ['setpriv', `--reuid=${opts.as.uid}`, `--regid=${opts.as.gid}`, '--init-groups'] : []),
    process.execPath,
    CLI,
    ...args,
  ];
  return new Promise((resolve, reject) => {
    // stdio are pipes, so the CLI sees no TTY.
    const child = spawn(cmd, argv, { env, cwd: opts.as ? '/' : REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    if (opts.close) child[opts.close].destroy();
    if (opts.close !== 'stdout') child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    if (opts.close !== 'stderr') child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the CLI with --json and parses stdout; fails with stderr if it did not exit 0. */
export async function runCliJson<T>(args: string[], opts: RunOptions = {}): Promise<T> {
  const r = await runCli([...args, '--json'], opts);
  if (r.code !== 0) throw new Error(`container-anatomy ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
