/**
 * The reference side of a snapshot: the engine's host. Its namespaces, cgroup layout, links,
 * memory and CPUs come from /proc and /sys when those show the engine's host; otherwise from
 * what the engine reports about itself.
 */
import { networkInterfaces } from 'node:os';
import type { Engine } from '../engine/connection';
import {
  NAMESPACE_TYPES,
  fact,
  isFact,
  isUnavailable,
  unavailable,
  valueOf,
  type HostAnatomy,
  type HostBridge,
  type HostNamespace,
  type Maybe,
  type NamespaceType,
  type ProcessAnatomy,
} from '../model';
import { ipv4ByInterface } from '../procfs/addresses';
import { readCgroupLayout } from '../procfs/cgroup';
import { readText } from '../procfs/files';
import { readNamespaces } from '../procfs/ns';
import { readHostLinks, type LinkInfo } from '../procfs/net';
import { readIdMap, readMemTotalBytes, readNSpid, readOnlineCpus, rootIsHostRoot } from '../procfs/process';
import { isRootlessEngine, useRootlessKitHost } from '../rootless';
import { REAL_ROOTS, type HostContext, type RawInspect, type RawNetwork, type Roots } from './context';
import { bridgeName, firstIpamConfig } from './network';
import { BRIDGE_ON_DEMAND, normalisePodmanInspect, podmanNetworks } from './podman';
import { GWBRIDGE } from '../swarm/overlay';
import { inTurn } from '../pool';
import { compareNames } from '../order';

export function endpointNotLocal(engine: Engine): string | null {
  const c = engine.choice;
  if (c.kind === 'unix') return null;
  return `the engine at ${c.endpoint} runs on another machine, so this machine's /proc and /sys do not show its containers`;
}

/** The host's links again (new veths after a start), through the helper when the snapshot used it. */
export function rereadHostLinks(ctx: HostContext): Promise<Maybe<LinkInfo[]>> {
  return ctx.reader ? ctx.reader.run(() => readHostLinks(ctx.roots.sysRoot), false) : readHostLinks(ctx.roots.sysRoot);
}

export async function listNetworks(engine: Engine): Promise<Map<string, RawNetwork>> {
  const list: RawNetwork[] = await engine.listNetworks();
  const normalised = engine.kind === 'podman' ? await podmanNetworks(engine, list) : list;
  return new Map(await Promise.all(normalised.map(async (n): Promise<[string, RawNetwork]> => [n.Id as string, await withMembers(engine, n)])));
}

/**
 * docker_gwbridge inspected, so its Containers (the Swarm tasks' gateway legs, which their own
 * NetworkSettings leave out) are known; the list leaves Containers empty. Every other network
 * as listed. A failed inspect leaves the listed entry: the gateway legs are then not shown.
 */
async function withMembers(engine: Engine, n: RawNetwork): Promise<RawNetwork> {
  if (n?.Name !== GWBRIDGE) return n;
  return engine.inspectNetwork(String(n.Id)).catch(() => n);
}

async function readHostname(procRoot: string): Promise<Maybe<string>> {
  const r = await readText(`${procRoot}/sys/kernel/hostname`);
  return r.ok ? fact(r.text.trim(), 'procfs') : unavailable(`cannot read ${procRoot}/sys/kernel/hostname: ${r.message}`);
}

