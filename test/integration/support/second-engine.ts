/**
 * A second dockerd that a test may stop, restart and flood, so the main engine (shared with
 * every other suite) is never touched. It has its own socket, data root, exec root, pidfile,
 * containerd namespace and a bridge made for it first (never --bridge none: that deletes
 * docker0), and no iptables rules. The test image is copied into it from the main engine.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Dockerode from 'dockerode';
import { RUN_ID } from './docker';
import { copyTestImage, stopDaemon, waitForPing } from './daemon';

/** A /24 nothing else on this machine uses (checked before it is taken). */
const SUBNET_PREFIX = '10.213.77';

export class SecondEngine {
  readonly dir = `/tmp/faults-${RUN_ID}`;
  readonly socket = path.join(this.dir, 'docker.sock');
  readonly bridge = `faults${RUN_ID}`;
  readonly client: Dockerode;
  private child: ChildProcess | undefined;
  private bridgeMade = false;

  constructor() {
    this.client = new Dockerode({ socketPath: this.socket });
  }

  get endpoint(): string {
    return `unix://${this.socket}`;
  }

  /** Makes the bridge and the folders, starts dockerd and copies the test image into it. */
  async setUp(): Promise<void> {
    const inUse = execFileSync('ip', ['-4', '-o', 'addr'], { encoding: 'utf8' });
    if (inUse.includes(`${SUBNET_PREFIX}.`)) throw new Error(`${SUBNET_PREFIX}.0/24 is already in use on this machine; pick another subnet for the second engine`);
    fs.mkdirSync(this.dir, { recursive: true });
    execFileSync('ip', ['link', 'add', this.bridge, 'type', 'bridge']);
    this.bridgeMade = true;
    execFileSync('ip', ['addr', 'add', `${SUBNET_PREFIX}.1/24`, 'dev', this.bridge]);
    execFileSync('ip', ['link', 'set', this.bridge, 'up']);
    fs.writeFileSync(
      path.join(this.dir, 'daemon.json'),
      JSON.stringify({
        bridge: this.bridge,
        iptables: false,
        'ip-forward': false,
        'ip-masq': false,
        'deprecated-key-path': path.join(this.dir, 'key.json'),
        'containerd-namespace': `faults-${RUN_ID}`,
      }),
    );
    await this.start();
    await copyTestImage(this.client);
  }

  /** Starts dockerd and waits until it answers /_ping. */
  async start(): Promise<void> {
    const log = fs.openSync(path.join(this.dir, 'dockerd.log'), 'a');
    this.child = spawn(
      'dockerd',
      ['-H', this.endpoint, '--data-root', path.join(this.dir, 'data'), '--exec-root', path.join(this.dir, 'exec'), '--pidfile', path.join(this.dir, 'docker.pid'), '--config-file', path.join(this.dir, 'daemon.json')],
      { stdio: ['ignore', log, log] },
    );
    fs.closeSync(log);
    await waitForPing(this.client, 'the second dockerd', path.join(this.dir, 'dockerd.log'));
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
        const all = await this.client.listContainers({ all: true });
        await Promise.all(all.map((c) => this.client.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
      }
    } finally {
      await this.stop();
      if (this.bridgeMade) execFileSync('ip', ['link', 'del', this.bridge]);
      this.bridgeMade = false;
      if (!fs.readFileSync('/proc/self/mountinfo', 'utf8').includes(this.dir)) fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
