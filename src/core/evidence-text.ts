/**
 * Evidence in words: one short line per side ("1 process; PID 1 is sleep 3600 …") and what a
 * verdict means for these two sides given what each sees ("different hostnames: web-1 /
 * host"). All prose comes from the catalog (topics `sees.*`); values are inserted as text.
 */
import { explain, type Lang } from './catalog/index';
import { isFact, type IdMapRange, type Maybe, type NamespaceDiffRow, type NamespaceType, type SeesByType, type Side } from './model';

function say(topic: string, lang: Lang, vars: Record<string, string | number>): string {
  return explain(topic, lang, vars)?.summary ?? '';
}

function short(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function processes(n: number, lang: Lang): string {
  return say(n === 1 ? 'sees.count.one' : 'sees.count.many', lang, { n });
}

/** "eth0 172.17.0.2/16": interfaces with addresses (link-local IPv6 left out), loopback last. */
function interfaces(v: SeesByType['net'], lang: Lang, max = 3): string {
  const shown = v.interfaces
    .map((i) => ({ name: i.name, addresses: i.addresses.filter((a) => !a.startsWith('fe80:')) }))
    .filter((i) => i.addresses.length > 0)
    .sort((a, b) => Number(a.name === 'lo') - Number(b.name === 'lo'));
  const parts = shown.slice(0, max).map((i) => `${i.name} ${i.addresses.join(' ')}`);
  const rest = v.interfaces.length - Math.min(shown.length, max);
  if (rest > 0) parts.push(say('sees.more', lang, { n: rest }));
  return parts.join(', ');
}

/** The whole 32-bit id range: a uid_map line of this length maps every id. */
const ALL_IDS = 4294967295;

/** "0→231072 (65536 ids)", and for the identity map "0→0 over the whole 32-bit id range (no remapping)". */
export function idMapText(ranges: IdMapRange[], lang: Lang, sep = ', '): string {
  return ranges.map((r) => say(r.length === ALL_IDS && r.inside === r.outside ? 'sees.idmap.identity' : 'sees.idmap.range', lang, { ...r })).join(sep);
}


function seconds(ns: number): string {
  return `${Number((ns / 1e9).toFixed(3))} s`;
}

function ipcObjects(v: SeesByType['ipc'], lang: Lang): string {
  return say('sees.ipc.line', lang, { shm: v.shm, sem: v.sem, msg: v.msg });
}

type Vars = Record<string, string | number>;

/** The values a side's line and the consequences are worded from, by namespace type. */
function varsOf(type: NamespaceType, v: unknown, lang: Lang): Vars {
  switch (type) {
    case 'pid': {
      const p = v as SeesByType['pid'];
      return { processes: processes(p.processCount, lang), command: short(p.init.command), hostPid: p.init.hostPid };
    }
    case 'net':
      return { interfaces: interfaces(v as SeesByType['net'], lang) };
    case 'uts': {
      const u = v as SeesByType['uts'];
      const domain = u.domainname && u.domainname !== '(none)' ? say('sees.uts.domain', lang, { domainname: u.domainname }) : '';
      return { hostname: u.hostname, domain };
    }
    case 'mnt': {
      const x = v as SeesByType['mnt'];
      return { count: x.mountCount, fstype: x.root.fstype, source: short(x.root.source, 30) };
    }
    case 'ipc': {
      const x = v as SeesByType['ipc'];
      return { shm: x.shm, sem: x.sem, msg: x.msg, objects: ipcObjects(x, lang) };
    }
    case 'user': {
      const x = v as SeesByType['user'];
      return { uidMap: idMapText(x.uidMap, lang), gidMap: idMapText(x.gidMap, lang) };
    }
    case 'cgroup':
      return { path: short((v as SeesByType['cgroup']).path, 48) };
    case 'time': {
      const x = v as SeesByType['time'];
      return { monotonic: seconds(x.monotonicOffsetNs), boottime: seconds(x.boottimeOffsetNs) };
    }
  }
}

/** { hostname } -> { leftHostname }. */
function prefixed(prefix: string, vars: Vars): Vars {
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [prefix + k[0].toUpperCase() + k.slice(1), v]));
}

