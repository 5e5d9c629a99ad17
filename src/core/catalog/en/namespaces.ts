import type { Entry } from '../types';

/** Namespace types, their per-container state, and two-sided comparison rows. */
export const namespaces: Record<string, Entry> = {
  'ns.cgroup': {
    title: 'cgroup namespace',
    summary: 'Decides which part of the cgroup tree a process sees as its root.',
    body: 'A cgroup namespace virtualises the paths in `/proc/PID/cgroup` and the view of mounted cgroup filesystems. With a private one the container sees its own cgroup as `/`; with the host one it sees `/docker/<id>`. It hides paths, not limits: the limits set by ancestors still apply. Docker\'s default is **host** on cgroup v1 and **private** on cgroup v2. See cgroup_namespaces(7).',
  },
  'ns.ipc': {
    title: 'IPC namespace',
    summary: 'Isolates System V IPC objects and POSIX message queues.',
    body: 'Shared memory segments, semaphore sets and message queues (and, with Docker, the `/dev/shm` tmpfs) belong to an IPC namespace. Processes in different IPC namespaces cannot attach to each other\'s shared memory. Databases and browsers that use shared memory between processes care about this. See ipc_namespaces(7).',
  },
  'ns.mnt': {
    title: 'mount namespace',
    summary: 'Gives the processes in it their own list of mounts, and so their own root filesystem.',
    body: 'Each mount namespace has its own mount table: the container\'s `/` is the image\'s overlay filesystem, and volumes and bind mounts appear only inside it. Docker always creates a new one; there is no option to share the host\'s. The host can still look in through `/proc/PID/root`. See mount_namespaces(7).',
  },
  'ns.net': {
    title: 'network namespace',
    summary: 'Owns interfaces, IP addresses, routes, firewall rules and the port space.',
    body: 'A network namespace has its own `lo`, its own interfaces, routing table, iptables rules and sockets, so two containers can both listen on port 80. Docker usually links it to the host with a veth pair plugged into a bridge. Its contents can be read from the host in `/proc/PID/net/*` without entering it. See network_namespaces(7).',
  },
  'ns.pid': {
    title: 'PID namespace',
    summary: 'Gives the processes in it their own process-ID numbering, starting at 1.',
    body: 'The first process in a new PID namespace is PID 1 inside it and has another PID on the host; `NSpid` in `/proc/PID/status` lists both. PID 1 has special duties: it reaps orphaned zombies and gets no default signal handlers, so an unhandled SIGTERM does nothing. When PID 1 exits, the kernel kills everything else in the namespace. See pid_namespaces(7).',
  },
  'ns.time': {
    title: 'time namespace',
    summary: 'Offsets the monotonic and boot-time clocks (Linux 5.6 and later).',
    body: 'A time namespace lets a process see different `CLOCK_MONOTONIC` and `CLOCK_BOOTTIME` values; the wall clock is never virtualised. Docker never unshares it: every container shares the host\'s time namespace, so its uptime is the host\'s uptime. See time_namespaces(7).',
  },
  'ns.user': {
    title: 'user namespace',
    summary: 'Maps user and group IDs inside it to IDs outside it (the host\'s own one maps every ID to itself).',
    body: 'A user namespace has its own ID mapping (`/proc/PID/uid_map`, `gid_map`) and its own set of capabilities. Docker creates one only with `userns-remap` (or when rootless); otherwise containers share the host\'s, and uid 0 inside is uid 0 outside. See user_namespaces(7).',
  },
  'ns.uts': {
    title: 'UTS namespace',
    summary: 'Holds the hostname and NIS domain name.',
    body: 'With its own UTS namespace a container can have its own hostname (Docker sets it to the short container id unless `--hostname` is given) without changing the host\'s. Note that `--network container:X` shares the network namespace but not UTS. See uts_namespaces(7).',
  },

  'ns.cgroup.own': {
    title: 'Own cgroup namespace',
    summary: 'The container sees its own cgroup as the root of the cgroup tree.',
    body: '`/proc/self/cgroup` inside shows `/` instead of `/docker/<id>`, and the container cannot see its ancestors\' paths. Its limits are unchanged: the parent cgroups still constrain it even though it cannot name them.',
  },
  'ns.cgroup.host': {
    title: 'cgroup namespace shared with the host',
    summary: 'The container sees its real cgroup path, with the engine\'s prefix and its id (docker/ID, or libpod_parent/libpod-ID under Podman).',
    body: 'This is Docker\'s default on cgroup v1. A process inside reads its real path in `/proc/self/cgroup`, which reveals the container id and the cgroup layout of the host. Its mounted `/sys/fs/cgroup` still shows only its own subtree, and it cannot change limits unless it is privileged.',
  },
  'ns.cgroup.container': {
    title: 'cgroup namespace shared with {peers}',
    summary: 'The containers in it see the same cgroup root.',
    body: 'Both read their cgroup paths relative to the same root. This only affects what paths look like; each container still has its own cgroup and its own limits.',
  },
  'ns.ipc.own': {
    title: 'Own IPC namespace',
    summary: 'Shared memory and message queues are private to this container.',
    body: 'Nothing outside can attach to its System V shared memory or semaphores, and its `/dev/shm` is its own tmpfs (64 MiB by default, see `--shm-size`).',
  },
  'ns.ipc.host': {
    title: 'IPC namespace shared with the host',
    summary: 'The container can attach to the host\'s shared memory, semaphores and message queues.',
    body: 'Set by `--ipc host`. `ipcs` inside lists the host\'s IPC objects, and a process with the right permissions can read or destroy them. Use it only for software that must talk to host processes through shared memory.',
  },
  'ns.ipc.container': {
    title: 'IPC namespace shared with {peers}',
    summary: 'The containers in it see the same shared memory, semaphores and message queues.',
    body: 'The joining container was started with `--ipc container:<owner>`; Docker allows it only when the owner runs with `--ipc shareable` (a default `private` owner is refused with "non-shareable IPC").',
  },
  'ns.mnt.own': {
    title: 'Own mount namespace',
    summary: 'The container has its own root filesystem and mount table.',
    body: 'This is always the case with Docker. Its mounts (overlay root, volumes, `/proc`, `/sys`) are invisible to the host\'s mount table, but the host can browse them through `/proc/PID/root`.',
  },
  'ns.mnt.host': {
    title: 'Mount namespace shared with the host',
    summary: 'The process sees the host\'s filesystem as its own: it is not isolated at all.',
    body: 'Docker never does this for a container. A process that shows it was started outside Docker\'s isolation, or entered the host with `nsenter -m`.',
  },
  'ns.mnt.container': {
    title: 'Mount namespace shared with {peers}',
    summary: 'The processes in it see exactly the same files and mounts.',
    body: 'Docker does not offer this mode; the usual cause is a process started with `docker exec` in the other container, or an `nsenter -m` into it.',
  },
  'ns.net.own': {
    title: 'Own network namespace',
    summary: 'The container has its own interfaces, IP addresses, routes and ports.',
    body: 'It reaches the outside through its interfaces (normally a veth into a bridge). `localhost` inside means the container itself, and a port it listens on is reachable from the host only if it is published with `-p` or through the container\'s IP.',
  },
  'ns.net.host': {
    title: 'Network namespace shared with the host',
    summary: 'The container uses the host\'s interfaces, IPs and ports directly.',
    body: 'Set by `--network host`. There is no veth and no NAT; a server listening on port 80 inside is listening on the host\'s port 80, and `-p` has no effect. `localhost` inside is the host\'s loopback.',
  },
  'ns.net.container': {
    title: 'Network namespace shared with {peers}',
    summary: 'Same interfaces, IPs and ports; localhost in one container reaches the other.',
    body: 'The joining container was started with `--network container:<owner>`: Docker reports no networks for it, and its addresses are the owner\'s. The two cannot both listen on one port. Each keeps its own UTS namespace, but Docker gives the joiner the owner\'s hostname (and refuses `--hostname` with this mode). If the owner stops, the joiner is left with only `lo`.',
  },
  'ns.pid.own': {
    title: 'Own PID namespace',
    summary: 'The container sees only its own processes, numbered from 1.',
    body: '`ps` inside lists only the container\'s processes. The init process is PID 1 inside and has a different PID on the host. When it exits, every other process in the container is killed.',
  },
  'ns.pid.host': {
    title: 'PID namespace shared with the host',
    summary: 'ps in the container sees every host process; signals can reach them.',
    body: 'Set by `--pid host`. Process IDs inside are the host\'s IDs, and a process with enough privilege (root without user namespaces is enough) can signal or trace host processes. Monitoring agents use this on purpose; ordinary services should not.',
  },
  'ns.pid.container': {
    title: 'PID namespace shared with {peers}',
    summary: 'The containers in it see each other\'s processes and can signal them.',
    body: 'The joining container was started with `--pid container:<owner>`, typical of a debugging sidecar (`ps`, `strace`, `kill`). The namespace\'s init is the owner\'s: when it exits, every process in both containers is killed.',
  },
  'ns.time.own': {
    title: 'Own time namespace',
    summary: 'The process has its own monotonic and boot-time clock offsets.',
    body: 'Docker never unshares the time namespace, so a container normally shares the host\'s. A private one means something else created it, for example `unshare --time` run inside a privileged container.',
  },
  'ns.time.host': {
    title: 'Time namespace shared with the host',
    summary: 'The container sees the host\'s monotonic clock and uptime: the normal case.',
    body: 'Docker never unshares the time namespace, so this is expected for every container. The wall clock is shared in any case; no namespace virtualises it.',
  },
  'ns.time.container': {
    title: 'Time namespace shared with {peers}',
    summary: 'Same monotonic and boot-time clocks.',
    body: 'Docker never unshares the time namespace, so all containers share the host\'s one, and therefore each other\'s. This is not a setting anyone chose.',
  },
  'ns.user.own': {
    title: 'Own user namespace',
    summary: 'User IDs in the container are mapped to other IDs on the host.',
    body: 'Container root is an unprivileged user on the host (for example uid 231072 with `userns-remap`), and its capabilities count only inside its own namespaces. See the uid_map row for the exact mapping.',
  },
  'ns.user.host': {
    title: 'User namespace shared with the host',
    summary: 'Container root is host root.',
    body: 'Without `userns-remap` or rootless Docker, uid 0 inside is uid 0 outside. Capabilities, seccomp and the mount namespace limit what it can do, but a file it can reach through a bind mount is written as real root, and an escape would land as root on the host.',
  },
  'ns.user.container': {
    title: 'User namespace shared with {peers}',
    summary: 'The containers in it map user IDs the same way.',
    body: 'Under `userns-remap` all containers share the daemon\'s remapped user namespace, so the same uid inside means the same uid on the host in each.',
  },
  'ns.uts.own': {
    title: 'Own UTS namespace',
    summary: 'The container has its own hostname.',
    body: 'Changing the hostname inside does not touch the host. Docker sets it to the short container id unless `--hostname` is given, or, for a container in another\'s network namespace (`--network container:X`), to that container\'s hostname.',
  },
  'ns.uts.host': {
    title: 'UTS namespace shared with the host',
    summary: 'The container has the host\'s hostname, and a privileged process could change it.',
    body: 'Set by `--uts host`. `hostname` inside prints the host\'s name; with `CAP_SYS_ADMIN` a process inside can rename the host.',
  },
  'ns.uts.container': {
    title: 'UTS namespace shared with {peers}',
    summary: 'The processes in it have the same hostname.',
    body: 'Docker cannot share UTS with another container (`--uts` accepts only `host`), so this usually means a process started by `docker exec` in the other container.',
  },

  'diff.cgroup.same': {
    title: 'Same cgroup namespace',
    summary: '{left} and {right} see the cgroup tree from the same root.',
    body: 'Paths in `/proc/PID/cgroup` read the same way for both. Each still has its own cgroup and its own limits.',
  },
  'diff.cgroup.different': {
    title: 'Different cgroup namespaces',
    summary: '{left} and {right} see the cgroup tree from different roots.',
    body: 'The same cgroup may have different path names in each. Limits are unaffected.',
  },
  'diff.ipc.same': {
    title: 'Same IPC namespace',
    summary: '{left} and {right} share shared memory, semaphores and message queues.',
    body: 'A shared memory segment created by one can be attached by the other, subject to file-style permissions.',
  },
  'diff.ipc.different': {
    title: 'Different IPC namespaces',
    summary: '{left} and {right} cannot see each other\'s shared memory or message queues.',
    body: 'Each has its own System V IPC objects and its own `/dev/shm`.',
  },
  'diff.mnt.same': {
    title: 'Same mount namespace',
    summary: '{left} and {right} see the same files and mounts.',
    body: 'A mount made by one appears for the other. For two Docker containers this does not happen; it usually means one side is a `docker exec` process of the other.',
  },
  'diff.mnt.different': {
    title: 'Different mount namespaces',
    summary: '{left} and {right} each have their own root filesystem and mounts.',
    body: 'They share files only through volumes or bind mounts that both have mounted.',
  },
  'diff.net.same': {
    title: 'Same network namespace',
    summary: '{left} and {right} share interfaces, IPs and ports; localhost in one is localhost in the other.',
    body: 'They cannot both bind the same port, and traffic between them never leaves the loopback device.',
  },
  'diff.net.different': {
    title: 'Different network namespaces',
    summary: '{left} and {right} have separate interfaces, IPs and ports.',
    body: 'They talk over a network (a shared bridge, or the host\'s routing), not over `localhost`. Both can listen on the same port number.',
  },
  'diff.pid.same': {
    title: 'Same PID namespace',
    summary: '{left} and {right} see each other\'s processes and can signal them.',
    body: 'PID numbers mean the same thing on both sides; with enough privilege one can `kill` or `ptrace` the other\'s processes.',
  },
  'diff.pid.different': {
    title: 'Different PID namespaces',
    summary: '{left} and {right} have separate process numbering.',
    body: 'PID 1 in one is not PID 1 in the other. A process can still see processes in PID namespaces nested below its own, which is why the host sees container processes.',
  },
  'diff.time.same': {
    title: 'Same time namespace',
    summary: '{left} and {right} see the same monotonic and boot-time clocks.',
    body: 'Expected: Docker never unshares the time namespace.',
  },
  'diff.time.different': {
    title: 'Different time namespaces',
    summary: '{left} and {right} may see different monotonic and boot-time clocks.',
    body: 'Docker never unshares the time namespace, so one side was created by something else, such as `unshare --time`. Wall-clock time is the same in any case.',
  },
  'diff.user.same': {
    title: 'Same user namespace',
    summary: '{left} and {right} map user IDs the same way.',
    body: 'A given uid is the same user for both, so files written by one through a shared volume have matching owners for the other. If this is the host\'s user namespace, root on either side is real root.',
  },
  'diff.user.different': {
    title: 'Different user namespaces',
    summary: '{left} and {right} map user IDs differently.',
    body: 'uid 0 on one side is not uid 0 on the other; compare the uid_map rows to see which host IDs each uses.',
  },
  'diff.uts.same': {
    title: 'Same UTS namespace',
    summary: '{left} and {right} share a hostname.',
    body: 'Changing the hostname in one changes it in the other.',
  },
  'diff.uts.different': {
    title: 'Different UTS namespaces',
    summary: '{left} and {right} have their own hostnames.',
    body: 'The names can still be equal: Docker gives a container joined to another\'s network (`--network container:X`) that container\'s hostname, and two hosts may simply be named alike. Only the namespace inode tells whether the hostname is shared.',
  },
  'diff.notRunning': {
    title: 'Not running',
    summary: 'One side is a container that is not running: it has no processes, so it has no namespaces to compare until it starts.',
    body: 'A container\'s namespaces exist only while its processes run. Start it (`docker start`) and compare again.',
  },
  'diff.unknown': {
    title: 'Cannot compare',
    summary: 'One side\'s namespace could not be read, so sharing is unknown.',
    body: 'Reading `/proc/PID/ns/*` needs ptrace-level access to the process: run as root or as the process\'s owner, or let the helper container read it. Even root can be refused (a supervisor\'s PID 1, a security module); the side\'s reason says who was refused. A stopped container has no namespaces to compare.',
  },
  'diff.kernels.different': {
    title: 'Different kernels: nothing shared',
    summary: '{left} and {right} run on engines with different kernels, and namespaces of different kernels are never shared.',
    body: 'A namespace belongs to one kernel. Containers on two machines (or a machine and a VM) never share one, even when their inode numbers are equal: the initial namespaces have the same fixed numbers on every Linux kernel, and other numbers can repeat by chance. Compare containers of one engine, or of engines on one kernel, to see sharing.',
  },
  'diff.kernels.unknown': {
    title: 'Kernel not known to be the same',
    summary: '{left} and {right} are on different engines, and nothing shows that those run on one kernel, so sharing is unknown.',
    body: 'Namespaces of different kernels are never shared, and equal inode numbers from two kernels mean nothing. Two engines are known to share a kernel when this machine\'s /proc shows the containers of both; here at least one engine is remote, in a VM or read through the helper container.',
  },
  'diff.kernels.same': {
    title: 'Two engines, one kernel',
    summary: 'The engines of {left} and {right} both run on this machine\'s kernel, so their containers can share namespaces and the inodes are compared.',
    body: 'Two dockerds on one machine start their containers on the same kernel: a container of each can be in the host\'s user, time or cgroup namespace, or both be joined to the host\'s network or PID namespace. Their own namespaces are never shared across engines unless one container joins the other by hand (e.g. nsenter).',
  },
};
