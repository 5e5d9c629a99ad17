/**
 * Evidence: what each side of a namespace comparison sees, read from the kernel on demand
 * (a panel opening, a `diff`, `--evidence`), never in the background snapshot.
 *
 * Most of it is per-PID in /proc (net/*, mountinfo, uid_map, timens_offsets) or a count over
 * /proc (the processes in a PID namespace). Hostname, System V IPC objects and the cgroup path
 * as seen from a private cgroup namespace are not: the kernel shows them for the *reader's*
 * namespace, so something must read them from inside. That is a `NamespaceEntry`: nsenter,
 * as root. Where this machine's /proc is not the engine's, nothing here can enter them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffNamespaces, type DiffSide, type KernelRelation } from './diff';
import { childProcess } from './lazy-modules';
import {
  NAMESPACE_TYPES,
  fact,
  isFact,
  isUnavailable,
  unavailable,
  type Evidence,
  type HostAnatomy,
  type Maybe,
  type NamespaceDiff,
  type NamespaceType,
  type SeesByType,
  type Source,
  type Unavailable,
} from './model';
import { listDirSync, localReader, readProcessFile, readTextSync } from './procfs/files';
import { ipv4ByInterface } from './procfs/addresses';
import { readNamespaces } from './procfs/ns';
import { readIdMap, readNSpid } from './procfs/process';
import {
  countSysvipc,
  ipv6ByInterface,
  parseCgroupPath,
  parseCmdline,
  parseMountinfo,
  parseNetDevNames,
  parseTimensOffsets,
} from './procfs/sees';

/** The namespaces whose view can only be read from inside them. */
export type EnterType = 'uts' | 'ipc' | 'cgroup';

export type EntryRead = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads files as a process inside PID's namespaces of the given types reads them (the
 * paths are the host's; only those namespaces change). One call per side, one answer per file.
 */
export interface NamespaceEntry {
  readonly source: Source;
  read(pid: number, types: readonly EnterType[], files: readonly string[]): Promise<EntryRead[]>;
}

const NSENTER_FLAG: Record<EnterType, string> = { uts: '-u', ipc: '-i', cgroup: '-C' };

/**
 * Enters with util-linux nsenter (needs root: setns() wants CAP_SYS_ADMIN) and prints the
 * files with `grep -H ''`, one "file:line" per line, so one process answers for all of them.
 * Arguments go as argv; nothing is run through a shell.
 */
export function nsenterEntry(opts: { nsenter?: string; timeoutMs?: number; isRoot?: boolean } = {}): NamespaceEntry {
  const bin = opts.nsenter ?? 'nsenter';
  const isRoot = opts.isRoot ?? process.getuid?.() === 0;
  return {
    source: 'procfs',
    read(pid, types, files) {
      const flags = types.map((t) => NSENTER_FLAG[t]);
      const how = `nsenter -t ${pid} ${flags.join(' ')}`;
      const all = (reason: string): EntryRead[] => files.map(() => ({ ok: false, reason }));
      if (!isRoot) {
        return Promise.resolve(all(`the kernel shows this only from inside process ${pid}'s ${types.join(', ')} namespace, and entering it (${how}) needs root: run as root to see it`));
      }
      return new Promise((resolve) => {
        childProcess().execFile(bin, ['-t', String(pid), ...flags, '--', 'grep', '-H', '', ...files], { timeout: opts.timeoutMs ?? 5000, maxBuffer: 8 << 20 }, (err, stdout, stderr) => {
          const code = (err as NodeJS.ErrnoException | null)?.code;
          if (code === 'ENOENT') return resolve(all(`${bin} (util-linux) is not installed, so process ${pid}'s ${types.join(', ')} namespace cannot be entered`));
          const errText = String(stderr).trim();
          if (err && /^nsenter:/m.test(errText)) return resolve(all(`${how} failed: ${errText.split('\n')[0]}`));
          if (err && (err as { killed?: boolean }).killed) return resolve(all(`${how} did not answer within ${opts.timeoutMs ?? 5000} ms`));
          resolve(splitGrepOutput(files, String(stdout), errText));
        });
      });
    },
  };
}

