/**
 * A container's limits three ways: declared (HostConfig, from the engine), kernel (the
 * container's own cgroup file) and effective (after ancestors and the machine itself).
 */
import { fact, isFact, isUnavailable, unavailable, type CgroupAnatomy, type ChainLevel, type Limit, type Maybe } from '../model';
import type { CgroupLayout } from './cgroup';
import { countCpuList } from './files';
import { allUnavailable, scopes, type KernelAndEffective, type KernelSide } from './kernelside';
import { readV1 } from './limits-v1';
import { readV2 } from './limits-v2';

export interface HostConfigLimits {
  Memory?: number;
  MemoryReservation?: number;
  MemorySwap?: number;
  NanoCpus?: number;
  CpuQuota?: number;
  CpuPeriod?: number;
  CpuShares?: number;
  CpusetCpus?: string;
  CpusetMems?: string;
  PidsLimit?: number | null;
  BlkioWeight?: number;
}

export interface DeclaredLimits {
  memory: number | null;
  memoryReservation: number | null;
  memorySwap: number | null;
  cpus: number | null;
  cpuQuotaUs: number | null;
  cpuPeriodUs: number | null;
  cpuShares: number | null;
  cpusetCpus: string | null;
  cpusetMems: string | null;
  pidsMax: number | null;
  blkioWeight: number | null;
}

/** A positive number, else null (the engine reads unset fields back as 0). */
const positive = (n: number | null | undefined): number | null => (typeof n === 'number' && n > 0 ? n : null);
const nonEmpty = (s: string | undefined): string | null => (s ? s : null);

/**
 * What Docker was told. Unset numbers read back as 0 and mean unlimited/default (null);
 * MemorySwap -1 is unlimited; PidsLimit null, 0 and -1 all leave pids.max at "max".
 */
export function declaredLimits(hc: HostConfigLimits): DeclaredLimits {
  const quota = positive(hc.CpuQuota);
  const period = positive(hc.CpuPeriod);
  const nano = positive(hc.NanoCpus);
  const cpus = nano !== null ? nano / 1e9 : quota !== null ? quota / (period ?? 100000) : null;
  return {
    memory: positive(hc.Memory),
    memoryReservation: positive(hc.MemoryReservation),
    memorySwap: positive(hc.MemorySwap),
    cpus,
    cpuQuotaUs: quota,
    cpuPeriodUs: period,
    cpuShares: positive(hc.CpuShares),
    cpusetCpus: nonEmpty(hc.CpusetCpus),
    cpusetMems: nonEmpty(hc.CpusetMems),
    pidsMax: positive(hc.PidsLimit),
    blkioWeight: positive(hc.BlkioWeight),
  };
}

export interface CgroupReadContext {
  layout: CgroupLayout;
  dirs: Maybe<Record<string, string>>;
  hostConfig: HostConfigLimits;
  memTotalBytes: Maybe<number>;
  onlineCpus: Maybe<number>;
  running: boolean;
  /** Prefix for the layout's mount points when the layout was read without one (fixtures). */
  fsRoot?: string;
  /** /info CgroupVersion ("1" or "2"): the tie-break when the container is in both kinds of hierarchy. */
  engineCgroupVersion?: string;
}

export const NOT_RUNNING = 'the container is not running: it has no cgroup until it starts';

function limit<T>(declared: T | null, ke: KernelAndEffective<T>): Limit<T> {
  return { declared: fact(declared, 'engine'), kernel: ke.kernel, effective: ke.effective };
}

/** A cap: the three views plus who binds. */
function capLimit<T>(declared: T | null, ke: KernelAndEffective<T>, boundBy: Maybe<string | null>): Limit<T> {
  // Written out, not spread from limit(): seven a container, and a spread copies property by property.
  return { declared: fact(declared, 'engine'), kernel: ke.kernel, effective: ke.effective, boundBy };
}

const HOST = 'host';

/**
 * Who sets a numeric cap: the deepest level of the chain whose own value is the effective one
 * (on a tie the container's own setting is named), else "host" when the machine's size is the
 * effective value, else null when nothing limits.
 */
