/**
 * A hand-built snapshot for the panel state builders: a host, two containers on the default
 * bridge, one on a user-defined bridge with a hostile name, and host / none / container: /
 * macvlan containers. Values follow what the reference host showed (cgroup v1, docker0).
 */
import {
  fact,
  NAMESPACE_TYPES,
  unavailable,
  type CgroupAnatomy,
  type ContainerAnatomy,
  type ContainerNamespace,
  type HostAnatomy,
  type Limit,
  type NamespaceType,
  type NetworkAttachment,
  type NetworkAnatomy,
  type Snapshot,
} from '../../../src/core/model';

export const HOSTILE = '<img src=x onerror="alert(1)">&amp;\u202e';

export const HOST_NS: Record<NamespaceType, number> = {
  cgroup: 4026531835,
  ipc: 4026531839,
  mnt: 4026531841,
  net: 4026531840,
  pid: 4026531836,
  time: 4026531834,
  user: 4026531837,
  uts: 4026531838,
};

function limit<T>(declared: T | null, kernel: T | null, effective: T | null): Limit<T> {
  return { declared: fact(declared, 'engine'), kernel: fact(kernel, 'procfs'), effective: fact(effective, 'procfs') };
}

function cgroup(memory: number | null, cpus: number | null, pids: number | null): CgroupAnatomy {
  return {
    paths: fact({ memory: '/sys/fs/cgroup/memory/docker/x' }, 'procfs'),
    memory: {
      limitBytes: limit(memory, memory, memory === null ? null : memory / 2),
      reservationBytes: limit<number>(null, null, null),
      swapLimitBytes: limit(memory === null ? null : memory * 2, memory === null ? null : memory * 2, memory === null ? null : memory * 2),
      usageBytes: fact(3250585, 'procfs'),
      oomKills: fact(0, 'procfs'),
    },
    cpu: {
      cpus: limit(cpus, cpus, cpus),
      quotaUs: fact(cpus === null ? null : cpus * 100000, 'procfs'),
      periodUs: fact(100000, 'procfs'),
      shares: limit<number>(null, 1024, 1024),
      weight: unavailable('cpu.weight exists only on cgroup v2'),
      usageNs: fact(123456789, 'procfs'),
      throttledPeriods: fact(0, 'procfs'),
    },
    cpuset: { cpus: limit('0', '0', '0'), mems: limit('0', '0', '0') },
    pids: { max: limit(pids, pids, pids), current: fact(1, 'procfs') },
    io: {
      weight: {
        declared: fact(null, 'engine'),
        kernel: unavailable('no blkio.weight file: this kernel offers only blkio.bfq.weight'),
        effective: unavailable('no blkio.weight file: this kernel offers only blkio.bfq.weight'),
      },
    },
  };
}

function namespaces(inode: (t: NamespaceType) => number, shared: NamespaceType[] = []): Record<NamespaceType, ContainerNamespace> {
  const out = {} as Record<NamespaceType, ContainerNamespace>;
  for (const t of NAMESPACE_TYPES) {
    const value = shared.includes(t) || t === 'time' || t === 'user' ? HOST_NS[t] : inode(t);
    out[t] = {
      type: t,
      inode: fact(value, 'procfs'),
      sharedWithHost: fact(value === HOST_NS[t], 'procfs'),
      sharedWithPid1: unavailable('permission denied reading /proc/1/ns — PID 1 is not readable here'),
      mode: { field: null, value: '' },
      sharedWithContainers: [],
    };
  }
  return out;
}

export interface AttachmentSpec {
  name: string;
  networkId: string;
  driver: string;
  bridge?: string;
  subnet?: string;
  ip: string;
  prefix?: number;
  gateway?: string;
  mac?: string;
  veth?: { name: string; ifindex: number };
  iface?: { name: string; ifindex: number; iflink: number };
}

function attach(a: AttachmentSpec): NetworkAttachment {
  return {
    name: a.name,
    networkId: a.networkId,
    driver: fact(a.driver, 'engine'),
    bridge: a.bridge ? fact(a.bridge, 'engine') : unavailable('not a bridge network'),
    subnet: a.subnet ? fact(a.subnet, 'engine') : unavailable('no IPAM config on this network'),
    ipAddress: fact(a.ip, 'engine'),
    prefixLength: a.prefix !== undefined ? fact(a.prefix, 'engine') : unavailable('no prefix length'),
    gateway: fact(a.gateway ?? '', 'engine'),
    macAddress: fact(a.mac ?? '', 'engine'),
    ipv6Address: fact(null, 'engine'),
    containerInterface: a.iface ? fact(a.iface, 'procfs') : unavailable('no interface in this network namespace'),
    hostVeth: a.veth ? fact({ ...a.veth, master: a.bridge ?? null }, 'procfs') : unavailable('no host veth: this network has none'),
    aliases: [],
  };
}

interface Spec {
  id: string;
  name: string;
  image?: string;
  mode: NetworkAnatomy['mode'];
  rawMode?: string;
  nets?: AttachmentSpec[];
  sharesWith?: { id: string; name: string | null };
  ports?: NetworkAnatomy['ports'];
  base: number;
  sharedNs?: NamespaceType[];
  memory?: number | null;
  labels?: Record<string, string>;
}