/** Splits `grep -H ''` output back into files; a file grep complained about is a failure. */
export function splitGrepOutput(files: readonly string[], stdout: string, stderr: string): EntryRead[] {
  const texts = files.map(() => '');
  // Longest first, so /proc/1/cgroup is not taken for a prefix of /proc/12/cgroup's lines.
  const order = files.map((f, i) => i).sort((a, b) => files[b].length - files[a].length);
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    const i = order.find((j) => line.startsWith(files[j] + ':'));
    if (i !== undefined) texts[i] += line.slice(files[i].length + 1) + '\n';
  }
  return files.map((f, i) => {
    const complaint = stderr.split('\n').find((l) => l.includes(`${f}:`));
    return complaint ? { ok: false, reason: `reading ${f} inside the namespace failed: ${complaint}` } : { ok: true, text: texts[i] };
  });
}

export interface EvidenceOptions {
  procRoot: string;
  entry: NamespaceEntry;
  /** Set when the engine runs elsewhere: why this machine's /proc cannot answer. */
  notLocal?: string | null;
}

/** A side to read: its namespaces by inode and the process to read them through. */
export type EvidenceTarget = Pick<DiffSide, 'inodes' | 'pid'>;

interface PidScan {
  /** Inode of the PID namespace this /proc belongs to (its PID 1's). */
  procfsNs: number | null;
  total: number;
  members: Map<number, number[]>;
  unreadable: number;
}

/** The inode in a namespace link's text, `pid:[4026531836]` (the nsfs inode, as stat() gives it). */
function linkInode(link: string): number | null {
  const m = /^[a-z_]+:\[(\d+)\]$/.exec(fs.readlinkSync(link));
  return m ? Number(m[1]) : null;
}

/**
 * One pass over /proc. Processes are counted always; their PID namespaces are read only when
 * a side's namespace is not the one this /proc belongs to (readlink: a third of stat's cost,
 * and it works on PID 1 where stat is refused).
 */
function scanPids(procRoot: string, ownPidNs: Maybe<number>, sides: readonly Maybe<number>[]): PidScan {
  const scan: PidScan = { procfsNs: null, total: 0, members: new Map(), unreadable: 0 };
  try {
    scan.procfsNs = linkInode(path.join(procRoot, '1', 'ns', 'pid'));
  } catch {
    // PID 1 unreadable: this /proc is taken to be this process's own PID namespace's.
  }
  if (scan.procfsNs === null && isFact(ownPidNs)) scan.procfsNs = ownPidNs.value;
  const names = listDirSync(procRoot);
  if (!names.ok) return scan;
  const pids = names.names.filter((n) => /^\d+$/.test(n));
  scan.total = pids.length;
  if (!sides.some((m) => isFact(m) && m.value !== scan.procfsNs)) return scan;
  for (const n of pids) {
    let ino: number | null;
    try {
      ino = linkInode(path.join(procRoot, n, 'ns', 'pid'));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ESRCH') scan.total--;
      // PID 1 is by definition in this /proc's own namespace, never in a container's.
      else if (n !== '1') scan.unreadable++;
      continue;
    }
    if (ino === null) continue;
    const list = scan.members.get(ino);
    if (list) list.push(Number(n));
    else scan.members.set(ino, [Number(n)]);
  }
  return scan;
}

async function commandOf(procRoot: string, pid: number): Promise<string> {
  const r = readTextSync(path.join(procRoot, String(pid), 'cmdline'));
  const cmd = r.ok ? parseCmdline(r.text) : '';
  if (cmd) return cmd;
  const comm = readTextSync(path.join(procRoot, String(pid), 'comm'));
  return comm.ok ? `[${comm.text.trim()}]` : '';
}

