/**
 * A container the engine listed but that could not be read (its inspect failed or timed out,
 * or reading its /proc threw): every fact is unavailable with that one reason, and what the
 * container list said (name, image, state, labels) is kept, so it still has its row.
 */
import { NAMESPACE_TYPES, fact, unavailable, type ContainerAnatomy, type ContainerNamespace, type ContainerState, type Limit, type NamespaceType } from './model';
import { allUnavailable } from './procfs/kernelside';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw Engine API JSON */
/** One entry of GET /containers/json. */
export type RawListEntry = any;

const STATES: ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

/** The reason on every fact of a container that is listed and still being read. */
export const NOT_READ_YET = 'not read yet: the container is listed and its details are being read';
/** Every host fact between the engine's first answer and the end of reading this machine's side. */
export const HOST_PENDING = "not read yet: the engine answered, and this machine's side of it is being read";
/** The same, while the helper container that will read them is asked for and starts. */
export const HELPER_PENDING = 'not read yet: this machine cannot read its kernel files, so they come through the helper container, which is asked for and started first';

/**
 * A container as the container list shows it, before its inspect and /proc reads: a row at
 * once, with the addresses the list gives, marked as being read (not as failed).
 */
export function listedContainer(entry: RawListEntry, reason = NOT_READ_YET): ContainerAnatomy {
  const c = unreadContainer(entry, reason);
  delete c.readFailure;
  c.reading = true;
  const nets: Record<string, RawListEntry> = entry?.NetworkSettings?.Networks ?? {};
  const why = unavailable(reason);
  c.networks = Object.entries(nets).map(([name, n]) => ({
    name,
    networkId: String(n?.NetworkID ?? ''),
    driver: why,
    bridge: why,
    subnet: why,
    ipAddress: n?.IPAddress ? fact(String(n.IPAddress), 'engine') : why,
    prefixLength: typeof n?.IPPrefixLen === 'number' && n.IPAddress ? fact(n.IPPrefixLen, 'engine') : why,
    gateway: n?.Gateway ? fact(String(n.Gateway), 'engine') : why,
    macAddress: n?.MacAddress ? fact(String(n.MacAddress), 'engine') : why,
    ipv6Address: why,
    containerInterface: why,
    hostVeth: why,
    aliases: Array.isArray(n?.Aliases) ? n.Aliases.map(String) : [],
  }));
  c.network = { ...c.network, networks: c.networks };
  return c;
}

/** Says which container could not be read, and why, in one sentence a person can act on. */
export function readFailureReason(id: string, message: string): string {
  return `container ${id.slice(0, 12)} could not be read: ${message}; it is read again on its next event or a refresh`;
}

export function unreadContainer(entry: RawListEntry, reason: string): ContainerAnatomy {
  const id = String(entry?.Id ?? '');
  const why = unavailable(reason);
  const limit = <T>(): Limit<T> => ({ declared: why, kernel: why, effective: why });
  const k = allUnavailable(reason);
  const namespaces = Object.fromEntries(
    NAMESPACE_TYPES.map((t): [NamespaceType, ContainerNamespace] => [t, { type: t, inode: why, sharedWithHost: why, sharedWithPid1: why, mode: { field: null, value: '' }, sharedWithContainers: [] }]),
  ) as Record<NamespaceType, ContainerNamespace>;
  const labels: Record<string, string> = { ...(entry?.Labels ?? {}) };
  const state = STATES.find((s) => s === String(entry?.State ?? '').toLowerCase()) ?? 'dead';
  const rawMode = String(entry?.HostConfig?.NetworkMode ?? '');
  return {
    id,
    name: String(entry?.Names?.[0] ?? id).replace(/^\//, ''),
    image: String(entry?.Image ?? ''),
    imageId: String(entry?.ImageID ?? ''),
    state,
    status: String(entry?.Status ?? ''),
    created: typeof entry?.Created === 'number' ? new Date(entry.Created * 1000).toISOString() : String(entry?.Created ?? ''),
    pid: why,
    labels,
    compose: labels['com.docker.compose.project'] ? { project: labels['com.docker.compose.project'], service: labels['com.docker.compose.service'] ?? '' } : null,
    swarmService: labels['com.docker.swarm.service.name'] ?? null,
    namespaces,
    process: { hostPid: why, nspid: why, uidMap: why, gidMap: why, rootIsHostRoot: why, hostname: why },
    cgroup: {
      paths: why,
      memory: { limitBytes: limit(), reservationBytes: limit(), swapLimitBytes: limit(), usageBytes: k.memory.usage, oomKills: k.memory.oomKills },
      cpu: { cpus: limit(), quotaUs: why, periodUs: why, shares: limit(), weight: why, usageNs: why, throttledPeriods: why },
      cpuset: { cpus: limit(), mems: limit() },
      pids: { max: limit(), current: why },
      io: { weight: limit() },
      chain: { memory: why, memorySwap: why, cpu: why, cpusetCpus: why, cpusetMems: why, pids: why, ioWeight: why },
    },
    network: { mode: 'other', rawMode, networks: [], ports: [], exposedOnly: [] },
    networks: [],
    exit: null,
    readAt: null,
    usageReadAt: null,
    readFailure: reason,
  };
}
