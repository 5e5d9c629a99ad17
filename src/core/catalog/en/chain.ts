import type { Entry } from '../types';

/** Where a limit comes from (the cgroup chain) and usage over time against it: the Limits panel. */
export const chain: Record<string, Entry> = {
  'chain.panel': {
    title: 'Limits: {name}',
    summary: 'Each limit drawn as the chain of cgroups from the root down to the container, with the level that sets it.',
    body: 'A cgroup can never use more than any of its ancestors allow. Each box is one level of the path in `/proc/PID/cgroup`, with the value of that level\'s own file; the highlighted level is the one whose value applies.',
  },
  'chain.bound.ancestor': {
    title: 'Set by {path}',
    summary: '{what}: this container can use at most {effective} because its parent cgroup {path} caps it; its own file says {own}.',
    body: 'A child cgroup is held to the tightest value on its path to the root. Raising the container\'s own limit changes nothing until {path} allows more.',
  },
  'chain.bound.own': {
    title: 'Set by its own cgroup',
    summary: '{what}: this container can use at most {effective}, as its own cgroup file says; no level above it is tighter.',
    body: 'The value is the one Docker wrote for this container (`docker run` flags, compose, or `docker update`).',
  },
  'chain.bound.host': {
    title: 'Set by the host',
    summary: '{what}: no cgroup on the path sets a limit, so the host\'s {effective} is all this container can get.',
    body: 'Every level reads "no limit". The container competes with everything else on the machine for its memory and CPUs.',
  },
  'chain.bound.none': {
    title: 'No limit',
    summary: '{what}: no cgroup on the path sets a limit; only the limits of the whole machine apply.',
    body: 'For processes those are the kernel\'s `kernel.pid_max` and `kernel.threads-max` (sysctl); for memory and swap, what the machine has.',
  },
  'chain.bound.unknown': {
    title: 'Set by several levels',
    summary: '{what}: the effective value {effective} is not any single level\'s own value: {reason}',
    body: 'On cgroup v2 memory and swap are capped by separate files, which different levels may set; a v2 cpuset is the overlap of every level\'s set.',
  },
  'chain.bound.unread': {
    title: 'Not known',
    summary: '{what}: which level sets it cannot be said without the effective value: {reason}',
    body: 'The effective value and the level that sets it are read from the kernel\'s cgroup files of a running container.',
  },
  'chain.bound.cpusetCount': {
    title: 'Set by its CPU set',
    summary: '{what}: this container can use at most {effective} because its CPU set ({cpus}) has no more CPUs than that; no quota on the path is tighter.',
    body: 'A process cannot use more CPU time than the CPUs it may run on, whatever the quota says. Which level chose those CPUs is shown under CPU set.',
  },
  'chain.bound.cpuset.own': {
    title: 'Set by its own cgroup',
    summary: '{what}: this container may run only on {effective}, as its own cgroup file says; no level above it is narrower.',
    body: 'A CPU or memory-node list, not an amount: the container\'s processes are scheduled only there. Docker wrote it for this container (`--cpuset-cpus`, compose `cpuset`).',
  },
  'chain.bound.cpuset.host': {
    title: 'Set by the host',
    summary: '{what}: no cgroup on the path narrows it, so this container may use all of the host\'s: {effective}.',
    body: 'A CPU or memory-node list, not an amount: every level holds the whole set the machine has.',
  },
  'chain.bound.cpuset': {
    title: 'Set by {path}',
    summary: '{what}: this container may run only on {effective} because cgroup {path} restricts it; its own file says {own}.',
    body: 'A cpuset can only narrow its parent\'s set. On cgroup v1 a new child copies its parent\'s set, so the level that chose it is the highest one holding it.',
  },
  'chain.relative.io': {
    title: 'Shares among siblings',
    summary: '{what}: not a cap. Only under the BFQ (or CFQ) disk scheduler does the kernel share disk time among siblings by weight, when they compete. This container\'s own weight is {own}.',
    body: 'Other schedulers (mq-deadline, kyber, none) ignore the weights; `cat /sys/block/<disk>/queue/scheduler` shows the one in use in brackets. On cgroup v1 runc writes the weight to blkio.weight (CFQ) or, on kernels without it, blkio.bfq.weight.',
  },
  'chain.relative': {
    title: 'Shares among siblings',
    summary: '{what}: weights are not caps. At each level the kernel divides time among sibling cgroups in proportion to their weights, and only when they compete; this container\'s own weight is {own}.',
    body: 'A weight of 200 next to a sibling of 100 gets two thirds when both are busy. On an idle machine any weight may use everything.',
  },
  'chain.usage': {
    title: 'Usage over time',
    summary: 'Sampled once a second while this panel is visible, for the last 5 minutes. Nothing is read while it is hidden.',
    body: 'Memory and processes are drawn against the effective limit, CPU against the quota with the periods in which the quota ran out. A red mark is an OOM kill in this cgroup.',
  },
  'chain.usage.engine': {
    title: 'From the engine\'s stats',
    summary: 'This machine cannot read the container\'s cgroup files, so each sample is one call to the engine\'s stats API.',
    body: 'The engine reads the same cgroup files on its side. It reports OOM kills only on cgroup v2.',
  },
};
