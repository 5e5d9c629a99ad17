/**
 * A container's limits three ways: declared (HostConfig, from the engine), kernel (the
 * container's own cgroup file) and effective (after ancestors and the machine itself).
 */
import { fact, isFact, isUnavailable, unavailable, type CgroupAnatomy, type Limit, type Maybe } from '../model';
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

/** min(value, cap) where null (unlimited) yields the cap; an unknown cap leaves the value. */
function capBy(m: Maybe<number | null>, ...caps: (number | null)[]): Maybe<number | null> {
  if (isUnavailable(m)) return m;
  let v = m.value;
  for (const c of caps) if (c !== null) v = v === null ? c : Math.min(v, c);
  return fact(v, m.source);
}

async function kernelSide(ctx: CgroupReadContext): Promise<KernelSide> {
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
export async function readUsage(ctx: CgroupReadContext): Promise<Pick<KernelSide['memory'], 'usage' | 'oomKills'> & Pick<KernelSide['cpu'], 'usageNs' | 'throttledPeriods'> & { pidsCurrent: Maybe<number> }> {
  const k = await kernelSide(ctx);
  return { usage: k.memory.usage, oomKills: k.memory.oomKills, usageNs: k.cpu.usageNs, throttledPeriods: k.cpu.throttledPeriods, pidsCurrent: k.pids.current };
}

export async function readCgroupAnatomy(ctx: CgroupReadContext): Promise<CgroupAnatomy> {
  const d = declaredLimits(ctx.hostConfig);
  const k = await kernelSide(ctx);
  const memTotal = isFact(ctx.memTotalBytes) ? ctx.memTotalBytes.value : null;
  const online = isFact(ctx.onlineCpus) ? ctx.onlineCpus.value : null;
  // A cpuset of N CPUs can never give more than N CPUs of time, whatever the quota says.
  const eff = k.cpuset.cpus.effective;
  const cpusetCount = isFact(eff) && eff.value !== null ? countCpuList(eff.value) || null : null;
  return {
    paths: ctx.running ? ctx.dirs : unavailable(NOT_RUNNING),
    memory: {
      limitBytes: limit(d.memory, { kernel: k.memory.limit.kernel, effective: capBy(k.memory.limit.effective, memTotal) }),
      reservationBytes: limit(d.memoryReservation, k.memory.reservation),
      swapLimitBytes: limit(d.memorySwap, k.memory.swap),
      usageBytes: k.memory.usage,
      oomKills: k.memory.oomKills,
    },
    cpu: {
      cpus: limit(d.cpus, { kernel: k.cpu.cpus.kernel, effective: capBy(k.cpu.cpus.effective, online, cpusetCount) }),
      quotaUs: k.cpu.quotaUs,
      periodUs: k.cpu.periodUs,
      shares: limit(d.cpuShares, k.cpu.shares),
      weight: k.cpu.weight,
      usageNs: k.cpu.usageNs,
      throttledPeriods: k.cpu.throttledPeriods,
    },
    cpuset: { cpus: limit(d.cpusetCpus, k.cpuset.cpus), mems: limit(d.cpusetMems, k.cpuset.mems) },
    pids: { max: limit(d.pidsMax, k.pids.max), current: k.pids.current },
    io: { weight: limit(d.blkioWeight, k.io.weight) },
  };
}
