/**
 * Builds the snapshot model from the engine's answers and this machine's /proc and /sys.
 * One container list, one network list and one inspect per container; every /proc or /sys
 * file is read once per container (host-wide files once per snapshot).
 */
import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import type { Engine } from './engine/connection';
import {
  NAMESPACE_TYPES,
  fact,
  hasProcess,
  isFact,
  isUnavailable,
  unavailable,
  valueOf,
  type ContainerAnatomy,
  type ContainerNamespace,
  type ContainerState,
  type HostAnatomy,
  type HostBridge,
  type HostNamespace,
  type Maybe,
  type NamespaceType,
  type NetworkAnatomy,
  type NetworkAttachment,
  type NetworkModeKind,
  type PortBinding,
  type ProcessAnatomy,
} from './model';
import { readText } from './procfs/files';
import { readNamespaces } from './procfs/ns';
import { readIdMap, readMemTotalBytes, readNSpid, readOnlineCpus, rootIsHostRoot } from './procfs/process';
import { readCgroupLayout, resolveCgroupDirs, type CgroupLayout } from './procfs/cgroup';
import { readCgroupAnatomy } from './procfs/limits';
import { isRootlessEngine, useRootlessKitHost } from './rootless';
import { findHostVeth, readContainerLinks, readHostLinks, type ContainerLink, type LinkInfo } from './procfs/net';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw Engine API JSON */
export type RawInspect = any;
export type RawNetwork = any;

export interface Roots {
  procRoot: string;
  sysRoot: string;
  /** Prefix for absolute paths found in mountinfo (fixture trees); '' on a real host. */
  fsRoot: string;
}

export const REAL_ROOTS: Roots = { procRoot: '/proc', sysRoot: '/sys', fsRoot: '' };

/** What is read once per snapshot and shared by every container in it. */
export interface HostContext {
  roots: Roots;
  /** null when /proc here shows the engine's containers; else why not. */
  notLocal: string | null;
  host: HostAnatomy;
  layout: Maybe<CgroupLayout>;
  hostLinks: Maybe<LinkInfo[]>;
  networks: Map<string, RawNetwork>;
  /** id -> name of every container the engine listed. */
  names: Map<string, string>;
  /** id -> the container list's entry, for containers that cannot be inspected. */
  listed: Map<string, RawInspect>;
  /** Ids of the containers the list showed running or paused. */
  running: Set<string>;
}

const MODE_FIELD: Record<NamespaceType, string | null> = {
  pid: 'PidMode',
  net: 'NetworkMode',
  ipc: 'IpcMode',
  uts: 'UTSMode',
  user: 'UsernsMode',
  cgroup: 'CgroupnsMode',
  mnt: null,
  time: null,
};

function noNamespaces(reason: string): Record<NamespaceType, Maybe<number>> {
  return Object.fromEntries(NAMESPACE_TYPES.map((t) => [t, unavailable(reason)])) as Record<NamespaceType, Maybe<number>>;
}

function endpointNotLocal(engine: Engine): string | null {
  const c = engine.choice;
  if (c.kind === 'unix') return null;
  return `the engine at ${c.endpoint} runs on another machine, so this machine's /proc and /sys do not show its containers`;
}

export async function listNetworks(engine: Engine): Promise<Map<string, RawNetwork>> {
  const list: RawNetwork[] = await engine.listNetworks();
  return new Map(list.map((n) => [n.Id as string, n]));
}

function bridgeName(net: RawNetwork | undefined): string | null {
  if (!net || net.Driver !== 'bridge') return null;
  const opt = net.Options?.['com.docker.network.bridge.name'];
  if (opt) return opt;
  if (net.Name === 'bridge') return 'docker0';
  return `br-${String(net.Id).slice(0, 12)}`;
}

