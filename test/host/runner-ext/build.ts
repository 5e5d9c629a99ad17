// Bundles the runner extension and the test/api suite into .cache/host/runner-ext/ and
// packages them as a .vsix for the code-server host.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, runnerDir } from '../paths';
import { vscePackage } from '../../../scripts/vsce';

/** test/api/**\/*.test.ts, relative to the repository root. */
export function apiTestFiles(): string[] {
  const root = path.join(repoRoot, 'test', 'api');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.test.ts')) out.push(p);
    }
  };
  if (fs.existsSync(root)) walk(root);
  return out.sort();
}

/** Bundles each API test file into `outDir` as <name>.test.js, `vscode` left external. */
export async function bundleApiTests(outDir: string): Promise<string[]> {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const files = apiTestFiles();
  await esbuild.build({
    entryPoints: files,
    outdir: outDir,
    outbase: path.join(repoRoot, 'test', 'api'),
    bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    // ssh2 is bundled (docker-modem requires it eagerly); its optional natives stay out.
    external: ['vscode', 'mocha', 'cpu-features', '*.node'],
    sourcemap: 'inline', logLevel: 'warning',
  });
  return files.map((f) => path.join(outDir, path.relative(path.join(repoRoot, 'test', 'api'), f).replace(/\.ts$/, '.js')));
}

/** Builds the runner extension in `into` (default .cache/host/runner-ext); returns the .vsix path. */
export async function buildRunnerExtension(into = runnerDir): Promise<string> {
  const dir = path.join(into, 'ext');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(__dirname, 'package.json'), path.join(dir, 'package.json'));
  fs.writeFileSync(path.join(dir, 'README.md'), '# In-host test runner (tests only)\n');
  fs.writeFileSync(path.join(dir, '.vscodeignore'), '*.vsix\n');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'runner.ts')],
    outfile: path.join(dir, 'runner.js'),
    bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    external: ['vscode'], logLevel: 'warning',
  });
  await bundleApiTests(path.join(dir, 'tests'));
  return vscePackage(dir, path.join(into, 'test-runner.vsix'));
}
