// npm run package: builds the production bundles and writes container-anatomy-<version>.vsix
// in the repository root, the file a user installs with `code --install-extension`.
// The host tests, `npm start` and the benchmarks install the same artifact.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { vscePackage } from './vsce';

const repoRoot = path.resolve(__dirname, '..');

/** What the staging folder links (sources) and copies (files that ship, and the build script). */
const STAGE_LINKS = ['src', 'webview', 'node_modules', 'tsconfig.json'];
const STAGE_COPIES = ['package.json', 'esbuild.mjs', '.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md', 'media', 'l10n'];

/** The .vsix name vsce would choose: container-anatomy-<version>.vsix. */
export function vsixName(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return `${pkg.name}-${pkg.version}.vsix`;
}

/**
 * The README as it ships. VS Code shows an installed extension's README with images only from
 * https: (its sanitizer drops data: and relative sources, its CSP blocks http:) and drops
 * relative links. This project has no public https home to point them at, so the packaged
 * README leaves the screenshots out and turns links to files that do not ship into their
 * plain text; it never shows a broken image. With a public repository, set `repository` in
 * package.json and let vsce rewrite the relative links to it instead.
 */
export function packagedReadme(markdown: string): string {
  return markdown
    .replace(/^!\[[^\]]*\]\([^)\s]+\)[ \t]*\n(?:[ \t]*\n)?/gm, (all) => (/\]\([a-z][a-z0-9+.-]*:/i.test(all) ? all : ''))
    .replace(/(!?)\[([^\]]*)\]\(([^)\s]+)\)/g, (all, bang: string, text: string, target: string) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return all;
      return bang ? '' : text;
    });
}

/**
 * Builds for production (the project's `esbuild.mjs --production`) and packages the
 * extension as `into`/container-anatomy-<version>.vsix (default: the repository root). The
 * build runs in a temporary staging folder that links the sources, so a concurrent `npm run
 * build`/`watch` in the checkout neither rewrites dist/ while vsce zips it nor is replaced by
 * the production bundle.
 */
export async function packageExtension(into = repoRoot): Promise<string> {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'anatomy-package-'));
  try {
    for (const name of STAGE_LINKS) {
      if (fs.existsSync(path.join(repoRoot, name))) fs.symlinkSync(path.join(repoRoot, name), path.join(stage, name));
    }
    for (const name of [...STAGE_COPIES, ...fs.readdirSync(repoRoot).filter((f) => /^package\.nls.*\.json$/.test(f))]) {
      const from = path.join(repoRoot, name);
      if (!fs.existsSync(from)) throw new Error(`${name} is missing from ${repoRoot}`);
      fs.cpSync(from, path.join(stage, name), { recursive: true });
    }
    fs.writeFileSync(path.join(stage, 'README.md'), packagedReadme(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8')));
    const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: stage, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`node esbuild.mjs --production failed:\n${build.stdout}\n${build.stderr}`);
    return vscePackage(stage, path.join(into, vsixName()));
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const t0 = Date.now();
  packageExtension().then((vsix) => {
    const rel = path.relative(process.cwd(), vsix) || vsix;
    console.log(`wrote ${rel} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`install it: code --install-extension ${rel}`);
  }).catch((err: unknown) => {
    console.error(`npm run package: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
