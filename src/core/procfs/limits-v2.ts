/**
 * cgroup v2: one unified hierarchy; a controller's files exist in a cgroup only when its
 * parent enables the controller in cgroup.subtree_control.
 */
import { fact, isUnavailable, unavailable, type ChainLevel, type CpuChainLevel, type Maybe } from '../model';
import {
  chainMin, keyOf, levelOf, limitChain, mapFact, parseCount, parseLimit, parseList, parseWeight, readFile, readOwn, walkChain,
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

function cpuLevelAt(d: string, p: string): Outcome<CpuChainLevel> {
  const o = readFile(d, 'cpu.max', parseCpuMax);
  if (o.kind !== 'value') return o;
  const { quota, period } = o.value;
  return { kind: 'value', value: { path: p, value: quota === null ? null : quota / period, quotaUs: quota, periodUs: period } };
}

export function cpuChain(s: Scope): Maybe<CpuChainLevel[]> {
  return walkChain<CpuChainLevel>(s, cpuLevelAt, (p) => ({ path: p, value: null, quotaUs: null, periodUs: null }));
}

type Chain = Maybe<ChainLevel<number>[]>;

function memory(s: Scope): KernelSide['memory'] {
  const own = (file: string) => readOwn(s.dir, file, parseLimit, notEnabled('memory', s));
  const chainOf = (k: Maybe<unknown>, file: string): Chain => (isUnavailable(k) ? k : limitChain(s, file));
  const limitK = own('memory.max');
  const limitC = chainOf(limitK, 'memory.max');
  const limitE = mapFact(limitC, chainMin);
  const swapOnlyK = readOwn(s.dir, 'memory.swap.max', parseLimit, 'this kernel does not account swap per cgroup (no CONFIG_MEMCG_SWAP, or swapaccount=0)');
  const swapOnlyC = chainOf(swapOnlyK, 'memory.swap.max');
  const swapOnlyE = mapFact(swapOnlyC, chainMin);
  // memory.low 0 (the default) is "no protection", which Docker calls no reservation: null.
  const low = own('memory.low');
  const resK = isUnavailable(low) ? low : fact(low.value === 0 ? null : low.value, 'procfs');
  return {
    limit: { kernel: limitK, effective: limitE, chain: limitC },
    // memory.low is a protection, not a ceiling that ancestors tighten: effective = own.
    reservation: { kernel: resK, effective: resK },
    // v2's memory.swap.max holds swap alone, while Docker's MemorySwap (and v1's memsw) is
    // memory + swap. We report memory.max + memory.swap.max so every version shows the same
    // quantity; unlimited if either part is unlimited.
    // Each level of the chain likewise holds its memory.max + memory.swap.max.
    swap: { kernel: sumLimits(limitK, swapOnlyK), effective: sumLimits(limitE, swapOnlyE), chain: sumChains(limitC, swapOnlyC) },
    usage: readOwn(s.dir, 'memory.current', parseCount, notEnabled('memory', s)),
    oomKills: readOwn(s.dir, 'memory.events', keyOf('oom_kill'), notEnabled('memory', s)),
  };
}

function sumLimits(a: Maybe<number | null>, b: Maybe<number | null>): Maybe<number | null> {
  if (isUnavailable(a)) return a;
  if (isUnavailable(b)) return b;
  return fact(a.value === null || b.value === null ? null : a.value + b.value, 'procfs');
}

/** Level by level a + b (the two chains walk the same directories). */
function sumChains(a: Chain, b: Chain): Chain {
  if (isUnavailable(a)) return a;
  if (isUnavailable(b)) return b;
  return fact(a.value.map((l, i) => ({ path: l.path, value: l.value === null || b.value[i].value === null ? null : l.value + (b.value[i].value ?? 0) })), 'procfs');
}

function cpu(s: Scope): KernelSide['cpu'] {
  const max = readOwn(s.dir, 'cpu.max', parseCpuMax, notEnabled('cpu', s));
  const cpusK: Maybe<number | null> = isUnavailable(max) ? max : fact(max.value.quota === null ? null : max.value.quota / max.value.period, 'procfs');
  const chain = isUnavailable(max) ? max : cpuChain(s);
  const usageUs = readOwn(s.dir, 'cpu.stat', keyOf('usage_usec'), 'cpu.stat is always present in cgroup v2');
  const shares = unavailable('cgroup v2 has no cpu.shares; the kernel holds cpu.weight instead (see weight)');
  return {
    cpus: { kernel: cpusK, effective: mapFact(chain, chainMin), chain },
    quotaUs: isUnavailable(max) ? max : fact(max.value.quota, 'procfs'),
    periodUs: isUnavailable(max) ? max : fact(max.value.period, 'procfs'),
    shares: { kernel: shares, effective: shares },
    weight: readOwn(s.dir, 'cpu.weight', parseWeight, notEnabled('cpu', s)),
    usageNs: isUnavailable(usageUs) ? usageUs : fact(usageUs.value * 1000, 'procfs'),
    throttledPeriods: readOwn(s.dir, 'cpu.stat', keyOf('nr_throttled'), notEnabled('cpu', s)),
  };
}

const orNull = (list: string): string | null => (list === '' ? null : list);

function mapOutcome<T, U>(o: Outcome<T>, fn: (v: T) => U): Outcome<U> {
  return o.kind === 'value' ? { kind: 'value', value: fn(o.value) } : o;
}

function cpuset(s: Scope): KernelSide['cpuset'] {
  const one = (own: string): KernelAndEffective<string> => {
    // An empty cpuset.cpus in v2 means "no restriction of its own; use the parent's".
    const k = mapFact(readOwn(s.dir, own, parseList, notEnabled('cpuset', s)), orNull);
    const at = (d: string, p: string): Outcome<ChainLevel<string>> => levelOf(mapOutcome(readFile(d, own, parseList), orNull), p);
    return {
      kernel: k,
      effective: readOwn(s.dir, `${own}.effective`, parseList, notEnabled('cpuset', s)),
      chain: isUnavailable(k) ? k : walkChain<ChainLevel<string>>(s, at, (p) => ({ path: p, value: null })),
    };
  };
  return { cpus: one('cpuset.cpus'), mems: one('cpuset.mems') };
}

function pids(s: Scope): KernelSide['pids'] {
  const k = readOwn(s.dir, 'pids.max', parseLimit, notEnabled('pids', s));
  const chain = isUnavailable(k) ? k : limitChain(s, 'pids.max');
  return {
    max: { kernel: k, effective: mapFact(chain, chainMin), chain },
    current: readOwn(s.dir, 'pids.current', parseCount, notEnabled('pids', s)),
  };
}

function io(s: Scope): KernelSide['io'] {
  // runc writes BlkioWeight to io.bfq.weight when BFQ is in use, else io.weight.
  const bfq = readFile(s.dir, 'io.bfq.weight', parseWeight);
  let k: Maybe<number>;
  let file = 'io.bfq.weight';
  if (bfq.kind === 'value') k = fact(bfq.value, 'procfs');
  else if (bfq.kind === 'bad') k = unavailable(bfq.reason);
  else {
    file = 'io.weight';
    k = readOwn(s.dir, file, parseWeight, `io.bfq.weight does not exist either: ${notEnabled('io', s)}, or no weight-based I/O control is available`);
  }
  // Weights are relative among siblings, not a ceiling: effective = own; the chain shows each level's share.
  return { weight: { kernel: k, effective: k, chain: isUnavailable(k) ? k : limitChain(s, file, parseWeight) } };
}

export function readV2(s: Scope): KernelSide {
  const [m, c, cs, p, i] = [memory(s), cpu(s), cpuset(s), pids(s), io(s)];
  return { memory: m, cpu: c, cpuset: cs, pids: p, io: i };
}