export function numericBoundBy(chain: Maybe<ChainLevel<number>[]> | undefined, effective: Maybe<number | null>, hostCap: number | null): Maybe<string | null> {
  if (isUnavailable(effective)) return effective;
  if (effective.value === null) return fact(null, 'procfs');
  if (chain === undefined || isUnavailable(chain)) return chain ?? unavailable('no chain was read for this limit');
  for (let i = chain.value.length - 1; i >= 0; i--) if (chain.value[i].value === effective.value) return fact(chain.value[i].path, 'procfs');
  if (hostCap !== null && effective.value === hostCap) return fact(HOST, 'procfs');
  return unavailable(`no level of the cgroup chain holds the effective value ${effective.value}: it is combined from several levels`);
}

/**
 * Who sets a cpuset: "host" when the effective set is the root's (every CPU or node), else
 * the topmost level that narrows to it (v1 copies a parent's set into each new child, so the
 * one that chose it is the highest level holding it).
 */
export function cpusetBoundBy(chain: Maybe<ChainLevel<string>[]> | undefined, effective: Maybe<string | null>, online: number | null = null): Maybe<string | null> {
  if (isUnavailable(effective)) return effective;
  if (chain === undefined || isUnavailable(chain)) return chain ?? unavailable('no chain was read for this limit');
  const levels = chain.value;
  const e = effective.value?.trim() ?? null;
  const root = levels[0]?.value ?? null;
  const everyCpu = online !== null && e !== null && countCpuList(e) === online;
  if (everyCpu || levels.every((l) => l.value === null) || (root !== null && root.trim() === e)) return fact(HOST, 'procfs');
  const at = levels.find((l) => l.value !== null && l.value.trim() === e);
  if (at) return fact(at.path, 'procfs');
  return unavailable(`no level of the cgroup chain holds the effective set ${JSON.stringify(e)}: it is the overlap of several levels`);
}

/** min(value, cap) where null (unlimited) yields the cap; an unknown cap leaves the value. */
function capBy(m: Maybe<number | null>, ...caps: (number | null)[]): Maybe<number | null> {
  if (isUnavailable(m)) return m;
  let v = m.value;
  for (const c of caps) if (c !== null) v = v === null ? c : Math.min(v, c);
  return fact(v, m.source);
}

function kernelSide(ctx: CgroupReadContext): KernelSide {
  if (!ctx.running) return allUnavailable(NOT_RUNNING);
  if (isUnavailable(ctx.dirs)) return allUnavailable(ctx.dirs.unavailable);
  const scope = scopes(ctx.layout, ctx.dirs.value, ctx.fsRoot ?? '');
  if (limitsVersion(ctx.dirs.value, ctx.engineCgroupVersion, ctx.layout.version) === 'v1') return readV1(scope);
  const s = scope('unified', 'cgroup v2 files');
  return 'dir' in s ? readV2(s) : allUnavailable(s.unavailable);
}

/**
 * Which kind of hierarchy holds this container's limits, from its own /proc/PID/cgroup lines
 * (`dirs`): v1 when a line names a real v1 controller, v2 when only the cgroup2 line (and
 * named-only v1 hierarchies such as name=systemd, which hold no limits) are there. In both, the
 * engine's CgroupVersion decides (a hybrid host keeps its controllers on v1; cgroup2 there is
 * systemd's), and without it the host's layout.
 */
export function limitsVersion(dirs: Record<string, string>, engineCgroupVersion: string | undefined, layoutVersion: CgroupLayout['version']): 'v1' | 'v2' {
  const v1 = Object.keys(dirs).some((k) => k !== 'unified' && !k.startsWith('name='));
  const v2 = 'unified' in dirs;
  if (v1 !== v2) return v1 ? 'v1' : 'v2';
  if (engineCgroupVersion === '1' || engineCgroupVersion === '2') return `v${engineCgroupVersion}`;
  return layoutVersion === 'v2' ? 'v2' : 'v1';
}

