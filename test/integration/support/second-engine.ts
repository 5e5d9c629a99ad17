/**
 * A second dockerd beside the main one, for suites that need an engine of their own (stop it,
 * restart it, flood it, make it a Swarm manager, show two engines in one tree) without touching
 * the main engine every other suite shares.
 *
 * It has its own socket, data root, exec root, pidfile, containerd namespace, key file (without
 * its own `deprecated-key-path` both engines read the same key and report the same /info ID) and
 * a bridge made for it first on a private /24 no interface on this machine has (never
 * `--bridge none`: that deletes docker0). No iptables rules, no forwarding or masquerade changes.
 * User-defined networks come from a pool of its own. The test image is copied from the main engine.
 *
 *   const engine = new SecondEngine({ name: 'swarm' });
 *   before(() => engine.setUp());      // after a failed setUp, tearDown still cleans up
 *   after(() => engine.tearDown());    // containers, dockerd, bridge, folders
 *
 * If the test process dies without tearDown, an exit hook still kills dockerd and deletes the
 * bridge. Several engines may run in one process (each gets its own names and subnet).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Dockerode from 'dockerode';
import { RUN_ID } from './docker';
import { copyTestImage, stopDaemon, waitForPing } from './daemon';

export interface SecondEngineOptions {
  /** A short word naming the suite (letters/digits, ≤ 6 characters): names the folder, bridge and containerd namespace. Default `faults`. */
  name?: string;
  /** The bridge's /24 as its first three octets, e.g. `10.213.77`; by default a free one in 10.213.0.0/16 is picked. */
  subnet?: string;
  /** Also listen on tcp://127.0.0.1:PORT (plain, no TLS): only loopback, never another address. */
  tcpPort?: number;
  /** Extra daemon.json keys (merged over the defaults). */
  config?: Record<string, unknown>;
  /** Extra dockerd arguments. */
  args?: string[];
  /** Copy the test image into the engine (default true). */
  loadImage?: boolean;
}

let made = 0;
const live = new Set<SecondEngine>();
process.once('exit', () => {
  for (const e of live) e.killNow();
});

function subnetsInUse(): string {
  return execFileSync('ip', ['-4', '-o', 'addr'], { encoding: 'utf8' }) + execFileSync('ip', ['-4', 'route'], { encoding: 'utf8' });
}

/** A 10.213.N /24 (N from the run id, then upwards) that no address or route on this machine is in. */
function freeSubnet(): string {
  const used = subnetsInUse();
  const start = (parseInt(RUN_ID, 16) + made * 37) % 250;
  for (let i = 0; i < 250; i++) {
    const n = (start + i) % 250 + 1;
    if (!used.includes(`10.213.${n}.`) && !used.includes(`10.214.${n}.`)) return `10.213.${n}`;
  }
  throw new Error('no free /24 in 10.213.0.0/16 for a second engine');
}

export class SecondEngine {
  readonly name: string;
  readonly dir: string;
  readonly socket: string;
  readonly bridge: string;
  readonly dataRoot: string;
  readonly execRoot: string;
  readonly pidfile: string;
  readonly client: Dockerode;
  /** The bridge's /24 as three octets (chosen in setUp unless given). */
  subnet: string | undefined;
  private child: ChildProcess | undefined;
  private bridgeMade = false;

  constructor(private readonly options: SecondEngineOptions = {}) {
    const name = options.name ?? 'faults';
    if (!/^[a-z0-9]{1,6}$/.test(name)) throw new Error(`second engine name ${JSON.stringify(name)}: 1–6 lowercase letters or digits`);
    const n = made++;
    this.name = `${name}-${RUN_ID}${n ? `-${n}` : ''}`;
    this.dir = `/tmp/${this.name}`;
    this.socket = path.join(this.dir, 'docker.sock');
    // Interface names are at most 15 characters.
    this.bridge = `${name}${RUN_ID}${n ? n : ''}`.slice(0, 15);
    this.dataRoot = path.join(this.dir, 'data');
    this.execRoot = path.join(this.dir, 'exec');
    this.pidfile = path.join(this.dir, 'docker.pid');
    this.subnet = options.subnet;
    this.client = new Dockerode({ socketPath: this.socket });
  }

  get endpoint(): string {
    return `unix://${this.socket}`;
  }

  /** The tcp endpoint when a tcpPort was given. */
  get tcpEndpoint(): string | undefined {
    return this.options.tcpPort ? `tcp://127.0.0.1:${this.options.tcpPort}` : undefined;
  }

