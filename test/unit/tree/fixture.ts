/**
 * A hand-built snapshot: values as seen on a cgroup v1 hybrid host with Docker 20.10.
 * web (compose project "shop") has a 64 MiB limit under a 32 MiB parent; tools shares the
 * host's pid namespace; sidecar uses web's network namespace; old has exited; the last
 * container carries a hostile name and image.
 */
import { fact, unavailable, NAMESPACE_TYPES, type ContainerAnatomy, type ContainerNamespace, type HostAnatomy, type Limit, type NamespaceType, type Snapshot } from '../../../src/core/model';

const HOST_INODES: Record<NamespaceType, number> = {
  cgroup: 4026531835, ipc: 4026531839, mnt: 4026531841, net: 4026531840,
  pid: 4026531836, time: 4026531834, user: 4026531837, uts: 4026531838,
};

const MODE_FIELD: Record<NamespaceType, string | null> = {
  cgroup: 'CgroupnsMode', ipc: 'IpcMode', mnt: null, net: 'NetworkMode',
  pid: 'PidMode', time: null, user: 'UsernsMode', uts: 'UTSMode',
};

function limit<T>(declared: T | null, kernel: T | null, effective: T | null): Limit<T> {
  return { declared: fact(declared, 'engine'), kernel: fact(kernel, 'procfs'), effective: fact(effective, 'procfs') };
}

function namespaces(base: number, shared: Partial<Record<NamespaceType, 'host' | { donor: string; id: string }>>): Record<NamespaceType, ContainerNamespace> {
  const out = {} as Record<NamespaceType, ContainerNamespace>;
  NAMESPACE_TYPES.forEach((type, i) => {
    const s = type === 'user' || type === 'time' ? 'host' : shared[type];
    const isHost = s === 'host';
    out[type] = {
      type,
      inode: fact(isHost ? HOST_INODES[type] : base + i, 'procfs'),
      sharedWithHost: fact(isHost, 'procfs'),
      sharedWithPid1: unavailable('permission denied reading /proc/1/ns/' + type + ' — PID 1 belongs to another user'),
      mode: { field: MODE_FIELD[type], value: isHost && MODE_FIELD[type] && type !== 'user' ? 'host' : '', ...(typeof s === 'object' ? { sharesWith: { id: s.id, name: s.donor } } : {}) },
      sharedWithContainers: typeof s === 'object' ? [s.donor] : [],
    };
  });
  return out;
}

function stoppedNamespaces(): Record<NamespaceType, ContainerNamespace> {
  const out = {} as Record<NamespaceType, ContainerNamespace>;
  for (const type of NAMESPACE_TYPES) {
    const why = unavailable('the container is not running, so it has no namespaces');
    out[type] = { type, inode: why, sharedWithHost: why, sharedWithPid1: why, mode: { field: MODE_FIELD[type], value: '' }, sharedWithContainers: [] };
  }
  return out;
}

export const WEB_ID = 'a1'.repeat(32);
export const TOOLS_ID = 'b2'.repeat(32);
export const SIDECAR_ID = 'c3'.repeat(32);
export const OLD_ID = 'd4'.repeat(32);
export const EVIL_ID = 'e5'.repeat(32);
export const EVIL_NAME = '<img src=x onerror=alert(1)>';
export const EVIL_IMAGE = '"><script>alert(1)</script>';

function container(over: Partial<ContainerAnatomy> & Pick<ContainerAnatomy, 'id' | 'name'>): ContainerAnatomy {
  const running = (over.state ?? 'running') === 'running';
  const base: ContainerAnatomy = {
    id: over.id,
    name: over.name,
    image: 'container-anatomy-test/busybox:latest',
    imageId: 'sha256:' + 'f'.repeat(64),
    state: 'running',
    status: 'Up 5 minutes',
    created: '2026-11-28T05:00:00Z',
    pid: fact(4321, 'engine'),
    labels: {},
    compose: null,
    swarmService: null,
    namespaces: namespaces(4026532200, {}),
    process: {
      hostPid: fact(4321, 'engine'), nspid: fact([4321, 1], 'procfs'),
      uidMap: fact([{ inside: 0, outside: 0, length: 4294967295 }], 'procfs'),
      gidMap: fact([{ inside: 0, outside: 0, length: 4294967295 }], 'procfs'),
      rootIsHostRoot: fact(true, 'procfs'), hostname: fact('a1a1a1a1a1a1', 'engine'),
    },
    cgroup: {
      paths: fact({ memory: '/sys/fs/cgroup/memory/docker/' + over.id }, 'procfs'),
      memory: {
        limitBytes: limit<number>(null, null, null),
        reservationBytes: limit<number>(null, null, null),
        swapLimitBytes: limit<number>(null, null, null),
        usageBytes: running ? fact(3250585, 'procfs') : unavailable('not running'),
        oomKills: fact(0, 'procfs'),
      },
      cpu: {
        cpus: limit<number>(null, null, null), quotaUs: fact(null, 'procfs'), periodUs: fact(100000, 'procfs'),
        shares: limit<number>(null, 1024, 1024), weight: unavailable('cpu.weight exists only on cgroup v2'),
        usageNs: fact(12000000, 'procfs'), throttledPeriods: fact(0, 'procfs'),
      },
      cpuset: { cpus: limit<string>(null, '0-1', '0-1'), mems: limit<string>(null, '0', '0') },
      pids: { max: limit<number>(null, null, null), current: running ? fact(1, 'procfs') : unavailable('not running') },
      io: { weight: { declared: fact(null, 'engine'), kernel: unavailable('this kernel has only blkio.bfq.weight'), effective: unavailable('this kernel has only blkio.bfq.weight') } },
    },
    network: { mode: 'bridge', rawMode: 'default', networks: [], ports: [], exposedOnly: [] },
    networks: [],
    exit: null,
  };
  const c = { ...base, ...over };
  c.networks = c.network.networks;
  return c;
}

