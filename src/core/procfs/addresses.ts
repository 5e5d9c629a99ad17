/**
 * IPv4 addresses of a network namespace from /proc/PID/net, readable without ptrace rights:
 * fib_trie lists the namespace's own addresses ("/32 host LOCAL"), and route ties each to
 * the interface whose connected subnet holds it.
 */
import { endianness } from 'os';
import * as path from 'path';
import { cutShort, readTextSync } from './files';

export interface RouteEntry {
  iface: string;
  destination: string;
  gateway: string;
  mask: string;
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
    out.push({ iface: f[0], destination, gateway, mask });
  }
  return out;
}

/** The addresses fib_trie marks "/32 host LOCAL": the namespace's own IPv4 addresses. */
export function parseFibTrieLocal(text: string): string[] {
  const out = new Set<string>();
  let current: string | null = null;
  for (const line of text.split('\n')) {
    const leaf = /^[\s|]*\|-- (\d{1,3}(?:\.\d{1,3}){3})\s*$/.exec(line);
    if (leaf) {
      current = leaf[1];
      continue;
    }
    if (/^\s*\/32 host LOCAL\s*$/.test(line) && current !== null) out.add(current);
    else if (/^\s*\+--/.test(line) || /^\S/.test(line)) current = null;
  }
  return [...out];
}

function toInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

function maskBits(mask: string): number {
  return toInt(mask).toString(2).replace(/0/g, '').length;
}

/**
 * Interface name -> its IPv4 addresses, or a reason when the files cannot be read. With
 * `cidr`, each address carries the prefix of the connected route that holds it ("172.17.0.1/16").
 */
export async function interfaceAddresses(netDir: string, cidr = false): Promise<Map<string, string[]> | string> {
  const trie = readTextSync(path.join(netDir, 'fib_trie'));
  if (!trie.ok) return trie.reason;
  const route = readTextSync(path.join(netDir, 'route'));
  if (!route.ok) return route.reason;
  const cut = cutShort(path.join(netDir, 'fib_trie'), trie.text) ?? cutShort(path.join(netDir, 'route'), route.text);
  if (cut) return cut;
  const routes = parseRouteTable(route.text).filter((r) => r.gateway === '0.0.0.0' && r.mask !== '0.0.0.0');
  const out = new Map<string, string[]>();
  const add = (iface: string, ip: string) => out.set(iface, [...(out.get(iface) ?? []), ip]);
  for (const ip of parseFibTrieLocal(trie.text)) {
    // Loopback addresses live in the local table only, never in /proc/net/route.
    if (ip.startsWith('127.')) {
      add('lo', cidr ? `${ip}/8` : ip);
      continue;
    }
    let best: RouteEntry | null = null;
    for (const r of routes) {
      const m = toInt(r.mask);
      // Compare as unsigned 32-bit values.
      if (((toInt(ip) & m) >>> 0) === ((toInt(r.destination) & m) >>> 0) && (!best || maskBits(r.mask) > maskBits(best.mask))) best = r;
    }
    if (best) add(best.iface, cidr ? `${ip}/${maskBits(best.mask)}` : ip);
  }
  return out;
}
