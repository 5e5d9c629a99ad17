/**
 * Usage counters (memory, CPU time, throttling, pids, OOM kills) move all the time; limits and
 * namespaces do not. A view that shows usage has them re-read on a timer while it is visible:
 * only /sys files, never an engine request.
 */
import type { HostContext } from './introspect';
import { hasProcess, isFact, type ContainerAnatomy } from './model';
import { withReadCache } from './procfs/files';
import { readUsage } from './procfs/limits';

/** Copies of the running containers whose usage changed, with the new values and usageReadAt. */
export function refreshUsageOf(containers: ContainerAnatomy[], ctx: HostContext): Promise<ContainerAnatomy[]> {
  const layout = ctx.layout;
  if (!isFact(layout)) return Promise.resolve([]);
  return withReadCache(async () => {
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
  });
}
