/**
 * Usage counters (memory, CPU time, throttling, pids, OOM kills) move all the time; limits and
 * namespaces do not. A view that shows usage has them re-read on a timer while it is visible:
 * only /sys files, never an engine request (the tree, below).
 *
 * The Limits panel draws usage over time against the limits: one sample a second while it
 * shows, from the container's cgroup files when this machine can read them, else from the
 * Engine's stats. A sample is a handful of small synchronous reads, well under a millisecond.
 */
import * as path from 'path';
import type { HostContext } from './introspect';
import { hasProcess, isFact, type ContainerAnatomy, type UsageSample } from './model';
import { keyOf, parseCount, readFile, type Outcome, type Parsed } from './procfs/cgfile';
import { withReadCache } from './procfs/files';
import { readUsage } from './procfs/limits';

/** Copies of the running containers whose usage changed, with the new values and usageReadAt. */
export function refreshUsageOf(containers: ContainerAnatomy[], ctx: HostContext): Promise<ContainerAnatomy[]> {
  const layout = ctx.layout;
  if (!isFact(layout)) return Promise.resolve([]);
  const read = async (): Promise<ContainerAnatomy[]> => {
    const out: ContainerAnatomy[] = [];
    for (const c of containers) {
      if (!hasProcess(c.state) || !isFact(c.cgroup.paths) || c.readAt === null) continue;
      const at = new Date().toISOString();
      const u = await readUsage({
        layout: layout.value,
        dirs: c.cgroup.paths,
        hostConfig: {},
        memTotalBytes: ctx.host.memTotalBytes,
        onlineCpus: ctx.host.onlineCpus,
        running: true,
        fsRoot: ctx.roots.fsRoot,
        engineCgroupVersion: ctx.host.engine.cgroupVersion,
      });
      const g = c.cgroup;
      const next = {
        ...g,
        memory: { ...g.memory, usageBytes: u.usage, oomKills: u.oomKills },
        cpu: { ...g.cpu, usageNs: u.usageNs, throttledPeriods: u.throttledPeriods },
        pids: { ...g.pids, current: u.pidsCurrent },
      };
      if (JSON.stringify(next) === JSON.stringify(g)) continue;
      out.push({ ...c, cgroup: next, usageReadAt: at });
    }
    return out;
  };
  // The engine host's files, through the helper when the snapshot read them that way; a helper
  // that stopped leaves the usage as last read (the next snapshot starts a new one).
  return ctx.reader ? ctx.reader.run(read, false).catch(() => []) : withReadCache(read);
}

/** Counters as read at one instant; null where this source has no such figure. */
export interface UsageReading {
  /** ms since the epoch. */
  t: number;
  memoryBytes: number | null;
  pids: number | null;
  /** Cumulative CPU time, ns. */
  cpuNs: number | null;
  /** Cumulative periods in which the quota ran out. */
  throttledPeriods: number | null;
  /** Cumulative OOM kills in this cgroup. */
  oomKills: number | null;
}

/** Five minutes at one sample a second. */
export const HISTORY = 300;

export type UsageSource = 'procfs' | 'engine';

export interface UsageReader {
  readonly source: UsageSource;
  read(): Promise<UsageReading | { unavailable: string }>;
}

type File = { dir: string; file: string; parse: (t: string) => Parsed<number> };

function value(o: Outcome<number>): number | null {
  return o.kind === 'value' ? o.value : null;
}

/**
 * A reader of the container's own cgroup files, or undefined when the snapshot has no local
 * cgroup directories (engine in a VM, remote, not running).
 */
