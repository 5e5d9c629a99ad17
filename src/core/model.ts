/**
 * The snapshot model: plain, JSON-serialisable objects that every view renders from.
 * `container-anatomy --json` prints a `Snapshot`; README documents it.
 *
 * Every fact is either a `Fact` (a value plus where it came from) or an `Unavailable`
 * (a reason a person can act on). A value of `null` inside a limit means "unlimited".
 */
import type { OverlayLeg, SwarmAnatomy } from './swarm/types';

export type { OverlayLeg, SwarmAnatomy } from './swarm/types';

export type Source = 'engine' | 'procfs' | 'helper';

export interface Fact<T> {
  value: T;
  source: Source;
}

export interface Unavailable {
  unavailable: string;
}

export type Maybe<T> = Fact<T> | Unavailable;

export function fact<T>(value: T, source: Source): Fact<T> {
  return { value, source };
}

export function unavailable(reason: string): Unavailable {
  return { unavailable: reason };
}

export function isUnavailable<T>(m: Maybe<T> | undefined): m is Unavailable {
  return !!m && typeof m === 'object' && 'unavailable' in m;
}

export function isFact<T>(m: Maybe<T> | undefined): m is Fact<T> {
  return !!m && typeof m === 'object' && 'value' in m;
}

/** The value of a fact, or `fallback` when it is unavailable. */
export function valueOf<T, F = undefined>(m: Maybe<T> | undefined, fallback?: F): T | F {
  return isFact(m) ? m.value : (fallback as F);
}

export const NAMESPACE_TYPES = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'] as const;
export type NamespaceType = (typeof NAMESPACE_TYPES)[number];

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

const STOPPED_STATES: ReadonlySet<ContainerState> = new Set<ContainerState>(['created', 'exited', 'dead']);

/**
 * Whether a container in this state has a live init process, and with it namespaces, a cgroup
 * and network endpoints (running, paused, restarting, or being removed with -f).
 */
export function hasProcess(state: ContainerState): boolean {
  return !STOPPED_STATES.has(state);
}

/** Docker's setting that decides a namespace, e.g. `PidMode: "host"`. */
export interface NamespaceMode {
  /** HostConfig field name: PidMode, NetworkMode, IpcMode, UTSMode, UsernsMode, CgroupnsMode; null for mnt/time. */
  field: string | null;
  /** The raw value Docker stores ("" when unset). */
  value: string;
  /** For `container:<id>` modes: the donor container. */
  sharesWith?: { id: string; name: string | null };
  /**
   * Where the engine puts this namespace when the setting leaves it open: time is always the
   * host's (Docker creates no time namespace); user is the host's unless the daemon remaps ids
   * (userns-remap, `name=userns` in /info SecurityOptions), then each container has its own.
   */
  engineDefault?: 'host' | 'own';
}

export interface ContainerNamespace {
  type: NamespaceType;
  /** Inode of /proc/PID/ns/<type> (from stat(), the nsfs inode). */
  inode: Maybe<number>;
  /** Same inode as the inspecting process's /proc/self/ns/<type>. */
  sharedWithHost: Maybe<boolean>;
  /** Same inode as PID 1's, where PID 1 is readable. */
  sharedWithPid1: Maybe<boolean>;
  mode: NamespaceMode;
  /** Other containers (by name) in the same snapshot holding the same inode. */
  sharedWithContainers: string[];
}

export interface IdMapRange {
  /** First id inside the namespace. */
  inside: number;
  /** First id in the reader's (parent) namespace. */
  outside: number;
  length: number;
}

export interface ProcessAnatomy {
  /** State.Pid: the container init's PID on the host. */
  hostPid: Maybe<number>;
  /** NSpid chain from /proc/PID/status, outermost first. */
  nspid: Maybe<number[]>;
  uidMap: Maybe<IdMapRange[]>;
  gidMap: Maybe<IdMapRange[]>;
  /** True when uid 0 in the container is uid 0 on the host. */
  rootIsHostRoot: Maybe<boolean>;
  /** Container hostname (Config.Hostname or the uts namespace). */
  hostname: Maybe<string>;
}

