/**
 * Cross-container facts: who holds the same namespace inode, and donor names.
 */
import { NAMESPACE_TYPES, isFact, type ContainerAnatomy, type HostAnatomy, type NamespaceType } from '../model';
import { readNamespaces } from '../procfs/ns';
import type { HostContext, RawInspect } from './context';

/** A container seen only for linking: its name and namespace inodes. */
export interface LinkPeer {
  id: string;
  name: string;
  inodes: Partial<Record<NamespaceType, number>>;
}

export function peerOf(c: ContainerAnatomy): LinkPeer {
  const inodes: Partial<Record<NamespaceType, number>> = {};
  for (const t of NAMESPACE_TYPES) {
    const ino = c.namespaces[t].inode;
    if (isFact(ino)) inodes[t] = ino.value;
  }
  return { id: c.id, name: c.name, inodes };
}

/** Reads just enough of a running container to know which namespaces it holds. */
export async function readPeer(raw: RawInspect, ctx: HostContext): Promise<LinkPeer | null> {
  const pid = Number(raw.State?.Pid ?? 0);
  if (!pid || ctx.notLocal) return null;
  const ns = await readNamespaces(ctx.roots.procRoot, pid);
  const inodes: Partial<Record<NamespaceType, number>> = {};
  for (const t of NAMESPACE_TYPES) if (isFact(ns[t])) inodes[t] = ns[t].value;
  return { id: String(raw.Id), name: String(raw.Name ?? raw.Id).replace(/^\//, ''), inodes };
}

/**
 * Cross-container facts that need the whole set: who else holds the same namespace inode,
 * and donor names for container:<id> modes (a rename changes them). Namespaces that are the
 * host's own are not listed as shared between containers: "shared with host" says it.
 * `peers` are containers not in the list that still count as sharers (e.g. when the CLI
 * shows only some containers).
 */
export function linkContainers(containers: ContainerAnatomy[], host?: HostAnatomy, peers: LinkPeer[] = []): void {
  const all = [...containers.map(peerOf), ...peers.filter((p) => !containers.some((c) => c.id === p.id))];
  const names = new Map(all.map((c) => [c.id, c.name]));
  for (const t of NAMESPACE_TYPES) {
    const hostIno = host?.namespaces[t].inode;
    const byInode = new Map<number, string[]>();
    for (const p of all) {
      const ino = p.inodes[t];
      if (ino !== undefined && !(isFact(hostIno) && hostIno.value === ino)) byInode.set(ino, [...(byInode.get(ino) ?? []), p.name]);
    }
    for (const c of containers) {
      const ino = c.namespaces[t].inode;
      c.namespaces[t].sharedWithContainers = isFact(ino) ? (byInode.get(ino.value) ?? []).filter((n) => n !== c.name).sort() : [];
      const sw = c.namespaces[t].mode.sharesWith;
      if (sw) sw.name = names.get(sw.id) ?? sw.name;
    }
  }
  for (const c of containers) {
    const sw = c.network.sharesWith;
    if (sw) sw.name = names.get(sw.id) ?? sw.name;
  }
}