/** The usage counters alone (memory, CPU time, throttling, pids, OOM kills): what a timer re-reads. */
export function readUsage(ctx: CgroupReadContext): Pick<KernelSide['memory'], 'usage' | 'oomKills'> & Pick<KernelSide['cpu'], 'usageNs' | 'throttledPeriods'> & { pidsCurrent: Maybe<number> } {
  const k = kernelSide(ctx);
  return { usage: k.memory.usage, oomKills: k.memory.oomKills, usageNs: k.cpu.usageNs, throttledPeriods: k.cpu.throttledPeriods, pidsCurrent: k.pids.current };
}

export function readCgroupAnatomy(ctx: CgroupReadContext): CgroupAnatomy {
  const d = declaredLimits(ctx.hostConfig);
  const k = kernelSide(ctx);
  const memTotal = isFact(ctx.memTotalBytes) ? ctx.memTotalBytes.value : null;
  const online = isFact(ctx.onlineCpus) ? ctx.onlineCpus.value : null;
  // A cpuset of N CPUs can never give more than N CPUs of time, whatever the quota says.
  const eff = k.cpuset.cpus.effective;
  const cpusetCount = isFact(eff) && eff.value !== null ? countCpuList(eff.value) || null : null;
  const memEffective = capBy(k.memory.limit.effective, memTotal);
  const cpusEffective = capBy(k.cpu.cpus.effective, online, cpusetCount);
  const cpusetBound = cpusetBoundBy(k.cpuset.cpus.chain, k.cpuset.cpus.effective, online);
  let cpuBound = numericBoundBy(k.cpu.cpus.chain, cpusEffective, online);
  // Fewer CPUs in the cpuset than online: the cpuset's level is what binds the CPU time.
  if (isUnavailable(cpuBound) && isFact(cpusEffective) && cpusEffective.value === cpusetCount) cpuBound = cpusetBound;
  const unset = unavailable(NOT_RUNNING);
  const chainOf = <L>(c: Maybe<L[]> | undefined): Maybe<L[]> => c ?? unset;
  return {
    paths: ctx.running ? ctx.dirs : unavailable(NOT_RUNNING),
    memory: {
      limitBytes: capLimit(d.memory, { kernel: k.memory.limit.kernel, effective: memEffective }, numericBoundBy(k.memory.limit.chain, memEffective, memTotal)),
      reservationBytes: limit(d.memoryReservation, k.memory.reservation),
      swapLimitBytes: capLimit(d.memorySwap, k.memory.swap, numericBoundBy(k.memory.swap.chain, k.memory.swap.effective, null)),
      usageBytes: k.memory.usage,
      oomKills: k.memory.oomKills,
    },
    cpu: {
      cpus: capLimit(d.cpus, { kernel: k.cpu.cpus.kernel, effective: cpusEffective }, cpuBound),
      quotaUs: k.cpu.quotaUs,
      periodUs: k.cpu.periodUs,
      shares: limit(d.cpuShares, k.cpu.shares),
      weight: k.cpu.weight,
      usageNs: k.cpu.usageNs,
      throttledPeriods: k.cpu.throttledPeriods,
    },
    cpuset: {
      cpus: capLimit(d.cpusetCpus, k.cpuset.cpus, cpusetBound),
      mems: capLimit(d.cpusetMems, k.cpuset.mems, cpusetBoundBy(k.cpuset.mems.chain, k.cpuset.mems.effective)),
    },
    pids: { max: capLimit(d.pidsMax, k.pids.max, numericBoundBy(k.pids.max.chain, k.pids.max.effective, null)), current: k.pids.current },
    io: { weight: limit(d.blkioWeight, k.io.weight) },
    chain: {
      memory: chainOf(k.memory.limit.chain),
      memorySwap: chainOf(k.memory.swap.chain),
      cpu: chainOf(k.cpu.cpus.chain),
      cpusetCpus: chainOf(k.cpuset.cpus.chain),
      cpusetMems: chainOf(k.cpuset.mems.chain),
      pids: chainOf(k.pids.max.chain),
      ioWeight: chainOf(k.io.weight.chain),
    },
  };
}
