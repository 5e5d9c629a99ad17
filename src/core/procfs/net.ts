/**
 * Network interfaces on both sides of a veth pair. A container's eth0 has `iflink` equal to
 * the ifindex of its host-side peer (and the reverse), and ifindex is unique within one
 * network namespace.
 */
import * as path from 'path';
import { fact, unavailable, type HostVeth, type Maybe } from '../model';
import { files, joinPath, listDirSync, parseUint, readTextSync } from './files';
import { interfaceAddresses } from './addresses';
import { parseNetDevNames } from './sees';
import { compareNames } from '../order';

export { parseRouteTable, parseFibTrieLocal } from './addresses';

export interface LinkInfo {
  name: string;
  ifindex: number;
  iflink: number;
  master: string | null;
  kind: 'veth' | 'bridge' | 'loopback' | 'other';
}

const ARPHRD_ETHER = 1;
const ARPHRD_LOOPBACK = 772;

function readSmall(file: string): string | null {
  const r = readTextSync(file);
  return r.ok ? r.text.trim() : null;
}

/** The name a sysfs link points at; null when there is none (no master: not enslaved to a bridge or bond). */
function readLink(file: string): string | null {
  const target = files().readLink(file);
  return target === null ? null : path.basename(target);
}

/**
 * sysfs has no "veth" marker (its uevent carries no DEVTYPE, unlike bridge or vlan), so a
 * veth is recognised by shape: an Ethernet device whose iflink points at another ifindex
 * (its peer) and that has no lower_* device (macvlan, ipvlan and vlan devices do, pointing
 * at their parent NIC).
 */
function kindOf(type: number | null, devtype: string | null, hasBridgeDir: boolean, ifindex: number, iflink: number, entries: string[]): LinkInfo['kind'] {
  if (type === ARPHRD_LOOPBACK) return 'loopback';
  if (hasBridgeDir || devtype === 'bridge') return 'bridge';
  if (type === ARPHRD_ETHER && devtype === null && iflink !== ifindex && !entries.some((e) => e.startsWith('lower_'))) return 'veth';
  return 'other';
}

function readOneHostLink(dir: string, name: string): LinkInfo | string {
  const d = joinPath(dir, name);
  const entries = listDirSync(d);
  if (!entries.ok) return entries.reason;
  // A net device's uevent carries its IFINDEX (and DEVTYPE when it has one): the ifindex file
  // is read only when it does not. With hundreds of veths, every file per link counts.
  const uevent = (readSmall(joinPath(d, 'uevent'))) ?? '';
  const ifindex = parseUint(/^IFINDEX=(.*)$/m.exec(uevent)?.[1] ?? readSmall(joinPath(d, 'ifindex')) ?? '');
  const iflink = parseUint((readSmall(joinPath(d, 'iflink'))) ?? '');
  if (ifindex === null || iflink === null) return `${d}: ifindex or iflink is missing or not a number`;
  const type = parseUint((readSmall(joinPath(d, 'type'))) ?? '');
  const devtype = /^DEVTYPE=(.+)$/m.exec(uevent)?.[1] ?? null;
  return {
    name,
    ifindex,
    iflink,
    master: entries.names.includes('master') ? readLink(joinPath(d, 'master')) : null,
    kind: kindOf(type, devtype, entries.names.includes('bridge'), ifindex, iflink, entries.names),
  };
}

/** Every interface in <sysRoot>/class/net (the network namespace that mounted this sysfs). */
const HOST_LINKS_PER_TURN = 16;

