/**
 * Podman's Docker-compatible service (rootful), started and stopped by the test beside the
 * main dockerd: its own storage root, run root, tmp dir, network config dir, events file and
 * file locks (containers.conf in its folder, through CONTAINERS_CONF), so it shares nothing
 * with another Podman on this machine. Containers use a network of this run, with a bridge
 * named for the run and a /24 nothing on this machine uses, so netavark's default `podman0`
 * is never made. Containers get fixed nofile/nproc limits (no CAP_SYS_RESOURCE here to
 * raise them) and the test image is copied in from the main engine (`docker save`).
 *
 * Tear-down removes the containers, the network (netavark then removes the bridge and its
 * rules), stops the service, removes the folder, and removes the firewall chains netavark
 * keeps after its last network only when they were not there before and nothing uses them.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Dockerode from 'dockerode';
import { RUN_ID, statusOf } from './docker';
import { copyTestImage, stopDaemon, waitForPing } from './daemon';

/** Rootful Podman's blob-info cache and netavark's IPAM database live here for every storage root. */
const SHARED_DIRS = ['/var/lib/containers', '/run/containers'];

export class PodmanService {
  readonly dir = `/tmp/ca-podman-${RUN_ID}`;
  readonly socket = path.join(this.dir, 'podman.sock');
  /** The bridge netavark makes for this run's network. */
  readonly bridge = `capod${RUN_ID}`;
  readonly network = `ca-podman-${RUN_ID}`;
  readonly client: Dockerode;
  subnet = '';
  gateway = '';
  private child: ChildProcess | undefined;
  private firewallBefore = true;
  /** Machine-wide folders Podman and netavark use whatever the root (blob cache, IPAM db) that did not exist before. */
  private madeShared: string[] = [];

  constructor() {
    this.client = new Dockerode({ socketPath: this.socket });
  }

  get endpoint(): string {
    return `unix://${this.socket}`;
  }

  /** Podman's own API version, which the libpod endpoints are versioned by. */
  async libpodVersion(): Promise<string> {
    const v = (await this.client.version()) as unknown as { Components?: { Name: string; Version: string }[] };
    const podman = v.Components?.find((c) => c.Name === 'Podman Engine');
    if (!podman) throw new Error(`${this.endpoint} has no Podman Engine component in /version`);
    return podman.Version;
  }

  async setUp(): Promise<void> {
    for (const bin of ['podman', 'netavark']) {
      const found = ['/usr/bin', '/usr/sbin', '/usr/lib/podman', '/usr/libexec/podman'].some((d) => fs.existsSync(path.join(d, bin)));
      if (!found) throw new Error(`${bin} is missing; test/setup/prepare.sh installs it (apt-get install podman netavark)`);
    }
    this.pickSubnet();
    this.firewallBefore = netavarkChains().length > 0;
    this.madeShared = SHARED_DIRS.filter((d) => !fs.existsSync(d));
    fs.mkdirSync(path.join(this.dir, 'net'), { recursive: true });
    fs.writeFileSync(path.join(this.dir, 'containers.conf'), this.config());
    await this.start();
    await copyTestImage(this.client);
    await this.libpod('POST', '/networks/create', {
      name: this.network,
      driver: 'bridge',
      network_interface: this.bridge,
      dns_enabled: false,
      subnets: [{ subnet: this.subnet, gateway: this.gateway }],
    });
  }

  /** A /24 in 10.229.0.0/16 from the run id, not in use on this machine. */
  private pickSubnet(): void {
    const inUse = execFileSync('ip', ['-4', '-o', 'addr'], { encoding: 'utf8' }) + execFileSync('ip', ['-4', 'route'], { encoding: 'utf8' });
    const start = parseInt(RUN_ID, 16) % 250;
    for (let i = 0; i < 250; i++) {
      const octet = ((start + i) % 250) + 1;
      if (inUse.includes(`10.229.${octet}.`)) continue;
      this.subnet = `10.229.${octet}.0/24`;
      this.gateway = `10.229.${octet}.1`;
      return;
    }
    throw new Error('no free /24 in 10.229.0.0/16 for the Podman test network');
  }

  private config(): string {
    const d = this.dir;
    // The default network is never used; its subnet only has to differ from the test network's.
    const other = this.subnet.replace(/^10\.229\./, '10.228.');
    return [
      '[containers]',
      'default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]',
      '[network]',
      'network_backend = "netavark"',
      `network_config_dir = "${d}/net"`,
      `default_subnet = "${other}"`,
      '[engine]',
      'runtime = "runc"',
      'cgroup_manager = "cgroupfs"',
      'events_logger = "file"',
      `events_logfile_path = "${d}/events.log"`,
      'lock_type = "file"',
      `tmp_dir = "${d}/tmp"`,
      `static_dir = "${d}/root/libpod"`,
      `volume_path = "${d}/root/volumes"`,
      '',
    ].join('\n');
  }

