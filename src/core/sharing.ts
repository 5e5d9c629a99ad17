/**
 * Sharing, with a subject and a peer: "this container joined X's net namespace", "X joined
 * this container's", "shared with the host", "own". Every view (tree, hovers, panels, CLI)
 * words a namespace's sharing from this one model, so none can name a container as its own peer.
 */
import { explain, type Lang } from './catalog/index';
import { isFact, isUnavailable, NAMESPACE_TYPES, type ContainerAnatomy, type ContainerNamespace, type NamespaceMode, type NamespaceType } from './model';

/** Namespaces Docker lets one container join from another (`--network/--pid/--ipc container:X`). */
export const JOINABLE: ReadonlySet<NamespaceType> = new Set<NamespaceType>(['net', 'pid', 'ipc']);

export type SharingKind = 'own' | 'host' | 'joined' | 'joinedBy' | 'shared' | 'unknown';

export interface Sharing {
  kind: SharingKind;
  /**
   * joined: the container whose namespace this one joined, then any others also in it;
   * joinedBy: the containers that joined this one's; shared: the others in the same namespace.
   */
  peers: string[];
  /** kernel: the namespace inodes say so; docker: only Docker's setting does (no process to read yet). */
  basis: 'kernel' | 'docker';
  /** Why it is unknown. */
  reason?: string;
  /** With basis docker: no setting decided it, Docker's default did (time, user without remapping, an empty PidMode …). */
  byDefault?: boolean;
}

/** A donor's display name: its name, or the short id when the engine did not say. */
function donorName(ns: ContainerNamespace): string | undefined {
  const s = ns.mode.sharesWith;
  return s ? (s.name ?? s.id.slice(0, 12)) : undefined;
}

/** What Docker's setting alone says, for a container whose namespaces cannot be read. */
function declared(ns: ContainerNamespace, reason: string): Sharing {
  const v = ns.mode.value;
  const donor = donorName(ns);
  if (donor) return { kind: 'joined', peers: [donor], basis: 'docker' };
  // No setting for this type, or an empty one: what Docker does unless told otherwise.
  const byDefault = !ns.mode.field || v === '' || ns.type === 'mnt' ? { byDefault: true } : {};
  if (v === 'host' || (v === '' && ns.mode.engineDefault === 'host')) return { kind: 'host', peers: [], basis: 'docker', ...byDefault };
  const own =
    (v === '' && ns.mode.engineDefault === 'own') ||
    ns.type === 'mnt' ||
    (ns.type === 'net' && v !== '' && !v.startsWith('container:')) ||
    ((ns.type === 'pid' || ns.type === 'uts') && v === '') ||
    (ns.type === 'ipc' && (v === '' || v === 'private' || v === 'shareable' || v === 'none')) ||
    (ns.type === 'cgroup' && v === 'private');
  return own ? { kind: 'own', peers: [], basis: 'docker', ...byDefault } : { kind: 'unknown', peers: [], basis: 'docker', reason };
}

/** Who else holds this namespace, as far as the model can tell. */
export function sharingOf(ns: ContainerNamespace): Sharing {
  if (isUnavailable(ns.inode)) return declared(ns, ns.inode.unavailable);
  if (isFact(ns.sharedWithHost) && ns.sharedWithHost.value) return { kind: 'host', peers: [], basis: 'kernel' };
  const others = ns.sharedWithContainers;
  // The kernel says who shares the inode; Docker's container:<id> setting says who joined whom
  // (a restarted donor no longer holds it, so the setting counts only when the inodes agree).
  const donor = ns.mode.sharesWith?.name ?? undefined;
  if (donor && others.includes(donor)) return { kind: 'joined', peers: [donor, ...others.filter((n) => n !== donor)], basis: 'kernel' };
  if (others.length) {
    const joiner = !ns.mode.sharesWith && JOINABLE.has(ns.type);
    return { kind: joiner ? 'joinedBy' : 'shared', peers: [...others], basis: 'kernel' };
  }
  if (isFact(ns.sharedWithHost)) return { kind: 'own', peers: [], basis: 'kernel' };
  return { kind: 'unknown', peers: [], basis: 'kernel', reason: ns.sharedWithHost.unavailable };
}

/**
 * The catalog topic of the sentence that says it, e.g. `sharing.joined` or `sharing.declared.joined`.
 * `running`: the container has a process, so a sharing known from Docker's setting alone is one
 * whose namespace could not be read (`sharing.unread.*`), not one still to come at its start.
 */
export function sharingSentenceTopic(s: Sharing, running = false): string {
  if (s.basis !== 'docker' || s.kind === 'unknown') return `sharing.${s.kind}`;
  const byDefault = s.byDefault && (s.kind === 'own' || s.kind === 'host');
  if (running && (s.kind === 'own' || s.kind === 'host' || s.kind === 'joined')) return byDefault ? `sharing.unread.default.${s.kind}` : `sharing.unread.${s.kind}`;
  return byDefault ? `sharing.default.${s.kind}` : `sharing.declared.${s.kind}`;
}

/**
 * The catalog topic that says what this kind of sharing means for this namespace type. An own
 * net namespace of `--network none` has only lo: no addresses, no way out, nothing to publish.
 */
export function sharingMeaningTopic(type: NamespaceType, s: Sharing, mode?: NamespaceMode): string {
  switch (s.kind) {
    case 'own': return type === 'net' && mode?.value === 'none' ? 'net.mode.none' : `ns.${type}.own`;
    case 'host': return `ns.${type}.host`;
    case 'unknown': return `ns.${type}`;
    default: return `ns.${type}.container`;
  }
}

/** Placeholder values for the sharing topics: type, peer (the first one) and peers (all). */
export function sharingVars(type: NamespaceType, s: Sharing): Record<string, string> {
  return { type, peer: s.peers[0] ?? '', peers: s.peers.join(', ') };
}

export interface SharingWords {
  /** Short, for a tree description or a table cell: "joined web", "shared with host". */
  label: string;
  /** The whole sentence with its subject: "This container joined web's net namespace." */
  sentence: string;
}

/** The words for a sharing, in `lang` (`running`: see sharingSentenceTopic). */
export function sharingWords(type: NamespaceType, s: Sharing, lang: Lang, running = false): SharingWords {
  const e = explain(sharingSentenceTopic(s, running), lang, sharingVars(type, s));
  return { label: e?.title ?? s.kind, sentence: e?.summary ?? '' };
}

/** Every namespace of a container with its sharing, in the model's order. */
export function containerSharing(c: ContainerAnatomy): { type: NamespaceType; ns: ContainerNamespace; sharing: Sharing }[] {
  return (Object.keys(c.namespaces) as NamespaceType[]).map((type) => ({ type, ns: c.namespaces[type], sharing: sharingOf(c.namespaces[type]) }));
}

/**
 * "net joins web · pid host": the namespaces Docker's settings (not its defaults) do not leave
 * private, as a stopped container's one line says them.
 */
export function declaredSharing(c: ContainerAnatomy, lang: Lang): { type: NamespaceType; label: string }[] {
  const out: { type: NamespaceType; label: string }[] = [];
  for (const type of NAMESPACE_TYPES) {
    const ns = c.namespaces[type];
    if (!ns || !ns.mode.field || !ns.mode.value) continue;
    const s = sharingOf(ns);
    if (s.kind === 'host' || s.kind === 'joined') out.push({ type, label: sharingWords(type, s, lang).label });
  }
  return out;
}