export function container(spec: Spec): ContainerAnatomy {
  const nets = (spec.nets ?? []).map(attach);
  return {
    id: spec.id,
    name: spec.name,
    image: spec.image ?? 'container-anatomy-test/busybox:latest',
    imageId: 'sha256:' + 'ab'.repeat(32),
    state: 'running',
    status: 'Up 5 minutes',
    created: '2026-11-28T05:00:00Z',
    pid: fact(spec.base, 'engine'),
    labels: spec.labels ?? {},
    compose: null,
    swarmService: null,
    namespaces: namespaces((t) => 4026532200 + spec.base * 10 + NAMESPACE_TYPES.indexOf(t), spec.sharedNs),
    process: {
      hostPid: fact(spec.base, 'engine'),
      nspid: fact([spec.base, 1], 'procfs'),
      uidMap: fact([{ inside: 0, outside: 0, length: 4294967295 }], 'procfs'),
      gidMap: fact([{ inside: 0, outside: 0, length: 4294967295 }], 'procfs'),
      rootIsHostRoot: fact(true, 'procfs'),
      hostname: fact(spec.id.slice(0, 12), 'engine'),
    },
    cgroup: cgroup(spec.memory === undefined ? 67108864 : spec.memory, 0.5, 50),
    network: {
      mode: spec.mode,
      rawMode: spec.rawMode ?? spec.mode,
      sharesWith: spec.sharesWith,
      networks: nets,
      ports: spec.ports ?? [],
      exposedOnly: [],
    },
    networks: nets,
    exit: null,
  };
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
  mode: 'bridge',
  rawMode: 'default',
  base: 6208,
  nets: [DOCKER0],
  ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 18080 }],
  labels: { note: HOSTILE },
});

export const db = container({
  id: id('b'),
  name: 'db',
  mode: 'bridge',
  rawMode: 'default',
  base: 6300,
  memory: null,
  nets: [{ ...DOCKER0, ip: '172.17.0.3', mac: '02:42:ac:11:00:03', veth: { name: 'veth1a2b3c4', ifindex: 11 }, iface: { name: 'eth0', ifindex: 10, iflink: 11 } }],
});

export const hostile = container({
  id: id('c'),
  name: 'odd',
  mode: 'bridge',
  rawMode: HOSTILE,
  base: 6400,
  nets: [{
    name: HOSTILE,
    networkId: id('2'),
    driver: 'bridge',
    bridge: 'br-222222222222',
    subnet: '172.18.0.0/16',
    ip: '172.18.0.2',
    prefix: 16,
    gateway: '172.18.0.1',
    mac: '02:42:ac:12:00:02',
    veth: { name: 'veth7777777', ifindex: 13 },
    iface: { name: 'eth0', ifindex: 12, iflink: 13 },
  }],
});

export const hostnet = container({
  id: id('d'),
  name: 'hostnet',
  mode: 'host',
  base: 6500,
  sharedNs: ['net', 'uts'],
  nets: [{ name: 'host', networkId: id('3'), driver: 'host', ip: '' }],
});

export const isolated = container({
  id: id('e'),
  name: 'isolated',
  mode: 'none',
  base: 6600,
  nets: [{ name: 'none', networkId: id('4'), driver: 'null', ip: '' }],
});

export const sidecar = (() => {
  const c = container({
    id: id('f'),
    name: 'sidecar',
    mode: 'container',
    rawMode: `container:${id('a')}`,
    sharesWith: { id: id('a'), name: 'web' },
    base: 6700,
  });
  c.namespaces.net = { ...c.namespaces.net, inode: web.namespaces.net.inode, sharedWithHost: fact(false, 'procfs') };
  return c;
})();

export const mv = container({
  id: id('9'),
  name: 'mv',
  mode: 'macvlan',
  rawMode: 'mvnet',
  base: 6800,
  nets: [{
    name: 'mvnet',
    networkId: id('5'),
    driver: 'macvlan',
    subnet: '192.168.50.0/24',
    ip: '192.168.50.10',
    prefix: 24,
    gateway: '192.168.50.1',
    mac: '02:42:c0:a8:32:0a',
    iface: { name: 'eth0', ifindex: 14, iflink: 4 },
  }],
});

/** A container whose namespace links could not be read (EACCES), so its diff rows are unknown. */
export const locked = (() => {
  const c = container({ id: id('8'), name: 'locked', mode: 'bridge', base: 6900, nets: [] });
  for (const t of NAMESPACE_TYPES) {
    c.namespaces[t] = { ...c.namespaces[t], inode: unavailable(`permission denied reading /proc/6900/ns/${t} — run as root or as the container's owner`) };
  }
  return c;
})();

export const host: HostAnatomy = {
  hostname: fact('refhost', 'procfs'),
  namespaces: Object.fromEntries(
    NAMESPACE_TYPES.map((t) => [t, { type: t, inode: fact(HOST_NS[t], 'procfs'), pid1Inode: unavailable('permission denied reading /proc/1/ns') }]),
  ) as HostAnatomy['namespaces'],
  cgroup: { version: fact('hybrid', 'procfs'), driver: fact('cgroupfs', 'engine') },
  bridges: fact([
    { name: 'docker0', addresses: ['172.17.0.1/16'], networkName: 'bridge', networkId: id('1'), subnet: '172.17.0.0/16', gateway: '172.17.0.1', ports: ['vethc204874', 'veth1a2b3c4'] },
  ], 'procfs'),
  memTotalBytes: fact(25276514304, 'procfs'),
  onlineCpus: fact(2, 'procfs'),
  engine: {
    endpoint: 'unix:///var/run/docker.sock',
    context: null,
    apiVersion: '1.41',
    serverVersion: '20.10.24',
    os: 'Debian GNU/Linux 12 (bookworm)',
    kernelVersion: '6.18.44',
    ncpu: 2,
    memTotalBytes: 25276514304,
    rootDir: '/var/lib/docker',
    securityOptions: ['name=seccomp,profile=default'],
    local: true,
  },
};

export const containers: ContainerAnatomy[] = [web, db, hostile, hostnet, isolated, sidecar, mv, locked];

export const snapshot: Snapshot = { schemaVersion: 1, takenAt: '2026-11-28T05:30:00Z', host, containers };