async function pidSees(target: EvidenceTarget, pid: number | 'self', scan: PidScan, procRoot: string): Promise<Maybe<SeesByType['pid']>> {
  const ino = target.inodes.pid;
  if (isUnavailable(ino)) return ino;
  if (scan.total === 0) return unavailable(`${procRoot} lists no processes`);
  if (ino.value === scan.procfsNs) {
    return fact({ processCount: scan.total, init: { hostPid: 1, command: await commandOf(procRoot, 1) } }, 'procfs');
  }
  const members = scan.members.get(ino.value) ?? [];
  // Its init is the member whose innermost PID is 1: usually the side's own process.
  const candidates = typeof pid === 'number' ? [pid, ...members.filter((m) => m !== pid)] : members;
  let init: number | null = null;
  for (const m of candidates) {
    const chain = await readNSpid(procRoot, m);
    if (isFact(chain) && chain.value[chain.value.length - 1] === 1) {
      init = chain.value[0];
      break;
    }
  }
  if (init === null) return unavailable(`no process in PID namespace ${ino.value} has PID 1 there (its init has exited, or its NSpid lines are unreadable)`);
  const value: SeesByType['pid'] = { processCount: members.length, init: { hostPid: init, command: await commandOf(procRoot, init) } };
  if (scan.unreadable > 0) {
    const head = `${members.length} processes are in PID namespace ${ino.value}, but ${scan.unreadable} others could not be checked`;
    return unavailable(localReader() === 'root' ? `${head} (the kernel refused their ns/pid even to root)` : `${head} (permission denied on their ns/pid): run as root to count them all`);
  }
  return fact(value, 'procfs');
}

function netSees(procRoot: string, pid: number | 'self'): Maybe<SeesByType['net']> {
  const dir = path.join(procRoot, String(pid), 'net');
  const read = (name: string) => readTextSync(path.join(dir, name));
  const dev = read('dev');
  if (!dev.ok) return unavailable(dev.reason);
  const names = parseNetDevNames(dev.text);
  if (!names) return unavailable(`${dir}/dev is not in the kernel's format`);
  const trie = read('fib_trie');
  const route = read('route');
  if (!trie.ok) return unavailable(trie.reason);
  if (!route.ok) return unavailable(route.reason);
  const v4 = ipv4ByInterface(trie.text, route.text);
  // A kernel without IPv6 has no if_inet6 at all: then there are no IPv6 addresses to show.
  const inet6 = read('if_inet6');
  if (!inet6.ok && inet6.code !== 'ENOENT') return unavailable(inet6.reason);
  const v6 = inet6.ok ? ipv6ByInterface(inet6.text) : new Map<string, string[]>();
  if (!v6) return unavailable(`${dir}/if_inet6 is not in the kernel's format`);
  return fact({ interfaces: names.map((name) => ({ name, addresses: [...(v4.get(name) ?? []), ...(v6.get(name) ?? [])] })) }, 'procfs');
}

async function mntSees(procRoot: string, pid: number | 'self'): Promise<Maybe<SeesByType['mnt']>> {
  const r = await readProcessFile(procRoot, pid, 'mountinfo');
  if (!r.ok) return unavailable(r.reason);
  const m = parseMountinfo(r.text);
  if (!m) return unavailable(`${r.file} is not in the kernel's mountinfo format`);
  if (!m.root) return unavailable(`${r.file} lists no mount on /`);
  return fact({ mountCount: m.mountCount, root: m.root }, 'procfs');
}

async function userSees(procRoot: string, pid: number | 'self'): Promise<Maybe<SeesByType['user']>> {
  const [uid, gid] = await Promise.all([readIdMap(procRoot, pid, 'uid_map'), readIdMap(procRoot, pid, 'gid_map')]);
  if (isUnavailable(uid)) return uid;
  if (isUnavailable(gid)) return gid;
  return fact({ uidMap: uid.value, gidMap: gid.value }, 'procfs');
}