/**
 * One limit, three views: what Docker was told (HostConfig), what the container's own
 * cgroup file says, and what actually applies after walking up the ancestors.
 * `null` means unlimited.
 */
export interface Limit<T> {
  declared: Maybe<T | null>;
  kernel: Maybe<T | null>;
  effective: Maybe<T | null>;
  /**
   * Who sets the effective value: the cgroup path (as /proc/PID/cgroup names it) of the
   * level whose file holds it, "host" when no cgroup sets a limit and the machine's memory
   * or CPUs are what bind, null when nothing binds (unlimited). Absent for relative weights
   * and reservations, which are not caps.
   */
  boundBy?: Maybe<string | null>;
}

/** One level of a cgroup chain: its path (as /proc/PID/cgroup names it) and its own file's value; null = no limit there. */
export interface ChainLevel<T> {
  path: string;
  value: T | null;
}

/** A level of the CPU chain: value is quota / period in CPUs, with the file's two numbers. */
export interface CpuChainLevel extends ChainLevel<number> {
  quotaUs: number | null;
  periodUs: number | null;
}

/**
 * Each limit's chain from the root cgroup (first) down to the container's own (last). On
 * cgroup v2 a memory+swap level holds that level's memory.max + memory.swap.max.
 */
export interface CgroupChains {
  memory: Maybe<ChainLevel<number>[]>;
  memorySwap: Maybe<ChainLevel<number>[]>;
  cpu: Maybe<CpuChainLevel[]>;
  cpusetCpus: Maybe<ChainLevel<string>[]>;
  cpusetMems: Maybe<ChainLevel<string>[]>;
  pids: Maybe<ChainLevel<number>[]>;
  /** Weights are shares among siblings at each level, not caps. */
  ioWeight: Maybe<ChainLevel<number>[]>;
}

/** One point of usage over time (Limits panel): levels, and rates over the second before it. */
export interface UsageSample {
  /** ms since the epoch. */
  t: number;
  memoryBytes: number | null;
  pids: number | null;
  /** CPUs used on average since the previous sample. */
  cpus: number | null;
  /** Periods throttled since the previous sample. */
  throttled: number | null;
  /** OOM kills since the previous sample (drawn as a mark). */
  oomKills: number;
}

export type CgroupVersion = 'v1' | 'v2' | 'hybrid';

export interface CgroupAnatomy {
  /** Controller (or "unified") -> absolute directory of this container's cgroup. */
  paths: Maybe<Record<string, string>>;
  memory: {
    limitBytes: Limit<number>;
    reservationBytes: Limit<number>;
    /** Memory + swap (Docker's MemorySwap; v1 memsw). On v2 the kernel holds swap alone; we report memory+swap. */
    swapLimitBytes: Limit<number>;
    usageBytes: Maybe<number>;
    oomKills: Maybe<number>;
  };
  cpu: {
    /** Quota / period as a number of CPUs. */
    cpus: Limit<number>;
    quotaUs: Maybe<number | null>;
    periodUs: Maybe<number>;
    /** v1 cpu.shares (Docker CpuShares); declared null = default 1024. */
    shares: Limit<number>;
    /** v2 cpu.weight. */
    weight: Maybe<number>;
    usageNs: Maybe<number>;
    throttledPeriods: Maybe<number>;
  };
  cpuset: {
    cpus: Limit<string>;
    mems: Limit<string>;
  };
  pids: {
    max: Limit<number>;
    current: Maybe<number>;
  };
  io: {
    weight: Limit<number>;
  };
  /** Where each limit comes from: the cgroup chain from the root down to the container. */
  chain: CgroupChains;
}

export interface HostVeth {
  name: string;
  ifindex: number;
  /** Bridge the veth is enslaved to, from /sys/class/net/<veth>/master. */
  master: string | null;
}

