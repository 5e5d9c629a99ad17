/**
 * A container's namespaces (by inode, against the host's) and its process: NSpid, id maps,
 * and whether this machine's /proc/PID is the container's at all.
 */
import {
  NAMESPACE_TYPES,
  fact,
  isFact,
  isUnavailable,
  unavailable,
  type ContainerNamespace,
  type ContainerState,
  type Maybe,
  type NamespaceMode,
  type NamespaceType,
  type ProcessAnatomy,
} from '../model';
import { readTextSync } from '../procfs/files';
import { readNamespaces } from '../procfs/ns';
import { readIdMap, readNSpid, rootIsHostRoot } from '../procfs/process';
import { notRunningReason, shareTarget, type HostContext, type RawInspect } from './context';

const MODE_FIELD: Record<NamespaceType, string | null> = {
  pid: 'PidMode',
  net: 'NetworkMode',
  ipc: 'IpcMode',
  uts: 'UTSMode',
  user: 'UsernsMode',
  cgroup: 'CgroupnsMode',
  mnt: null,
  time: null,
};

export function namespacesOf(
  raw: RawInspect,
  pid: number | null,
  state: ContainerState,
  ctx: HostContext,
): Record<NamespaceType, ContainerNamespace> {
  const hc = raw.HostConfig ?? {};
  const out = {} as Record<NamespaceType, ContainerNamespace>;
  const inodes = pid !== null && !ctx.notLocal ? readNamespaces(ctx.roots.procRoot, pid) : null;
  const remapped = ctx.host.engine.securityOptions.some((o) => o.split(',').includes('name=userns'));
  for (const t of NAMESPACE_TYPES) {
    const field = MODE_FIELD[t];
    const value = field ? String(hc[field] ?? '') : '';
    const sharesWith = shareTarget(value, ctx.names);
    let inode: Maybe<number>;
    if (ctx.notLocal) inode = unavailable(ctx.notLocal);
    else if (!inodes) inode = unavailable(notRunningReason(state, `/proc/PID/ns/${t}`));
    else inode = inodes[t];
    const compare = (other: Maybe<number>, who: string): Maybe<boolean> => {
      if (isUnavailable(inode)) return inode;
      if (isUnavailable(other)) return unavailable(`${who}'s ${t} namespace is unreadable: ${other.unavailable}`);
      return fact(inode.value === other.value, 'procfs');
    };
    out[t] = {
      type: t,
      inode,
      sharedWithHost: compare(ctx.host.namespaces[t].inode, ctx.host.engine.rootless ? 'RootlessKit' : 'this process'),
      sharedWithPid1: compare(ctx.host.namespaces[t].pid1Inode, 'PID 1'),
      mode: { field, value, ...(sharesWith ? { sharesWith } : {}), ...engineDefault(t, remapped) },
      sharedWithContainers: [],
    };
  }
  return out;
}

/** What Docker does with a namespace no setting decides (see NamespaceMode.engineDefault). */
export function engineDefault(t: NamespaceType, remapped: boolean): Pick<NamespaceMode, 'engineDefault'> {
  if (t === 'time') return { engineDefault: 'host' };
  if (t === 'user') return { engineDefault: remapped ? 'own' : 'host' };
  return {};
}

export function processOf(raw: RawInspect, pid: number | null, state: ContainerState, ctx: HostContext, userInode?: Maybe<number>): ProcessAnatomy {
  const hostname: Maybe<string> = raw.Config?.Hostname ? fact(String(raw.Config.Hostname), 'engine') : unavailable('the engine did not report a hostname');
  if (pid === null) {
    const why = unavailable(notRunningReason(state, 'process'));
    return { hostPid: why, nspid: why, uidMap: why, gidMap: why, rootIsHostRoot: why, hostname };
  }
  const hostPid = fact(pid, 'engine');
  if (ctx.notLocal) {
    const why = unavailable(ctx.notLocal);
    return { hostPid, nspid: why, uidMap: why, gidMap: why, rootIsHostRoot: why, hostname };
  }
  // A container in this process's own user namespace has this process's id maps (the maps
  // belong to the namespace, and the reader is the same): they were read once, host side.
  // (With a rootless engine the host side's namespaces are RootlessKit's, not this process's.)
  const host = ctx.host.process;
  const self = ctx.host.engine.rootless ? undefined : ctx.host.namespaces.user.inode;
  const shared = isFact(userInode) && isFact(self) && userInode.value === self.value;
  const nspid = readNSpid(ctx.roots.procRoot, pid);
  const uidMap = shared && host && isFact(host.uidMap) ? host.uidMap : readIdMap(ctx.roots.procRoot, pid, 'uid_map');
  const gidMap = shared && host && isFact(host.gidMap) ? host.gidMap : readIdMap(ctx.roots.procRoot, pid, 'gid_map');
  const rootIs: Maybe<boolean> = isFact(uidMap) ? fact(rootIsHostRoot(uidMap.value), 'procfs') : uidMap;
  return { hostPid, nspid, uidMap, gidMap, rootIsHostRoot: rootIs, hostname };
}

/** True when /proc/PID on this machine belongs to this container (its cgroup path names the id). */
export function pidIsThisContainer(procRoot: string, pid: number, id: string): Maybe<true> {
  // Through the snapshot's read cache: resolveCgroupDirs reads the same file next.
  const r = readTextSync(`${procRoot}/${pid}/cgroup`);
  if (r.ok) {
    if (r.text.includes(id)) return fact(true, 'procfs');
    return unavailable(
      `PID ${pid} on this machine is not this container (its cgroup does not name ${id.slice(0, 12)}): the engine probably runs in a VM (Docker Desktop) or another PID namespace`,
    );
  }
  if (r.code === 'ENOENT') return unavailable(`no process ${pid} on this machine: the engine runs elsewhere (a VM or another PID namespace), or the container just stopped`);
  return unavailable(`cannot read ${procRoot}/${pid}/cgroup: ${r.message}`);
}
