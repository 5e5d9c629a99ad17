/**
 * A hand-built snapshot: values as seen on a cgroup v1 hybrid host with Docker 20.10.
 * web (compose project "shop") has a 64 MiB limit under a 32 MiB parent; tools shares the
 * host's pid namespace; sidecar uses web's network namespace; old has exited; the last
 * container carries a hostile name and image.
 */
import { linkContainers } from '../../../src/core/introspect';
import { fact, type ContainerAnatomy, type Snapshot } from '../../../src/core/model';
import { attachment, containerOf, hostOf, limit, namespacesOf, networkOf, processOf, snapshotOf, type ContainerOverrides } from '../../fixtures/snapshot';

export const WEB_ID = 'a1'.repeat(32);
export const TOOLS_ID = 'b2'.repeat(32);
export const SIDECAR_ID = 'c3'.repeat(32);
export const OLD_ID = 'd4'.repeat(32);
export const EVIL_ID = 'e5'.repeat(32);
export const EVIL_NAME = '<img src=x onerror=alert(1)>';
export const EVIL_IMAGE = '"><script>alert(1)</script>';

/** Every container here reports web's init process. */
const container = (over: ContainerOverrides): ContainerAnatomy => containerOf({ process: processOf(fact(4321, 'engine'), 'a1a1a1a1a1a1'), ...over });

const compose = (project: string, service: string): Pick<ContainerAnatomy, 'labels' | 'compose'> => ({
  labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': service },
  compose: { project, service },
});

export const web = container({
  id: WEB_ID, name: 'web',
  ...compose('shop', 'web'),
  namespaces: namespacesOf({ base: 4026532250 }),
  cgroup: {
    memory: { limitBytes: limit(67108864, 67108864, 33554432) },
    cpu: { cpus: limit(0.5) },
    pids: { max: limit(50, 50, 30) },
  },
  network: networkOf({
    mode: 'bridge', rawMode: 'default',
    networks: [attachment({
      name: 'bridge', networkId: '9'.repeat(64), driver: 'bridge', bridge: 'docker0', bridgeSource: 'procfs',
      subnet: '172.17.0.0/16', ip: '172.17.0.2', prefix: 16, gateway: '172.17.0.1', mac: '02:42:ac:11:00:02',
      iface: { name: 'eth0', ifindex: 8, iflink: 9 }, veth: { name: 'vethc204874', ifindex: 9 }, aliases: ['web', 'a1a1a1a1a1a1'],
    })],
    ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 18080 }],
  }),
});

export const tools = container({
  id: TOOLS_ID, name: 'tools', pid: fact(5000, 'engine'),
  namespaces: namespacesOf({ base: 4026532300, host: ['pid'] }),
});

export const sidecar = container({
  id: SIDECAR_ID, name: 'sidecar', pid: fact(5100, 'engine'),
  ...compose('shop', 'sidecar'),
  namespaces: namespacesOf({ base: 4026532350, sharedWith: { net: web } }),
  network: networkOf({ mode: 'container', sharesWith: web }),
});

export const old = container({
  id: OLD_ID, name: 'old', state: 'exited', status: 'Exited (137) 2 hours ago',
  exit: { code: 137, oomKilled: true, finishedAt: '2026-11-28T03:00:00Z' },
});

export const evil = container({
  id: EVIL_ID, name: EVIL_NAME, image: EVIL_IMAGE, pid: fact(5200, 'engine'),
  labels: { 'com.docker.compose.project': EVIL_NAME },
  compose: { project: EVIL_NAME, service: '"><script>' },
  namespaces: namespacesOf({ base: 4026532400 }),
});

export const host = hostOf({ memTotalBytes: 4 * 1024 ** 3, engine: { os: 'Debian GNU/Linux 12' } });

// As introspection does: each container lists the others holding the same namespace (web lists sidecar).
linkContainers([old, evil, sidecar, tools, web], host);

export function snapshot(): Snapshot {
  return snapshotOf(host, [old, evil, sidecar, tools, web]);
}