export interface PortBinding {
  containerPort: number;
  protocol: string;
  hostIp: string;
  hostPort: number;
}

/** A port published on a loopback address (`127.0.0.1:8080:80`, `[::1]:8080:80`): only this host's clients use it. */
export function onLoopback(p: PortBinding): boolean {
  return /^127\./.test(p.hostIp) || p.hostIp === '::1';
}

/** The explanation for these published ports: the loopback one when every one of them is on loopback. */
export function portsTopic(ports: readonly PortBinding[]): 'net.ports' | 'net.ports.loopback' {
  return ports.length > 0 && ports.every(onLoopback) ? 'net.ports.loopback' : 'net.ports';
}

export interface NetworkAttachment {
  name: string;
  networkId: string;
  driver: Maybe<string>;
  /** Host bridge interface: docker0, br-<12hex> or the name option. */
  bridge: Maybe<string>;
  subnet: Maybe<string>;
  ipAddress: Maybe<string>;
  prefixLength: Maybe<number>;
  gateway: Maybe<string>;
  macAddress: Maybe<string>;
  ipv6Address: Maybe<string | null>;
  /**
   * Container-side interface inside its netns. iflink is the ifindex of its peer on the
   * host (the veth, or the parent NIC for macvlan); null when it could not be read (the
   * container's sysfs needs root) and no host veth pins it down.
   */
  containerInterface: Maybe<{ name: string; ifindex: number; iflink: number | null }>;
  hostVeth: Maybe<HostVeth>;
  /**
   * Whether Docker masquerades traffic leaving this network (its NAT rule for the subnet):
   * true for a bridge unless the network is internal or the option
   * com.docker.network.bridge.enable_ip_masquerade is "false". From the network's settings,
   * not from the firewall.
   */
  masquerade?: Maybe<boolean>;
  /**
   * Present (true) on an internal network (`docker network create --internal`, compose
   * `internal: true`): no way out, and the engine never publishes the container's ports there.
   */
  internal?: true;
  aliases: string[];
  /** For an overlay network: the interface's peer in the overlay's namespace, its bridge and vxlan device. */
  overlay?: OverlayLeg;
  /**
   * True for a Swarm task's leg on docker_gwbridge: the engine leaves it out of the container's
   * NetworkSettings.Networks and lists it only under /networks/docker_gwbridge.
   */
  swarmGateway?: boolean;
}

/** How the container is networked, in one word, with the explanation topic for it. */
export type NetworkModeKind = 'bridge' | 'host' | 'none' | 'container' | 'macvlan' | 'ipvlan' | 'overlay' | 'other';

export interface NetworkAnatomy {
  mode: NetworkModeKind;
  /** HostConfig.NetworkMode as stored. */
  rawMode: string;
  /** For container:<id>: the donor. */
  sharesWith?: { id: string; name: string | null };
  networks: NetworkAttachment[];
  ports: PortBinding[];
  /** Ports the image EXPOSEs but that are not published. */
  exposedOnly: string[];
  /**
   * The container's IPv4 default route from its /proc/PID/net/route: the interface it leaves
   * by (an attachment's containerInterface) and the gateway; null when it has none. Read for a
   * running container with an attachment of its own; absent in older snapshots.
   */
  defaultRoute?: Maybe<{ iface: string; gateway: string | null } | null>;
}

/** Whether an attachment carries the container's default route (NetworkAnatomy.defaultRoute). */
export type RouteRole =
  | { kind: 'this'; iface: string; gateway: string | null }
  | { kind: 'other'; iface: string; gateway: string | null; network: string | null }
  | { kind: 'none' }
  | { kind: 'unknown'; reason: string };

