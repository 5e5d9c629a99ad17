/**
 * The readers' file access answered from what a helper container returned. Paths stay the
 * ones the readers use on the engine's host (/proc/self/mountinfo, /sys/fs/cgroup/...); the
 * helper reads each where it shows the host: /proc/self through the host reference process
 * (the helper's shim, in the host's namespaces) and every path outside /proc through that
 * process's root, since the helper's own /sys/fs/cgroup shows only its own subtree on v1.
 *
 * A path not asked for yet is recorded and answered "not read yet"; the caller fetches the
 * recorded paths in one batch and runs the readers again (see reader.ts).
 */
import { explainError, type DirResult, type FileAccess, type InodeResult, type ReadResult } from '../procfs/files';
import type { BatchAnswer, LsEntry, Op } from './script';

/** Where the helper finds `path` of the engine's host, given the host reference process. */
export function helperPath(path: string, hostPid: number): string {
  if (path === '/proc/self' || path.startsWith('/proc/self/')) return `/proc/${hostPid}${path.slice('/proc/self'.length)}`;
  if (path === '/proc' || path.startsWith('/proc/')) return path;
  return `/proc/${hostPid}/root${path}`;
}

/** Files every reader of a sysfs interface directory reads right after listing it (procfs/net.ts). */
const LINK_FILES = ['ifindex', 'iflink', 'type', 'uevent', 'address'];

/** What introspection reads of a process once its cgroup file shows it is the container's (introspect/). */
const PROCESS_READS: [Op, string][] = [
  ...(['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'] as const).map((t): [Op, string] => ['l', `ns/${t}`]),
  ['r', 'status'], ['r', 'uid_map'], ['r', 'gid_map'], ['r', 'net/dev'], ['r', 'net/igmp'], ['r', 'net/dev_mcast'],
  ['r', 'net/fib_trie'], ['r', 'net/route'], ['d', 'root/sys/class/net'],
];

const NOT_YET = 'EAGAIN';

export class HelperFiles implements FileAccess {
  readonly reader = 'helper';
  private readonly ls = new Map<string, LsEntry>();
  private readonly dirs = new Map<string, string[]>();
  private readonly dirErrors = new Map<string, { code: string; message: string }>();
  private readonly reads = new Map<string, { status: number; text: string }>();
  /** Helper paths already asked for, per op: their absence from an answer means empty or missing. */
  private readonly asked = new Set<string>();
  /** Requests (op + host path) recorded since the last take(). */
  private readonly missing = new Set<string>();
  /** Requests fetched along with the next batch because a reader is about to make them; they alone start no round. */
  private readonly likely = new Set<string>();
  /** Requests (op + host path) the readers made in the current pass. */
  readonly used = new Set<string>();

  /** `where` maps a path of the engine's host to where the helper reads it (helperPath). */
  constructor(private readonly where: (path: string) => string) {}

  /** Asks for these requests (op + host path) in the next batch, as if a reader had. */
  want(requests: Iterable<string>): void {
    for (const r of requests) this.missing.add(r);
  }

  /** The recorded requests, as the helper reads them (op + helper path), and clears them. */
  take(): string[] {
    const out = [...this.missing, ...this.likely].map((r) => r[0] + this.where(r.slice(1))).filter((r) => !this.asked.has(r));
    this.missing.clear();
    this.likely.clear();
    return [...new Set(out)];
  }

  /** Adds a batch's answers for the requests `asked`. */
  add(asked: string[], a: BatchAnswer): void {
    for (const r of asked) this.asked.add(r);
    for (const [k, v] of a.ls) this.ls.set(k, v);
    for (const [k, v] of a.dirs) this.dirs.set(k, v);
    for (const [k, v] of a.dirErrors) this.dirErrors.set(k, v);
    for (const [k, v] of a.reads) this.reads.set(k, v);
  }

  pending(): boolean {
    return this.missing.size > 0;
  }

  /** Starts a new pass of the readers: forgets what the last one used. */
  newPass(): void {
    this.used.clear();
  }