/** Docker's NAT for a network, from its settings: bridges masquerade unless told not to. */
function masqueradeOf(net: RawNetwork | undefined): Maybe<boolean> {
  if (!net) return unavailable('the network is not in the engine\'s network list');
  if (net.Driver !== 'bridge') return fact(false, 'engine');
  const opt = net.Options?.['com.docker.network.bridge.enable_ip_masquerade'];
  return fact(!net.Internal && opt !== 'false', 'engine');
}

function firstIpamConfig(net: RawNetwork | undefined): { Subnet?: string; Gateway?: string } {
  const cfgs: any[] = net?.IPAM?.Config ?? [];
  return cfgs.find((c) => c.Subnet && !String(c.Subnet).includes(':')) ?? cfgs[0] ?? {};
}

async function readHostname(procRoot: string): Promise<Maybe<string>> {
  try {
    return fact((await readFile(`${procRoot}/sys/kernel/hostname`, 'utf8')).trim(), 'procfs');
  } catch (err) {
    return unavailable(`cannot read ${procRoot}/sys/kernel/hostname: ${(err as Error).message}`);
  }
}

/** The reference side: this process's namespaces, PID 1's where readable, cgroups, bridges. */
export async function introspectHost(engine: Engine, roots: Roots = REAL_ROOTS): Promise<HostContext> {
  const notLocal = endpointNotLocal(engine);
  const asked = Promise.all([engine.info(), listNetworks(engine), engine.listContainers(true)]);
  asked.catch(() => undefined); // awaited below; this only keeps the rejection from looking unhandled meanwhile
  // The kernel files are read synchronously (see procfs/files.ts): let the requests go out
  // first, so the engine works on its answers while this thread reads.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const kernel = Promise.all([
    // This machine's namespaces are not the engine host's: for a remote engine they stay unknown.
    notLocal ? Promise.resolve(noNamespaces(notLocal)) : readNamespaces(roots.procRoot, 'self'),
    notLocal ? Promise.resolve(noNamespaces(notLocal)) : readNamespaces(roots.procRoot, 1),
    readCgroupLayout(roots.procRoot),
    notLocal ? Promise.resolve(unavailable(notLocal)) : readHostLinks(roots.sysRoot),
    readMemTotalBytes(roots.procRoot),
    readOnlineCpus(roots.sysRoot),
    readHostname(roots.procRoot),
  ]);
  const [info, networks, list] = await asked;
  const names = new Map<string, string>(list.map((c) => [c.Id, String(c.Names?.[0] ?? c.Id).replace(/^\//, '')]));
  const running = new Set<string>(list.filter((c) => c.State === 'running' || c.State === 'paused').map((c) => c.Id));
  const [self, pid1, layout, hostLinks, memTotal, cpus, hostname] = await kernel;
  const namespaces = {} as Record<NamespaceType, HostNamespace>;
  for (const t of NAMESPACE_TYPES) namespaces[t] = { type: t, inode: self[t], pid1Inode: pid1[t] };

  const engineVersion = info.CgroupVersion ? (`v${info.CgroupVersion}` as 'v1' | 'v2') : null;
  let cgroupVersion: HostAnatomy['cgroup']['version'];
  if (!notLocal && isFact(layout)) cgroupVersion = fact(layout.value.version, 'procfs');
  else if (engineVersion) cgroupVersion = fact(engineVersion, 'engine');
  else cgroupVersion = unavailable('the engine did not report its cgroup version (API < 1.41)');

  const local = notLocal === null;
  const host: HostAnatomy = {
    hostname: local ? hostname : fact(String(info.Name ?? ''), 'engine'),
    namespaces,
    cgroup: {
      version: cgroupVersion,
      driver: info.CgroupDriver ? fact(String(info.CgroupDriver), 'engine') : unavailable('the engine did not report its cgroup driver'),
    },
    bridges: hostBridges(networks, hostLinks, local ? interfaceAddresses() : new Map()),
    memTotalBytes: local && isFact(memTotal) ? memTotal : fact(Number(info.MemTotal ?? 0), 'engine'),
    onlineCpus: local && isFact(cpus) ? cpus : fact(Number(info.NCPU ?? 0), 'engine'),
    engine: {
      endpoint: engine.choice.endpoint,
      context: engine.choice.context,
      apiVersion: engine.apiVersion,
      serverVersion: engine.serverVersion,
      os: String(info.OperatingSystem ?? ''),
      kernelVersion: String(info.KernelVersion ?? ''),
      ncpu: Number(info.NCPU ?? 0),
      memTotalBytes: Number(info.MemTotal ?? 0),
      rootDir: String(info.DockerRootDir ?? ''),
      securityOptions: Array.isArray(info.SecurityOptions) ? info.SecurityOptions.map(String) : [],
      local,
      ...(notLocal ? { localReason: notLocal } : {}),
      cgroupVersion: String(info.CgroupVersion ?? ''),
    },
  };
  const listed = new Map<string, RawInspect>(list.map((c) => [c.Id, c]));
  const engineHost = local && isRootlessEngine(info.SecurityOptions) ? await useRootlessKitHost(host, roots.procRoot, roots.fsRoot, process.env) : host;
  return { roots, notLocal, host: engineHost, layout, hostLinks, networks, names, listed, running };
}

/** IPv4 CIDRs per interface of this process's network namespace (the host's when local). */
export function interfaceAddresses(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, addrs] of Object.entries(networkInterfaces())) {
    const v4 = (addrs ?? []).filter((a) => a.family === 'IPv4' && a.cidr).map((a) => a.cidr as string);
    if (v4.length) out.set(name, v4);
  }
  return out;
}

export function hostBridges(networks: Map<string, RawNetwork>, hostLinks: Maybe<LinkInfo[]>, addrs: Map<string, string[]>): Maybe<HostBridge[]> {
  const links = valueOf(hostLinks, [] as LinkInfo[]);
  const out: HostBridge[] = [];
  const seen = new Set<string>();
  for (const net of networks.values()) {
    const name = bridgeName(net);
    if (!name) continue;
    seen.add(name);
    const ipam = firstIpamConfig(net);
    const prefix = ipam.Subnet?.split('/')[1];
    const addresses = addrs.get(name) ?? (ipam.Gateway && prefix ? [`${ipam.Gateway}/${prefix}`] : []);
    out.push({
      name,
      addresses,
      networkName: String(net.Name),
      networkId: String(net.Id),
      subnet: ipam.Subnet ?? null,
      gateway: ipam.Gateway ?? addresses[0]?.split('/')[0] ?? null,
      ports: links.filter((l) => l.master === name).map((l) => l.name).sort(),
    });
  }
  for (const l of links) {
    if (l.kind !== 'bridge' || seen.has(l.name)) continue;
    out.push({ name: l.name, addresses: addrs.get(l.name) ?? [], networkName: null, networkId: null, subnet: null, gateway: null, ports: links.filter((p) => p.master === l.name).map((p) => p.name).sort() });
  }
  out.sort((a, b) => a.name.localeCompare(b.name));
  return isUnavailable(hostLinks) && out.length === 0 ? hostLinks : fact(out, isFact(hostLinks) ? 'procfs' : 'engine');
}

function stateOf(raw: RawInspect): ContainerState {
  const s = raw.State ?? {};
  if (s.Paused) return 'paused';
  const status = String(s.Status ?? '').toLowerCase();
  const known: ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
  return (known.find((k) => k === status) ?? (s.Running ? 'running' : 'exited')) as ContainerState;
}

function shareTarget(mode: string, names: Map<string, string>): { id: string; name: string | null } | undefined {
  if (!mode.startsWith('container:')) return undefined;
  const ref = mode.slice('container:'.length);
  for (const [id, name] of names) if (id === ref || id.startsWith(ref) || name === ref) return { id, name };
  return { id: ref, name: null };
}

function notRunningReason(state: ContainerState, what: string): string {
  return `the container is ${state}: it has no processes, so there is no ${what} to read until it starts`;
}

async function namespacesOf(
  raw: RawInspect,
  pid: number | null,
  state: ContainerState,
  ctx: HostContext,
): Promise<Record<NamespaceType, ContainerNamespace>> {
  const hc = raw.HostConfig ?? {};
  const out = {} as Record<NamespaceType, ContainerNamespace>;
  const inodes = pid !== null && !ctx.notLocal ? await readNamespaces(ctx.roots.procRoot, pid) : null;
  for (const t of NAMESPACE_TYPES) {
    const field = MODE_FIELD[t];
    const value = field ? String(hc[field] ?? '') : '';
    const sharesWith = shareTarget(value, ctx.names);
    let inode: Maybe<number>;
    if (ctx.notLocal) inode = unavailable(ctx.notLocal);
    else if (!inodes) inode = unavailable(notRunningReason(state, `/proc/PID/ns/${t}`));
    else inode = inodes[t];
    const compare = (other: Maybe<number>, who: string): Maybe<boolean> => {
      if (isUnavailable(inode)) return inode;
      if (isUnavailable(other)) return unavailable(`${who}'s ${t} namespace is unreadable: ${other.unavailable}`);
      return fact(inode.value === other.value, 'procfs');
    };
    out[t] = {
      type: t,
      inode,
      sharedWithHost: compare(ctx.host.namespaces[t].inode, ctx.host.engine.rootless ? 'RootlessKit' : 'this process'),
      sharedWithPid1: compare(ctx.host.namespaces[t].pid1Inode, 'PID 1'),
      mode: { field, value, ...(sharesWith ? { sharesWith } : {}) },
      sharedWithContainers: [],
    };
  }
  return out;
}

async function processOf(raw: RawInspect, pid: number | null, state: ContainerState, ctx: HostContext): Promise<ProcessAnatomy> {
  const hostname: Maybe<string> = raw.Config?.Hostname ? fact(String(raw.Config.Hostname), 'engine') : unavailable('the engine did not report a hostname');
  if (pid === null) {
    const why = unavailable(notRunningReason(state, 'process'));
    return { hostPid: why, nspid: why, uidMap: why, gidMap: why, rootIsHostRoot: why, hostname };
  }
  const hostPid = fact(pid, 'engine');
  if (ctx.notLocal) {
    const why = unavailable(ctx.notLocal);
    return { hostPid, nspid: why, uidMap: why, gidMap: why, rootIsHostRoot: why, hostname };
  }
  const [nspid, uidMap, gidMap] = await Promise.all([
    readNSpid(ctx.roots.procRoot, pid),
    readIdMap(ctx.roots.procRoot, pid, 'uid_map'),
    readIdMap(ctx.roots.procRoot, pid, 'gid_map'),
  ]);
  const rootIs: Maybe<boolean> = isFact(uidMap) ? fact(rootIsHostRoot(uidMap.value), 'procfs') : uidMap;
  return { hostPid, nspid, uidMap, gidMap, rootIsHostRoot: rootIs, hostname };
}

function portsOf(raw: RawInspect): { ports: PortBinding[]; exposedOnly: string[] } {
  const ports: PortBinding[] = [];
  const published = new Set<string>();
  for (const [key, bindings] of Object.entries<any>(raw.NetworkSettings?.Ports ?? {})) {
    const [port, protocol = 'tcp'] = key.split('/');
    if (!Array.isArray(bindings) || bindings.length === 0) continue;
    published.add(key);
    for (const b of bindings) {
      ports.push({ containerPort: Number(port), protocol, hostIp: String(b.HostIp ?? ''), hostPort: Number(b.HostPort) });
    }
  }
  const exposedOnly = Object.keys(raw.Config?.ExposedPorts ?? {}).filter((k) => !published.has(k)).sort();
  return { ports, exposedOnly };
}

function modeKind(rawMode: string, drivers: string[]): NetworkModeKind {
  if (rawMode === 'host') return 'host';
  if (rawMode === 'none') return 'none';
  if (rawMode.startsWith('container:')) return 'container';
  for (const d of ['macvlan', 'ipvlan', 'overlay', 'bridge'] as const) if (drivers.includes(d)) return d;
  if (rawMode === 'default' || rawMode === 'bridge') return 'bridge';
  return drivers.length ? 'other' : 'bridge';
}

/** Which of the container's interfaces carries this attachment: by MAC, then by IPv4 address. */
function linkFor(links: ContainerLink[], mac: string, ip: string): ContainerLink | undefined {
  return (mac ? links.find((l) => l.mac?.toLowerCase() === mac.toLowerCase()) : undefined) ?? (ip ? links.find((l) => l.ipv4.includes(ip)) : undefined);
}

async function networkOf(raw: RawInspect, pid: number | null, state: ContainerState, ctx: HostContext): Promise<NetworkAnatomy> {
  const rawMode = String(raw.HostConfig?.NetworkMode ?? '');
  const attached = Object.entries<any>(raw.NetworkSettings?.Networks ?? {});
  const drivers = attached.map(([, ep]) => ctx.networks.get(ep.NetworkID)?.Driver).filter(Boolean);
  const mode = modeKind(rawMode, drivers);
  const { ports, exposedOnly } = portsOf(raw);

  let links: Maybe<ContainerLink[]>;
  if (ctx.notLocal) links = unavailable(ctx.notLocal);
  else if (pid === null) links = unavailable(notRunningReason(state, 'network interface'));
  else if (mode === 'host') links = unavailable('the container uses the host network namespace: it has no interface of its own');
  else links = await readContainerLinks(ctx.roots.procRoot, pid);

  const networks: NetworkAttachment[] = attached.map(([name, ep]) => {
    const net = ctx.networks.get(ep.NetworkID);
    const ipam = firstIpamConfig(net);
    const bridge = bridgeName(net);
    const driver = net?.Driver ? fact(String(net.Driver), 'engine') : unavailable(`network ${name} is not in the engine's network list`);
    const str = (v: unknown, what: string): Maybe<string> =>
      v ? fact(String(v), 'engine') : unavailable(mode === 'host' ? `no ${what}: the container uses the host's network stack` : pid === null ? `no ${what} while the container is ${state}: addresses are assigned when it starts` : `the engine reports no ${what} for this network`);
    const ipAddress = str(ep.IPAddress, 'IP address');
    const mac = String(ep.MacAddress ?? '');
    let containerInterface: NetworkAttachment['containerInterface'];
    let hostVeth: NetworkAttachment['hostVeth'];
    if (isUnavailable(links)) {
      containerInterface = links;
      hostVeth = links;
    } else {
      const link = linkFor(links.value, mac, String(ep.IPAddress ?? ''));
      if (!link) {
        containerInterface = unavailable(`no interface inside the container carries ${mac || ep.IPAddress || 'this network'}`);
        hostVeth = containerInterface;
      } else {
        if (bridge === null) {
          hostVeth = unavailable(
            net?.Driver === 'macvlan' || net?.Driver === 'ipvlan'
              ? `a ${net.Driver} interface hangs directly off a host NIC${link.iflink !== null ? ` (ifindex ${link.iflink})` : ''}; there is no veth pair and no bridge`
              : `the ${net?.Driver ?? 'unknown'} driver does not put a veth into this machine's network namespace`,
          );
        } else {
          hostVeth = isFact(ctx.hostLinks) ? findHostVeth(link, ctx.hostLinks.value, bridge) : ctx.hostLinks;
        }
        // Without root the container's own sysfs is out of reach and iflink is unknown; the
        // host veth found by its iflink pointing at this ifindex pins it down.
        const iflink = link.iflink ?? (isFact(hostVeth) ? hostVeth.value.ifindex : null);
        containerInterface = fact({ name: link.name, ifindex: link.ifindex, iflink }, 'procfs');
      }
    }
    const ipv6: Maybe<string | null> = fact(ep.GlobalIPv6Address ? String(ep.GlobalIPv6Address) : null, 'engine');
    return {
      name,
      networkId: String(ep.NetworkID ?? ''),
      driver,
      bridge: bridge ? fact(bridge, 'engine') : unavailable(net?.Driver ? `the ${net.Driver} driver uses no Linux bridge` : `network ${name} is unknown to the engine`),
      subnet: ipam.Subnet ? fact(ipam.Subnet, 'engine') : unavailable(`network ${name} has no IPv4 subnet`),
      ipAddress,
      prefixLength: ep.IPPrefixLen ? fact(Number(ep.IPPrefixLen), 'engine') : unavailable(`no prefix length without an address`),
      gateway: str(ep.Gateway, 'gateway'),
      macAddress: str(ep.MacAddress, 'MAC address'),
      ipv6Address: ipv6,
      containerInterface,
      hostVeth,
      masquerade: masqueradeOf(net),
      aliases: Array.isArray(ep.Aliases) ? ep.Aliases.map(String) : [],
    };
  });
  networks.sort((a, b) => a.name.localeCompare(b.name));
  const sharesWith = shareTarget(rawMode, ctx.names);
  return { mode, rawMode, ...(sharesWith ? { sharesWith } : {}), networks, ports, exposedOnly };
}

/** True when /proc/PID on this machine belongs to this container (its cgroup path names the id). */
async function pidIsThisContainer(ctx: HostContext, pid: number, id: string): Promise<Maybe<true>> {
  // Through the snapshot's read cache: resolveCgroupDirs reads the same file next.
  const r = await readText(`${ctx.roots.procRoot}/${pid}/cgroup`);
  if (r.ok) {
    if (r.text.includes(id)) return fact(true, 'procfs');
    return unavailable(
      `PID ${pid} on this machine is not this container (its cgroup does not name ${id.slice(0, 12)}): the engine probably runs in a VM (Docker Desktop) or another PID namespace`,
    );
  }
  if (r.code === 'ENOENT') return unavailable(`no process ${pid} on this machine: the engine runs elsewhere (a VM or another PID namespace), or the container just stopped`);
  return unavailable(`cannot read ${ctx.roots.procRoot}/${pid}/cgroup: ${r.message}`);
}

export async function introspectContainer(raw: RawInspect, ctx: HostContext): Promise<ContainerAnatomy> {
  const readAt = new Date().toISOString();
  const id = String(raw.Id);
  const state = stateOf(raw);
  const rawPid = Number(raw.State?.Pid ?? 0);
  const running = rawPid > 0 && hasProcess(state);
  let pid = running ? rawPid : null;
  let local = ctx;
  if (pid !== null && !ctx.notLocal) {
    const check = await pidIsThisContainer(ctx, pid, id);
    if (isUnavailable(check)) local = { ...ctx, notLocal: check.unavailable };
  }
  const labels: Record<string, string> = { ...(raw.Config?.Labels ?? {}) };
  const [namespaces, proc, network] = await Promise.all([
    namespacesOf(raw, pid, state, local),
    processOf(raw, pid, state, local),
    networkOf(raw, pid, state, local),
  ]);
  let dirs: Maybe<Record<string, string>>;
  if (local.notLocal) dirs = unavailable(local.notLocal);
  else if (pid === null) dirs = unavailable(notRunningReason(state, 'cgroup'));
  else if (isUnavailable(ctx.layout)) dirs = ctx.layout;
  else dirs = await resolveCgroupDirs(ctx.roots.procRoot, pid, ctx.layout.value, ctx.roots.fsRoot);
  if (pid !== null && local.notLocal) pid = rawPid; // the engine's PID is still a fact, of another machine
  const cgroup = await readCgroupAnatomy({
    layout: isFact(ctx.layout) ? ctx.layout.value : { version: 'v2', mounts: [] },
    dirs,
    hostConfig: raw.HostConfig ?? {},
    memTotalBytes: ctx.host.memTotalBytes,
    onlineCpus: ctx.host.onlineCpus,
    running: pid !== null && !local.notLocal,
    fsRoot: ctx.roots.fsRoot,
    engineCgroupVersion: ctx.host.engine.cgroupVersion,
  });
  const compose = labels['com.docker.compose.project']
    ? { project: labels['com.docker.compose.project'], service: labels['com.docker.compose.service'] ?? '' }
    : null;
  const st = raw.State ?? {};
  return {
    id,
    name: String(raw.Name ?? id).replace(/^\//, ''),
    image: String(raw.Config?.Image ?? raw.Image ?? ''),
    imageId: String(raw.Image ?? ''),
    state,
    status: String(st.Status ?? ''),
    created: String(raw.Created ?? ''),
    pid: running ? fact(rawPid, 'engine') : unavailable(notRunningReason(state, 'process ID')),
    labels,
    compose,
    swarmService: labels['com.docker.swarm.service.name'] ?? null,
    namespaces,
    process: proc,
    cgroup,
    network,
    networks: network.networks,
    exit:
      state === 'exited' || state === 'dead'
        ? { code: Number(st.ExitCode ?? 0), oomKilled: Boolean(st.OOMKilled), finishedAt: String(st.FinishedAt ?? '') }
        : null,
    readAt,
    usageReadAt: readAt,
  };
}

/** A container seen only for linking: its name and namespace inodes. */
export interface LinkPeer {
  id: string;
  name: string;
  inodes: Partial<Record<NamespaceType, number>>;
}

export function peerOf(c: ContainerAnatomy): LinkPeer {
  const inodes: Partial<Record<NamespaceType, number>> = {};
  for (const t of NAMESPACE_TYPES) {
    const ino = c.namespaces[t].inode;
    if (isFact(ino)) inodes[t] = ino.value;
  }
  return { id: c.id, name: c.name, inodes };
}

/** Reads just enough of a running container to know which namespaces it holds. */
export async function readPeer(raw: RawInspect, ctx: HostContext): Promise<LinkPeer | null> {
  const pid = Number(raw.State?.Pid ?? 0);
  if (!pid || ctx.notLocal) return null;
  const ns = await readNamespaces(ctx.roots.procRoot, pid);
  const inodes: Partial<Record<NamespaceType, number>> = {};
  for (const t of NAMESPACE_TYPES) if (isFact(ns[t])) inodes[t] = ns[t].value;
  return { id: String(raw.Id), name: String(raw.Name ?? raw.Id).replace(/^\//, ''), inodes };
}

/**
 * Cross-container facts that need the whole set: who else holds the same namespace inode,
 * and donor names for container:<id> modes (a rename changes them). Namespaces that are the
 * host's own are not listed as shared between containers: "shared with host" says it.
 * `peers` are containers not in the list that still count as sharers (e.g. when the CLI
 * shows only some containers).
 */
export function linkContainers(containers: ContainerAnatomy[], host?: HostAnatomy, peers: LinkPeer[] = []): void {
  const all = [...containers.map(peerOf), ...peers.filter((p) => !containers.some((c) => c.id === p.id))];
  const names = new Map(all.map((c) => [c.id, c.name]));
  for (const t of NAMESPACE_TYPES) {
    const hostIno = host?.namespaces[t].inode;
    const byInode = new Map<number, string[]>();
    for (const p of all) {
      const ino = p.inodes[t];
      if (ino !== undefined && !(isFact(hostIno) && hostIno.value === ino)) byInode.set(ino, [...(byInode.get(ino) ?? []), p.name]);
    }
    for (const c of containers) {
      const ino = c.namespaces[t].inode;
      c.namespaces[t].sharedWithContainers = isFact(ino) ? (byInode.get(ino.value) ?? []).filter((n) => n !== c.name).sort() : [];
      const sw = c.namespaces[t].mode.sharesWith;
      if (sw) sw.name = names.get(sw.id) ?? sw.name;
    }
  }
  for (const c of containers) {
    const sw = c.network.sharesWith;
    if (sw) sw.name = names.get(sw.id) ?? sw.name;
  }
}
