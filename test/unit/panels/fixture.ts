/**
 * A hand-built snapshot for the panel state builders: a host, two containers on the default
 * bridge, one on a user-defined bridge with a hostile name, and host / none / container: /
 * macvlan containers. Values follow what the reference host showed (cgroup v1, docker0).
 */
import { fact, NAMESPACE_TYPES, unavailable, type ContainerAnatomy, type NamespaceType, type Snapshot } from '../../../src/core/model';
import {
  attachment,
  containerOf,
  declaredOnly,
  HOST_INODES,
  hostOf,
  limit,
  namespacesOf,
  networkOf,
  snapshotOf,
  type AttachmentSpec,
  type CgroupOverrides,
  type ContainerOverrides,
} from '../../fixtures/snapshot';

export const HOSTILE = '<img src=x onerror="alert(1)">&amp;\u202e';

export const HOST_NS = HOST_INODES;

/** 0.5 CPU and 50 pids; memory as given (64 MiB by default) under a parent with half of it, swap twice it. */
function limits(memory: number | null): CgroupOverrides {
  const swap = memory === null ? null : memory * 2;
  return {
    paths: fact({ memory: '/sys/fs/cgroup/memory/docker/x' }, 'procfs'),
    memory: { limitBytes: limit(memory, memory, memory === null ? null : memory / 2), swapLimitBytes: limit(swap) },
    cpu: { cpus: limit(0.5), quotaUs: fact(50000, 'procfs'), usageNs: fact(123456789, 'procfs') },
    cpuset: { cpus: limit('0'), mems: limit('0') },
    pids: { max: limit(50) },
    io: { weight: declaredOnly<number>(null, 'neither blkio.weight nor blkio.bfq.weight exists in /sys/fs/cgroup/blkio/docker: no I/O scheduler with weights (CFQ or BFQ) is available') },
  };
}

interface Spec extends Omit<ContainerOverrides, 'pid' | 'namespaces' | 'cgroup'> {
  /** Host PID of init; the namespace inodes are numbered from it. */
  base: number;
  /** Namespaces shared with the host besides user and time. */
  hostNs?: NamespaceType[];
  memory?: number | null;
}

/** A running container whose namespaces were read from /proc only (modes not recorded). */
function container({ base, hostNs, memory = 67108864, ...over }: Spec): ContainerAnatomy {
  return containerOf({
    imageId: 'sha256:' + 'ab'.repeat(32),
    pid: fact(base, 'engine'),
    namespaces: namespacesOf({
      base: 4026532200 + base * 10,
      host: hostNs,
      record: 'inodes',
      pid1: () => 'permission denied reading /proc/1/ns — PID 1 is not readable here',
    }),
    cgroup: limits(memory),
    ...over,
  });
}

const id = (c: string): string => c.repeat(64);

export const DOCKER0: AttachmentSpec = {
  name: 'bridge',
  networkId: id('1'),
  driver: 'bridge',
  bridge: 'docker0',
  subnet: '172.17.0.0/16',
  ip: '172.17.0.2',
  prefix: 16,
  gateway: '172.17.0.1',
  mac: '02:42:ac:11:00:02',
  veth: { name: 'vethc204874', ifindex: 9 },
  iface: { name: 'eth0', ifindex: 8, iflink: 9 },
};

export const web = container({
  id: id('a'),
  name: 'web',
  image: `evil/${HOSTILE}:latest`,
  base: 6208,
  labels: { note: HOSTILE },
  network: networkOf({
    mode: 'bridge',
    rawMode: 'default',
    networks: [attachment(DOCKER0)],
    ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 18080 }],
  }),
});

export const db = container({
  id: id('b'),
  name: 'db',
  base: 6300,
  memory: null,
  network: networkOf({
    mode: 'bridge',
    rawMode: 'default',
    networks: [attachment({ ...DOCKER0, ip: '172.17.0.3', mac: '02:42:ac:11:00:03', veth: { name: 'veth1a2b3c4', ifindex: 11 }, iface: { name: 'eth0', ifindex: 10, iflink: 11 } })],
  }),
});

/** A user-defined bridge whose network name is hostile. */
const oddNet: AttachmentSpec = {
  ...DOCKER0,
  name: HOSTILE, networkId: id('2'), bridge: 'br-222222222222', subnet: '172.18.0.0/16', ip: '172.18.0.2', gateway: '172.18.0.1',
  mac: '02:42:ac:12:00:02', veth: { name: 'veth7777777', ifindex: 13 }, iface: { name: 'eth0', ifindex: 12, iflink: 13 },
};

export const hostile = container({
  id: id('c'),
  name: 'odd',
  base: 6400,
  network: networkOf({ mode: 'bridge', rawMode: HOSTILE, networks: [attachment(oddNet)] }),
});

export const hostnet = container({
  id: id('d'),
  name: 'hostnet',
  base: 6500,
  hostNs: ['net', 'uts'],
  network: networkOf({ mode: 'host', networks: [attachment({ name: 'host', networkId: id('3'), driver: 'host', ip: '' })] }),
});

export const isolated = container({
  id: id('e'),
  name: 'isolated',
  base: 6600,
  network: networkOf({ mode: 'none', networks: [attachment({ name: 'none', networkId: id('4'), driver: 'null', ip: '' })] }),
});

export const sidecar = (() => {
  const c = container({ id: id('f'), name: 'sidecar', base: 6700, network: networkOf({ mode: 'container', sharesWith: web }) });
  c.namespaces.net = { ...c.namespaces.net, inode: web.namespaces.net.inode };
  return c;
})();

export const mv = container({
  id: id('9'),
  name: 'mv',
  base: 6800,
  network: networkOf({
    mode: 'macvlan',
    rawMode: 'mvnet',
    networks: [attachment({
      name: 'mvnet', networkId: id('5'), driver: 'macvlan', subnet: '192.168.50.0/24', ip: '192.168.50.10', prefix: 24,
      gateway: '192.168.50.1', mac: '02:42:c0:a8:32:0a', iface: { name: 'eth0', ifindex: 14, iflink: 4 },
    })],
  }),
});

/** A container whose namespace links could not be read (EACCES), so its diff rows are unknown. */
export const locked = (() => {
  const c = container({ id: id('8'), name: 'locked', base: 6900, network: networkOf({ mode: 'bridge' }) });
  for (const t of NAMESPACE_TYPES) {
    c.namespaces[t] = { ...c.namespaces[t], inode: unavailable(`permission denied reading /proc/6900/ns/${t}: the kernel's ptrace check refuses it; run as root (or the container's owner), or let the helper container read it (even root can be refused, e.g. for a supervisor's PID 1 or by a security module)`) };
  }
  return c;
})();

export const host = hostOf({
  hostname: 'refhost',
  pid1: () => 'permission denied reading /proc/1/ns',
  cgroupVersion: fact('hybrid', 'procfs'),
  bridges: [
    { name: 'docker0', addresses: ['172.17.0.1/16'], networkName: 'bridge', networkId: id('1'), subnet: '172.17.0.0/16', gateway: '172.17.0.1', ports: ['vethc204874', 'veth1a2b3c4'] },
  ],
});

export const containers: ContainerAnatomy[] = [web, db, hostile, hostnet, isolated, sidecar, mv, locked];

export const snapshot: Snapshot = snapshotOf(host, containers);
