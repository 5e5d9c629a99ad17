import type { Entry } from '../types';

/** Compose keys (mostly under services.<name>) and the values that change their meaning. */
export const compose: Record<string, Entry> = {
  'compose.services': {
    title: 'services',
    summary: 'Each entry becomes one or more containers of this project.',
    body: 'The service name becomes part of the container name and a DNS name on the project\'s networks. Containers are labelled with `com.docker.compose.service`, so a running container can be traced back to its service here.',
  },
  'compose.extension': {
    title: 'Extension block {block}',
    summary: 'A top-level key starting with x-: Compose ignores it, so it can hold settings that services take by YAML anchor.',
    body: 'Write the settings once with an anchor (`x-defaults: &defaults`) and take them into a service with a merge key (`<<: *defaults`), or as the value of one key (`logging: *default-logging`). The merge is shallow: a key the service sets itself replaces the merged value of that key as a whole, nested maps such as `deploy` included. Anchors work within one file only.',
  },
  'compose.extension.users': {
    title: 'Taken from {block}',
    summary: 'Services in this file that take this setting from {block} ({count}): {services}.',
    body: 'A service that merges the block but sets the same key itself is not listed: its own value replaces the merged one.',
  },
  'compose.extension.aliased': {
    title: 'Uses {block}',
    summary: 'Services in this file that use {block} ({count}): {services}.',
    body: 'Found by their `*alias` of the block\'s anchors; with this many services each one\'s own overrides were not checked.',
  },
  'compose.extension.unused': {
    title: 'Not taken from {block}',
    summary: 'No service in this file takes this setting from {block}.',
    body: 'Either no service merges or aliases this part of the block, or every one that does sets this key itself. Anchors work within one file only, so other Compose files cannot use it.',
  },
  'compose.merge': {
    title: 'YAML merge key',
    summary: 'Copies into this map the keys of the anchored maps it names ({sources}), except those this map sets itself.',
    body: 'With a list (`<<: [*a, *b]`) an earlier map wins over a later one. The merge is shallow: if this map sets `deploy` or `environment` itself, the merged value is replaced, not combined. Compose applies it when it loads the file; `docker compose config` shows the result.',
  },
  'compose.interpolation': {
    title: 'Variable in a value',
    summary: 'Compose replaces {variables} when it loads the file (docker compose up, config, run); the container only sees the result.',
    body: 'Values come from the environment of the `docker compose` command, then from the `.env` file in the project directory (or `--env-file`). `${VAR:-default}` uses a default when the variable is unset or empty, `${VAR:?message}` stops with an error, and `$$` is a literal dollar. What the value names (a service, a container, a path) is only known after substitution: `docker compose config` shows it.',
  },
  'compose.image': {
    title: 'image',
    summary: 'The image the service\'s containers start from.',
    body: 'With `build:` as well, the built image gets this name. The image supplies defaults (user, command, exposed ports) that other keys here override.',
  },
  'compose.build': {
    title: 'build',
    summary: 'Builds the service\'s image from a Dockerfile instead of pulling it.',
    body: 'The context directory is sent to the builder, and the Dockerfile\'s `USER`, `EXPOSE` and `CMD` become the container\'s defaults.',
  },
  'compose.container_name': {
    title: 'container_name',
    summary: 'Fixes the container\'s name instead of project-service-N.',
    body: 'A fixed name means the service cannot be scaled beyond one container.',
  },
  'compose.mem_limit': {
    title: 'mem_limit',
    summary: 'Hard memory limit for the container (docker run --memory).',
    body: 'Written to `memory.limit_in_bytes` (v1) or `memory.max` (v2). At the limit the kernel OOM-kills a process in the container, however much memory the host has free. Same as `deploy.resources.limits.memory`; do not set both with different values.',
  },
  'compose.mem_reservation': {
    title: 'mem_reservation',
    summary: 'Soft memory target used when the host is short of memory (--memory-reservation).',
    body: 'Written to `memory.soft_limit_in_bytes` (v1) or `memory.low` (v2). It does not cap usage.',
  },
  'compose.memswap_limit': {
    title: 'memswap_limit',
    summary: 'Memory plus swap the container may use (--memory-swap).',
    body: 'It is the total, not the swap amount. If unset while `mem_limit` is set, Docker allows as much swap again (twice the memory in total). Set it equal to `mem_limit` to disable swap, or `-1` for unlimited swap.',
  },
  'compose.cpus': {
    title: 'cpus',
    summary: 'CPU limit as a number of CPUs (--cpus), enforced by throttling.',
    body: '`cpus: 0.5` gives a quota of 50 ms per 100 ms period. Over the quota its processes wait, throttled, until the next period; nothing is killed.',
  },
  'compose.cpu_shares': {
    title: 'cpu_shares',
    summary: 'Relative CPU weight under contention (default 1024).',
    body: 'Written to `cpu.shares` on v1 and converted to `cpu.weight` on v2. It does nothing while CPUs are idle.',
  },
  'compose.cpu_quota': {
    title: 'cpu_quota',
    summary: 'CPU time in microseconds the container may use per period (--cpu-quota).',
    body: 'With `cpu_period` it sets the same limit as `cpus`; cannot be combined with `cpus`.',
  },
  'compose.cpu_period': {
    title: 'cpu_period',
    summary: 'Length of the CPU scheduling period in microseconds (default 100000).',
    body: 'Used with `cpu_quota`. A shorter period means shorter throttling pauses but more scheduler overhead.',
  },
  'compose.cpuset': {
    title: 'cpuset',
    summary: 'The CPUs the container may run on, such as "0-1" (--cpuset-cpus).',
    body: 'Written to `cpuset.cpus`. It pins processes to cores rather than limiting time.',
  },
  'compose.pids_limit': {
    title: 'pids_limit',
    summary: 'Maximum processes and threads in the container (--pids-limit).',
    body: 'Written to `pids.max`. At the limit new forks fail with EAGAIN; no process is killed. `-1` or `0` leaves it unlimited.',
  },
  'compose.oom_kill_disable': {
    title: 'oom_kill_disable',
    summary: 'Stops the OOM killer for this container (cgroup v1 only).',
    body: 'At the memory limit processes then hang waiting for memory instead of being killed. Dangerous without a memory limit, since the host\'s OOM killer may pick other processes.',
  },
  'compose.shm_size': {
    title: 'shm_size',
    summary: 'Size of the container\'s /dev/shm (default 64 MiB).',
    body: '`/dev/shm` is a tmpfs in the container\'s IPC and mount namespaces; its pages count against the memory limit. Browsers and databases often need more than the default.',
  },
  'compose.deploy': {
    title: 'deploy',
    summary: 'Deployment settings: replicas, restart and update policy, and resources.',
    body: 'Docker Compose applies `resources` and `replicas` to local containers too; other parts matter only in Swarm.',
  },
  'compose.deploy.resources': {
    title: 'deploy.resources',
    summary: 'Resource limits and reservations for the service\'s containers.',
    body: '`limits` become cgroup limits (memory, CPUs, process count); `reservations` are soft guarantees. They map to the same cgroup files as `mem_limit`, `cpus` and `pids_limit`.',
  },
  'compose.deploy.resources.limits': {
    title: 'deploy.resources.limits',
    summary: 'Hard caps: memory, cpus and pids, written to the container\'s cgroup.',
    body: '`memory` is like `mem_limit` (OOM kill at the limit), `cpus` like `cpus` (throttling), `pids` like `pids_limit` (forks fail). Parent cgroups can still make the effective limit lower.',
  },
  'compose.deploy.resources.reservations': {
    title: 'deploy.resources.reservations',
    summary: 'Soft guarantees: memory becomes a reservation, and devices (such as GPUs) are requested here.',
    body: '`memory` is written like `mem_reservation` (`memory.soft_limit_in_bytes` or `memory.low`). In Swarm, reservations also decide which node can take the task.',
  },
  'compose.network_mode': {
    title: 'network_mode',
    summary: 'Chooses the container\'s network namespace: its own, the host\'s, none, or another container\'s.',
    body: 'Values: `bridge`, `host`, `none`, `service:<name>`, `container:<name>`. It cannot be combined with `networks:`.',
  },
  'compose.network_mode.host': {
    title: 'network_mode: host',
    summary: 'The container uses the host\'s network namespace: no isolation, no port mapping.',
    body: 'Servers bind directly to the host\'s ports and `ports:` is ignored. `localhost` inside is the host.',
  },
  'compose.network_mode.none': {
    title: 'network_mode: none',
    summary: 'The container has a network namespace with only loopback.',
    body: 'It cannot reach or be reached over the network.',
  },
  'compose.network_mode.bridge': {
    title: 'network_mode: bridge',
    summary: 'The container joins Docker\'s default bridge (docker0) instead of the project network.',
    body: 'On the default bridge there is no DNS by service name; other services can reach it only by IP.',
  },
  'compose.network_mode.service': {
    title: 'network_mode: service:{name}',
    summary: 'The container joins the network namespace of service {name}.',
    body: 'Same interfaces, IP and ports as {name}; the two reach each other on `localhost`. Compose starts {name} first. Typical for VPN or proxy sidecars.',
  },
  'compose.network_mode.container': {
    title: 'network_mode: container:{name}',
    summary: 'The container joins the network namespace of the existing container {name}.',
    body: 'Same interfaces, IP and ports as {name}. If {name} is recreated, this container keeps a namespace that no longer has a network.',
  },
  'compose.networks': {
    title: 'networks',
    summary: 'The networks this service\'s containers join; each means one more interface.',
    body: 'On each network the container gets a veth, an IP on that network\'s subnet, and a DNS entry for the service name (and any `aliases`). Without this key the service joins the project\'s `default` network.',
  },
  'compose.networks.toplevel': {
    title: 'networks (top level)',
    summary: 'Declares the project\'s networks; each bridge network becomes a host bridge named br- plus the network id.',
    body: 'Compose creates them as user-defined networks, with embedded DNS. `external: true` uses an existing network instead of creating one.',
  },
  'compose.networks.internal': {
    title: 'internal',
    summary: 'An internal network: its containers reach each other and the host, but nothing beyond the host.',
    body: 'Docker gives it no NAT and no way out, and publishes no ports through it. A container also on another network gets its way out, and its published `ports`, from that one.',
  },
  'compose.ports': {
    title: 'ports',
    summary: 'Publishes container ports on the host (-p).',
    body: '`"8080:80"` forwards host port 8080 on every host address to the container\'s port 80 through NAT rules; `"127.0.0.1:8080:80"` keeps it local. Published ports bypass the host\'s INPUT firewall rules.',
  },
  'compose.expose': {
    title: 'expose',
    summary: 'Documents ports for other services; publishes nothing on the host.',
    body: 'Other containers on the same network can reach any listening port whether or not it is listed here. Only `ports:` makes a port reachable from the host\'s addresses.',
  },
  'compose.pid': {
    title: 'pid',
    summary: 'Chooses the PID namespace: host, another service\'s, or another container\'s.',
    body: 'Unset, the container gets its own PID namespace and sees only its own processes.',
  },
  'compose.pid.host': {
    title: 'pid: host',
    summary: 'The container sees every host process and can signal them.',
    body: 'PIDs inside are host PIDs; with root and without a user namespace, it can kill or trace host processes. Meant for monitoring and debugging tools.',
  },
  'compose.pid.service': {
    title: 'pid: service:{name}',
    summary: 'The container shares the PID namespace of service {name}.',
    body: 'It can see, trace and signal the processes of {name}, which suits debugging sidecars.',
  },
  'compose.pid.container': {
    title: 'pid: container:{name}',
    summary: 'The container shares the PID namespace of container {name}.',
    body: 'It can see and signal the processes of {name}.',
  },
  'compose.ipc': {
    title: 'ipc',
    summary: 'Chooses the IPC namespace: private (default), shareable, host, or another\'s.',
    body: 'The IPC namespace holds System V shared memory, semaphores and message queues, and goes with `/dev/shm`.',
  },
  'compose.ipc.host': {
    title: 'ipc: host',
    summary: 'The container uses the host\'s shared memory, semaphores and message queues.',
    body: 'It can attach to and remove IPC objects of host processes, permissions allowing.',
  },
  'compose.ipc.shareable': {
    title: 'ipc: shareable',
    summary: 'Own IPC namespace that other containers may join.',
    body: 'Needed on the donor before another service can use `ipc: service:<name>` or `container:<name>`; a default `private` donor is refused.',
  },
  'compose.ipc.private': {
    title: 'ipc: private',
    summary: 'Own IPC namespace that no other container can join.',
    body: 'The default. To let another container share it, use `shareable` instead.',
  },
  'compose.ipc.service': {
    title: 'ipc: service:{name}',
    summary: 'The container joins the IPC namespace of service {name}.',
    body: 'Both can use the same shared memory. Service {name} must be declared with `ipc: shareable`, or Docker refuses to start this one.',
  },
  'compose.ipc.container': {
    title: 'ipc: container:{name}',
    summary: 'The container joins the IPC namespace of container {name}.',
    body: 'Container {name} must have been started with `ipc: shareable`.',
  },
  'compose.uts': {
    title: 'uts',
    summary: 'Chooses the UTS namespace (hostname); only host is accepted.',
    body: 'Unset, the container has its own hostname.',
  },
  'compose.uts.host': {
    title: 'uts: host',
    summary: 'The container uses the host\'s hostname.',
    body: 'A privileged process inside could rename the host. `hostname:` cannot be combined with it.',
  },
  'compose.userns_mode': {
    title: 'userns_mode',
    summary: 'Set to host, opts this service out of the daemon\'s user-namespace remapping.',
    body: 'Only meaningful when the daemon runs with `userns-remap`; then `host` makes container root real host root again for this service.',
  },
  'compose.userns_mode.host': {
    title: 'userns_mode: host',
    summary: 'The container uses the host\'s user namespace: container root is host root.',
    body: 'Undoes `userns-remap` for this service, typically for containers that need host-owned files or privileged mode.',
  },
  'compose.cgroup': {
    title: 'cgroup',
    summary: 'Chooses the cgroup namespace: host or private.',
    body: 'Docker\'s default is `host` on cgroup v1 and `private` on cgroup v2. Only cgroup paths differ; limits apply either way.',
  },
  'compose.cgroup.host': {
    title: 'cgroup: host',
    summary: 'The container sees its full cgroup path, including the docker/ prefix and its id.',
    body: 'It uses the host\'s cgroup namespace; limits are unchanged.',
  },
  'compose.cgroup.private': {
    title: 'cgroup: private',
    summary: 'The container sees its own cgroup as the root.',
    body: 'It gets its own cgroup namespace; parent cgroups still constrain it.',
  },
  'compose.cgroup_parent': {
    title: 'cgroup_parent',
    summary: 'Puts the container\'s cgroup under a parent of your choice.',
    body: 'With cgroupfs the cgroup becomes `<parent>/<id>`; with systemd the parent must be a slice (such as `myapp.slice`). Limits on the parent apply to all containers under it, so the effective limit can be lower than the container\'s own.',
  },
  'compose.privileged': {
    title: 'privileged',
    summary: 'Gives the container all capabilities, all devices and no seccomp or AppArmor confinement.',
    body: 'Namespaces still exist, but root inside can mount filesystems, load kernel modules and reach host devices, so escaping is easy. Prefer specific `cap_add` and `devices`.',
  },
  'compose.cap_add': {
    title: 'cap_add',
    summary: 'Adds Linux capabilities to the container\'s root (and to processes that keep them).',
    body: 'For example `NET_ADMIN` to change the container\'s own network settings. Capabilities apply within the container\'s namespaces, but without a user namespace some reach the host (such as `SYS_ADMIN`). See capabilities(7).',
  },
  'compose.cap_drop': {
    title: 'cap_drop',
    summary: 'Removes capabilities from Docker\'s default set.',
    body: '`cap_drop: [ALL]` with only the needed ones in `cap_add` is the strictest common setup.',
  },
  'compose.security_opt': {
    title: 'security_opt',
    summary: 'Seccomp, AppArmor, SELinux and no-new-privileges options.',
    body: '`no-new-privileges:true` stops setuid binaries from gaining privileges; `seccomp=unconfined` removes the system-call filter.',
  },
  'compose.hostname': {
    title: 'hostname',
    summary: 'The hostname inside the container\'s UTS namespace.',
    body: 'Other services still find it by service name through Docker\'s DNS, not by this hostname.',
  },
  'compose.user': {
    title: 'user',
    summary: 'The user (uid[:gid]) the container\'s process runs as, overriding the image\'s USER.',
    body: 'IDs are in the container\'s user namespace; without userns-remap uid 0 is host root and other uids are the same numbers on the host.',
  },
  'compose.init': {
    title: 'init',
    summary: 'Runs a tiny init (tini) as PID 1 that forwards signals and reaps zombies.',
    body: 'Fixes the usual PID 1 problems: your program receives `docker stop`\'s SIGTERM and orphaned children are cleaned up.',
  },
  'compose.stop_signal': {
    title: 'stop_signal',
    summary: 'The signal sent to PID 1 on stop (default SIGTERM).',
    body: 'After `stop_grace_period` the container is killed with SIGKILL.',
  },
  'compose.stop_grace_period': {
    title: 'stop_grace_period',
    summary: 'How long Docker waits after the stop signal before SIGKILL (default 10s).',
    body: 'If PID 1 ignores the stop signal (shell form commands often do), every stop takes this long.',
  },
  'compose.sysctls': {
    title: 'sysctls',
    summary: 'Kernel parameters set inside the container\'s namespaces.',
    body: 'Only namespaced ones are allowed, such as `net.*` in the container\'s network namespace or `kernel.shm*` in its IPC namespace; they do not change the host.',
  },
  'compose.ulimits': {
    title: 'ulimits',
    summary: 'Per-process resource limits (setrlimit), such as nofile and nproc.',
    body: 'Unlike cgroup limits they apply to each process, not the container as a whole. Note that `nproc` counts per user across the host, not per container; use `pids_limit` instead.',
  },
  'compose.volumes': {
    title: 'volumes',
    summary: 'Mounts volumes or host paths into the container\'s mount namespace.',
    body: 'Bind mounts expose host files with their host owners; without userns-remap, container root can change any of them.',
  },
  'compose.read_only': {
    title: 'read_only',
    summary: 'Mounts the container\'s root filesystem read-only.',
    body: 'Writable paths must then come from volumes or `tmpfs`.',
  },
};
