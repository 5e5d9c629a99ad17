/**
 * A single-node Swarm manager on a second dockerd (never the main engine: its swarm state is
 * shared by every suite), with an overlay network and a replicated service of the test image.
 *
 * Everything that could collide with another engine on this machine is chosen first and
 * checked free: the second engine's bridge and pool (SecondEngine), docker_gwbridge made
 * beforehand with a Linux bridge name of its own and a /24 no address or route uses (the
 * engine would otherwise create a bridge named docker_gwbridge in the host's namespace), the
 * swarm's address pool, the raft listen port on 127.0.0.1 and the VXLAN UDP port.
 *
 * tearDown removes the service, the network, leaves the swarm, removes docker_gwbridge and its
 * bridge, then stops the engine and removes its bridge and folders; it runs after a failed
 * setUp too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import type Dockerode from 'dockerode';
import { IMAGE, RUN_ID, waitFor } from './docker';
import { SecondEngine } from './second-engine';

/** `ip ARGS`, again while the kernel says the dump was cut by a change (interfaces come and go on a busy machine). */
function ip(args: string[]): string {
  for (let i = 0; ; i++) {
    const r = spawnSync('ip', args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ip ${args.join(' ')} failed: ${r.stderr}`);
    if (!/Dump was interrupted/.test(r.stderr) || i === 5) return r.stdout;
  }
}

function used(): string {
  return ip(['-4', '-o', 'addr']) + ip(['-4', 'route']);
}

/** A /16 second octet in 10.215–10.230 whose addresses no interface or route here has. */
function freeOctet(taken: Set<number>): number {
  const text = used();
  const start = parseInt(RUN_ID, 16) % 16;
  for (let i = 0; i < 16; i++) {
    const o = 215 + ((start + i) % 16);
    if (!taken.has(o) && !text.includes(`10.${o}.`)) return o;
  }
  throw new Error('no free /16 in 10.215.0.0–10.230.255.255 for the swarm');
}

async function freeTcpPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A UDP port in 20000–39999 (Swarm takes 1024–49151 for the data path) that nothing is bound to. */
async function freeUdpPort(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const sock = dgram.createSocket('udp4');
    const ok = await new Promise<boolean>((resolve) => {
      sock.once('error', () => resolve(false));
      sock.bind(port, '0.0.0.0', () => resolve(true));
    });
    await new Promise<void>((resolve) => sock.close(() => resolve()));
    if (ok) return port;
  }
  throw new Error('no free UDP port for the VXLAN data path');
}

const bridgesLeft = new Set<string>();
process.once('exit', () => {
  for (const b of bridgesLeft) {
    try {
      execFileSync('ip', ['link', 'del', b], { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  }
});

export class SwarmEngine {
  readonly engine = new SecondEngine({ name: 'swarm' });
  /** The Linux bridge behind this engine's docker_gwbridge (never the name docker_gwbridge itself). */
  readonly gwBridge = `swgw${RUN_ID}`;
  readonly networkName = `ca-swarm-${RUN_ID}-net`;
  readonly serviceName = `ca-swarm-${RUN_ID}-svc`;
  gwSubnet = '';
  overlaySubnet = '';
  serviceId = '';
  networkId = '';
  private gwMade = false;

  get client(): Dockerode {
    return this.engine.client;
  }

  get endpoint(): string {
    return this.engine.endpoint;
  }

  async setUp(): Promise<void> {
    if (ip(['-o', 'link']).includes(` ${this.gwBridge}:`)) throw new Error(`${this.gwBridge} already exists on this machine`);
    await this.engine.setUp();
    const taken = new Set<number>();
    const gw = freeOctet(taken);
    taken.add(gw);
    const pool = freeOctet(taken);
    const [listenPort, dataPort] = [await freeTcpPort(), await freeUdpPort()];
    this.gwSubnet = `10.${gw}.${parseInt(RUN_ID.slice(0, 2), 16)}.0/24`;
    this.overlaySubnet = `10.${pool}.1.0/24`;
    // docker_gwbridge made first, so the engine uses it instead of making one named like the main engine's would be.
    this.gwMade = true;
    bridgesLeft.add(this.gwBridge);
    await this.client.createNetwork({
      Name: 'docker_gwbridge',
      Driver: 'bridge',
      IPAM: { Config: [{ Subnet: this.gwSubnet }] },
      Options: { 'com.docker.network.bridge.name': this.gwBridge, 'com.docker.network.bridge.enable_icc': 'false' },
    });
    await this.client.swarmInit({
      AdvertiseAddr: '127.0.0.1',
      ListenAddr: `127.0.0.1:${listenPort}`,
      DataPathPort: dataPort,
      DefaultAddrPool: [`10.${pool}.0.0/16`],
      SubnetSize: 24,
    });
    const network = await this.client.createNetwork({ Name: this.networkName, Driver: 'overlay', IPAM: { Config: [{ Subnet: this.overlaySubnet }] } });
    this.networkId = network.id;
    const service = await this.client.createService({
      Name: this.serviceName,
      TaskTemplate: { ContainerSpec: { Image: IMAGE, Args: ['sleep', '3600'] }, Networks: [{ Target: this.networkId }] },
      Mode: { Replicated: { Replicas: 1 } },
    } as Dockerode.CreateServiceOptions);
    this.serviceId = (service as unknown as { id: string }).id;
  }

  /** The service's one running task once its container runs, as the manager lists it. */
  async runningTask(): Promise<{ ID: string; NodeID: string; Status: { ContainerStatus: { ContainerID: string } } }> {
    let task: unknown;
    const ok = await waitFor(async () => {
      const tasks = await this.client.listTasks({ filters: { service: [this.serviceId], 'desired-state': ['running'] } });
      task = tasks.find((t: { Status?: { State?: string } }) => t.Status?.State === 'running');
      return !!task;
    }, 60000, 300);
    if (!ok) throw new Error(`service ${this.serviceName} has no running task after 60 s`);
    return task as Awaited<ReturnType<SwarmEngine['runningTask']>>;
  }

  async tearDown(): Promise<void> {
    try {
      if (this.engine.pid !== undefined) {
        if (this.serviceId) await this.client.getService(this.serviceId).remove().catch(() => undefined);
        // Tasks' containers go first, or the network is still in use.
        await waitFor(async () => (await this.client.listContainers({ all: true })).length === 0, 30000, 300).catch(() => false);
        if (this.networkId) await this.client.getNetwork(this.networkId).remove().catch(() => undefined);
        await this.client.swarmLeave({ force: true }).catch(() => undefined);
        if (this.gwMade) await this.client.getNetwork('docker_gwbridge').remove().catch(() => undefined);
      }
    } finally {
      await this.engine.tearDown();
      if (this.gwMade) {
        this.gwMade = false;
        bridgesLeft.delete(this.gwBridge);
        try {
          execFileSync('ip', ['link', 'del', this.gwBridge], { stdio: 'ignore' });
        } catch {
          // Removed with the network above.
        }
      }
    }
  }
}
