import type { Entry } from '../types';

/** Values from a running container (hovers), and prose shown by the panels. */
export const ui: Record<string, Entry> = {
  'live.networks': {
    title: 'Networks now',
    summary: 'This service\'s container is on {networks}.',
    body: 'From the engine: each network `{name}` is attached to, with its address there.',
  },
  'live.limit': {
    title: '{what}: {declared} → {effective}',
    summary: 'This service\'s container: {what} {declared} → effective {effective}, {usage} used.',
    body: 'Declared is what Docker stored for `{name}`; effective is what the kernel enforces after its parent cgroups.',
  },
  'live.limit.noUsage': {
    title: '{what}: {declared} → {effective}',
    summary: 'This service\'s container: {what} {declared} → effective {effective}.',
    body: 'Declared is what Docker stored for `{name}`; effective is what the kernel enforces after its parent cgroups.',
  },
  'ui.namespaces': {
    title: 'Namespaces',
    summary: 'Which of the kernel\'s eight namespaces this container has of its own, and which it shares with the host or another container.',
    body: 'Two processes share a namespace exactly when their `/proc/PID/ns/<type>` links point at the same inode. Each row says who shares it and what that means.',
  },
  'ui.compare.title': {
    title: 'Compare containers',
    summary: 'Namespaces, limits and networks of two containers side by side.',
    body: 'Rows where both sides hold the same namespace inode are shared: the two sides see the same resource.',
  },
  'ui.topology.title': {
    title: 'Network topology',
    summary: 'Bridges, host veths and the containers attached to them.',
    body: 'Each line is a veth pair: the container\'s interface on one end, a host interface enslaved to a bridge on the other.',
  },
  'ui.diff.title': {
    title: 'Namespace diff',
    summary: 'Which namespaces {left} and {right} share.',
    body: 'Two processes share a namespace exactly when their `/proc/PID/ns/<type>` links point at the same inode.',
  },
  'ui.removed': {
    title: 'Removed',
    summary: 'This container was removed.',
    body: 'It no longer exists on the engine; the values shown are the last ones read.',
  },
  'ui.unreachable': {
    title: 'Engine unreachable',
    summary: 'The Docker Engine cannot be reached.',
    body: 'Check that Docker is running and that this user can open its socket (`/var/run/docker.sock`, or the endpoint of the current context). Views update again once it answers.',
  },
  'ui.notRunning': {
    title: 'Not running',
    summary: 'This container is not running, so it has no processes, namespaces or live cgroup.',
    body: 'Configured settings from Docker are still shown. Start the container to see kernel values.',
  },
  'ui.unavailable': {
    title: 'Not available',
    summary: 'This value could not be read.',
    body: 'The reason is shown next to it, with what to do about it.',
  },
  'ui.noContainers': {
    title: 'No containers',
    summary: 'The engine has no containers.',
    body: 'Start one (for example with `docker run` or `docker compose up`) and it appears here.',
  },
  'ui.remoteEngine': {
    title: 'Engine on another kernel',
    summary: 'The engine runs in a VM or on another machine, so this machine\'s /proc cannot see its containers.',
    body: 'Settings, IPs and usage come from the API. Namespace inodes, veth pairs and effective limits need the helper container, which runs only with your consent.',
  },
  'ui.helper.ask': {
    title: 'Read kernel facts through a helper container on {endpoint}?',
    summary: 'This machine cannot read the namespaces, limits and veths of this engine\'s containers ({reason}). A helper container on the engine can read them and hand them back through the Docker API. It would run: {command}',
    body: 'The helper runs from an image already on the engine ({image}), with the host\'s PID, network, UTS and cgroup namespaces, a read-only file system, all capabilities dropped but SYS_PTRACE, and no new privileges. It only reads files under /proc and /sys, exits after 10 idle minutes, and is removed when VS Code closes. Turn it off with the setting containerAnatomy.helper.mode.',
  },
  'ui.helper.once': {
    title: 'Allow once',
    summary: 'Run the helper for this engine until VS Code closes.',
    body: 'You are asked again next time.',
  },
  'ui.helper.always': {
    title: 'Always for this engine',
    summary: 'Run the helper for this engine whenever it is needed, without asking.',
    body: 'Stored for this endpoint on this machine.',
  },
  'ui.helper.never': {
    title: 'Never',
    summary: 'Never run the helper for this engine.',
    body: 'The facts it would read stay unavailable, with the reason. Stored for this endpoint on this machine until the command Container Anatomy: Forget Helper Container Answers.',
  },
  'ui.engines': {
    title: 'Several engines',
    summary: 'Each engine is followed on its own: its containers, its status, its helper container and your answer about it.',
    body: 'Engines are told apart by endpoint. One that cannot be reached says why under its name and does not hide the others. Containers of engines on different kernels never share a namespace.',
  },
};
