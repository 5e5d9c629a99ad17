/**
 * Labelled test containers and networks on the real engine, created through dockerode with
 * explicit HostConfig (never a shell string). Everything a suite creates carries the label
 * `container-anatomy.test=<suite>` plus its run id and PID, and is removed in `after`, even
 * when a test failed; a sweep in `before` removes leftovers of earlier runs of the same suite
 * whose process is gone (a run still going in another process is left alone).
 */
import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';

export const IMAGE = 'container-anatomy-test/busybox:latest';
export const LABEL = 'container-anatomy.test';
/** Which run created an object, and the PID of the process behind that run. */
export const RUN_LABEL = 'container-anatomy.test.run';
export const PID_LABEL = 'container-anatomy.test.pid';
export const SOCKET = '/var/run/docker.sock';

/** One id per process, so names from parallel or leftover runs never collide. */
export const RUN_ID = randomBytes(3).toString('hex');

export const docker = new Dockerode({ socketPath: SOCKET });

export interface ContainerSpec {
  /** Short name; the container is called `ca-<suite>-<RUN_ID>-<name>`. */
  name: string;
  hostConfig?: Dockerode.HostConfig;
  /** Extra endpoints at create time (the first network comes from hostConfig.NetworkMode). */
  endpoints?: Record<string, Dockerode.EndpointSettings>;
  /** Default true. */
  start?: boolean;
}

export interface Created {
  id: string;
  name: string;
  container: Dockerode.Container;
}

export class TestSuite {
  readonly label: string;

  /** `client` is the engine the suite works on: this machine's by default. */
  constructor(
    readonly suite: string,
    private readonly client: Dockerode = docker,
  ) {
    this.label = `${LABEL}=${suite}`;
  }

  fullName(short: string): string {
    return `ca-${this.suite}-${RUN_ID}-${short}`;
  }

  async createContainer(spec: ContainerSpec): Promise<Created> {
    const name = this.fullName(spec.name);
    const container = await this.client.createContainer({
      name,
      Image: IMAGE,
      Cmd: ['sleep', '3600'],
      Labels: this.labels(),
      HostConfig: { ...spec.hostConfig },
      ...(spec.endpoints ? { NetworkingConfig: { EndpointsConfig: spec.endpoints } } : {}),
    });
    if (spec.start !== false) await container.start();
    return { id: container.id, name, container };
  }

  /** A user-defined bridge network; returns its id and full name. */
  async createNetwork(short: string): Promise<{ id: string; name: string }> {
    const name = this.fullName(short);
    const net = await this.client.createNetwork({ Name: name, Driver: 'bridge', Labels: this.labels(), CheckDuplicate: true });
    return { id: net.id, name };
  }

  private labels(): Record<string, string> {
    return { [LABEL]: this.suite, [RUN_LABEL]: RUN_ID, [PID_LABEL]: String(process.pid) };
  }

  /**
   * Removes this suite's containers and networks: of this run, or (`leftovers`) of earlier
   * runs whose process is gone. A run of the same suite still going elsewhere is left alone.
   */
  async sweep(leftovers = false): Promise<void> {
    const filters = JSON.stringify({ label: [this.label] });
    const ours = (labels: Record<string, string> | undefined): boolean =>
      labels?.[RUN_LABEL] === RUN_ID || (leftovers && !processAlive(Number(labels?.[PID_LABEL])));
    const containers = (await this.client.listContainers({ all: true, filters })).filter((c) => ours(c.Labels));
    await Promise.all(containers.map((c) => removeContainer(c.Id, this.client)));
    const networks = (await this.client.listNetworks({ filters })).filter((n) => ours(n.Labels));
    for (const n of networks) {
      try {
        await this.client.getNetwork(n.Id).remove();
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
    }
  }

  /** Registers the sweeps around the enclosing mocha block: leftovers before, this run's after. */
  hooks(): this {
    before(async () => this.sweep(true));
    after(async () => this.sweep());
    return this;
  }
}

/** True while a process with this PID exists (on this machine). */
function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function statusOf(err: unknown): number | undefined {
  const s = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

export async function removeContainer(id: string, client: Dockerode = docker): Promise<void> {
  try {
    // A paused container cannot be killed by force-remove on every engine version.
    const info = await client.getContainer(id).inspect();
    if (info.State.Paused) await client.getContainer(id).unpause();
    await client.getContainer(id).remove({ force: true, v: true });
  } catch (err) {
    const code = statusOf(err);
    if (code !== 404 && code !== 409) throw err;
  }
}

/** Raw GET /containers/{id}/json. */
export async function inspect(id: string): Promise<Dockerode.ContainerInspectInfo> {
  return docker.getContainer(id).inspect();
}

/** Raw GET /networks. */
export async function networks(): Promise<Dockerode.NetworkInspectInfo[]> {
  return docker.listNetworks();
}

export async function pidOf(id: string): Promise<number> {
  const pid = (await inspect(id)).State.Pid;
  if (!pid) throw new Error(`container ${id} has no PID (not running)`);
  return pid;
}

/** Polls `check` until it returns true or `ms` pass; resolves to whether it succeeded. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms: number, stepMs = 25): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