  /** The bridge's gateway address. */
  get gateway(): string {
    if (!this.subnet) throw new Error('the second engine has no subnet before setUp');
    return `${this.subnet}.1`;
  }

  /** dockerd's pid while it runs. */
  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  /** Makes the bridge and the folders, starts dockerd and copies the test image into it. */
  async setUp(): Promise<void> {
    const subnet = this.subnet ?? freeSubnet();
    if (this.options.subnet && subnetsInUse().includes(`${subnet}.`)) throw new Error(`${subnet}.0/24 is already in use on this machine; pick another subnet for the second engine`);
    this.subnet = subnet;
    live.add(this);
    fs.mkdirSync(this.dir, { recursive: true });
    execFileSync('ip', ['link', 'add', this.bridge, 'type', 'bridge']);
    this.bridgeMade = true;
    execFileSync('ip', ['addr', 'add', `${subnet}.1/24`, 'dev', this.bridge]);
    execFileSync('ip', ['link', 'set', this.bridge, 'up']);
    const [a, b, c] = subnet.split('.');
    fs.writeFileSync(
      path.join(this.dir, 'daemon.json'),
      JSON.stringify({
        bridge: this.bridge,
        iptables: false,
        'ip-forward': false,
        'ip-masq': false,
        'deprecated-key-path': path.join(this.dir, 'key.json'),
        'containerd-namespace': this.name,
        'containerd-plugins-namespace': `${this.name}-plugins`,
        // User-defined networks: 16 /28s in the /24 one above the bridge's in the second octet.
        'default-address-pools': [{ base: `${a}.${Number(b) + 1}.${c}.0/24`, size: 28 }],
        ...this.options.config,
      }),
    );
    await this.start();
    if (this.options.loadImage !== false) await copyTestImage(this.client);
  }

  /**
   * Starts dockerd and waits until it answers /_ping. On a restart it first drops the engine's
   * local network store: dockerd 20.10 given `default-address-pools` and a bridge of its own,
   * restarted over that store, deletes the host's docker0 while it clears its stale default
   * network (seen here: the main engine's containers then fail to start with "could not find
   * bridge docker0"). Networks of this engine do not outlive its restart; no suite needs them to.
   */
  async start(): Promise<void> {
    fs.rmSync(path.join(this.dataRoot, 'network', 'files', 'local-kv.db'), { force: true });
    const log = fs.openSync(path.join(this.dir, 'dockerd.log'), 'a');
    const hosts = ['-H', this.endpoint, ...(this.tcpEndpoint ? ['-H', this.tcpEndpoint] : [])];
    this.child = spawn(
      'dockerd',
      [...hosts, '--data-root', this.dataRoot, '--exec-root', this.execRoot, '--pidfile', this.pidfile, '--config-file', path.join(this.dir, 'daemon.json'), ...(this.options.args ?? [])],
      // A Swarm task's image is pulled again before it starts (the local copy is used when the
      // pull fails), which looks up docker.io on the machine's DNS server: this keeps it local.
      { stdio: ['ignore', log, log], env: { ...process.env, DOCKER_SERVICE_PREFER_OFFLINE_IMAGE: '1' } },
    );
    fs.closeSync(log);
    await waitForPing(this.client, this.child, 'the second dockerd', path.join(this.dir, 'dockerd.log'));
  }

  /** Stops dockerd (SIGTERM, as systemctl stop does) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    await stopDaemon(child);
  }

  /** Removes every container it has, stops it, and removes its bridge and folders. */
  async tearDown(): Promise<void> {
    try {
      if (this.child) {
        const all = await this.client.listContainers({ all: true }).catch(() => []);
        await Promise.all(all.map((c) => this.client.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
      }
    } finally {
      await this.stop();
      this.removeBridge();
      live.delete(this);
      if (!fs.readFileSync('/proc/self/mountinfo', 'utf8').includes(this.dir)) fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }

  /** For the process exit hook: kill dockerd and delete the bridge, synchronously. */
  killNow(): void {
    if (this.child?.exitCode === null) this.child.kill('SIGKILL');
    this.removeBridge();
  }

  private removeBridge(): void {
    if (!this.bridgeMade) return;
    this.bridgeMade = false;
    try {
      execFileSync('ip', ['link', 'del', this.bridge], { stdio: 'ignore' });
    } catch {
      // Already gone (deleted by hand, or by the exit hook before).
    }
  }
}
