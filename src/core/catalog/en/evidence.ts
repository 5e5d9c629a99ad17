import type { Entry } from '../types';

/**
 * What each side of a comparison sees in a namespace: one short line per side
 * (`sees.<type>.line`) and what the verdict means for these two (`sees.<type>.<verdict>`).
 */
export const evidence: Record<string, Entry> = {
  'sees.count.one': {
    title: '{n} process',
    summary: '{n} process',
    body: 'Processes `ps` lists on that side.',
  },
  'sees.count.many': {
    title: '{n} processes',
    summary: '{n} processes',
    body: 'Processes `ps` lists on that side.',
  },
  'sees.idmap.identity': {
    title: 'No remapping',
    summary: '{inside}→{outside} over the whole 32-bit id range (no remapping)',
    body: 'A map line of length 4294967295 (2³² − 1) covers every id there is: each id is itself on both sides. This is the host\'s own user namespace, or one that copies its map.',
  },
  'sees.idmap.range': {
    title: 'Id range',
    summary: '{inside}→{outside} ({length} ids)',
    body: 'From a line of `/proc/PID/uid_map` or `gid_map`: the first id inside, the first id outside, how many ids follow.',
  },
  'sees.more': {
    title: '+{n} more',
    summary: '+{n} more',
    body: 'Further entries not shown in this short line.',
  },
  'sees.pid.line': {
    title: 'Processes seen',
    summary: '{processes}; PID 1 is {command} (host PID {hostPid})',
    body: 'Counted from `/proc/*/ns/pid` on the host; PID 1 is the process whose innermost `NSpid` is 1, with its `cmdline`.',
  },
  'sees.pid.same': {
    title: 'Both ps list the same processes',
    summary: 'ps on either side lists the same {processes}; PID 1 is {command}.',
    body: 'One PID namespace: a process started on one side is visible, and can be signalled, on the other.',
  },
  'sees.pid.different.host': {
    title: 'Host ps sees in; container ps does not see out',
    summary: 'ps inside {inner} shows {innerProcesses}; the host\'s ps shows {hostProcesses}, this one\'s PID 1 as PID {hostPid}.',
    body: 'A PID namespace sees the namespaces nested below it, never the one above: the host lists the container\'s processes under host PIDs, the container lists only its own, numbered from 1.',
  },
  'sees.pid.different.hostns': {
    title: '{outer} sees in; {inner} does not see out',
    summary: 'ps inside {inner} shows {innerProcesses}; ps in {outer}, which is in the host\'s PID namespace, shows {outerProcesses}, {inner}\'s PID 1 among them as PID {hostPid}.',
    body: 'A PID namespace sees the namespaces nested below it, never the one above: a container in the host\'s PID namespace (`--pid host`) lists every container\'s processes under host PIDs, and can signal them; the other lists only its own, numbered from 1.',
  },
  'sees.pid.different': {
    title: 'Each ps lists only its own',
    summary: 'ps in {left} shows {leftProcesses}; ps in {right} shows {rightProcesses}; neither lists the other\'s.',
    body: 'Two sibling PID namespaces: each side numbers its processes from 1 and cannot see or signal the other\'s.',
  },
  'sees.net.line': {
    title: 'Interfaces seen',
    summary: '{interfaces}',
    body: 'Interfaces from `/proc/PID/net/dev`, IPv4 addresses from `fib_trie` and `route`, IPv6 from `if_inet6`, all of that side\'s network namespace.',
  },
  'sees.net.same': {
    title: 'Same interfaces on both sides',
    summary: 'Both see {interfaces}: localhost in one reaches the other, and a port can be bound only once.',
    body: 'One network namespace: the same interfaces, addresses, routes and sockets on both sides.',
  },
  'sees.net.different.apart': {
    title: 'No network in common',
    summary: 'localhost in {left} is not localhost in {right}, and no address of one is on a subnet of the other: they share no network to reach each other over. Both can bind the same port.',
    body: 'Containers on different Docker networks are kept apart: the engine\'s iptables rules drop traffic between its bridges (unless it runs with iptables off). A container with only lo reaches nothing. Attach both to one network (`docker network connect`) for them to talk.',
  },
  'sees.net.different': {
    title: 'Each side has its own interfaces',
    summary: 'localhost in {left} is not localhost in {right}: they reach each other over the addresses each sees, and both can bind the same port.',
    body: 'Two network namespaces: localhost is different on each side; traffic between them goes over a bridge or the host\'s routing.',
  },
  'sees.uts.line': {
    title: 'Hostname seen',
    summary: 'hostname {hostname}{domain}',
    body: 'The kernel\'s values in that UTS namespace (`/proc/sys/kernel/hostname` read from inside it), not `/etc/hostname`.',
  },
  'sees.uts.domain': {
    title: 'domain name',
    summary: ', domain {domainname}',
    body: 'The NIS domain name of that UTS namespace; `(none)` when unset.',
  },
  'sees.uts.same': {
    title: 'Same hostname',
    summary: 'Both are called {hostname}: changing it on one side changes it on the other.',
    body: 'One UTS namespace: hostname and domain name are shared.',
  },
  'sees.uts.different': {
    title: 'Different hostnames',
    summary: 'Different hostnames: {leftHostname} / {rightHostname}.',
    body: 'Two UTS namespaces: each side can set its own hostname.',
  },
  'sees.uts.different.equal': {
    title: 'Same name, separate namespaces',
    summary: 'Both are called {hostname}, in separate UTS namespaces: changing it on one side does not change the other.',
    body: 'Docker gives a container joined to another\'s network that container\'s hostname, but its own UTS namespace.',
  },
  'sees.mnt.line': {
    title: 'Mounts seen',
    summary: '{count} mounts; / is {fstype} from {source}',
    body: 'From `/proc/PID/mountinfo`: the number of mounts and the filesystem mounted last on `/`.',
  },
  'sees.mnt.same': {
    title: 'Same mounts',
    summary: 'Both see the same {count} mounts; / is {fstype} from {source}.',
    body: 'One mount namespace: a mount made on one side appears on the other.',
  },
  'sees.mnt.different': {
    title: 'Different filesystems',
    summary: 'Each has its own mount table: / is {leftFstype} in {left} and {rightFstype} in {right}; a new mount crosses over only through a shared or slave bind mount.',
    body: 'Two mount namespaces: a volume or mount on one side is invisible on the other, unless both mount the same source.',
  },
  'sees.ipc.line': {
    title: 'IPC objects seen',
    summary: 'shared memory segments: {shm}, semaphore sets: {sem}, message queues: {msg}',
    body: 'Lines of `/proc/sysvipc/{shm,sem,msg}` read from inside that IPC namespace.',
  },
  'sees.ipc.same': {
    title: 'Same System V IPC objects',
    summary: 'Both see the same objects ({objects}): one side can attach to the other\'s shared memory.',
    body: 'One IPC namespace: shared memory segments, semaphores and message queues are common to both sides.',
  },
  'sees.ipc.different': {
    title: 'Separate System V IPC objects',
    summary: 'Neither can attach to the other\'s objects: an IPC key names a different object in {left} than in {right}.',
    body: 'Two IPC namespaces: an IPC key means a different object on each side.',
  },
  'sees.user.line': {
    title: 'Id maps seen',
    summary: 'uid {uidMap}; gid {gidMap}',
    body: 'From `/proc/PID/uid_map` and `gid_map`: inside → outside (length).',
  },
  'sees.user.same': {
    title: 'Same id maps',
    summary: 'Both have the uid map {uidMap}: a uid means the same user on both sides.',
    body: 'One user namespace: ids and capabilities mean the same on both sides.',
  },
  'sees.user.different': {
    title: 'Different id maps',
    summary: 'uid {leftUidMap} in {left}, {rightUidMap} in {right}: the same uid number is a different user.',
    body: 'Two user namespaces: root inside one is not root in the other unless its map says so.',
  },
  'sees.user.different.equal': {
    title: 'Same id maps, separate namespaces',
    summary: 'Both have the uid map {uidMap}: a uid is the same host user on both sides, but capabilities held in one do not apply in the other.',
    body: 'Two user namespaces with equal maps: ownership on the host agrees, privilege does not carry over.',
  },
  'sees.cgroup.line': {
    title: 'cgroup path seen',
    summary: 'cgroup {path}',
    body: 'The path in `/proc/PID/cgroup` as that side reads it (`/` in a private cgroup namespace).',
  },
  'sees.cgroup.same': {
    title: 'Same cgroup root',
    summary: 'Both read cgroup paths from the same root: {left} is at {leftPath}, {right} at {rightPath}.',
    body: 'One cgroup namespace: paths in `/proc/PID/cgroup` are comparable between the two sides.',
  },
  'sees.cgroup.different': {
    title: 'Different cgroup roots',
    summary: '{left} sees its cgroup as {leftPath}; {right} sees its own as {rightPath}.',
    body: 'Two cgroup namespaces: each side reads paths from its own root; the limits of the ancestors still apply.',
  },
  'sees.time.line': {
    title: 'Clock offsets seen',
    summary: 'monotonic {monotonic}, boottime {boottime}',
    body: 'From `/proc/PID/timens_offsets`: how far that side\'s monotonic and boot-time clocks are shifted.',
  },
  'sees.time.same': {
    title: 'Same clocks',
    summary: 'Both see the same monotonic and boot-time clocks (offsets {monotonic}, {boottime}): uptime agrees.',
    body: 'One time namespace: timers and uptime read the same on both sides.',
  },
  'sees.time.different': {
    title: 'Shifted clocks',
    summary: 'Clock offsets differ: {left} {leftMonotonic} / {leftBoottime}, {right} {rightMonotonic} / {rightBoottime}.',
    body: 'Two time namespaces: uptime and monotonic timestamps differ by these offsets; the wall clock is the same.',
  },
  'sees.time.different.equal': {
    title: 'Same offsets, separate namespaces',
    summary: 'Both clocks are shifted by the same offsets ({monotonic}, {boottime}), in separate time namespaces.',
    body: 'Uptime reads the same today; the offsets of a time namespace are fixed once its first process starts.',
  },
};
