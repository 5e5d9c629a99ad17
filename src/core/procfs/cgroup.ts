/**
 * Where a process's cgroups live: the cgroup mounts from mountinfo, the process's
 * /proc/PID/cgroup lines, and the directory each controller resolves to. Paths always come
 * from these two files; nothing is guessed from a container id.
 */
import * as path from 'path';
import { fact, unavailable, type CgroupVersion, type Maybe } from '../model';
import { cutShort, joinPath, readProcessFile, readText } from './files';

export interface MountInfoEntry {
  mountId: number;
  parentId: number;
  root: string;
  mountPoint: string;
  fsType: string;
  source: string;
  superOptions: string[];
}

/** mountinfo escapes space, tab, newline and backslash as \ooo octal. */
function unescapeOctal(s: string): string {
  // Most fields have no escape: a mountinfo of a few hundred overlay mounts is parsed per snapshot.
  return s.includes('\\') ? s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8))) : s;
}

/** Parses /proc/PID/mountinfo (proc(5)); lines that do not have the documented shape are skipped. */
export function parseMountinfo(text: string): MountInfoEntry[] {
  const out: MountInfoEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(' ');
    const sep = f.indexOf('-', 6);
    if (sep < 0 || f.length < sep + 4) continue;
    if (!/^\d+$/.test(f[0]) || !/^\d+$/.test(f[1]) || !/^\d+:\d+$/.test(f[2])) continue;
    out.push({
      mountId: Number(f[0]),
      parentId: Number(f[1]),
      root: unescapeOctal(f[3]),
      mountPoint: unescapeOctal(f[4]),
      fsType: f[sep + 1],
      source: unescapeOctal(f[sep + 2]),
      superOptions: f[sep + 3].split(','),
    });
  }
  return out;
}

export interface ProcCgroupLine {
  hierarchyId: number;
  controllers: string[];
  path: string;
  deleted: boolean;
}

/** Parses /proc/PID/cgroup ("ID:controllers:path"); malformed lines are skipped. */
export function parseProcCgroup(text: string): ProcCgroupLine[] {
  const out: ProcCgroupLine[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+):([^:]*):(\/.*)$/.exec(line);
    if (!m) continue;
    let p = m[3];
    const deleted = p.endsWith(' (deleted)');
    if (deleted) p = p.slice(0, -' (deleted)'.length);
    out.push({ hierarchyId: Number(m[1]), controllers: m[2] === '' ? [] : m[2].split(','), path: p, deleted });
  }
  return out;
}

export interface CgroupMount {
  kind: 'v1' | 'v2';
  /** v1: controllers from the super options, including "name=systemd"; v2: []. */
  controllers: string[];
  root: string;
  mountPoint: string;
}

export interface CgroupLayout {
  version: CgroupVersion;
  mounts: CgroupMount[];
  /**
   * The prefix already added to every `mountPoint` (the `fsRoot` given to readCgroupLayout).
   * Optional; when set, resolveCgroupDirs does not add its own `fsRoot` a second time.
   */
  fsRoot?: string;
}

/** cgroup v1 controllers the kernel knows (cgroups(7) and later additions). */
const V1_CONTROLLERS = new Set([
  'cpu', 'cpuacct', 'cpuset', 'memory', 'devices', 'freezer', 'net_cls', 'net_prio', 'blkio',
  'perf_event', 'hugetlb', 'pids', 'rdma', 'misc', 'debug',
]);

function v1Controllers(superOptions: string[]): string[] {
  return superOptions.filter((o) => V1_CONTROLLERS.has(o) || /^name=.+/.test(o));
}

/**
 * The cgroup mounts seen by this process, from <procRoot>/self/mountinfo. `fsRoot` is put in
 * front of every mount point so fixture trees work; real use passes ''.
 */
