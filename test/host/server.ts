// Starts code-server (VS Code in the browser with a real Node extension host) on a free
// loopback port with throw-away user-data and extensions folders and installs .vsix files
// into it. The extension itself is the .vsix that `npm run package` writes.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerEntry, node24Env, nodeBin } from './paths';
import { koLanguagePack } from './language-pack';

/**
 * code-server's default extension gallery is open-vsx.org, which the workbench queries on its
 * own (the Extensions view, recommendations). Pointed at a closed port on 127.0.0.1, those
 * queries fail there, as they did on a name that would not resolve, without a DNS lookup:
 * the tests and the demo contact nothing but 127.0.0.1.
 */
const LOCAL_GALLERY = {
  EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item', resourceUrlTemplate: 'http://127.0.0.1:9/{publisher}/{name}/{version}/{path}' }),
};

export interface HostOptions {
  /** .vsix files to install before the server starts. */
  vsixes: string[];
  /** Display language; 'ko' installs the test-only Korean language pack. */
  locale?: 'ko';
  /** Written as the user's settings.json. */
  settings?: Record<string, unknown>;
  /** Folder to open. */
  workspace: string;
  /** Fixed port (default: a free one). */
  port?: number;
  /** Extra environment for the server and so for its extension host. */
  env?: NodeJS.ProcessEnv;
  /** Echo the server's output to this process's stderr. */
  verbose?: boolean;
  /** Run the server (and so the extension host) as this user, with its groups (setpriv; needs root). */
  as?: { uid: number; gid: number };
}

export interface Host {
  /** The workbench URL, with the workspace folder selected. */
  url: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function codeServerArgs(userDataDir: string, extensionsDir: string, configFile: string): string[] {
  return [
    codeServerEntry,
    '--config', configFile,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
}

/** Installs .vsix files into an extensions folder with code-server's own CLI. */
export function installVsixes(vsixes: string[], userDataDir: string, extensionsDir: string, configFile: string): void {
  if (vsixes.length === 0) return;
  const args = codeServerArgs(userDataDir, extensionsDir, configFile);
  for (const v of vsixes) args.push('--install-extension', v);
  const r = spawnSync(nodeBin, args, { encoding: 'utf8', env: node24Env(LOCAL_GALLERY) });
  const out = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0 || /failed|error/i.test(r.stderr)) {
    throw new Error(`installing ${vsixes.join(', ')} failed (exit ${r.status}):\n${out}`);
  }
}

async function waitForPage(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms:\n${output()}`);
}

export async function startHost(opts: HostOptions): Promise<Host> {
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error('code-server is not installed: run "npx tsx test/host/install.ts" first');
  }
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'anatomy-host-'));
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  const configFile = path.join(base, 'config.yaml');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(configFile, '');
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': 'off', // the form VS Code writes: the boolean one is migrated by rewriting settings.json, and the extension host briefly saw the user's settings gone
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'security.workspace.trust.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    ...opts.settings,
  }, null, 2));

  const vsixes = [...opts.vsixes];
  const pack = opts.locale === 'ko' ? await koLanguagePack() : undefined;
  if (pack) vsixes.push(pack.vsix);
  installVsixes(vsixes, userDataDir, extensionsDir, configFile);
  if (pack) pack.register(userDataDir, extensionsDir);

  const port = opts.port ?? await freePort();
  const args = [...codeServerArgs(userDataDir, extensionsDir, configFile),
    '--bind-addr', `127.0.0.1:${port}`, '--ignore-last-opened'];
  if (opts.locale) args.push('--locale', opts.locale);
  args.push(opts.workspace);

  let log = '';
  const env = node24Env({ ...opts.env, ...LOCAL_GALLERY, XDG_CONFIG_HOME: path.join(base, 'config'), XDG_DATA_HOME: path.join(base, 'data') });
  let [cmd, argv] = [nodeBin, args];
  if (opts.as) {
    // Its own folders become its; HOME too, as a person's would be.
    const home = path.join(base, 'home');
    fs.mkdirSync(home);
    spawnSync('chown', ['-R', `${opts.as.uid}:${opts.as.gid}`, base]);
    Object.assign(env, { HOME: home, USER: undefined, LOGNAME: undefined });
    [cmd, argv] = ['setpriv', [`--reuid=${opts.as.uid}`, `--regid=${opts.as.gid}`, '--init-groups', nodeBin, ...args]];
  }
  const child = spawn(cmd, argv, { env, cwd: opts.as ? '/' : undefined, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const onData = (d: Buffer) => {
    log += d.toString();
    if (opts.verbose) process.stderr.write(d);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch (err) { console.warn(`stopping code-server: ${(err as Error).message}`); }
      const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
      if (!killed) {
        try { process.kill(-child.pid, 'SIGKILL'); } catch (err) { console.warn(`killing code-server: ${(err as Error).message}`); }
        await exited;
      }
    }
    fs.rmSync(base, { recursive: true, force: true });
  };

  const root = `http://127.0.0.1:${port}/`;
  try {
    await waitForPage(`${root}healthz`, child, () => log);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url: `${root}?folder=${encodeURIComponent(opts.workspace)}`,
    port, userDataDir, extensionsDir,
    output: () => log,
    stop,
  };
}

export { packageExtension } from '../../scripts/package';
