// Stops and starts the local dockerd the way it was started (systemd, or a plain
// background `dockerd ...` with its output in a log file), for the "engine went away" test.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { docker } from './containers';

interface Daemon {
  pid: number;
  argv: string[];
  /** The binary, by its absolute path (/proc/PID/exe). */
  exe: string;
  cwd: string;
  log: string | undefined;
  systemd: boolean;
}

/** The pid in dockerd's default pidfile: the daemon behind the default socket the tests use. */
function defaultDaemonPid(): number | undefined {
  try {
    return Number(fs.readFileSync('/var/run/docker.pid', 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The dockerd behind /var/run/docker.sock, never another one that runs beside it (a second
 * engine of a test, with its own -H and --pidfile): the one in the default pidfile, else one
 * started without -H/--host or --pidfile.
 */
function findDockerd(): Daemon | undefined {
  const pidfile = defaultDaemonPid();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'dockerd') continue;
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const ownEndpoint = argv.some((a) => /^(-H|--host|--pidfile|-p)(=|$)/.test(a));
      if (pidfile !== undefined ? Number(entry) !== pidfile : ownEndpoint) continue;
      const out = fs.readlinkSync(`/proc/${entry}/fd/1`);
      const systemd = spawnSync('systemctl', ['is-active', '--quiet', 'docker']).status === 0;
      return {
        pid: Number(entry), argv, cwd: fs.readlinkSync(`/proc/${entry}/cwd`).replace(/ \(deleted\)$/, ''),
        exe: fs.readlinkSync(`/proc/${entry}/exe`).replace(/ \(deleted\)$/, ''),
        log: out.startsWith('/') && !out.startsWith('/dev/') ? out : undefined, systemd,
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return undefined;
}

async function until(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const answers = () => docker.ping().then(() => true, () => false);

export function canControlEngine(): boolean {
  return process.getuid?.() === 0 && findDockerd() !== undefined;
}

/** Stops dockerd; returns a function that starts it again the same way and waits for it. */
export async function stopEngine(): Promise<() => Promise<void>> {
  const d = findDockerd();
  if (!d) throw new Error('no dockerd process on this machine');
  if (d.systemd) {
    spawnSync('systemctl', ['stop', 'docker.socket', 'docker'], { stdio: 'inherit' });
  } else {
    process.kill(d.pid, 'SIGTERM');
  }
  await until('dockerd to exit', async () => !fs.existsSync(`/proc/${d.pid}`), 60_000);
  return async () => {
    if (d.systemd) {
      spawnSync('systemctl', ['start', 'docker'], { stdio: 'inherit' });
    } else {
      const out = d.log ? fs.openSync(d.log, 'a') : 'ignore';
      // The binary by its absolute path and a folder that still exists: the running dockerd may
      // have been started as a bare `dockerd` from a PATH this process lacks, in a folder (a
      // clone, a temporary checkout) removed since; either makes spawn fail with ENOENT.
      const cwd = fs.existsSync(d.cwd) ? d.cwd : '/';
      const child = spawn(d.exe, d.argv.slice(1), { cwd, detached: true, stdio: ['ignore', out, out] });
      child.unref();
      if (typeof out === 'number') fs.closeSync(out);
    }
    await until('dockerd to answer again', answers, 60_000);
  };
}