export function cgroupUsageReader(c: ContainerAnatomy): UsageReader | undefined {
  if (!isFact(c.cgroup.paths)) return undefined;
  const dirs = c.cgroup.paths.value;
  let files: Record<keyof Omit<UsageReading, 't'>, File | undefined>;
  if (dirs.memory !== undefined || dirs.pids !== undefined || dirs.cpu !== undefined) {
    files = {
      memoryBytes: dirs.memory ? { dir: dirs.memory, file: 'memory.usage_in_bytes', parse: parseCount } : undefined,
      pids: dirs.pids ? { dir: dirs.pids, file: 'pids.current', parse: parseCount } : undefined,
      cpuNs: dirs.cpuacct ? { dir: dirs.cpuacct, file: 'cpuacct.usage', parse: parseCount } : undefined,
      throttledPeriods: dirs.cpu ? { dir: dirs.cpu, file: 'cpu.stat', parse: keyOf('nr_throttled') } : undefined,
      oomKills: dirs.memory ? { dir: dirs.memory, file: 'memory.oom_control', parse: keyOf('oom_kill') } : undefined,
    };
  } else if (dirs.unified !== undefined) {
    const d = dirs.unified;
    const usec = keyOf('usage_usec');
    files = {
      memoryBytes: { dir: d, file: 'memory.current', parse: parseCount },
      pids: { dir: d, file: 'pids.current', parse: parseCount },
      cpuNs: { dir: d, file: 'cpu.stat', parse: (t) => { const p = usec(t); return p.ok ? { ok: true, value: p.value * 1000 } : p; } },
      throttledPeriods: { dir: d, file: 'cpu.stat', parse: keyOf('nr_throttled') },
      oomKills: { dir: d, file: 'memory.events', parse: keyOf('oom_kill') },
    };
  } else return undefined;
  const probe = files.memoryBytes ?? files.pids;
  return {
    source: 'procfs',
    async read() {
      const r = (f: File | undefined): number | null => (f ? value(readFile(f.dir, f.file, f.parse)) : null);
      const reading: UsageReading = {
        t: Date.now(),
        memoryBytes: r(files.memoryBytes),
        pids: r(files.pids),
        cpuNs: r(files.cpuNs),
        throttledPeriods: r(files.throttledPeriods),
        oomKills: r(files.oomKills),
      };
      if (reading.memoryBytes === null && reading.pids === null && reading.cpuNs === null) {
        const where = probe ? path.join(probe.dir, probe.file) : 'its cgroup directory';
        return { unavailable: `cannot read ${where}: the container stopped, or its cgroup is gone` };
      }
      return reading;
    },
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- raw Engine API JSON */
/** A reading from GET /containers/{id}/stats?stream=false (memory_stats, pids_stats, cpu_stats). */
export function readingFromEngineStats(s: any, now = Date.now()): UsageReading {
  const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  const t = typeof s?.read === 'string' ? Date.parse(s.read) : NaN;
  return {
    t: Number.isFinite(t) && t > 0 ? t : now,
    memoryBytes: num(s?.memory_stats?.usage),
    pids: num(s?.pids_stats?.current),
    cpuNs: num(s?.cpu_stats?.cpu_usage?.total_usage),
    throttledPeriods: num(s?.cpu_stats?.throttling_data?.throttled_periods),
    // The engine reports OOM kills only on cgroup v2 (memory_stats.stats.oom_kill).
    oomKills: num(s?.memory_stats?.stats?.oom_kill),
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** A sample from two consecutive readings (the first sample after a gap has no rates). */
export function sampleOf(prev: UsageReading | undefined, cur: UsageReading): UsageSample {
  const dt = prev ? (cur.t - prev.t) * 1e6 : 0;
  const delta = (a: number | null | undefined, b: number | null): number | null => (a === null || a === undefined || b === null || b < a ? null : b - a);
  const cpuDelta = prev ? delta(prev.cpuNs, cur.cpuNs) : null;
  return {
    t: cur.t,
    memoryBytes: cur.memoryBytes,
    pids: cur.pids,
    cpus: cpuDelta !== null && dt > 0 ? cpuDelta / dt : null,
    throttled: prev ? delta(prev.throttledPeriods, cur.throttledPeriods) : null,
    oomKills: prev ? delta(prev.oomKills, cur.oomKills) ?? 0 : 0,
  };
}

/** The last HISTORY samples of one container, and the reading the next rate is taken from. */
export class UsageHistory {
  readonly samples: UsageSample[] = [];
  private last: UsageReading | undefined;

  add(r: UsageReading): UsageSample {
    // A gap (the panel was hidden) starts the rates afresh rather than averaging over it.
    const prev = this.last && r.t - this.last.t <= 5000 ? this.last : undefined;
    const s = sampleOf(prev, r);
    this.last = r;
    this.samples.push(s);
    if (this.samples.length > HISTORY) this.samples.splice(0, this.samples.length - HISTORY);
    return s;
  }
}