/** What the engine says that every snapshot needs: /info, the networks, the container list. */
export interface EngineAnswers {
  info: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw Engine API JSON
  networks: Map<string, RawNetwork>;
  list: any[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw Engine API JSON
}

/** The engine's info, networks and containers; `onList` is told the list as soon as it is in. */
export function askEngine(engine: Engine, onList?: (list: EngineAnswers['list']) => void): Promise<EngineAnswers> {
  const listed = engine.listContainers(true);
  // What onList does with the list is its own: a failure there must not fail the answers.
  if (onList) listed.then(onList).catch(() => undefined);
  const asked = Promise.all([engine.info(), listNetworks(engine), listed]).then(([info, networks, list]) => ({ info, networks, list }));
  asked.catch(() => undefined); // awaited by the caller; this only keeps the rejection from looking unhandled meanwhile
  return asked;
}

export interface HostReadOptions {
  /** The engine's answers, when already asked for. */
  answers?: Promise<EngineAnswers>;
  /** Why this machine's files do not show the engine's host; default: decided by the endpoint alone. */
  notLocal?: string | null;
  /** The files are the engine's host's, read by the helper container (helper.ts). */
  helper?: { container: string; image: string };
  /** Why the helper was needed but is not used. */
  helperReason?: string;
  /** This machine's host-side files, when already being read (hostKernel with the same notLocal and helper). */
  kernel?: Promise<HostKernel>;
}

/** The host side's kernel files: namespaces of this process and PID 1, cgroup layout, links, memory, CPUs, hostname, addresses, this process. */
export type HostKernel = Awaited<ReturnType<typeof hostKernel>>;

/** Reads the host side's kernel files; none of them when `notLocal` says they do not show the engine's host. */
export async function hostKernel(roots: Roots, notLocal: string | null, helper: boolean) {
  // The kernel files are read synchronously (see procfs/files.ts): the requests go out first,
  // so the engine works on its answers while this thread reads, and each read below gets its
  // own turn of the event loop (together they were one stretch of over 10 ms at 200
  // containers: mountinfo, getifaddrs, the first host links).
  const why = unavailable(notLocal ?? '');
  return Promise.all([
    notLocal ? null : inTurn(() => readNamespaces(roots.procRoot, 'self')),
    notLocal ? null : inTurn(() => readNamespaces(roots.procRoot, 1)),
    notLocal ? why : inTurn(() => readCgroupLayout(roots.procRoot)),
    notLocal ? why : inTurn(() => readHostLinks(roots.sysRoot)),
    notLocal ? why : inTurn(() => readMemTotalBytes(roots.procRoot)),
    notLocal ? why : inTurn(() => readOnlineCpus(roots.sysRoot)),
    notLocal ? why : inTurn(() => readHostname(roots.procRoot)),
    notLocal ? new Map<string, string[]>() : inTurn(async () => (helper ? hostAddresses(roots.procRoot) : interfaceAddresses())),
    helper ? undefined : inTurn(() => hostProcess(roots.procRoot, notLocal)),
  ] as const);
}

/**
 * The reference side: the namespaces of the host reference process (this process locally,
 * the helper's shim through the helper), PID 1's where readable, cgroups, bridges. When the
 * files do not show the engine's host, none of them is read: the engine's own figures stand.
 */
/** This process as the host side of a comparison: its PID, NSpid and id maps, read like a container's. */
async function hostProcess(procRoot: string, notLocal: string | null): Promise<Omit<ProcessAnatomy, 'hostname'>> {
  if (notLocal) {
    const why = unavailable(notLocal);
    return { hostPid: why, nspid: why, uidMap: why, gidMap: why, rootIsHostRoot: why };
  }
  const [nspid, uidMap, gidMap] = await Promise.all([readNSpid(procRoot, process.pid), readIdMap(procRoot, process.pid, 'uid_map'), readIdMap(procRoot, process.pid, 'gid_map')]);
  const rootIs: Maybe<boolean> = isFact(uidMap) ? fact(rootIsHostRoot(uidMap.value), 'procfs') : uidMap;
  return { hostPid: fact(process.pid, 'procfs'), nspid, uidMap, gidMap, rootIsHostRoot: rootIs };
}

export async function introspectHost(engine: Engine, roots: Roots = REAL_ROOTS, opts: HostReadOptions = {}): Promise<HostContext> {
  const notLocal = opts.notLocal !== undefined ? opts.notLocal : endpointNotLocal(engine);
  const asked = opts.answers ?? askEngine(engine);
  const kernel = opts.kernel ?? hostKernel(roots, notLocal, !!opts.helper);
  const why = unavailable(notLocal ?? '');
  const { info, networks, list } = await asked;
  const names = new Map<string, string>(list.map((c) => [c.Id, String(c.Names?.[0] ?? c.Id).replace(/^\//, '')]));
  const running = new Set<string>(list.filter((c) => c.State === 'running' || c.State === 'paused').map((c) => c.Id));
  const [selfNs, pid1Ns, layout, hostLinks, memTotal, cpus, hostname, addrs, proc] = await kernel;
  const self = selfNs ?? Object.fromEntries(NAMESPACE_TYPES.map((t) => [t, why])) as Record<NamespaceType, Maybe<number>>;
  const pid1 = pid1Ns ?? self;
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
    ...(proc ? { process: { ...proc, hostname: local ? hostname : fact(String(info.Name ?? ''), 'engine') } } : {}),
    namespaces,
    cgroup: {
      version: cgroupVersion,
      driver: info.CgroupDriver ? fact(String(info.CgroupDriver), 'engine') : unavailable('the engine did not report its cgroup driver'),
    },
    bridges: hostBridges(networks, hostLinks, addrs),
    memTotalBytes: local && isFact(memTotal) ? memTotal : fact(Number(info.MemTotal ?? 0), 'engine'),
    onlineCpus: local && isFact(cpus) ? cpus : fact(Number(info.NCPU ?? 0), 'engine'),
    engine: {
      ...(engine.kind === 'podman' ? { kind: engine.kind } : {}),
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
      local: local && !opts.helper,
      ...(notLocal ? { localReason: notLocal } : {}),
      ...(opts.helper ? { helper: opts.helper } : {}),
      ...(opts.helperReason ? { helperReason: opts.helperReason } : {}),
      cgroupVersion: String(info.CgroupVersion ?? ''),
    },
  };
  const listed = new Map<string, RawInspect>(list.map((c) => [c.Id, engine.kind === 'podman' ? normalisePodmanInspect(c, networks) : c]));
  // Through the helper the host reference process is already RootlessKit's child's shim.
  const rootless = local && !opts.helper && isRootlessEngine(info.SecurityOptions);
  const engineHost = rootless ? await useRootlessKitHost(host, roots.procRoot, roots.fsRoot, process.env) : host;
  return { roots, notLocal, host: engineHost, layout, hostLinks, networks, names, listed, running };
}

/** IPv4 CIDRs per interface of the host reference process's network namespace, from its /proc/PID/net. */
async function hostAddresses(procRoot: string): Promise<Map<string, string[]>> {
  const [trie, route] = await Promise.all([readText(`${procRoot}/self/net/fib_trie`), readText(`${procRoot}/self/net/route`)]);
  return trie.ok && route.ok ? ipv4ByInterface(trie.text, route.text) : new Map();
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
    // netavark makes a network's bridge when its first container starts: until then there is none.
    if (net[BRIDGE_ON_DEMAND] && isFact(hostLinks) && !links.some((l) => l.name === name)) continue;
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
  out.sort((a, b) => compareNames(a.name, b.name));
  return isUnavailable(hostLinks) && out.length === 0 ? hostLinks : fact(out, isFact(hostLinks) ? 'procfs' : 'engine');
}