export async function readCgroupLayout(procRoot: string, fsRoot = ''): Promise<Maybe<CgroupLayout>> {
  const file = path.join(procRoot, 'self', 'mountinfo');
  const r = await readText(file);
  if (!r.ok) return unavailable(r.reason);
  const cut = cutShort(file, r.text);
  if (cut) return unavailable(cut);
  const mounts: CgroupMount[] = [];
  // Only cgroup mounts matter here, and a host with many containers has hundreds of others
  // (every container's root and its bind mounts). " - " only ever separates a line's fields
  // (a space in a path is written \040), so the lines to parse are the ones it puts before
  // "cgroup" or "cgroup2".
  const cgroupLines = r.text.split('\n').filter((l) => l.includes(' - cgroup')).join('\n');
  for (const e of parseMountinfo(cgroupLines)) {
    if (e.fsType === 'cgroup2') {
      mounts.push({ kind: 'v2', controllers: [], root: e.root, mountPoint: fsRoot + e.mountPoint });
    } else if (e.fsType === 'cgroup') {
      mounts.push({ kind: 'v1', controllers: v1Controllers(e.superOptions), root: e.root, mountPoint: fsRoot + e.mountPoint });
    }
  }
  // A named-only v1 hierarchy (name=systemd, common with systemd in a container) holds no
  // controller and so no limit: it does not make a cgroup2 host hybrid.
  const hasV1 = mounts.some((m) => m.kind === 'v1' && m.controllers.some((c) => !c.startsWith('name=')));
  const hasV2 = mounts.some((m) => m.kind === 'v2');
  if (!hasV1 && !hasV2 && !mounts.length) {
    return unavailable(`${file} lists no cgroup or cgroup2 mount: this process cannot see the cgroup filesystem (is /sys/fs/cgroup mounted?)`);
  }
  const version: CgroupVersion = hasV1 && hasV2 ? 'hybrid' : hasV2 ? 'v2' : 'v1';
  return fact(fsRoot ? { version, mounts, fsRoot } : { version, mounts }, 'procfs');
}

/** `p` relative to `root`, or null when p lies outside root. Both are absolute cgroup paths. */
function relativeTo(root: string, p: string): string | null {
  if (root === '/' || root === '') return p;
  if (p === root) return '/';
  if (p.startsWith(root + '/')) return p.slice(root.length);
  return null;
}

/** Each layout's mount per /proc/PID/cgroup controller list: every container asks it the same dozen questions. */
const mountsOf = new WeakMap<CgroupLayout, Map<string, CgroupMount | undefined>>();

function mountFor(layout: CgroupLayout, line: ProcCgroupLine, isUnified: boolean): CgroupMount | undefined {
  let known = mountsOf.get(layout);
  if (!known) mountsOf.set(layout, (known = new Map()));
  const key = `${isUnified ? 'unified' : 'v1'}:${line.controllers.join(',')}`;
  if (known.has(key)) return known.get(key);
  const mount = isUnified
    ? layout.mounts.find((m) => m.kind === 'v2')
    : layout.mounts.find((m) => m.kind === 'v1' && line.controllers.length > 0 && line.controllers.every((c) => m.controllers.includes(c)));
  known.set(key, mount);
  return mount;
}

/**
 * Controller -> directory of the cgroup of `pid`. Keys: every v1 controller by name (and
 * "name=systemd" and the like) and "unified" for the cgroup2 hierarchy ("0::" line).
 */
export function resolveCgroupDirs(
  procRoot: string,
  pid: number,
  layout: CgroupLayout,
  fsRoot = '',
): Maybe<Record<string, string>> {
  const r = readProcessFile(procRoot, pid, 'cgroup');
  if (!r.ok) return unavailable(r.reason);
  const file = r.file;
  const lines = parseProcCgroup(r.text);
  if (lines.length === 0) return unavailable(`${file} has no "ID:controllers:path" line (empty, malformed or cut short)`);
  const prefix = layout.fsRoot ? '' : fsRoot;
  const dirs: Record<string, string> = {};
  const problems: string[] = [];
  for (const line of lines) {
    const label = line.hierarchyId === 0 ? 'the cgroup2 hierarchy' : `hierarchy ${line.hierarchyId} (${line.controllers.join(',')})`;
    if (line.deleted) {
      return unavailable(`${file} marks the cgroup of ${label} as deleted: the process is a zombie whose cgroup was removed`);
    }
    if (line.path.split('/').includes('..')) {
      return unavailable(
        `${file} gives ${line.path} for ${label}: the process's cgroup lies outside this reader's cgroup namespace, ` +
          `so its directory cannot be reached from here (read from the host's cgroup namespace, or use the helper container)`,
      );
    }
    const isUnified = line.hierarchyId === 0 && line.controllers.length === 0;
    const mount = mountFor(layout, line, isUnified);
    if (!mount) continue; // e.g. net_cls on a hierarchy nobody mounted: nothing to read there
    const rel = relativeTo(mount.root, line.path);
    if (rel === null) {
      problems.push(`${label}: ${line.path} is not below the mount's root ${mount.root}`);
      continue;
    }
    const dir = rel === '/' ? prefix + mount.mountPoint : joinPath(prefix + mount.mountPoint, rel.slice(1));
    if (isUnified) dirs.unified = dir;
    else for (const c of line.controllers) dirs[c] = dir;
  }
  if (Object.keys(dirs).length === 0) {
    const why = problems.length > 0 ? problems.join('; ') : 'none of its hierarchies is mounted in this mount namespace';
    return unavailable(`could not place any line of ${file} under a cgroup mount: ${why}`);
  }
  return fact(dirs, 'procfs');
}
