/**
 * Bundle sizes after a production build, and what loading the extension bundle costs
 * where no VS Code host is available to activate it.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const EXTENSION_BUNDLE = path.join(ROOT, 'dist', 'extension.js');
export const WEBVIEW_BUNDLE = path.join(ROOT, 'dist', 'webview.js');

export interface BuildResult {
  ok: boolean;
  /** The build's error output when it failed. */
  error?: string;
}

/** Runs the project's own build script (node esbuild.mjs [--production]). */
export function build(production: boolean): Promise<BuildResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['esbuild.mjs', ...(production ? ['--production'] : [])], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (err, _stdout, stderr) => {
      resolve(err ? { ok: false, error: (stderr || err.message).split('\n').filter((l) => /error/i.test(l)).slice(0, 5).join('\n') || err.message } : { ok: true });
    });
  });
}

export function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

/**
 * Parse + compile time of a bundle in a fresh Node process (vm.Script, nothing executed):
 * the part of activation that depends only on bundle size. Null when the bundle is missing.
 */
export function compileMs(file: string): Promise<number | null> {
  if (sizeOf(file) === null) return Promise.resolve(null);
  const code =
    "const fs=require('node:fs'),vm=require('node:vm');const src=fs.readFileSync(process.argv[1],'utf8');" +
    "const t=process.hrtime.bigint();new vm.Script(src,{filename:process.argv[1]});" +
    'process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));';
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', code, file], { encoding: 'utf8' }, (err, stdout) => (err ? reject(err) : resolve(Number(stdout))));
  });
}
