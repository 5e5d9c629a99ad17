/**
 * cgroup v1 (and the v1 half of a hybrid host): one hierarchy per controller group, files
 * named after the controller (memory.limit_in_bytes, cpu.cfs_quota_us, pids.max, ...).
 */
import * as path from 'path';
import { fact, isUnavailable, unavailable, type ChainLevel, type CpuChainLevel, type Maybe } from '../model';
import {
  chainMin, keyOf, levelOf, limitChain, limitKeyOf, mapFact, parseCount, parseLimit, parseList, parseWeight, readFile, readOwn, walkChain,
  type Outcome,
} from './cgfile';
import { whyMissing, type KernelAndEffective, type KernelSide, type Scope, type ScopeOf } from './kernelside';

const NOT_ACCOUNTED_SWAP =
  'this kernel does not account swap per cgroup (built without CONFIG_MEMCG_SWAP, or booted with swapaccount=0), ' +
  "so Docker's MemorySwap is not enforced here";

function missing(ctrl: string, s: Scope): string {
  return whyMissing(s, `the ${ctrl} controller of this kernel does not provide it`);
}

type Chain = Maybe<ChainLevel<number>[]>;

/** The chain of a limit whose own file read as `own`: unavailable with the same reason when it did not. */
function chainIf(own: Maybe<unknown>, chain: () => Chain): Chain {
  return isUnavailable(own) ? own : chain();
}

/** Effective v1 memory limit: memory.stat's hierarchical value, else the smallest level of the chain. */
function memoryEffective(s: Scope, statKey: string, chain: Chain): Maybe<number | null> {
  if (isUnavailable(chain)) return chain;
  // The kernel already folds the ancestors in (memory cgroup-v1 doc, section 5.2).
  const h = readFile(s.dir, 'memory.stat', limitKeyOf(statKey));
  if (h.kind === 'value') return fact(h.value, 'procfs');
  return fact(chainMin(chain.value), 'procfs');
}

function memory(scope: ScopeOf): KernelSide['memory'] {
  const s = scope('memory', 'memory limits');
  if (!('dir' in s)) return { limit: { kernel: s, effective: s, chain: s }, reservation: { kernel: s, effective: s }, swap: { kernel: s, effective: s, chain: s }, usage: s, oomKills: s };
  const limitK = readOwn(s.dir, 'memory.limit_in_bytes', parseLimit, missing('memory', s));
  const swapK = readOwn(s.dir, 'memory.memsw.limit_in_bytes', parseLimit, NOT_ACCOUNTED_SWAP);
  const resK = readOwn(s.dir, 'memory.soft_limit_in_bytes', parseLimit, missing('memory', s));
  // Usage: memory.usage_in_bytes, the figure the engine's /stats reports as memory_stats.usage,
  // so the two views agree. It is approximate (per-CPU charge batching); when the file is
  // missing we fall back to total_rss + total_cache from memory.stat.
  let usage: Maybe<number> = readOwn(s.dir, 'memory.usage_in_bytes', parseCount, missing('memory', s));
  if (isUnavailable(usage)) {
    const rss = readFile(s.dir, 'memory.stat', keyOf('total_rss'));
    const cache = readFile(s.dir, 'memory.stat', keyOf('total_cache'));
    if (rss.kind === 'value' && cache.kind === 'value') usage = fact(rss.value + cache.value, 'procfs');
  }
  const limitC = chainIf(limitK, () => limitChain(s, 'memory.limit_in_bytes'));
  const swapC = chainIf(swapK, () => limitChain(s, 'memory.memsw.limit_in_bytes'));
  return {
    limit: { kernel: limitK, effective: memoryEffective(s, 'hierarchical_memory_limit', limitC), chain: limitC },
    // A soft limit is a reclaim target, not a ceiling that ancestors tighten: effective = own.
    reservation: { kernel: resK, effective: resK },
    swap: { kernel: swapK, effective: memoryEffective(s, 'hierarchical_memsw_limit', swapC), chain: swapC },
    usage,
    oomKills: readOwn(s.dir, 'memory.oom_control', keyOf('oom_kill'), 'the kernel reports OOM kills per cgroup only from Linux 4.13'),
  };
}

/** quota/period at `d` as a chain level; quota -1 means no quota. */
function cpuLevelAt(d: string, p: string): Outcome<CpuChainLevel> {
  const q = readFile(d, 'cpu.cfs_quota_us', parseLimit);
  if (q.kind !== 'value') return q;
  const per = readFile(d, 'cpu.cfs_period_us', parseCount);
  if (per.kind !== 'value') return per;
  if (per.value === 0) return { kind: 'bad', reason: `${path.join(d, 'cpu.cfs_period_us')} reads 0` };
  return { kind: 'value', value: { path: p, value: q.value === null ? null : q.value / per.value, quotaUs: q.value, periodUs: per.value } };
}

export function cpuChain(s: Scope): Maybe<CpuChainLevel[]> {
  return walkChain<CpuChainLevel>(s, cpuLevelAt, (p) => ({ path: p, value: null, quotaUs: null, periodUs: null }));
}