/** The default route as seen from attachment `n`; undefined when it was not read (not running, not local, an older snapshot). */
export function routeRole(net: NetworkAnatomy, n: NetworkAttachment): RouteRole | undefined {
  const r = net.defaultRoute;
  if (!r) return undefined;
  if (isUnavailable(r)) return { kind: 'unknown', reason: r.unavailable };
  if (r.value === null) return { kind: 'none' };
  const iface = isFact(n.containerInterface) ? n.containerInterface.value.name : null;
  if (iface === r.value.iface) return { kind: 'this', ...r.value };
  const holder = net.networks.find((x) => isFact(x.containerInterface) && x.containerInterface.value.name === r.value?.iface);
  if (iface === null && !holder) return { kind: 'unknown', reason: `the default route leaves by ${r.value.iface}, and this network's interface is unknown` };
  return { kind: 'other', ...r.value, network: holder?.name ?? null };
}

export interface ContainerAnatomy {
  id: string;
  /** The endpoint of the engine it was read from, when several engines are followed at once. */
  engine?: string;
  /** Without the leading slash. */
  name: string;
  image: string;
  imageId: string;
  state: ContainerState;
  status: string;
  created: string;
  /** Host PID of the init process; unavailable when not running. */
  pid: Maybe<number>;
  labels: Record<string, string>;
  compose: { project: string; service: string } | null;
  swarmService: string | null;
  namespaces: Record<NamespaceType, ContainerNamespace>;
  process: ProcessAnatomy;
  cgroup: CgroupAnatomy;
  network: NetworkAnatomy;
  /** Kept flat for the documented JSON shape: same objects as network.networks. */
  networks: NetworkAttachment[];
  /** Exit code and OOMKilled flag from State, for stopped containers. */
  exit: { code: number; oomKilled: boolean; finishedAt: string } | null;
  /** When the engine and /proc were read for the facts above (ISO time); null when they never could be. */
  readAt: string | null;
  /** When the usage values (memory, CPU, pids, throttling) were last read; they may be newer than readAt. */
  usageReadAt: string | null;
  /**
   * Why the latest read of this container failed (an inspect error or timeout, a /proc reader
   * failing). With readAt set, the facts are those of that earlier read; with readAt null only
   * id, name, image, state, status, created and labels are known (from the container list).
   * Retried on the container's next event or a refresh.
   */
  readFailure?: string;
  /**
   * Listed but not read yet: the first list shows every container at once from the engine's
   * container list (name, image, state, labels, addresses) and reads each one after. With it,
   * readAt is null and every other fact is unavailable with "not read yet". Not a failure.
   */
  reading?: boolean;
}

export interface HostNamespace {
  type: NamespaceType;
  /** The inspecting process's own namespace (/proc/self/ns). */
  inode: Maybe<number>;
  /** PID 1's, where readable. */
  pid1Inode: Maybe<number>;
}

export interface HostBridge {
  name: string;
  /** IPv4 CIDRs on the bridge. */
  addresses: string[];
  /** Docker network using it, if any. */
  networkName: string | null;
  networkId: string | null;
  subnet: string | null;
  gateway: string | null;
  /** Interfaces enslaved to this bridge (host veths). */
  ports: string[];
}

/** dockerd, or Podman's Docker-compatible service (`podman system service`). */
export type EngineKind = 'docker' | 'podman';

export interface EngineInfo {
  /**
   * Which engine answers (absent: Docker). Podman's answers are normalised to this model (see
   * introspect/podman.ts); what differs is explained by the topic `engine.podman`.
   */
  kind?: EngineKind;
  /** Where we connected, e.g. unix:///var/run/docker.sock. */
  endpoint: string;
  /** Context name if one chose the endpoint. */
  context: string | null;
  apiVersion: string;
  serverVersion: string;
  os: string;
  kernelVersion: string;
  ncpu: number;
  memTotalBytes: number;
  rootDir: string;
  securityOptions: string[];
  /** true when /proc on this machine shows the engine's containers. */
  local: boolean;
  /** Why local is false (e.g. "remote tcp endpoint"). */
  localReason?: string;
  /** Set when the kernel's facts were read by the helper container on the engine's host. */
  helper?: { container: string; image: string };
  /** Why the helper container was needed but not used (refused, not allowed, failed). */
  helperReason?: string;
  /** /info CgroupVersion ("1", "2"; "" when the engine does not say). */
  cgroupVersion?: string;
  /**
   * Rootless engine (name=rootless in SecurityOptions): its "host" is RootlessKit's user, mount
   * and network namespaces, not this process's. `hostNamespacesOf` says which process's
   * namespaces the host side shows for those, or why none could be read.
   */
  rootless?: { hostNamespacesOf: Maybe<{ pid: number; what: string }> };
}