async function timeSees(procRoot: string, pid: number | 'self'): Promise<Maybe<SeesByType['time']>> {
  const r = await readProcessFile(procRoot, pid, 'timens_offsets');
  if (!r.ok) return unavailable(`${r.reason} (time namespaces need Linux 5.6 or later)`);
  const t = parseTimensOffsets(r.text);
  return t ? fact(t, 'procfs') : unavailable(`${r.file} is not in the kernel's "clock seconds nanoseconds" format`);
}

/** The files each entered type needs, and how its answer becomes a sees value. */
function insideFiles(procRoot: string, pid: number | 'self'): Record<EnterType, string[]> {
  return {
    uts: ['sys/kernel/hostname', 'sys/kernel/domainname'].map((f) => path.join(procRoot, f)),
    ipc: ['sysvipc/shm', 'sysvipc/sem', 'sysvipc/msg'].map((f) => path.join(procRoot, f)),
    cgroup: [path.join(procRoot, String(pid), 'cgroup')],
  };
}

function fromInside(type: EnterType, reads: EntryRead[], files: string[], source: Source): Maybe<SeesByType[EnterType]> {
  const bad = reads.find((r): r is { ok: false; reason: string } => !r.ok);
  if (bad) return unavailable(bad.reason);
  const texts = reads.map((r) => (r.ok ? r.text : ''));
  if (type === 'uts') {
    if (!texts[0].endsWith('\n') || !texts[1].endsWith('\n')) return unavailable(`${files[0]} or ${files[1]} came back empty`);
    return fact({ hostname: texts[0].trimEnd(), domainname: texts[1].trimEnd() }, source);
  }
  if (type === 'ipc') {
    const [shm, sem, msg] = texts.map(countSysvipc);
    if (shm === null || sem === null || msg === null) return unavailable(`${files.join(', ')} are not in the kernel's format (no header line)`);
    return fact({ shm, sem, msg }, source);
  }
  const p = parseCgroupPath(texts[0]);
  return p === null ? unavailable(`${files[0]} is not in the kernel's "id:controllers:path" format`) : fact({ path: p }, source);
}

type Inside = Partial<Record<EnterType, Maybe<SeesByType[EnterType]>>>;

/** The side's process, or why it has none to read (not running, engine elsewhere). */
function sidePid(target: EvidenceTarget, opts: EvidenceOptions): number | 'self' | Unavailable {
  if (opts.notLocal) return unavailable(`${opts.notLocal}; what it sees is read from inside its namespaces on the engine's machine: run container-anatomy diff there, as root`);
  if (target.pid === 'self') return 'self';
  return isFact(target.pid) ? target.pid.value : (target.pid as Unavailable);
}

/**
 * Hostname, IPC objects and the cgroup path: read directly where the side's namespace is this
 * process's own, through the entry for the others. Started first, so the /proc reads of
 * both sides run while the entered process works.
 */
async function readInside(target: EvidenceTarget, pid: number | 'self', own: Record<NamespaceType, Maybe<number>>, opts: EvidenceOptions): Promise<Inside> {
  const enter: EnterType[] = [];
  const direct: EnterType[] = [];
  for (const t of ['uts', 'ipc', 'cgroup'] as const) {
    const mine = own[t];
    const theirs = target.inodes[t];
    if (isUnavailable(theirs)) continue;
    (isFact(mine) && mine.value === theirs.value ? direct : enter).push(t);
  }
  const files = insideFiles(opts.procRoot, pid);
  const pending = enter.length > 0 ? opts.entry.read(pid === 'self' ? process.pid : pid, enter, enter.flatMap((t) => files[t])) : null;
  const inside: Inside = {};
  for (const t of direct) {
    const reads = files[t].map((f): EntryRead => {
      const r = readTextSync(f);
      return r.ok ? { ok: true, text: r.text } : { ok: false, reason: r.reason };
    });
    inside[t] = fromInside(t, reads, files[t], 'procfs');
  }
  if (pending) {
    const reads = await pending;
    let at = 0;
    for (const t of enter) {
      inside[t] = fromInside(t, reads.slice(at, at + files[t].length), files[t], opts.entry.source);
      at += files[t].length;
    }
  }
  return inside;
}

