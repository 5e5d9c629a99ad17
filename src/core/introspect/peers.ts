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
 * shows only some containers). Returns the ids of the containers whose links changed.
 */
export function linkContainers(containers: ContainerAnatomy[], host?: HostAnatomy, peers: LinkPeer[] = []): Set<string> {
  const all = [...containers.map(peerOf), ...peers.filter((p) => !containers.some((c) => c.id === p.id))];
  const names = new Map(all.map((c) => [c.id, c.name]));
  const changed = new Set<string>();
  const rename = (c: ContainerAnatomy, sw: { id: string; name: string | null } | undefined): void => {
    if (!sw) return;
    const name = names.get(sw.id) ?? sw.name;
    if (name !== sw.name) changed.add(c.id);
    sw.name = name;
  };
  for (const t of NAMESPACE_TYPES) {
    const hostIno = host?.namespaces[t].inode;
    const byInode = new Map<number, string[]>();
    for (const p of all) {
      const ino = p.inodes[t];
      if (ino === undefined || (isFact(hostIno) && hostIno.value === ino)) continue;
      const holders = byInode.get(ino);
      if (holders) holders.push(p.name);
      else byInode.set(ino, [p.name]);
    }
    for (const c of containers) {
      const ns = c.namespaces[t];
      const next = isFact(ns.inode) ? (byInode.get(ns.inode.value) ?? []).filter((n) => n !== c.name).sort() : [];
      if (!sameNames(ns.sharedWithContainers, next)) changed.add(c.id);
      ns.sharedWithContainers = next;
      rename(c, ns.mode.sharesWith);
    }
  }
  for (const c of containers) rename(c, c.network.sharesWith);
  return changed;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}