export interface HostAnatomy {
  hostname: Maybe<string>;
  /** This process (the host side of a comparison): its PID, NSpid and id maps. */
  process?: ProcessAnatomy;
  namespaces: Record<NamespaceType, HostNamespace>;
  cgroup: {
    version: Maybe<CgroupVersion>;
    driver: Maybe<string>;
  };
  bridges: Maybe<HostBridge[]>;
  memTotalBytes: Maybe<number>;
  onlineCpus: Maybe<number>;
  engine: EngineInfo;
}

export interface Snapshot {
  schemaVersion: 1;
  takenAt: string;
  host: HostAnatomy;
  containers: ContainerAnatomy[];
  /** The engine's Swarm, when it is part of one: services, tasks and nodes on a manager. */
  swarm?: SwarmAnatomy;
  /** Only with `--evidence`: what each container (by id) sees in its namespaces, read on demand. */
  evidence?: Record<string, Evidence>;
}

export type DiffVerdict = 'same' | 'different' | 'unknown';

/**
 * What one side sees in a namespace of each type: the kernel's view from inside it, read on
 * demand for a comparison (never in the background snapshot).
 */
export interface SeesByType {
  /**
   * processCount: the processes `ps` lists inside (for the namespace this /proc belongs to,
   * every process in it, nested namespaces included; for another one, the processes whose
   * ns/pid is it). init: its PID 1, by host PID and command line.
   */
  pid: { processCount: number; init: { hostPid: number; command: string } };
  /** Interfaces in the kernel's order, each with its addresses as "a.b.c.d/nn" and "ipv6/nn". */
  net: { interfaces: { name: string; addresses: string[] }[] };
  /** The kernel's values in that uts namespace (not /etc/hostname). */
  uts: { hostname: string; domainname: string };
  /** The root's filesystem type and source, from the last mount on `/`. */
  mnt: { mountCount: number; root: { fstype: string; source: string } };
  /** System V IPC objects: shared memory segments, semaphore sets, message queues. */
  ipc: { shm: number; sem: number; msg: number };
  user: { uidMap: IdMapRange[]; gidMap: IdMapRange[] };
  /** The cgroup path as that side sees it: `/` in a private cgroup namespace. */
  cgroup: { path: string };
  time: { monotonicOffsetNs: number; boottimeOffsetNs: number };
}

export type Sees = SeesByType[NamespaceType];

/** One side's evidence: for each namespace type, what it sees or why that could not be read. */
export type Evidence = { [K in NamespaceType]: Maybe<SeesByType[K]> };

export interface NamespaceDiffRow {
  type: NamespaceType;
  left: Maybe<number>;
  right: Maybe<number>;
  verdict: DiffVerdict;
  /** What the left side sees in its namespace of this type (only when evidence was read). */
  leftSees?: Maybe<Sees>;
  rightSees?: Maybe<Sees>;
  /** Catalog topic explaining this row, e.g. "diff.net.same". */
  topic: string;
  /** Catalog topic for the namespace type, e.g. "ns.net". */
  nsTopic: string;
}

export interface Side {
  kind: 'host' | 'container';
  /** Container name or "host". */
  label: string;
  id?: string;
}

export interface NamespaceDiff {
  left: Side;
  right: Side;
  rows: NamespaceDiffRow[];
  /**
   * Set when the two sides are on different engines: whether those run on one kernel. Only on
   * one kernel can two namespaces be the same; otherwise no row says "same", whatever the inodes.
   */
  kernels?: { relation: 'same' | 'different' | 'unknown'; topic: string };
}
