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

function idMap(ranges: IdMapRange[]): string {
  return ranges.map((r) => `${r.inside}→${r.outside} (${r.length})`).join(', ');
}

function seconds(ns: number): string {
  return `${Number((ns / 1e9).toFixed(3))} s`;
}

function ipcObjects(v: SeesByType['ipc'], lang: Lang): string {
  return say('sees.ipc.line', lang, { shm: v.shm, sem: v.sem, msg: v.msg });
}

/** One short line for what a side sees in a namespace of `type`. */
export function seesLine(type: NamespaceType, m: Maybe<unknown> | undefined, lang: Lang): string {
  if (!isFact(m)) return '';
  const v = m.value;
  switch (type) {
    case 'pid': {
      const p = v as SeesByType['pid'];
      return say('sees.pid.line', lang, { processes: processes(p.processCount, lang), command: short(p.init.command), hostPid: p.init.hostPid });
    }
    case 'net':
      return say('sees.net.line', lang, { interfaces: interfaces(v as SeesByType['net'], lang) });
    case 'uts': {
      const u = v as SeesByType['uts'];
      const domain = u.domainname && u.domainname !== '(none)' ? say('sees.uts.domain', lang, { domainname: u.domainname }) : '';
      return say('sees.uts.line', lang, { hostname: u.hostname, domain });
    }
    case 'mnt': {
      const x = v as SeesByType['mnt'];
      return say('sees.mnt.line', lang, { count: x.mountCount, fstype: x.root.fstype, source: short(x.root.source, 30) });
    }
    case 'ipc':
      return ipcObjects(v as SeesByType['ipc'], lang);
    case 'user': {
      const x = v as SeesByType['user'];
      return say('sees.user.line', lang, { uidMap: idMap(x.uidMap), gidMap: idMap(x.gidMap) });
    }
    case 'cgroup':
      return say('sees.cgroup.line', lang, { path: short((v as SeesByType['cgroup']).path, 48) });
    case 'time': {
      const x = v as SeesByType['time'];
      return say('sees.time.line', lang, { monotonic: seconds(x.monotonicOffsetNs), boottime: seconds(x.boottimeOffsetNs) });
    }
  }
}

/**
 * What the verdict means for these two sides, from what each sees; '' when the verdict is
 * unknown or a side's evidence is missing (each side's line then says why).
 */
export function seesConsequence(row: NamespaceDiffRow, left: Side, right: Side, lang: Lang): string {
  const l = row.leftSees;
  const r = row.rightSees;
  if (row.verdict === 'unknown' || !isFact(l) || !isFact(r)) return '';
  const sides = { left: left.label, right: right.label };
  const same = row.verdict === 'same';
  switch (row.type) {
    case 'pid': {
      const a = l.value as SeesByType['pid'];
      const b = r.value as SeesByType['pid'];
      if (same) return say('sees.pid.same', lang, { processes: processes(a.processCount, lang), command: short(a.init.command) });
      const hostOnRight = right.kind === 'host' && left.kind === 'container';
      const hostOnLeft = left.kind === 'host' && right.kind === 'container';
      if (hostOnRight || hostOnLeft) {
        const [inner, innerSide, host] = hostOnRight ? [a, left, b] : [b, right, a];
        return say('sees.pid.different.host', lang, {
          inner: innerSide.label,
          innerProcesses: processes(inner.processCount, lang),
          hostProcesses: processes(host.processCount, lang),
          hostPid: inner.init.hostPid,
        });
      }
      return say('sees.pid.different', lang, { ...sides, leftProcesses: processes(a.processCount, lang), rightProcesses: processes(b.processCount, lang) });
    }
    case 'net': {
      const a = l.value as SeesByType['net'];
      const b = r.value as SeesByType['net'];
      if (same) return say('sees.net.same', lang, { interfaces: interfaces(a, lang) });
      return say('sees.net.different', lang, { ...sides, leftInterfaces: interfaces(a, lang), rightInterfaces: interfaces(b, lang) });
    }
    case 'uts': {
      const a = l.value as SeesByType['uts'];
      const b = r.value as SeesByType['uts'];
      if (same) return say('sees.uts.same', lang, { hostname: a.hostname });
      return say('sees.uts.different', lang, { leftHostname: a.hostname, rightHostname: b.hostname });
    }
    case 'mnt': {
      const a = l.value as SeesByType['mnt'];
      const b = r.value as SeesByType['mnt'];
      if (same) return say('sees.mnt.same', lang, { count: a.mountCount, fstype: a.root.fstype, source: short(a.root.source, 30) });
      return say('sees.mnt.different', lang, {
        ...sides,
        leftFstype: a.root.fstype,
        leftSource: short(a.root.source, 30),
        leftCount: a.mountCount,
        rightFstype: b.root.fstype,
        rightSource: short(b.root.source, 30),
        rightCount: b.mountCount,
      });
    }
    case 'ipc': {
      const a = l.value as SeesByType['ipc'];
      const b = r.value as SeesByType['ipc'];
      if (same) return say('sees.ipc.same', lang, { objects: ipcObjects(a, lang) });
      return say('sees.ipc.different', lang, { ...sides, leftObjects: ipcObjects(a, lang), rightObjects: ipcObjects(b, lang) });
    }
    case 'user': {
      const a = l.value as SeesByType['user'];
      const b = r.value as SeesByType['user'];
      if (same) return say('sees.user.same', lang, { uidMap: idMap(a.uidMap) });
      return say('sees.user.different', lang, { ...sides, leftUidMap: idMap(a.uidMap), rightUidMap: idMap(b.uidMap) });
    }
    case 'cgroup': {
      const vars = { ...sides, leftPath: short((l.value as SeesByType['cgroup']).path, 48), rightPath: short((r.value as SeesByType['cgroup']).path, 48) };
      return say(same ? 'sees.cgroup.same' : 'sees.cgroup.different', lang, vars);
    }
    case 'time': {
      const a = l.value as SeesByType['time'];
      const b = r.value as SeesByType['time'];
      if (same) return say('sees.time.same', lang, { monotonic: seconds(a.monotonicOffsetNs), boottime: seconds(a.boottimeOffsetNs) });
      return say('sees.time.different', lang, {
        ...sides,
        leftMonotonic: seconds(a.monotonicOffsetNs),
        leftBoottime: seconds(a.boottimeOffsetNs),
        rightMonotonic: seconds(b.monotonicOffsetNs),
        rightBoottime: seconds(b.boottimeOffsetNs),
      });
    }
  }
}
