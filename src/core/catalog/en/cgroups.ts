import type { Entry } from '../types';

/** cgroup versions, drivers, the three views of a limit, and each limit. */
export const cgroups: Record<string, Entry> = {
  'cgroup.version.v1': {
    title: 'cgroup v1',
    summary: 'Each controller (memory, cpu, pids, ...) has its own hierarchy under /sys/fs/cgroup.',
    body: 'A container has one directory per controller, such as `/sys/fs/cgroup/memory/docker/<id>`. Limits live in files like `memory.limit_in_bytes` and `cpu.cfs_quota_us`. See cgroups(7) and the kernel\'s cgroup-v1 documents.',
  },
  'cgroup.version.v2': {
    title: 'cgroup v2',
    summary: 'One unified hierarchy where every controller shares the same tree.',
    body: 'A container has one directory, such as `/sys/fs/cgroup/system.slice/docker-<id>.scope`, with files like `memory.max`, `cpu.max` and `pids.max`. Docker gives each container a private cgroup namespace by default on v2. See Documentation/admin-guide/cgroup-v2.rst.',
  },
  'cgroup.version.hybrid': {
    title: 'cgroup v1 (hybrid)',
    summary: 'Controllers are on v1 hierarchies, with an empty v2 hierarchy mounted beside them.',
    body: 'systemd mounts a v2 tree (often `/sys/fs/cgroup/unified`) for its own tracking, but the limits Docker sets are in the v1 controllers. That is why `/proc/PID/cgroup` shows a `0::` line even though the host is not on v2.',
  },
  'cgroup.driver.cgroupfs': {
    title: 'cgroupfs driver',
    summary: 'The engine (through runc) creates the container\'s cgroup directories itself.',
    body: 'Container cgroups appear under `docker/<id>` (or under `--cgroup-parent`; Podman\'s under `libpod_parent/libpod-<id>`). systemd does not know about them. Docker recommends the systemd driver on systemd hosts so that only one manager owns the tree.',
  },
  'cgroup.driver.systemd': {
    title: 'systemd driver',
    summary: 'Docker asks systemd to create a scope unit for each container.',
    body: 'Each container becomes `docker-<id>.scope` under `system.slice` (or under the slice given as cgroup parent), and `systemctl status` shows it. Limits are set through systemd properties.',
  },
  'cgroup.declared': {
    title: 'Declared',
    summary: 'The limit Docker was told to apply, as stored in the container\'s HostConfig.',
    body: 'This is what `docker run` flags or the compose file asked for. It is not proof of what the kernel enforces: compare it with the kernel and effective values.',
  },
  'cgroup.kernel': {
    title: 'Kernel file',
    summary: 'The value in the container\'s own cgroup file, such as memory.limit_in_bytes or memory.max.',
    body: 'This is what runc wrote. It can differ from the declared value after `docker update`, rounding to page size, or a manual write. It does not account for limits set on parent cgroups.',
  },
  'cgroup.effective': {
    title: 'Effective',
    summary: 'What really applies to the container, after its parent cgroups and the machine itself.',
    body: 'How it is worked out depends on the kind of setting: a hard limit is the smallest value up the ancestors, a weight is relative to its siblings, and a CPU set is what the parents and online CPUs leave. Each limit row says which rule it follows.',
  },
  'cgroup.effective.limit': {
    title: 'Effective (hard limit)',
    summary: 'The smallest limit on the path up to the root cgroup, capped by the machine\'s memory.',
    body: 'A cgroup can never use more than any of its ancestors allow, so a tighter limit on a parent (`--cgroup-parent`, a systemd slice) wins over the container\'s own file. "Unlimited" here still means bounded by the machine\'s memory.',
  },
  'cgroup.effective.cpus': {
    title: 'Effective (hard limit)',
    summary: 'The smallest quota on the path up to the root cgroup, capped by the online CPUs and by the number of CPUs in the container\'s cpuset.',
    body: 'A cgroup can never use more CPU time than any of its ancestors allow, so a tighter quota on a parent wins over the container\'s own. Whatever the quota, a container whose cpuset has N CPUs (`--cpuset-cpus`) can use at most N CPUs\' worth of time.',
  },
  'cgroup.effective.chain': {
    title: 'Effective (hard limit)',
    summary: 'The smallest limit on the path up to the root cgroup.',
    body: 'A cgroup can never use more than any of its ancestors allow, so a tighter limit on a parent (`--cgroup-parent`, a systemd slice) wins over the container\'s own file. "Unlimited" here means no cgroup on that path sets one.',
  },
  'cgroup.effective.soft': {
    title: 'Effective (soft target)',
    summary: 'The container\'s own value: a reclaim target, which ancestors do not tighten.',
    body: 'A reservation (`memory.soft_limit_in_bytes` on v1, `memory.low` on v2) only decides who gives memory back first under pressure, so the value that applies is the container\'s own.',
  },
  'cgroup.effective.weight': {
    title: 'Effective (relative weight)',
    summary: 'The container\'s own weight: it counts against its siblings\' weights, and only when they compete.',
    body: 'A weight is not a ceiling, so there is no "smallest up the tree": the container gets its weight\'s share of what its parent cgroup gets, and its parent competes with its own siblings the same way. On an idle machine any weight can use every CPU.',
  },
  'cgroup.effective.weight.io': {
    title: 'Effective (relative weight)',
    summary: 'The container\'s own weight: it counts against its siblings\' weights, and only when they compete for the disk.',
    body: 'A weight is not a ceiling, so there is no "smallest up the tree": the container gets its weight\'s share of the disk time its parent cgroup gets, and its parent competes with its own siblings the same way. When the disk is not busy, any weight can use all of it.',
  },
  'cgroup.effective.cpuset': {
    title: 'Effective (CPU set)',
    summary: 'The CPUs left after the parent\'s set and the online CPUs.',
    body: 'The kernel works this out itself (`cpuset.effective_cpus` on v1, `cpuset.cpus.effective` on v2): the container\'s list, narrowed to what its parent allows and to what is online. An empty own list means "the parent\'s".',
  },
  'cgroup.effective.mems': {
    title: 'Effective (memory nodes)',
    summary: 'The memory nodes left after the parent\'s set and the nodes with memory online.',
    body: 'The kernel works this out itself (`cpuset.effective_mems` on v1, `cpuset.mems.effective` on v2): the container\'s list, narrowed to what its parent allows and to the nodes with memory online. An empty own list means "the parent\'s".',
  },
  'cgroup.unlimited': {
    title: 'Unlimited',
    summary: 'No limit is set at this level.',
    body: 'v2 files read `max`; v1 memory files read a huge number (such as 9223372036854771712) and a CPU quota reads `-1`. The container is still bounded by its ancestors and by the host itself.',
  },
  'cgroup.memory.limit': {
    title: 'Memory limit',
    summary: 'When the container\'s memory use reaches this, the kernel reclaims and then OOM-kills inside it, however much the host has free.',
    body: 'Set by `--memory` (`memory.limit_in_bytes` on v1, `memory.max` on v2). Page cache counts too, and is reclaimed first. If reclaim fails, the OOM killer picks a process in this cgroup: a container limited to 64 MiB is killed at 64 MiB on a host with 24 GiB free. Docker then shows `OOMKilled: true` and exit code 137.',
  },
  'cgroup.memory.limit.none': {
    title: 'No memory limit of its own',
    summary: 'The container\'s cgroup sets no memory limit; what bounds it is the effective value, a parent cgroup\'s limit or else the host\'s memory.',
    body: 'Docker sets none without `--memory`. The container then shares memory with everything under the same parent: when that parent\'s limit or the host\'s memory runs out, the kernel reclaims and then OOM-kills a process chosen among all of them, not necessarily one in this container. With `--memory`, the container is the one cut off at its own limit.',
  },
  'cgroup.memory.reservation': {
    title: 'Memory reservation',
    summary: 'A soft target the kernel reclaims towards when the host runs short of memory.',
    body: 'Set by `--memory-reservation` (`memory.soft_limit_in_bytes` on v1, `memory.low` on v2). It does not stop the container from using more; it only decides who gives memory back first under pressure. It must be lower than the memory limit.',
  },
  'cgroup.memory.swap': {
    title: 'Memory + swap limit',
    summary: 'The total of memory and swap the container may use.',
    body: 'Docker\'s `--memory-swap` is memory plus swap, not swap alone. If only `--memory` is set, Docker stores twice that amount, so the container may swap as much again. Equal to `--memory` means no swap; `-1` means unlimited swap. On v2 the kernel file `memory.swap.max` holds swap alone (the difference).',
  },
  'cgroup.memory.usage': {
    title: 'Memory usage',
    summary: 'Memory currently charged to the container\'s cgroup, page cache included.',
    body: 'From `memory.usage_in_bytes` (v1, approximate) or `memory.current` (v2). Page cache from file reads and writes counts until reclaimed, so usage close to the limit is not by itself a sign of trouble.',
  },
  'cgroup.memory.oom': {
    title: 'OOM kills',
    summary: 'How many times the kernel OOM killer has killed a process in this cgroup.',
    body: 'From `oom_kill` in `memory.oom_control` (v1) or `memory.events` (v2). A non-zero count means the memory limit was hit and reclaim could not free enough. The container may keep running if a child process was the one killed.',
  },
  'cgroup.cpu.cpus': {
    title: 'CPU limit',
    summary: 'How many CPUs\' worth of time the container may use, as quota divided by period.',
    body: 'Set by `--cpus` (or `--cpu-quota`/`--cpu-period`). `--cpus 0.5` writes a quota of 50000 µs per 100000 µs period. A container that uses its quota is throttled until the next period: it slows down, it is never killed for CPU. See Documentation/scheduler/sched-bwc.rst.',
  },
  'cgroup.cpu.shares': {
    title: 'CPU shares',
    summary: 'A relative weight that matters only when CPUs are busy.',
    body: 'Set by `--cpu-shares` (default 1024), written to `cpu.shares` on v1. A container with 512 gets half the CPU time of one with 1024 when both want more than is available; on an idle host either can use every CPU.',
  },
  'cgroup.cpu.weight': {
    title: 'CPU weight',
    summary: 'cgroup v2\'s relative CPU weight, from 1 to 10000 (default 100).',
    body: 'runc converts Docker\'s CPU shares to `cpu.weight`; the formula changed between runc versions (1024 became 39 in older runc, 100 in newer), so read the file rather than computing it. Like shares, it only matters under contention.',
  },
  'cgroup.cpu.usage': {
    title: 'CPU time used',
    summary: 'Total CPU time consumed by the container\'s processes since it started.',
    body: 'From `cpuacct.usage` (v1, nanoseconds) or `usage_usec` in `cpu.stat` (v2). Divide the change by elapsed wall time to get the number of CPUs in use.',
  },
  'cgroup.cpu.throttled': {
    title: 'Throttled periods',
    summary: 'How many scheduling periods ended with the container out of CPU quota.',
    body: 'From `nr_throttled` in `cpu.stat`. A growing count means the CPU limit is slowing the container down; latency spikes of up to one period (100 ms by default) are the typical symptom.',
  },
  'cgroup.cpuset.cpus': {
    title: 'CPU set',
    summary: 'The CPUs the container\'s processes are allowed to run on.',
    body: 'Set by `--cpuset-cpus` (for example `0-1` or `0,2`). Unlike `--cpus`, it pins work to specific cores. The effective list (`cpuset.effective_cpus` on v1, `cpuset.cpus.effective` on v2) already accounts for parents and offline CPUs.',
  },
  'cgroup.cpuset.mems': {
    title: 'Memory nodes',
    summary: 'The NUMA memory nodes the container may allocate from.',
    body: 'Set by `--cpuset-mems`. On a machine with a single NUMA node this is always `0` and has no practical effect.',
  },
  'cgroup.pids.max': {
    title: 'Process limit',
    summary: 'The most processes and threads the container may have at once.',
    body: 'Set by `--pids-limit` (`pids.max`). At the limit, `fork()` and `clone()` fail with EAGAIN ("Resource temporarily unavailable"); nothing is killed. It protects the host from fork bombs. Threads count as well as processes.',
  },
  'cgroup.pids.current': {
    title: 'Processes now',
    summary: 'How many processes and threads are in the container\'s cgroup right now.',
    body: 'From `pids.current`. Compare it with the process limit to see how close the container is to failing forks.',
  },
  'cgroup.io.weight': {
    title: 'Block I/O weight',
    summary: 'A relative share of disk bandwidth under contention.',
    body: 'Set by `--blkio-weight` (10-1000). It needs an I/O scheduler that honours weights (BFQ, or `io.weight` on v2); where the kernel lacks the file, Docker discards the setting with a warning, and the declared value reads 0.',
  },
};
