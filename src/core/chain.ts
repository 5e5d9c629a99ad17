/**
 * The cgroup chain of each limit, as views read it: which limit a chain belongs to, the
 * container's own level, and in what way the effective value is bound (its own cgroup, an
 * ancestor, the machine, nothing). Relative weights are shares among siblings, never caps.
 */
import type { LimitKind } from './format';
import { isFact, type CgroupChains, type ChainLevel, type ContainerAnatomy, type Limit, type Maybe } from './model';

export type ChainKey = keyof CgroupChains;

export interface ChainSpec {
  key: ChainKey;
  kind: LimitKind;
  /** A weight: shares among siblings at each level, not a cap. */
  relative: boolean;
  /** For a weight, the catalog topic that says what it means, when not the general chain.relative. */
  relativeTopic?: string;
  /** The file each level holds, v1 then v2. */
  files: [string, string];
  /** Catalog topic of the limit. */
  topic: string;
  limit(c: ContainerAnatomy): Limit<number | string>;
}

export const CHAIN_SPECS: readonly ChainSpec[] = [
  { key: 'memory', topic: 'cgroup.memory.limit', kind: 'bytes', relative: false, files: ['memory.limit_in_bytes', 'memory.max'], limit: (c) => c.cgroup.memory.limitBytes },
  { key: 'memorySwap', topic: 'cgroup.memory.swap', kind: 'bytes', relative: false, files: ['memory.memsw.limit_in_bytes', 'memory.max + memory.swap.max'], limit: (c) => c.cgroup.memory.swapLimitBytes },
  { key: 'cpu', topic: 'cgroup.cpu.cpus', kind: 'cpus', relative: false, files: ['cpu.cfs_quota_us / cpu.cfs_period_us', 'cpu.max'], limit: (c) => c.cgroup.cpu.cpus },
  { key: 'cpusetCpus', topic: 'cgroup.cpuset.cpus', kind: 'string', relative: false, files: ['cpuset.cpus', 'cpuset.cpus'], limit: (c) => c.cgroup.cpuset.cpus },
  { key: 'cpusetMems', topic: 'cgroup.cpuset.mems', kind: 'string', relative: false, files: ['cpuset.mems', 'cpuset.mems'], limit: (c) => c.cgroup.cpuset.mems },
  { key: 'pids', topic: 'cgroup.pids.max', kind: 'count', relative: false, files: ['pids.max', 'pids.max'], limit: (c) => c.cgroup.pids.max },
  { key: 'ioWeight', topic: 'cgroup.io.weight', kind: 'count', relative: true, relativeTopic: 'chain.relative.io', files: ['blkio.weight / blkio.bfq.weight', 'io.weight'], limit: (c) => c.cgroup.io.weight },
];

export function chainOf(c: ContainerAnatomy, key: ChainKey): Maybe<ChainLevel<number | string>[]> {
  return c.cgroup.chain?.[key] ?? { unavailable: 'this snapshot carries no cgroup chain' };
}

/** How the effective value of a cap is bound. */
export type Binding =
  | { kind: 'own'; path: string }
  | { kind: 'ancestor'; path: string; own: string }
  | { kind: 'host' }
  | { kind: 'none' }
  | { kind: 'unknown'; reason: string };

/** From a limit's boundBy and its chain: the container's own cgroup, an ancestor, the machine, or nothing. */
export function bindingOf(limit: Limit<unknown>, chain: Maybe<ChainLevel<unknown>[]>): Binding {
  const b = limit.boundBy;
  if (b === undefined) return { kind: 'unknown', reason: 'not a cap' };
  if (!isFact(b)) return { kind: 'unknown', reason: b.unavailable };
  if (b.value === null) return { kind: 'none' };
  if (b.value === 'host') return { kind: 'host' };
  const own = isFact(chain) && chain.value.length > 0 ? chain.value[chain.value.length - 1].path : undefined;
  return own === undefined || own === b.value ? { kind: 'own', path: b.value } : { kind: 'ancestor', path: b.value, own };
}