/** One short line for what a side sees in a namespace of `type`. */
export function seesLine(type: NamespaceType, m: Maybe<unknown> | undefined, lang: Lang): string {
  return isFact(m) ? say(`sees.${type}.line`, lang, varsOf(type, m.value, lang)) : '';
}

/**
 * What the verdict means for these two sides, from what each sees; '' when the verdict is
 * unknown or a side's evidence is missing (each side's line then says why). The catalog
 * entries take the left side's values unprefixed for "same", and leftX / rightX for both.
 */
export function seesConsequence(row: NamespaceDiffRow, left: Side, right: Side, lang: Lang): string {
  const l = row.leftSees;
  const r = row.rightSees;
  if (row.verdict === 'unknown' || !isFact(l) || !isFact(r)) return '';
  const a = varsOf(row.type, l.value, lang);
  const b = varsOf(row.type, r.value, lang);
  const vars: Vars = { left: left.label, right: right.label, ...prefixed('left', a), ...prefixed('right', b) };
  if (row.verdict === 'same') return say(`sees.${row.type}.same`, lang, { ...vars, ...a });
  // A PID namespace sees the ones nested below it: the host's ps lists the container's processes,
  // and so does ps in a container that is in the host's PID namespace (its PID 1 is host PID 1).
  if (row.type === 'pid') {
    const atRoot = (side: Side, v: SeesByType['pid']): boolean => side.kind === 'host' || v.init.hostPid === 1;
    const lRoot = atRoot(left, l.value as SeesByType['pid']);
    const rRoot = atRoot(right, r.value as SeesByType['pid']);
    if (lRoot !== rRoot) {
      const [inner, innerSide, outer, outerSide] = rRoot ? [a, left, b, right] : [b, right, a, left];
      if (outerSide.kind === 'host') return say('sees.pid.different.host', lang, { inner: innerSide.label, innerProcesses: inner.processes, hostProcesses: outer.processes, hostPid: inner.hostPid });
      return say('sees.pid.different.hostns', lang, { inner: innerSide.label, innerProcesses: inner.processes, outer: outerSide.label, outerProcesses: outer.processes, hostPid: inner.hostPid });
    }
  }
  // Separate network namespaces reach each other only over a network both are on.
  if (row.type === 'net' && !shareSubnet(l.value as SeesByType['net'], r.value as SeesByType['net'])) return say('sees.net.different.apart', lang, vars);
  // Two namespaces can hold equal values (a container joined to X's network gets X's hostname).
  const equal = EQUAL_WORDING.has(row.type) && JSON.stringify(l.value) === JSON.stringify(r.value);
  return say(`sees.${row.type}.different${equal ? '.equal' : ''}`, lang, equal ? { ...vars, ...a } : vars);
}

/** The IPv4 addresses of a side, loopback left out, as [address, prefix length] in numbers. */
function ipv4Nets(v: SeesByType['net']): [number, number][] {
  const out: [number, number][] = [];
  for (const i of v.interfaces) {
    for (const a of i.addresses) {
      const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(a);
      if (!m || m[1] === '127') continue;
      out.push([((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0, Number(m[5])]);
    }
  }
  return out;
}

/** True when an IPv4 address of one side lies in a subnet of the other (a network both are on). */
export function shareSubnet(a: SeesByType['net'], b: SeesByType['net']): boolean {
  const inNet = (ip: number, [net, bits]: [number, number]): boolean => {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    return ((ip & mask) >>> 0) === ((net & mask) >>> 0);
  };
  const na = ipv4Nets(a);
  const nb = ipv4Nets(b);
  return na.some(([ip]) => nb.some((n) => inNet(ip, n))) || nb.some(([ip]) => na.some((n) => inNet(ip, n)));
}

/** Types whose "different" wording says the values differ, with a wording for equal values. */
const EQUAL_WORDING: ReadonlySet<NamespaceType> = new Set<NamespaceType>(['uts', 'user', 'time']);
