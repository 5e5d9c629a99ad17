/**
 * cgroup v2: one unified hierarchy; a controller's files exist in a cgroup only when its
 * parent enables the controller in cgroup.subtree_control.
 */
import { fact, isUnavailable, unavailable, type Maybe } from '../model';
import {
  keyOf, parseCount, parseLimit, parseList, parseWeight, readFile, readOwn, walkMin,
  type Outcome, type Parsed,
} from './cgfile';
import { whyMissing, type KernelAndEffective, type KernelSide, type Scope } from './kernelside';

function notEnabled(ctrl: string, s: Scope): string {
  return whyMissing(s, `the ${ctrl} controller is not enabled for this cgroup (see cgroup.subtree_control of its parent)`);
}

/** cpu.max: "max 100000" or "50000 100000". */
function parseCpuMax(text: string): Parsed<{ quota: number | null; period: number }> {
  const m = /^(max|\d+)\s+(\d+)\s*$/.exec(text.trim());
  if (!m || Number(m[2]) === 0) return { ok: false, why: `expected "max 100000" or "QUOTA PERIOD", read ${JSON.stringify(text.trim().slice(0, 40))}` };
  return { ok: true, value: { quota: m[1] === 'max' ? null : Number(m[1]), period: Number(m[2]) } };
}

function ratioAt(d: string): Outcome<number | null> {
  const o = readFile(d, 'cpu.max', parseCpuMax);
  if (o.kind !== 'value') return o;
  return { kind: 'value', value: o.value.quota === null ? null : o.value.quota / o.value.period };
}

function memory(s: Scope): KernelSide['memory'] {
  const own = (file: string) => readOwn(s.dir, file, parseLimit, notEnabled('memory', s));
  const walk = (file: string) => walkMin(s.dir, s.stop, (d) => readFile(d, file, parseLimit));
  const limitK = own('memory.max');
  const limitE = isUnavailable(limitK) ? limitK : walk('memory.max');
  const swapOnlyK = readOwn(s.dir, 'memory.swap.max', parseLimit, 'this kernel does not account swap per cgroup (no CONFIG_MEMCG_SWAP, or swapaccount=0)');
  const swapOnlyE = isUnavailable(swapOnlyK) ? swapOnlyK : walk('memory.swap.max');
  // memory.low 0 (the default) is "no protection", which Docker calls no reservation: null.
  const low = own('memory.low');
  const resK = isUnavailable(low) ? low : fact(low.value === 0 ? null : low.value, 'procfs');
  return {
    limit: { kernel: limitK, effective: limitE },
    // memory.low is a protection, not a ceiling that ancestors tighten: effective = own.
    reservation: { kernel: resK, effective: resK },
    // v2's memory.swap.max holds swap alone, while Docker's MemorySwap (and v1's memsw) is
    // memory + swap. We report memory.max + memory.swap.max so every version shows the same
    // quantity; unlimited if either part is unlimited.
    swap: { kernel: sumLimits(limitK, swapOnlyK), effective: sumLimits(limitE, swapOnlyE) },
    usage: readOwn(s.dir, 'memory.current', parseCount, notEnabled('memory', s)),
    oomKills: readOwn(s.dir, 'memory.events', keyOf('oom_kill'), notEnabled('memory', s)),
  };
}

function sumLimits(a: Maybe<number | null>, b: Maybe<number | null>): Maybe<number | null> {
  if (isUnavailable(a)) return a;
  if (isUnavailable(b)) return b;
  return fact(a.value === null || b.value === null ? null : a.value + b.value, 'procfs');
}

function cpu(s: Scope): KernelSide['cpu'] {
  const max = readOwn(s.dir, 'cpu.max', parseCpuMax, notEnabled('cpu', s));
  const cpusK: Maybe<number | null> = isUnavailable(max) ? max : fact(max.value.quota === null ? null : max.value.quota / max.value.period, 'procfs');
  const usageUs = readOwn(s.dir, 'cpu.stat', keyOf('usage_usec'), 'cpu.stat is always present in cgroup v2');
  const shares = unavailable('cgroup v2 has no cpu.shares; the kernel holds cpu.weight instead (see weight)');
  return {
    cpus: { kernel: cpusK, effective: isUnavailable(cpusK) ? cpusK : walkMin(s.dir, s.stop, ratioAt) },
    quotaUs: isUnavailable(max) ? max : fact(max.value.quota, 'procfs'),
    periodUs: isUnavailable(max) ? max : fact(max.value.period, 'procfs'),
    shares: { kernel: shares, effective: shares },
    weight: readOwn(s.dir, 'cpu.weight', parseWeight, notEnabled('cpu', s)),
    usageNs: isUnavailable(usageUs) ? usageUs : fact(usageUs.value * 1000, 'procfs'),
    throttledPeriods: readOwn(s.dir, 'cpu.stat', keyOf('nr_throttled'), notEnabled('cpu', s)),
  };
}

function cpuset(s: Scope): KernelSide['cpuset'] {
  const one = (own: string): KernelAndEffective<string> => {
    const k = readOwn(s.dir, own, parseList, notEnabled('cpuset', s));
    return {
      // An empty cpuset.cpus in v2 means "no restriction of its own; use the parent's".
      kernel: isUnavailable(k) ? k : fact(k.value === '' ? null : k.value, 'procfs'),
      effective: readOwn(s.dir, `${own}.effective`, parseList, notEnabled('cpuset', s)),
    };
  };
  return { cpus: one('cpuset.cpus'), mems: one('cpuset.mems') };
}

function pids(s: Scope): KernelSide['pids'] {
  const k = readOwn(s.dir, 'pids.max', parseLimit, notEnabled('pids', s));
  return {
    max: { kernel: k, effective: isUnavailable(k) ? k : walkMin(s.dir, s.stop, (d) => readFile(d, 'pids.max', parseLimit)) },
    current: readOwn(s.dir, 'pids.current', parseCount, notEnabled('pids', s)),
  };
}

function io(s: Scope): KernelSide['io'] {
  // runc writes BlkioWeight to io.bfq.weight when BFQ is in use, else io.weight.
  const bfq = readFile(s.dir, 'io.bfq.weight', parseWeight);
  let k: Maybe<number>;
  if (bfq.kind === 'value') k = fact(bfq.value, 'procfs');
  else if (bfq.kind === 'bad') k = unavailable(bfq.reason);
  else k = readOwn(s.dir, 'io.weight', parseWeight, `io.bfq.weight does not exist either: ${notEnabled('io', s)}, or no weight-based I/O control is available`);
  // Weights are relative among siblings, not a ceiling: effective = own.
  return { weight: { kernel: k, effective: k } };
}

export async function readV2(s: Scope): Promise<KernelSide> {
  // Synchronous underneath (see readTextSync); the promise keeps callers independent of that.
  const [m, c, cs, p, i] = [memory(s), cpu(s), cpuset(s), pids(s), io(s)];
  return { memory: m, cpu: c, cpuset: cs, pids: p, io: i };
}
