/**
 * The labelled containers a benchmark run measures: created in parallel with a bound,
 * grown in place from one size to the next, and removed at the end, on Ctrl-C, on failure,
 * and (left over from an earlier run) at the start. A named fleet (`--fleet NAME`) has its
 * own label, names and network, so two runs on one engine do not sweep each other's.
 */
import Docker from 'dockerode';
import { mapLimit } from '../src/core/pool';

export const LABEL = 'container-anatomy.bench';
export const IMAGE = 'container-anatomy-test/busybox:latest';
export const NETWORK = 'anatomy-bench';
export const CREATE_CONCURRENCY = 8;

export type Kind = 'donor' | 'limits' | 'user-bridge' | 'shares-net' | 'plain';

/** The mix: one plain donor first, then limits / user bridge / shared netns / plain in turn. */
export function kindOf(index: number): Kind {
  if (index === 0) return 'donor';
  return (['plain', 'limits', 'user-bridge', 'shares-net'] as const)[index % 4];
}

export interface FleetNames {
  /** Every container gets `label=1` and `label.kind=<kind>`. */
  label: string;
  /** Containers are `<prefix>-000…` and `<prefix>-spare`. */
  prefix: string;
  network: string;
}

/** The default fleet, or the one of `--fleet NAME` (letters, digits, dashes). */
export function fleetNames(name?: string): FleetNames {
  if (name === undefined) return { label: LABEL, prefix: 'ca-bench', network: NETWORK };
  if (!/^[a-z0-9][a-z0-9-]{0,20}$/.test(name)) throw new Error(`a fleet name is lowercase letters, digits and dashes, not "${name}"`);
  return { label: `${LABEL}-${name}`, prefix: `ca-bench-${name}`, network: `${NETWORK}-${name}` };
}

function createOptions(names: FleetNames, name: string, kind: Kind, donorId: string | undefined): Docker.ContainerCreateOptions {
  const hostConfig: Docker.HostConfig = {};
  if (kind === 'limits') Object.assign(hostConfig, { Memory: 64 * 1024 * 1024, NanoCpus: 500_000_000, PidsLimit: 50 });
  if (kind === 'user-bridge') hostConfig.NetworkMode = names.network;
  if (kind === 'shares-net') {
    if (!donorId) throw new Error('a shares-net container needs the donor to exist first');
    hostConfig.NetworkMode = `container:${donorId}`;
  }
  return { name, Image: IMAGE, Cmd: ['sleep', '3600'], Labels: { [names.label]: '1', [`${names.label}.kind`]: kind }, HostConfig: hostConfig };
}

export interface FleetMember {
  id: string;
  name: string;
  kind: Kind;
}

export class Fleet {
  readonly members: FleetMember[] = [];
  /** Created but left stopped: the one the event benchmark starts and stops. */
  spare: FleetMember | undefined;

  constructor(readonly docker: Docker, readonly names: FleetNames = fleetNames()) {}

  /** Removes every container carrying the bench label, then the bench network. Returns how many. */
  async sweep(): Promise<number> {
    const found = await this.docker.listContainers({ all: true, filters: { label: [`${this.names.label}=1`] } });
    await mapLimit(found, CREATE_CONCURRENCY, (c) => this.docker.getContainer(c.Id).remove({ force: true }).catch(ignoreGone));
    const nets = await this.docker.listNetworks({ filters: { name: [this.names.network] } });
    for (const n of nets.filter((x) => x.Name === this.names.network)) await this.docker.getNetwork(n.Id).remove().catch(ignoreGone);
    this.members.length = 0;
    this.spare = undefined;
    return found.length;
  }

  async ensureNetwork(): Promise<void> {
    const { network, label } = this.names;
    const nets = await this.docker.listNetworks({ filters: { name: [network] } });
    if (!nets.some((n) => n.Name === network)) await this.docker.createNetwork({ Name: network, Driver: 'bridge', Labels: { [label]: '1' } });
  }

  /** Grows the running set to n containers (never shrinks). */
  async growTo(n: number, onProgress?: (done: number) => void): Promise<void> {
    await this.ensureNetwork();
    if (this.members.length === 0 && n > 0) this.members.push(await this.createAndStart(0));
    const start = this.members.length;
    const indexes = Array.from({ length: Math.max(0, n - start) }, (_, k) => start + k);
    let done = start;
    const created = await mapLimit(indexes, CREATE_CONCURRENCY, async (i) => {
      const m = await this.createAndStart(i);
      onProgress?.(++done);
      return m;
    });
    this.members.push(...created);
  }

  /** One extra container, created and never started, on the user-defined bridge. */
  async createSpare(): Promise<FleetMember> {
    if (this.spare) return this.spare;
    await this.ensureNetwork();
    const name = `${this.names.prefix}-spare`;
    const c = await this.docker.createContainer(createOptions(this.names, name, 'user-bridge', undefined));
    this.spare = { id: c.id, name, kind: 'user-bridge' };
    return this.spare;
  }

  private async createAndStart(index: number): Promise<FleetMember> {
    const kind = kindOf(index);
    const name = `${this.names.prefix}-${String(index).padStart(3, '0')}`;
    const c = await this.docker.createContainer(createOptions(this.names, name, kind, this.members[0]?.id));
    await c.start();
    return { id: c.id, name, kind };
  }
}

function ignoreGone(err: unknown): void {
  const code = (err as { statusCode?: number }).statusCode;
  if (code === 404 || code === 409) return;
  throw err;
}
