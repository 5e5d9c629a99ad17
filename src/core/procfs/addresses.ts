/**
 * IPv4 addresses of a network namespace from /proc/PID/net, readable without ptrace rights:
 * fib_trie lists the namespace's own addresses ("/32 host LOCAL"), and route ties each to
 * the interface whose connected subnet holds it.
 */
import { endianness } from 'os';
import { fact, unavailable, type Maybe } from '../model';
import { cutShort, joinPath, readTextSync } from './files';

export interface RouteEntry {
  iface: string;
  destination: string;
  gateway: string;
  mask: string;
  metric: number;
}

/**
 * /proc/net/route prints each address as the raw 32-bit word in hex, i.e. in host byte order:
 * "010011AC" is 172.17.0.1 on a little-endian machine.
 */
export function decodeRouteHex(hex: string, order: 'LE' | 'BE' = endianness()): string | null {
  if (!/^[0-9a-fA-F]{8}$/.test(hex)) return null;
  const bytes = [0, 2, 4, 6].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return (order === 'LE' ? bytes.reverse() : bytes).join('.');
}

/** /proc/net/route decoded to dotted quads; the header and malformed lines are skipped. */
export function parseRouteTable(text: string): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8) continue;
    const destination = decodeRouteHex(f[1]);
    const gateway = decodeRouteHex(f[2]);
    const mask = decodeRouteHex(f[7]);
    if (destination === null || gateway === null || mask === null) continue;
    out.push({ iface: f[0], destination, gateway, mask, metric: Number(f[6]) || 0 });
  }
  return out;
}

/** A network namespace's IPv4 default route: the interface it leaves by, and its gateway (null for a route on the link itself). */
export interface DefaultRoute {
  iface: string;
  gateway: string | null;
}

/**
 * The default route of PID's network namespace from /proc/PID/net/route (readable without
 * ptrace rights); null when it has none. With several, the kernel uses the lowest metric: the
 * first such line among equals, as `ip route` lists it.
 */
export function readDefaultRoute(procRoot: string, pid: number): Maybe<DefaultRoute | null> {
  const file = joinPath(procRoot, String(pid), 'net', 'route');
  const r = readTextSync(file);
  if (!r.ok) return unavailable(r.code === 'ENOENT' ? `${file} does not exist: process ${pid} has exited` : r.reason);
  const cut = cutShort(file, r.text);
  if (cut) return unavailable(cut);
  let best: RouteEntry | null = null;
  for (const route of parseRouteTable(r.text)) {
    if (route.destination === '0.0.0.0' && route.mask === '0.0.0.0' && (!best || route.metric < best.metric)) best = route;
  }
  if (!best) return fact(null, 'procfs');
  return fact({ iface: best.iface, gateway: best.gateway === '0.0.0.0' ? null : best.gateway }, 'procfs');
}

/** One route entry of /proc/net/fib_trie: a leaf address and one of its "/bits scope type" lines. */
export interface TrieEntry {
  address: string;
  bits: number;
  scope: string;
  type: string;
}

export function parseFibTrie(text: string): TrieEntry[] {
  const out: TrieEntry[] = [];
  let current: string | null = null;
  for (const line of text.split('\n')) {
    const leaf = /^[\s|]*\|-- (\d{1,3}(?:\.\d{1,3}){3})\s*$/.exec(line);
    if (leaf) {
      current = leaf[1];
      continue;
    }
    const entry = /^\s*\/(\d{1,2}) (\S+) (\S+)\s*$/.exec(line);
    if (entry && current !== null) out.push({ address: current, bits: Number(entry[1]), scope: entry[2], type: entry[3] });
    else if (/^\s*\+--/.test(line) || /^\S/.test(line)) current = null;
  }
  return out;
}

/** The addresses fib_trie marks "/32 host LOCAL": the namespace's own IPv4 addresses. */
export function parseFibTrieLocal(text: string): string[] {
  return [...new Set(parseFibTrie(text).filter((e) => e.bits === 32 && e.scope === 'host' && e.type === 'LOCAL').map((e) => e.address))];
}

function toInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

function maskBits(mask: string): number {
  return toInt(mask).toString(2).replace(/0/g, '').length;
}

function contains(network: string, bits: number, ip: string): boolean {
  if (bits === 0) return true;
  const shift = 32 - bits;
  return Math.floor(toInt(network) / 2 ** shift) === Math.floor(toInt(ip) / 2 ** shift);
}

/**
 * IPv4 addresses with their prefix, per interface. The namespace's own addresses are the
 * fib_trie leaves marked "/32 host LOCAL"; the prefix is the longest route the kernel made
 * for the address (a "link" or "host" scope entry: 172.17.0.0/16 link, 127.0.0.0/8 host);
 * the interface is the one /proc/net/route gives that subnet (lo for loopback addresses,
 * which live in the local table only).
 */
export function ipv4ByInterface(fibTrie: string, route: string): Map<string, string[]> {
  const entries = parseFibTrie(fibTrie);
  const local = parseFibTrieLocal(fibTrie);
  const subnets = entries.filter((e) => e.bits > 0 && e.bits < 32 && (e.scope === 'link' || e.scope === 'host'));
  const routes = parseRouteTable(route).filter((r) => r.gateway === '0.0.0.0' && r.mask !== '0.0.0.0');
  const out = new Map<string, string[]>();
  for (const ip of local) {
    // No route for it at all (noprefixroute): the address alone, /32.
    let bits = 32;
    for (const s of subnets) if ((bits === 32 || s.bits > bits) && contains(s.address, s.bits, ip)) bits = s.bits;
    let iface: string | undefined;
    if (ip.startsWith('127.')) iface = 'lo';
    else {
      let bestMask = -1;
      for (const r of routes) {
        const rb = maskBits(r.mask);
        if (rb > bestMask && contains(r.destination, rb, ip)) [bestMask, iface] = [rb, r.iface];
      }
    }
    if (iface === undefined) continue;
    out.set(iface, [...(out.get(iface) ?? []), `${ip}/${bits}`]);
  }
  return out;
}

/** Interface name -> its IPv4 addresses (without prefix), or a reason when the files cannot be read. */
export function interfaceAddresses(netDir: string): Map<string, string[]> | string {
  const trie = readTextSync(joinPath(netDir, 'fib_trie'));
  if (!trie.ok) return trie.reason;
  const route = readTextSync(joinPath(netDir, 'route'));
  if (!route.ok) return route.reason;
  const cut = cutShort(joinPath(netDir, 'fib_trie'), trie.text) ?? cutShort(joinPath(netDir, 'route'), route.text);
  if (cut) return cut;
  const out = new Map<string, string[]>();
  for (const [iface, cidrs] of ipv4ByInterface(trie.text, route.text)) out.set(iface, cidrs.map((c) => c.slice(0, c.indexOf('/'))));
  return out;
}
