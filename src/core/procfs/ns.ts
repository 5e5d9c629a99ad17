/**
 * Namespace identity from /proc/PID/ns/<type>. Two processes share a namespace exactly when
 * stat() (which follows the magic link into nsfs) returns the same inode. lstat() would give
 * the proc symlink's own inode, so it is never used here.
 */
import { NAMESPACE_TYPES, fact, unavailable, type Maybe, type NamespaceType } from '../model';
import { files, joinPath, reader, type Reader } from './files';

/**
 * What follows a refused namespace link, by who was refused. Root can be refused too: the
 * check also compares capabilities and asks any security module, and a supervisor's PID 1 is
 * often kept from everyone.
 */
const PTRACE_ADVICE: Record<Reader, string> = {
  user: `; run as root (or the container's owner), or let the helper container read it (even root can be refused, e.g. for a supervisor's PID 1 or by a security module)`,
  root: ` even to root here, as it can for a supervisor's PID 1 or under a security module`,
  helper: ` even to the helper container (root on the engine's host), as it can for a supervisor's PID 1 or under a security module`,
};

/** The first kernel version that has each namespace link. */
const SINCE: Record<NamespaceType, string> = {
  cgroup: '4.6',
  ipc: '3.0',
  mnt: '3.8',
  net: '3.0',
  pid: '3.8',
  time: '5.6',
  user: '3.8',
  uts: '3.0',
};

export async function readNamespaceInode(procRoot: string, pid: number | 'self', type: NamespaceType): Promise<Maybe<number>> {
  return readNamespaceInodeSync(procRoot, pid, type);
}

/** readNamespaceInode without the promise: a container's eight are read in one go. */
function readNamespaceInodeSync(procRoot: string, pid: number | 'self', type: NamespaceType): Maybe<number> {
  const link = joinPath(procRoot, String(pid), 'ns', type);
  // nsfs: no disk behind it, see files.ts.
  const st = files().statInode(link);
  if (st.ok) {
    if (typeof st.ino === 'number') return fact(st.ino, 'procfs');
    return unavailable(`the inode of ${link} (${st.ino}) is too large to hold exactly`);
  }
  const code = st.code;
  if (code === 'EACCES' || code === 'EPERM') {
    return unavailable(`permission denied reading ${link}: the kernel's ptrace check refuses it${PTRACE_ADVICE[reader()]}`);
  }
  if (code === 'ENOENT') {
    if (files().exists(joinPath(procRoot, String(pid)))) {
      return unavailable(`${link} does not exist: this kernel has no ${type} namespace (it needs Linux ${SINCE[type]} or later, built with it)`);
    }
    return unavailable(`${link} does not exist: process ${pid} has exited (or is not visible from this PID namespace)`);
  }
  if (code === 'ESRCH') {
    return unavailable(`process ${pid} exited while ${link} was being read; refresh to read the container again`);
  }
  return unavailable(`could not stat ${link} (${code}: ${st.message})`);
}

/** A process's eight namespace inodes (synchronous: see files.ts). */
export function readNamespaces(procRoot: string, pid: number | 'self'): Record<NamespaceType, Maybe<number>> {
  const values = NAMESPACE_TYPES.map((t) => readNamespaceInodeSync(procRoot, pid, t));
  const out = {} as Record<NamespaceType, Maybe<number>>;
  NAMESPACE_TYPES.forEach((t, i) => {
    out[t] = values[i];
  });
  return out;
}