export async function readHostLinks(sysRoot: string): Promise<Maybe<LinkInfo[]>> {
  const dir = joinPath(sysRoot, 'class', 'net');
  const names = listDirSync(dir);
  if (!names.ok) return unavailable(names.reason);
  const out: LinkInfo[] = [];
  for (const [i, name] of names.names.entries()) {
    // The reads are synchronous and a host with 200 containers has 200 veths (about 0.3 ms
    // each): give the event loop a turn every few, so this is not one long stretch.
    if (i > 0 && i % HOST_LINKS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const l = readOneHostLink(dir, name);
    // An interface can vanish between readdir and read (a container stopping): skip only that.
    if (typeof l === 'string') {
      if (files().exists(joinPath(dir, name))) return unavailable(l);
      continue;
    }
    out.push(l);
  }
  return fact(out, 'procfs');
}

export interface ContainerLink {
  name: string;
  ifindex: number;
  /** The peer's ifindex; null when read without privilege (dev_mcast/igmp give no iflink). */
  iflink: number | null;
  mac: string | null;
  ipv4: string[];
  /** Why `ipv4` could not be filled in, when it could not. */
  ipv4Unavailable?: string;
}

/** Every interface in the container's own sysfs at /proc/PID/root/sys (needs ptrace rights on PID). */
function linksFromSysfs(procRoot: string, pid: number, netDevNames: string[] | null): ContainerLink[] | string {
  const dir = joinPath(procRoot, String(pid), 'root', 'sys', 'class', 'net');
  const names = listDirSync(dir);
  if (!names.ok) return names.reason;
  // sysfs shows the namespace of whoever mounted it; check it is the container's own.
  if (netDevNames && names.names.join(' ') !== [...netDevNames].sort().join(' ')) {
    return `${dir} lists ${names.names.join(', ')} but ${joinPath(procRoot, String(pid), 'net', 'dev')} lists ${netDevNames.join(', ')}: that sysfs is not the container's network namespace`;
  }
  const out: ContainerLink[] = [];
  for (const name of names.names) {
    const d = joinPath(dir, name);
    const mac = readSmall(joinPath(d, 'address'));
    const ifindex = parseUint((readSmall(joinPath(d, 'ifindex'))) ?? '');
    const iflink = parseUint((readSmall(joinPath(d, 'iflink'))) ?? '');
    if (ifindex === null || iflink === null) return `${d}: ifindex or iflink is missing or not a number`;
    out.push({ name, ifindex, iflink, mac: mac === '' ? null : mac, ipv4: [] });
  }
  return out;
}

/**
 * The interfaces carrying the engine's MACs, looked up by the names the container's own
 * /proc/PID/net/dev lists (its network namespace), in its sysfs; null unless every MAC is
 * found. A MAC the engine gave this container, read under a name of its own namespace, is
 * the container's interface: a sysfs of another namespace (a bind-mounted host /sys) shows
 * other MACs and falls through to the full read, which checks the listing. Reads stop at the
 * last MAC found, and the loopback comes last: one interface costs three reads.
 */
function linksByMac(procRoot: string, pid: number, netDevNames: readonly string[], wanted: ReadonlySet<string>): ContainerLink[] | null {
  const dir = joinPath(procRoot, String(pid), 'root', 'sys', 'class', 'net');
  const out: ContainerLink[] = [];
  const names = [...netDevNames.filter((n) => n !== 'lo'), ...netDevNames.filter((n) => n === 'lo')];
  for (const name of names) {
    const d = joinPath(dir, name);
    const mac = readSmall(joinPath(d, 'address'));
    if (mac === null || !wanted.has(mac.toLowerCase()) || out.some((l) => l.mac === mac)) continue;
    const ifindex = parseUint((readSmall(joinPath(d, 'ifindex'))) ?? '');
    const iflink = parseUint((readSmall(joinPath(d, 'iflink'))) ?? '');
    if (ifindex === null || iflink === null) return null;
    out.push({ name, ifindex, iflink, mac, ipv4: [] });
    if (out.length === wanted.size) return out.sort((a, b) => compareNames(a.name, b.name));
  }
  return null;
}

/** "ifindex name" pairs from /proc/PID/net/igmp and dev_mcast, readable without privilege. */
export function parseIfindexNames(igmp: string | null, devMcast: string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of (igmp ?? '').split('\n')) {
    const m = /^(\d+)\s+(\S+)\s*:/.exec(line);
    if (m) out.set(m[2], Number(m[1]));
  }
  for (const line of (devMcast ?? '').split('\n')) {
    const m = /^(\d+)\s+(\S+)\s+\d+\s+\d+\s+[0-9a-fA-F]+\s*$/.exec(line);
    if (m) out.set(m[2], Number(m[1]));
  }
  return out;
}

function linksFromProcNet(procRoot: string, pid: number, netDevNames: string[] | null, sysfsWhy: string): Maybe<ContainerLink[]> {
  const base = joinPath(procRoot, String(pid), 'net');
  const igmp = readTextSync(joinPath(base, 'igmp'));
  const mcast = readTextSync(joinPath(base, 'dev_mcast'));
  if (!igmp.ok && !mcast.ok) return unavailable(`${sysfsWhy}; and ${igmp.reason}`);
  const byName = parseIfindexNames(igmp.ok ? igmp.text : null, mcast.ok ? mcast.text : null);
  const names = netDevNames ?? [...byName.keys()];
  const out: ContainerLink[] = [];
  // Interfaces without multicast (rare; e.g. some tunnels) are missing from both files.
  for (const name of names) {
    const ifindex = byName.get(name);
    if (ifindex !== undefined) out.push({ name, ifindex, iflink: null, mac: null, ipv4: [] });
  }
  if (out.length === 0) return unavailable(`${sysfsWhy}; and ${base}/igmp and dev_mcast name no interface`);
  return fact(out, 'procfs');
}