function cpu(scope: ScopeOf): KernelSide['cpu'] {
  const s = scope('cpu', 'CPU limits');
  const acct = scope('cpuacct', 'CPU usage');
  const usageNs = 'dir' in acct ? readOwn(acct.dir, 'cpuacct.usage', parseCount, missing('cpuacct', acct)) : acct;
  const weight = unavailable('cgroup v1 has no cpu.weight; the kernel holds cpu.shares instead');
  if (!('dir' in s)) return { cpus: { kernel: s, effective: s, chain: s }, quotaUs: s, periodUs: s, shares: { kernel: s, effective: s }, weight, usageNs, throttledPeriods: s };
  const own = cpuLevelAt(s.dir, '');
  const cpusK: Maybe<number | null> = own.kind === 'value' ? fact(own.value.value, 'procfs') : unavailable(own.kind === 'missing' ? `${own.reason}: ${missing('cpu', s)} (CFS bandwidth control)` : own.reason);
  const chain = isUnavailable(cpusK) ? cpusK : cpuChain(s);
  const sharesK = readOwn(s.dir, 'cpu.shares', parseCount, missing('cpu', s));
  return {
    cpus: { kernel: cpusK, effective: mapFact(chain, chainMin), chain },
    quotaUs: readOwn(s.dir, 'cpu.cfs_quota_us', parseLimit, missing('cpu', s)),
    periodUs: readOwn(s.dir, 'cpu.cfs_period_us', parseCount, missing('cpu', s)),
    // Shares are relative among siblings, not a ceiling: effective = own.
    shares: { kernel: sharesK, effective: sharesK },
    weight,
    usageNs,
    throttledPeriods: readOwn(s.dir, 'cpu.stat', keyOf('nr_throttled'), missing('cpu', s)),
  };
}

function cpusetOf(scope: ScopeOf): KernelSide['cpuset'] {
  const s = scope('cpuset', 'the cpuset');
  if (!('dir' in s)) return { cpus: { kernel: s, effective: s, chain: s }, mems: { kernel: s, effective: s, chain: s } };
  const one = (own: string, eff: string): KernelAndEffective<string> => {
    const kernel = readOwn(s.dir, own, parseList, missing('cpuset', s));
    const chain = isUnavailable(kernel) ? kernel : walkChain<ChainLevel<string>>(s, (d, p) => levelOf(readFile(d, own, parseList), p), (p) => ({ path: p, value: null }));
    return { kernel, effective: readOwn(s.dir, eff, parseList, missing('cpuset', s)), chain };
  };
  return { cpus: one('cpuset.cpus', 'cpuset.effective_cpus'), mems: one('cpuset.mems', 'cpuset.effective_mems') };
}

function pids(scope: ScopeOf): KernelSide['pids'] {
  const s = scope('pids', 'the PID limit');
  if (!('dir' in s)) return { max: { kernel: s, effective: s, chain: s }, current: s };
  const k = readOwn(s.dir, 'pids.max', parseLimit, missing('pids', s));
  const chain = chainIf(k, () => limitChain(s, 'pids.max'));
  return {
    max: { kernel: k, effective: mapFact(chain, chainMin), chain },
    current: readOwn(s.dir, 'pids.current', parseCount, missing('pids', s)),
  };
}

function io(scope: ScopeOf): KernelSide['io'] {
  const s = scope('blkio', 'the block I/O weight');
  if (!('dir' in s)) return { weight: { kernel: s, effective: s, chain: s } };
  // blkio.weight belongs to the legacy CFQ scheduler; kernels without it expose BFQ's
  // blkio.bfq.weight, which runc writes instead. Every cgroup below a hierarchy's root has the
  // same files (the kernel makes them from the controller's list), so when the parent, itself
  // below the root, has no blkio.weight, the container has none either: since Linux 5.0 (no
  // CFQ) every container's read of it failed, and a failed read costs several times a good one.
  let file = 'blkio.weight';
  const parent = s.dir === s.stop ? null : path.dirname(s.dir);
  const noCfq = parent !== null && parent !== s.stop && readFile(parent, file, parseWeight).kind === 'missing';
  let k: Maybe<number> = noCfq ? unavailable('no CFQ weight') : readOwn(s.dir, file, parseWeight, 'no CFQ weight');
  if (isUnavailable(k)) {
    file = 'blkio.bfq.weight';
    const bfq = readFile(s.dir, file, parseWeight);
    if (bfq.kind === 'value') k = fact(bfq.value, 'procfs');
    else if (bfq.kind === 'bad') k = unavailable(bfq.reason);
    else k = unavailable(`neither blkio.weight nor blkio.bfq.weight exists in ${s.dir}: no I/O scheduler with weights (CFQ or BFQ) is available`);
  }
  // Weights are relative among siblings, not a ceiling: effective = own; the chain shows each level's share.
  return { weight: { kernel: k, effective: k, chain: chainIf(k, () => limitChain(s, file, parseWeight)) } };
}

export function readV1(scope: ScopeOf): KernelSide {
  const [m, c, cs, p, i] = [memory(scope), cpu(scope), cpusetOf(scope), pids(scope), io(scope)];
  return { memory: m, cpu: c, cpuset: cs, pids: p, io: i };
}
