/**
 * The containers the anatomy suite compares with the kernel: one per Docker setting under
 * test, created in parallel (donors first, then the containers joining them).
 */
import { docker, RUN_ID, type Created, type TestSuite } from './docker';
import { createParent, PARENT_PREFIX } from './cgroup-parent';

export const MiB = 1024 * 1024;

export const LIMITED = {
  Memory: 64 * MiB,
  MemoryReservation: 32 * MiB,
  NanoCpus: 500_000_000,
  CpuShares: 512,
  CpusetCpus: '0',
  PidsLimit: 50,
};

export const PARENT = { name: `${PARENT_PREFIX}${RUN_ID}`, memoryBytes: 32 * MiB, pidsMax: 30 };

export interface Fleet {
  def: Created;
  pidHost: Created;
  netHost: Created;
  netNone: Created;
  netDonor: Created;
  netJoin: Created;
  ipcDonor: Created;
  ipcJoin: Created;
  utsHost: Created;
  limited: Created;
  userBridge: Created;
  twoNets: Created;
  underParent: Created;
  paused: Created;
  created: Created;
  exited: Created;
  net1: { id: string; name: string };
  net2: { id: string; name: string };
}

export async function buildFleet(s: TestSuite): Promise<Fleet> {
  createParent(PARENT.name, PARENT);
  const [net1, net2] = await Promise.all([s.createNetwork('net1'), s.createNetwork('net2')]);
  const twoNetsP = (async () => {
    const c = await s.createContainer({ name: 'two-nets', hostConfig: { NetworkMode: net1.name }, start: false });
    await docker.getNetwork(net2.id).connect({ Container: c.id });
    await c.container.start();
    return c;
  })();
  const [def, pidHost, netHost, netNone, netDonor, ipcDonor, utsHost, limited, userBridge, twoNets, underParent, paused, created, exited] =
    await Promise.all([
      s.createContainer({ name: 'default' }),
      s.createContainer({ name: 'pid-host', hostConfig: { PidMode: 'host' } }),
      s.createContainer({ name: 'net-host', hostConfig: { NetworkMode: 'host' } }),
      s.createContainer({ name: 'net-none', hostConfig: { NetworkMode: 'none' } }),
      s.createContainer({ name: 'net-donor' }),
      s.createContainer({ name: 'ipc-donor', hostConfig: { IpcMode: 'shareable' } }),
      s.createContainer({ name: 'uts-host', hostConfig: { UTSMode: 'host' } }),
      s.createContainer({ name: 'limited', hostConfig: { ...LIMITED } }),
      s.createContainer({ name: 'user-bridge', hostConfig: { NetworkMode: net1.name } }),
      twoNetsP,
      s.createContainer({ name: 'under-parent', hostConfig: { CgroupParent: `/${PARENT.name}`, Memory: 64 * MiB, PidsLimit: 100 } }),
      s.createContainer({ name: 'paused' }),
      s.createContainer({ name: 'created', hostConfig: { Memory: 64 * MiB, PidsLimit: 50 }, start: false }),
      s.createContainer({ name: 'exited', hostConfig: { Memory: 64 * MiB } }),
    ]);
  const [netJoin, ipcJoin] = await Promise.all([
    s.createContainer({ name: 'net-join', hostConfig: { NetworkMode: `container:${netDonor.name}` } }),
    s.createContainer({ name: 'ipc-join', hostConfig: { IpcMode: `container:${ipcDonor.name}` } }),
    paused.container.pause(),
    (async () => {
      await exited.container.kill({ signal: 'SIGKILL' });
      await exited.container.wait();
    })(),
  ]);
  return { def, pidHost, netHost, netNone, netDonor, netJoin, ipcDonor, ipcJoin, utsHost, limited, userBridge, twoNets, underParent, paused, created, exited, net1, net2 };
}