  private need(op: Op, path: string): string | null {
    this.used.add(op + path);
    const hp = this.where(path);
    if (this.asked.has(op + hp)) return hp;
    this.missing.add(op + path);
    return null;
  }

  private expect(op: Op, path: string): void {
    if (!this.asked.has(op + this.where(path))) this.likely.add(op + path);
  }

  /** The error `ls` gave for a path, or ENOENT when it printed nothing about it. */
  private lsError(hp: string): { code: string; message: string } | null {
    const e = this.ls.get(hp);
    if (!e) return { code: 'ENOENT', message: 'No such file or directory' };
    if (e.code) return { code: e.code, message: e.message ?? e.code };
    return null;
  }

  readText(path: string): ReadResult {
    const hp = this.need('r', path);
    if (hp === null) {
      // A cgroup limit is read up the tree to the hierarchy's root: ask for the same file in every ancestor now.
      const cg = /^(.*\/fs\/cgroup)(\/.+)\/([^/]+)$/.exec(path);
      if (cg) for (let d = cg[2]; d !== ''; d = d.slice(0, d.lastIndexOf('/'))) this.expect('r', `${cg[1]}${d.slice(0, d.lastIndexOf('/'))}/${cg[3]}`);
      const proc = /^\/proc\/(\d+)\/cgroup$/.exec(path);
      if (proc) for (const [op, rel] of PROCESS_READS) this.expect(op, `/proc/${proc[1]}/${rel}`);
      // Addresses come from fib_trie and then route.
      if (path.endsWith('/net/fib_trie')) this.expect('r', `${path.slice(0, -'fib_trie'.length)}route`);
      return { ok: false, code: NOT_YET, reason: `${path} was not read yet`, message: 'not read yet' };
    }
    const r = this.reads.get(hp);
    if (r && r.status === 0) return { ok: true, text: r.text };
    if (r && r.status === 2) return { ok: false, code: 'EFBIG', reason: `${path} is larger than the helper reads of one file`, message: 'file too large' };
    const e = this.lsError(hp) ?? { code: 'EACCES', message: 'Permission denied' };
    return { ok: false, ...explainError(path, { code: e.code, message: e.message }, 'helper'), message: e.message };
  }

  listDir(path: string): DirResult {
    const hp = this.need('d', path);
    if (hp === null) return { ok: false, code: NOT_YET, reason: `${path} was not listed yet` };
    const names = this.dirs.get(hp);
    if (names) {
      // Each interface of a listed class/net is read next: its directory, its small files, its master.
      if (path.endsWith('/class/net')) {
        for (const n of names) {
          this.expect('d', `${path}/${n}`);
          for (const f of LINK_FILES) this.expect('r', `${path}/${n}/${f}`);
          this.expect('l', `${path}/${n}/master`);
        }
      }
      return { ok: true, names: [...names].sort() };
    }
    const e = this.dirErrors.get(hp) ?? this.lsError(hp);
    if (e) return { ok: false, ...explainError(path, { code: e.code, message: e.message }, 'helper') };
    return { ok: true, names: [] };
  }

  statInode(path: string): InodeResult {
    const hp = this.need('l', path);
    if (hp === null) return { ok: false, code: NOT_YET, message: 'not read yet' };
    const e = this.lsError(hp);
    if (e) return { ok: false, ...e };
    // An nsfs link reads "type:[inode]", the inode stat() returns through it.
    const m = /^[a-z_]+:\[(\d+)\]$/.exec(this.ls.get(hp)?.target ?? '');
    if (!m) return { ok: false, code: 'EINVAL', message: `${path} is not a namespace link` };
    const big = BigInt(m[1]);
    return { ok: true, ino: big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big };
  }

  readLink(path: string): string | null {
    const hp = this.need('l', path);
    return hp === null ? null : (this.ls.get(hp)?.target ?? null);
  }

  exists(path: string): boolean {
    const hp = this.need('l', path);
    return hp !== null && (this.ls.get(hp)?.exists ?? false);
  }
}