const bridge = {
  name: 'bridge', networkId: '9'.repeat(64), driver: fact('bridge', 'engine'), bridge: fact('docker0', 'procfs'),
  subnet: fact('172.17.0.0/16', 'engine'), ipAddress: fact('172.17.0.2', 'engine'), prefixLength: fact(16, 'engine'),
  gateway: fact('172.17.0.1', 'engine'), macAddress: fact('02:42:ac:11:00:02', 'engine'), ipv6Address: fact(null, 'engine'),
  containerInterface: fact({ name: 'eth0', ifindex: 8, iflink: 9 }, 'procfs'),
  hostVeth: fact({ name: 'vethc204874', ifindex: 9, master: 'docker0' }, 'procfs'), aliases: ['web', 'a1a1a1a1a1a1'],
};

export const web = container({
  id: WEB_ID, name: 'web',
  labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
  compose: { project: 'shop', service: 'web' },
  namespaces: namespaces(4026532250, {}),
  network: { mode: 'bridge', rawMode: 'default', networks: [bridge], ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 18080 }], exposedOnly: [] },
});
web.cgroup.memory.limitBytes = limit<number>(67108864, 67108864, 33554432);
web.cgroup.pids.max = limit<number>(50, 50, 30);
web.cgroup.cpu.cpus = limit<number>(0.5, 0.5, 0.5);

export const tools = container({
  id: TOOLS_ID, name: 'tools', pid: fact(5000, 'engine'),
  namespaces: namespaces(4026532300, { pid: 'host' }),
});

export const sidecar = container({
  id: SIDECAR_ID, name: 'sidecar', pid: fact(5100, 'engine'),
  labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'sidecar' },
  compose: { project: 'shop', service: 'sidecar' },
  namespaces: namespaces(4026532350, { net: { donor: 'web', id: WEB_ID } }),
  network: { mode: 'container', rawMode: 'container:' + WEB_ID, sharesWith: { id: WEB_ID, name: 'web' }, networks: [], ports: [], exposedOnly: [] },
});
sidecar.namespaces.net.inode = web.namespaces.net.inode;

export const old = container({
  id: OLD_ID, name: 'old', state: 'exited', status: 'Exited (137) 2 hours ago',
  pid: unavailable('the container is not running'),
  namespaces: stoppedNamespaces(),
  exit: { code: 137, oomKilled: true, finishedAt: '2026-11-28T03:00:00Z' },
});

export const evil = container({
  id: EVIL_ID, name: EVIL_NAME, image: EVIL_IMAGE, pid: fact(5200, 'engine'),
  labels: { 'com.docker.compose.project': EVIL_NAME },
  compose: { project: EVIL_NAME, service: '"><script>' },
  namespaces: namespaces(4026532400, {}),
});

export const host: HostAnatomy = {
  hostname: fact('debian', 'procfs'),
  namespaces: Object.fromEntries(NAMESPACE_TYPES.map((t) => [t, { type: t, inode: fact(HOST_INODES[t], 'procfs'), pid1Inode: unavailable('permission denied reading /proc/1/ns/' + t) }])) as HostAnatomy['namespaces'],
  cgroup: { version: fact('hybrid', 'engine'), driver: fact('cgroupfs', 'engine') },
  bridges: fact([], 'procfs'),
  memTotalBytes: fact(4 * 1024 ** 3, 'procfs'),
  onlineCpus: fact(2, 'procfs'),
  engine: {
    endpoint: 'unix:///var/run/docker.sock', context: null, apiVersion: '1.41', serverVersion: '20.10.24', os: 'Debian GNU/Linux 12',
    kernelVersion: '6.18.44', ncpu: 2, memTotalBytes: 4 * 1024 ** 3, rootDir: '/var/lib/docker', securityOptions: ['name=seccomp,profile=default'], local: true,
  },
};

export function snapshot(): Snapshot {
  return { schemaVersion: 1, takenAt: '2026-11-28T05:30:00Z', host, containers: [old, evil, sidecar, tools, web] };
}
