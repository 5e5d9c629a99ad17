import type { Entry } from '../types';

/** The container's init process as the host sees it. */
export const processTopics: Record<string, Entry> = {
  'process.pid': {
    title: 'Host PID',
    summary: 'The PID of the container\'s init process on the host. In a PID namespace of its own the container knows it by another number (usually 1); with --pid host the two are the same.',
    body: 'Docker reports it as `State.Pid`. Inside its own PID namespace the same process is usually PID 1. Use the host PID with host tools (`/proc/PID/...`, `nsenter -t PID`, `kill`); inside the container only the inner number means anything. It is 0 while the container is not running.',
  },
  'process.nspid': {
    title: 'NSpid',
    summary: 'The process\'s PID in each PID namespace it belongs to, outermost first.',
    body: 'From the `NSpid:` line of `/proc/PID/status` (Linux 4.1 and later). `NSpid: 6208 1` means host PID 6208 and PID 1 inside the container. A single number means the process is in the reader\'s own PID namespace, as with `--pid host`. See proc(5).',
  },
  'process.uidmap': {
    title: 'UID map',
    summary: 'How user IDs inside the container translate to user IDs outside.',
    body: 'Each line of `/proc/PID/uid_map` is: first ID inside, first ID outside, number of IDs. `0 0 4294967295` is the identity map of the host\'s user namespace: no remapping. `0 231072 65536` (userns-remap) means container root is host uid 231072. See user_namespaces(7).',
  },
  'process.gidmap': {
    title: 'GID map',
    summary: 'How group IDs inside the container translate to group IDs outside.',
    body: 'Same format as the UID map, read from `/proc/PID/gid_map`. It decides which host group owns files the container creates on a bind mount.',
  },
  'process.rootIsHostRoot': {
    title: 'Root is host root',
    summary: 'Whether uid 0 in the container is uid 0 on the host.',
    body: 'True when the uid map sends 0 to 0, which is Docker\'s default. Root in the container is then limited by dropped capabilities, seccomp and AppArmor/SELinux, not by its identity: files it writes on a bind mount are owned by real root. `userns-remap` or rootless Docker make this false.',
  },
  'process.hostname': {
    title: 'Hostname',
    summary: 'The name the container sees from the hostname command, held by its UTS namespace.',
    body: 'Docker sets it to the first 12 characters of the container id unless `--hostname` (compose: `hostname:`) is given. Other containers on a user-defined network reach it by container name or alias through Docker\'s DNS, not by this hostname.',
  },
};
