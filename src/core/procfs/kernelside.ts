/**
 * The kernel's half of a container's cgroup anatomy (what the files say), before the
 * engine's declared values and the machine caps are joined in by limits.ts.
 */
import { unavailable, type ChainLevel, type CpuChainLevel, type Maybe, type Unavailable } from '../model';
import { isWithin } from './cgfile';
import { isNormalAbsolute } from './files';
import type { CgroupLayout } from './cgroup';

export interface KernelAndEffective<T, L extends ChainLevel<T> = ChainLevel<T>> {
  kernel: Maybe<T | null>;
  effective: Maybe<T | null>;
  /** The levels from the root cgroup down to the container's own (limits and weights, not reservations). */
  chain?: Maybe<L[]>;
}

export interface KernelSide {
  memory: {
    limit: KernelAndEffective<number>;
    reservation: KernelAndEffective<number>;
    swap: KernelAndEffective<number>;
    usage: Maybe<number>;
    oomKills: Maybe<number>;
  };
  cpu: {
    cpus: KernelAndEffective<number, CpuChainLevel>;
    quotaUs: Maybe<number | null>;
    periodUs: Maybe<number>;
    shares: KernelAndEffective<number>;
    weight: Maybe<number>;
    usageNs: Maybe<number>;
    throttledPeriods: Maybe<number>;
  };
  cpuset: { cpus: KernelAndEffective<string>; mems: KernelAndEffective<string> };
  pids: { max: KernelAndEffective<number>; current: Maybe<number> };
  io: { weight: KernelAndEffective<number> };
}

/**
 * A cgroup directory, the directory of its mount (where walking up stops), and the cgroup
 * path that mount shows as its root ("/" unless the mount is of a sub-tree).
 */
export interface Scope {
  dir: string;
  stop: string;
  root: string;
}

/**
 * Why a control file is missing. The root cgroup of a hierarchy has no limit files (no
 * memory.max, pids.max, pids.current, ...): a process there is limited by nothing below the
 * machine itself.
 */
export function whyMissing(s: Scope, otherwise: string): string {
  return s.dir === s.stop
    ? 'the process sits in the root cgroup of this hierarchy, which has no such file (the root takes no limits)'
    : otherwise;
}

export type ScopeOf = (key: string, what: string) => Scope | Unavailable;

/** Builds the scope lookup for a set of resolved directories. */
export function scopes(layout: CgroupLayout, dirs: Record<string, string>, fsRoot: string): ScopeOf {
  const prefix = layout.fsRoot ? '' : fsRoot;
  const mountDirs = layout.mounts.map((m) => prefix + m.mountPoint);
  const mountsNormal = mountDirs.map(isNormalAbsolute);
  return (key, what) => {
    const dir = dirs[key];
    if (dir === undefined) {
      const where = key === 'unified' ? 'the cgroup2 hierarchy' : `a cgroup v1 hierarchy with the ${key} controller`;
      return unavailable(`cannot read ${what}: the container's /proc/PID/cgroup names no cgroup in ${where} that is mounted here`);
    }
    // The longest mount directory that contains dir is its hierarchy's root directory.
    let stop = dir;
    let root = '/';
    let best = -1;
    const dirNormal = isNormalAbsolute(dir);
    for (let i = 0; i < mountDirs.length; i++) {
      const m = mountDirs[i];
      if (m.length > best && isWithin(m, dir, dirNormal && mountsNormal[i])) {
        best = m.length;
        stop = m;
        root = layout.mounts[i].root;
      }
    }
    return { dir, stop, root };
  };
}

/** Every kernel-side field set to the same reason (not running, or no cgroup paths). */
export function allUnavailable(reason: string): KernelSide {
  const u = unavailable(reason);
  const ke = { kernel: u, effective: u, chain: u };
  return {
    memory: { limit: ke, reservation: ke, swap: ke, usage: u, oomKills: u },
    cpu: { cpus: ke, quotaUs: u, periodUs: u, shares: ke, weight: u, usageNs: u, throttledPeriods: u },
    cpuset: { cpus: ke, mems: ke },
    pids: { max: ke, current: u },
    io: { weight: ke },
  };
}
