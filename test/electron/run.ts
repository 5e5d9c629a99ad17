// Runs the test/api suite in a desktop VS Code through @vscode/test-electron. Uses
// VSCODE_EXECUTABLE when set; otherwise test-electron downloads VS Code, which needs
// network access to VS Code's update service. Not part of `npm test`: the code-server
// host (npm run test:host) runs the same suite where no desktop VS Code can be had.
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { cacheDir, repoRoot } from '../host/paths';
import { bundleApiTests } from '../host/runner-ext/build';

async function main(): Promise<number> {
  const out = path.join(cacheDir, 'electron');
  await bundleApiTests(path.join(out, 'tests'));
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'index.ts')], outfile: path.join(out, 'index.js'),
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning',
  });
  const build = await import('node:child_process').then((cp) => cp.spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' }));
  if (build.status !== 0) return build.status ?? 1;
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || undefined;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(out, 'index.js'),
      launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--no-sandbox', '--disable-gpu'],
    });
    return 0;
  } catch (err) {
    const msg = (err as Error).message ?? String(err);
    if (!vscodeExecutablePath && /download|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|fetch|network|getaddrinfo/i.test(msg)) {
      console.error('test:electron: no desktop VS Code could be had: downloading one failed ' +
        `(${msg.split('\n')[0]}). Set VSCODE_EXECUTABLE to an installed VS Code binary, or run ` +
        '"npm run test:host", which runs the same suite in code-server.');
    } else {
      console.error(`test:electron: the suite failed: ${msg}`);
    }
    return 1;
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(`test:electron: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