/**
 * The container's interfaces. Preferred: its own sysfs through /proc/PID/root (root, or the
 * container's owner). Without that right: ifindex and name from /proc/PID/net/{igmp,dev_mcast},
 * with iflink null. IPv4 addresses from /proc/PID/net/fib_trie and route in both cases.
 *
 * `macs`: the MACs the engine gave the container's attachments. When the sysfs shows an
 * interface for each of them, only those interfaces are returned and the addresses are not
 * read (an attachment is found by its MAC first; the address is only the fallback), with
 * `ipv4Unavailable` saying so. Otherwise every interface is read as without it.
 */
export function readContainerLinks(procRoot: string, pid: number, macs: readonly string[] = []): Maybe<ContainerLink[]> {
  const devFile = joinPath(procRoot, String(pid), 'net', 'dev');
  const dev = readTextSync(devFile);
  if (!dev.ok && dev.code === 'ENOENT') return unavailable(`${devFile} does not exist: process ${pid} has exited`);
  const netDevNames = dev.ok ? parseNetDevNames(dev.text) : null;
  const wanted = new Set(macs.map((m) => m.toLowerCase()));
  if (netDevNames && wanted.size > 0 && !wanted.has('')) {
    const found = linksByMac(procRoot, pid, netDevNames, wanted);
    if (found) {
      for (const l of found) l.ipv4Unavailable = 'not read: the interface was found by its MAC address';
      return fact(found, 'procfs');
    }
  }
  // The reads above went through the snapshot's read cache: reading them again here costs nothing.
  const fromSys = linksFromSysfs(procRoot, pid, netDevNames);
  let links: ContainerLink[];
  if (typeof fromSys === 'string') {
    const fallback = linksFromProcNet(procRoot, pid, netDevNames, fromSys);
    if (!('value' in fallback)) return fallback;
    links = fallback.value;
  } else {
    links = fromSys;
  }
  const addrs = interfaceAddresses(joinPath(procRoot, String(pid), 'net'));
  for (const l of links) {
    if (typeof addrs === 'string') l.ipv4Unavailable = addrs;
    else l.ipv4 = addrs.get(l.name) ?? [];
  }
  return fact(links, 'procfs');
}

/**
 * The host veth paired with a container link: its iflink is the container link's ifindex
 * (and, when the container side's iflink is known, its ifindex is that iflink).
 */
export function findHostVeth(link: ContainerLink, hostLinks: LinkInfo[], bridge: string | null): Maybe<HostVeth> {
  if (link.iflink !== null && link.iflink === link.ifindex) {
    return unavailable(`${link.name} is linked to itself (iflink ${link.iflink} = ifindex): it is not one end of a veth pair`);
  }
  let matches = hostLinks.filter((h) => h.iflink === link.ifindex && h.iflink !== h.ifindex && h.kind !== 'loopback');
  if (link.iflink !== null) matches = matches.filter((h) => h.ifindex === link.iflink);
  if (matches.length === 0) {
    const hint = link.iflink !== null && hostLinks.some((h) => h.ifindex === link.iflink && h.kind !== 'veth')
      ? `; host interface ${hostLinks.find((h) => h.ifindex === link.iflink)?.name} is its parent, as for macvlan or ipvlan`
      : '';
    return unavailable(`no host interface has iflink ${link.ifindex}${link.iflink !== null ? ` and ifindex ${link.iflink}` : ''}: ` +
      `the peer of ${link.name} is not in the host's network namespace (host, none, macvlan or overlay networking)${hint}`);
  }
  if (bridge !== null && (matches.length > 1 || link.iflink === null)) {
    // Without the container's iflink an ifindex match alone can be another namespace's
    // interface: only a veth on the network's own bridge is this link's peer.
    const onBridge = matches.filter((h) => h.master === bridge);
    if (onBridge.length === 0 && link.iflink === null) {
      return unavailable(`no host interface with iflink ${link.ifindex} is a port of ${bridge}: the peer of ${link.name} cannot be told without the container's iflink (readable as root)`);
    }
    if (onBridge.length > 0) matches = onBridge;
  }
  if (matches.length > 1) {
    return unavailable(`${matches.map((m) => m.name).join(', ')} all have iflink ${link.ifindex}: ifindex values repeat across network ` +
      `namespaces and the container's iflink is unknown without root, so the peer of ${link.name} cannot be told apart`);
  }
  const h = matches[0];
  return fact({ name: h.name, ifindex: h.ifindex, master: h.master }, 'procfs');
}