async function readSide(target: EvidenceTarget, pid: number | 'self', scan: PidScan, insideP: Promise<Inside>, procRoot: string): Promise<Evidence> {
  const [pidV, mnt, user, time] = await Promise.all([pidSees(target, pid, scan, procRoot), mntSees(procRoot, pid), userSees(procRoot, pid), timeSees(procRoot, pid)]);
  const net = netSees(procRoot, pid);
  const inside = await insideP;
  const out = { pid: pidV, net, uts: inside.uts, mnt, ipc: inside.ipc, user, cgroup: inside.cgroup, time } as Evidence;
  // Per-PID files (net/*, mountinfo, the id maps) show the process's namespaces even when its
  // ns links are refused (a docker-group user); what needs the inode says why it is missing.
  for (const t of NAMESPACE_TYPES) {
    const ino = target.inodes[t];
    if (out[t] === undefined) (out as Record<NamespaceType, Maybe<unknown>>)[t] = isUnavailable(ino) ? ino : unavailable(`the ${t} namespace was not read`);
  }
  return out;
}

/** What both sides of a comparison see, from one pass over /proc. */
export async function readEvidence(left: EvidenceTarget, right: EvidenceTarget, opts: EvidenceOptions): Promise<[Evidence, Evidence]> {
  const own = await readNamespaces(opts.procRoot, 'self');
  const sides = [left, right].map((target) => {
    const pid = sidePid(target, opts);
    return { target, pid, inside: typeof pid === 'object' ? null : readInside(target, pid, own, opts) };
  });
  const scan = opts.notLocal ? { procfsNs: null, total: 0, members: new Map<number, number[]>(), unreadable: 0 } : scanPids(opts.procRoot, own.pid, [left.inodes.pid, right.inodes.pid]);
  const [l, r] = await Promise.all(sides.map(({ target, pid, inside }) =>
    typeof pid === 'object' || inside === null
      ? Object.fromEntries(NAMESPACE_TYPES.map((t) => [t, pid])) as Evidence
      : readSide(target, pid, scan, inside, opts.procRoot)));
  return [l, r];
}

/** The diff with each row's evidence filled in. */
export function withEvidence(diff: NamespaceDiff, left: Evidence, right: Evidence): NamespaceDiff {
  return { ...diff, rows: diff.rows.map((r) => ({ ...r, leftSees: left[r.type], rightSees: right[r.type] })) };
}

/** Options for the machine the host anatomy describes: its /proc, nsenter, and whether it is the engine's. */
export function evidenceOptionsFor(host: HostAnatomy, procRoot = '/proc', entry: NamespaceEntry = nsenterEntry()): EvidenceOptions {
  return { procRoot, entry, notLocal: host.engine.local ? null : host.engine.localReason ?? 'the engine does not run on this machine' };
}

/**
 * Options for reading what the sides of two engines see: this machine's /proc only when both
 * engines are seen there, else none (the reason of the one that is not).
 */
export function evidenceOptionsForPair(a: HostAnatomy, b: HostAnatomy): EvidenceOptions {
  return evidenceOptionsFor(a.engine.local ? b : a);
}

/** The namespace diff of two sides with what each sees. */
export async function diffWithEvidence(left: DiffSide, right: DiffSide, opts: EvidenceOptions, kernels?: KernelRelation): Promise<NamespaceDiff> {
  const [l, r] = await readEvidence(left, right, opts);
  return withEvidence(diffNamespaces(left, right, kernels), l, r);
}
