/**
 * Parsers for what a namespace shows the processes inside it: mounts, System V IPC objects,
 * clock offsets, interface addresses (IPv4 from fib_trie and route, IPv6 from if_inet6),
 * the cgroup path and a process's command line. Pure functions of the files' text, so the
 * same code parses what this machine's /proc says and what the helper container returns.
 */

/** /proc/PID/mountinfo: how many mounts, and the one that is `/` (the last mounted there wins). */
export function parseMountinfo(text: string): { mountCount: number; root: { fstype: string; source: string } | null } | null {
  const lines = text.split('\n').filter((l) => l !== '');
  let root: { fstype: string; source: string } | null = null;
  for (const line of lines) {
    // id parent major:minor root mountpoint options [optional fields...] - fstype source superoptions
    const sep = line.indexOf(' - ');
    if (sep < 0) return null;
    const head = line.slice(0, sep).split(' ');
    const tail = line.slice(sep + 3).split(' ');
    if (head.length < 6 || tail.length < 2) return null;
    if (head[4] !== '/') continue;
    const fstype = unescapeMount(tail[0]);
    root = { fstype, source: rootSource(fstype, unescapeMount(tail[1]), tail[2] ?? '') };
  }
  return { mountCount: lines.length, root };
}

/**
 * What / is mounted from. An overlay's source field is only the word "overlay": its writable
 * layer (upperdir, e.g. /var/lib/docker/overlay2/<id>/diff) says which container's it is, so
 * that layer's folder stands in for it.
 */
function rootSource(fstype: string, source: string, superOptions: string): string {
  if (fstype !== 'overlay') return source;
  const upper = /(?:^|,)upperdir=([^,]+)/.exec(superOptions);
  return upper ? unescapeMount(upper[1]).replace(/\/diff$/, '') : source;
}

/** mountinfo writes space, tab, newline and backslash as \040, \011, \012, \134. */
function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

/** Objects listed in one of /proc/sysvipc/{shm,sem,msg}: its lines after the header. */
export function countSysvipc(text: string): number | null {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0 || !/^\s*key\s/.test(lines[0])) return null;
  return lines.length - 1;
}

/**
 * /proc/PID/timens_offsets ("monotonic  secs nsecs", "boottime  secs nsecs") in nanoseconds;
 * null when malformed or when an offset does not fit a number exactly.
 */
export function parseTimensOffsets(text: string): { monotonicOffsetNs: number; boottimeOffsetNs: number } | null {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const m = /^\s*(monotonic|boottime|\d+)\s+(-?\d+)\s+(\d+)\s*$/.exec(line);
    if (!m) return null;
    // Older kernels print the clock id instead of the name: 1 is CLOCK_MONOTONIC, 7 CLOCK_BOOTTIME.
    const clock = m[1] === '1' ? 'monotonic' : m[1] === '7' ? 'boottime' : m[1];
    // A normalised timespec: nanoseconds are always added, also to negative seconds (-1 500000000 is -0.5 s).
    const ns = BigInt(m[2]) * 1_000_000_000n + BigInt(m[3]);
    if (ns > BigInt(Number.MAX_SAFE_INTEGER) || ns < BigInt(Number.MIN_SAFE_INTEGER)) return null;
    out[clock] = Number(ns);
  }
  if (out.monotonic === undefined || out.boottime === undefined) return null;
  return { monotonicOffsetNs: out.monotonic, boottimeOffsetNs: out.boottime };
}

/** The path of /proc/PID/cgroup as printed: the cgroup2 line (`0::`) if any, else the first. */
export function parseCgroupPath(text: string): string | null {
  const lines = text.split('\n').filter((l) => l !== '');
  const parsed = lines.map((l) => /^(\d+):([^:]*):(.*)$/.exec(l));
  if (parsed.length === 0 || parsed.some((m) => m === null)) return null;
  const unified = parsed.find((m) => m && m[1] === '0' && m[2] === '');
  return (unified ?? parsed[0])?.[3] ?? null;
}

/** /proc/PID/cmdline (NUL-separated arguments) as one line; '' for a kernel thread. */
export function parseCmdline(raw: string): string {
  return raw.replace(/\0+$/, '').split('\0').join(' ');
}

/** Interface names in /proc/PID/net/dev, in the kernel's order; null if malformed. */
export function parseNetDevNames(text: string): string[] | null {
  const lines = text.split('\n').slice(2).filter((l) => l.trim() !== '');
  const names: string[] = [];
  for (const l of lines) {
    const m = /^\s*([^:\s]+):/.exec(l);
    if (!m) return null;
    names.push(m[1]);
  }
  return names;
}

/** A 32-hex-digit IPv6 address as `ip` prints it (RFC 5952: lower case, longest zero run as ::). */
export function formatIpv6(hex: string): string | null {
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return null;
  const groups = [];
  for (let i = 0; i < 32; i += 4) groups.push(parseInt(hex.slice(i, i + 4), 16).toString(16));
  let runStart = -1;
  let runLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > runLen && j - i >= 2) [runStart, runLen] = [i, j - i];
    i = j;
  }
  if (runStart < 0) return groups.join(':');
  return `${groups.slice(0, runStart).join(':')}::${groups.slice(runStart + runLen).join(':')}`;
}

/** /proc/PID/net/if_inet6: "address ifindex prefix(hex) scope flags name" lines. */
export function ipv6ByInterface(ifInet6: string): Map<string, string[]> | null {
  const out = new Map<string, string[]>();
  for (const line of ifInet6.split('\n')) {
    if (line.trim() === '') continue;
    const f = line.trim().split(/\s+/);
    const addr = f.length === 6 ? formatIpv6(f[0]) : null;
    if (addr === null || !/^[0-9a-fA-F]{2}$/.test(f[2])) return null;
    out.set(f[5], [...(out.get(f[5]) ?? []), `${addr}/${parseInt(f[2], 16)}`]);
  }
  return out;
}