  private async start(): Promise<void> {
    const log = fs.openSync(path.join(this.dir, 'service.log'), 'a');
    this.child = spawn(
      'podman',
      ['--root', path.join(this.dir, 'root'), '--runroot', path.join(this.dir, 'run'), 'system', 'service', '--time', '0', this.endpoint],
      { stdio: ['ignore', log, log], env: { ...process.env, CONTAINERS_CONF: path.join(this.dir, 'containers.conf') } },
    );
    fs.closeSync(log);
    fs.writeFileSync(path.join(this.dir, 'service.pid'), String(this.child.pid ?? ''));
    await waitForPing(this.client, this.child, 'podman system service', path.join(this.dir, 'service.log'));
  }

  /** A request to Podman's own API (/v<version>/libpod/…), with a JSON body. */
  async libpod(method: string, route: string, body?: unknown): Promise<unknown> {
    const version = await this.libpodVersion();
    return new Promise((resolve, reject) => {
      this.client.modem.dial(
        { path: `/v${version}/libpod${route}`, method, options: body ?? {}, statusCodes: { 200: true, 201: true, 204: true, 404: 'not found', 409: 'conflict', 500: 'server error' } } as unknown as Parameters<Dockerode['modem']['dial']>[0],
        (err: unknown, data: unknown) => (err ? reject(err) : resolve(data)),
      );
    });
  }

  async tearDown(): Promise<void> {
    try {
      if (this.child && this.child.exitCode === null) {
        // A container whose namespaces another joined cannot go first (409): a few passes.
        for (let pass = 0; pass < 4; pass++) {
          const all = await this.client.listContainers({ all: true });
          if (all.length === 0) break;
          await Promise.all(all.map((c) => this.client.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined)));
        }
        await this.libpod('DELETE', `/networks/${this.network}`).catch((err: unknown) => {
          if (statusOf(err) !== 404) throw err;
        });
      }
    } finally {
      await this.stop();
      // Another run of this suite (its folder still there) may be using them.
      const othersRunning = fs.readdirSync('/tmp').some((n) => n.startsWith('ca-podman-') && path.join('/tmp', n) !== this.dir && serviceAlive(path.join('/tmp', n)));
      if (!othersRunning) {
        if (!this.firewallBefore) removeIdleNetavarkChains();
        for (const d of this.madeShared) fs.rmSync(d, { recursive: true, force: true });
      }
      // The storage driver bind-mounts its overlay folder onto itself and leaves it mounted.
      for (const m of mountsUnder(this.dir)) execFileSync('umount', [m]);
      if (mountsUnder(this.dir).length === 0) fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    await stopDaemon(child);
  }
}

/** Whether the service of another run's folder is still running (its PID alive). */
function serviceAlive(dir: string): boolean {
  try {
    process.kill(Number(fs.readFileSync(path.join(dir, 'service.pid'), 'utf8')), 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Mount points under `dir` (this process's mount namespace), deepest first. */
function mountsUnder(dir: string): string[] {
  const points = fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n').map((l) => l.split(' ')[4]).filter((p) => p?.startsWith(`${dir}/`));
  return points.sort((a, b) => b.length - a.length);
}

/** `iptables -S` of a table, each rule as its arguments (quoted comments kept whole). */
function rules(table: string): string[][] {
  const out = execFileSync('iptables', ['-w', '-t', table, '-S'], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map((line) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]));
}

/** The NETAVARK chains in the filter and nat tables, as "table/chain". */
export function netavarkChains(): string[] {
  return ['filter', 'nat'].flatMap((t) => rules(t).filter((r) => r[0] === '-N' && r[1].startsWith('NETAVARK')).map((r) => `${t}/${r[1]}`));
}

/**
 * netavark keeps its forward and port-forwarding chains (and the jumps to them) after its
 * last network goes. Removed only when no network's chain (NETAVARK-<hash>) and no subnet
 * rule remain: another Podman still using them is left alone.
 */
export function removeIdleNetavarkChains(): void {
  const busy = ['filter', 'nat'].some((t) =>
    rules(t).some((r) => (r[0] === '-N' && /^NETAVARK-[0-9A-F]{13}$/.test(r[1])) || (r[0] === '-A' && r[1].startsWith('NETAVARK') && (r.includes('-s') || r.includes('-d')))),
  );
  if (busy) return;
  for (const t of ['filter', 'nat']) {
    const all = rules(t);
    for (const r of all.filter((x) => x[0] === '-A' && !x[1].startsWith('NETAVARK') && x.some((a, i) => a === '-j' && x[i + 1]?.startsWith('NETAVARK')))) {
      execFileSync('iptables', ['-w', '-t', t, '-D', ...r.slice(1)]);
    }
    const chains = all.filter((x) => x[0] === '-N' && x[1].startsWith('NETAVARK')).map((x) => x[1]);
    for (const c of chains) execFileSync('iptables', ['-w', '-t', t, '-F', c]);
    for (const c of chains) execFileSync('iptables', ['-w', '-t', t, '-X', c]);
  }
}
