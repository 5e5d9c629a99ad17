// Packages a folder as a .vsix with the repository's own vsce.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..');

/**
 * Runs vsce from the repository's devDependencies. Relative links are left as they are:
 * `npm run package` ships a README without relative images or links (see package.ts).
 */
export function vscePackage(cwd: string, outFile: string, extraArgs: string[] = []): string {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository',
    '--skip-license', '--allow-star-activation', '--no-rewrite-relative-links', '-o', outFile, ...extraArgs], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce package in ${cwd} failed:\n${r.stdout}\n${r.stderr}`);
  return outFile;
}
