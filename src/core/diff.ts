import {
  NAMESPACE_TYPES,
  hasProcess,
  isUnavailable,
  type ContainerAnatomy,
  type DiffVerdict,
  type HostAnatomy,
  type Maybe,
  type NamespaceDiff,
  type NamespaceType,
  type Side,
} from './model';

export interface DiffSide extends Side {
  inodes: Record<NamespaceType, Maybe<number>>;
  /** The process whose namespaces these are: a container's init, or 'self' for the host (this process). */
  pid: Maybe<number> | 'self';
  /** false for a container with no process (created, exited): it has no namespaces at all. */
  running?: boolean;
}

export function hostSide(host: HostAnatomy): DiffSide {
  const inodes = {} as Record<NamespaceType, Maybe<number>>;
  for (const t of NAMESPACE_TYPES) inodes[t] = host.namespaces[t].inode;
  return { kind: 'host', label: 'host', inodes, pid: 'self' };
}

export function containerSide(c: ContainerAnatomy): DiffSide {
  const inodes = {} as Record<NamespaceType, Maybe<number>>;
  for (const t of NAMESPACE_TYPES) inodes[t] = c.namespaces[t].inode;
  return { kind: 'container', label: c.name, id: c.id, inodes, pid: c.pid, running: hasProcess(c.state) };
}

function verdict(a: Maybe<number>, b: Maybe<number>): DiffVerdict {
  if (isUnavailable(a) || isUnavailable(b)) return 'unknown';
  return a.value === b.value ? 'same' : 'different';
}

/**
 * Whether the two sides' kernels are one: set for sides on different engines. A namespace
 * belongs to one kernel, so across kernels nothing is shared, and inodes that happen to be equal
 * (the initial namespaces have fixed numbers on every kernel) are not "same"; where it is not
 * known whether the kernel is one, neither is sharing.
 */
export type KernelRelation = 'same' | 'different' | 'unknown';

function acrossKernels(v: DiffVerdict, kernels: KernelRelation | undefined): DiffVerdict {
  if (!kernels || kernels === 'same') return v;
  return kernels === 'different' ? 'different' : 'unknown';
}

/** Per namespace type: same or different inode, each row with the topic that explains it. */
export function diffNamespaces(left: DiffSide, right: DiffSide, kernels?: KernelRelation): NamespaceDiff {
  const strip = (s: DiffSide): Side => (s.id ? { kind: s.kind, label: s.label, id: s.id } : { kind: s.kind, label: s.label });
  return {
    left: strip(left),
    right: strip(right),
    rows: NAMESPACE_TYPES.map((type) => {
      const v = acrossKernels(verdict(left.inodes[type], right.inodes[type]), kernels);
      // Unknown because a side is not running is not a failed read: there is nothing to read.
      const unknown = left.running === false || right.running === false ? 'diff.notRunning' : 'diff.unknown';
      const topic = kernels && kernels !== 'same' ? `diff.kernels.${kernels}` : v === 'unknown' ? unknown : `diff.${type}.${v}`;
      return { type, left: left.inodes[type], right: right.inodes[type], verdict: v, topic, nsTopic: `ns.${type}` };
    }),
    ...(kernels ? { kernels: { relation: kernels, topic: `diff.kernels.${kernels}` } } : {}),
  };
}

export function diffContainerWithHost(c: ContainerAnatomy, h: HostAnatomy): NamespaceDiff {
  return diffNamespaces(containerSide(c), hostSide(h));
}

export function diffContainers(a: ContainerAnatomy, b: ContainerAnatomy, kernels?: KernelRelation): NamespaceDiff {
  return diffNamespaces(containerSide(a), containerSide(b), kernels);
}
