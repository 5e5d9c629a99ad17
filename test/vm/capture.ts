/**
 * Captures the fixture tree test/fixtures/v2-systemd-vm from the test VM: for a limited
 * container and one under a tighter slice, the /proc files the readers use and the cgroup v2
 * files of the container's scope and every ancestor, as the VM's kernel wrote them.
 *
 *   bash test/vm/run.sh npx tsx test/vm/capture.ts
 *
 * Container ids and PIDs are rewritten to the fixed ones in test/unit/procfs/fixtures.ts, so
 * a new capture differs from the committed one only where the kernel's answers do.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { IDS, PIDS } from '../unit/procfs/fixtures';
import { vmDocker, vmEndpoints, vmRead, vmRun } from './support';

const OUT = path.resolve(__dirname, '../fixtures/v2-systemd-vm');
const IMAGE = 'container-anatomy-test/busybox:latest';
const MiB = 1024 * 1024;
const SLICE = 'anatomytest.slice';
/** The fixed ids and PIDs the unit tests name. */
const AS = {
  limited: { id: IDS.vmLimited, pid: PIDS.vmLimited },
  sliced: { id: IDS.vmSliced, pid: PIDS.vmSliced },
};
const CGROUP_FILES = [
  'cgroup.controllers',
  'cgroup.subtree_control',
  'memory.max',
  'memory.low',
  'memory.swap.max',
  'memory.current',
  'memory.events',
  'cpu.max',
  'cpu.weight',
  'cpu.stat',
  'cpuset.cpus',
  'cpuset.cpus.effective',
  'cpuset.mems',
  'cpuset.mems.effective',
  'pids.max',
  'pids.current',
  'io.weight',
  'io.bfq.weight',
];

async function main(): Promise<void> {
  const vm = vmEndpoints();
  const docker = vmDocker(vm);
  const made: { key: keyof typeof AS; id: string }[] = [];
  try {
    const create = async (key: keyof typeof AS, hostConfig: object): Promise<void> => {
      const c = await docker.createContainer({ Image: IMAGE, Cmd: ['sleep', '3600'], Labels: { 'container-anatomy.test': 'vm-capture' }, HostConfig: hostConfig });
      made.push({ key, id: c.id });
      await c.start();
    };
    await create('limited', { Memory: 64 * MiB, MemorySwap: 128 * MiB, NanoCpus: 500_000_000, PidsLimit: 50, CpusetCpus: '0' });
    await create('sliced', { CgroupParent: SLICE, Memory: 128 * MiB, PidsLimit: 100 });
    await vmRun(vm, `systemctl set-property --runtime ${SLICE} MemoryMax=${48 * MiB} TasksMax=20`);

    rmSync(OUT, { recursive: true, force: true });
    const rename: [string, string][] = [];
    const files: string[] = ['/proc/self/mountinfo', '/proc/meminfo', '/sys/devices/system/cpu/online'];
    const hostConfigs: Record<string, unknown> = {};
    for (const { key, id } of made) {
      const info = await docker.getContainer(id).inspect();
      const pid = info.State.Pid;
      rename.push([id, AS[key].id], [`/proc/${pid}/`, `/proc/${AS[key].pid}/`]);
      for (const f of ['cgroup', 'status', 'uid_map', 'gid_map']) files.push(`/proc/${pid}/${f}`);
      const hc = info.HostConfig as Record<string, unknown>;
      const fields = ['Memory', 'MemoryReservation', 'MemorySwap', 'NanoCpus', 'CpuQuota', 'CpuPeriod', 'CpuShares', 'CpusetCpus', 'CpusetMems', 'PidsLimit', 'BlkioWeight'];
      hostConfigs[key] = Object.fromEntries(fields.map((k) => [k, hc[k] ?? null]));
      const cgroup = (await vmRead(vm, [`/proc/${pid}/cgroup`])).get(`/proc/${pid}/cgroup`)?.text ?? '';
      const rel = cgroup.trim().replace(/^0::/, '');
      // The scope and each ancestor up to the root.
      const parts = rel.split('/').filter(Boolean);
      for (let i = parts.length; i >= 0; i--) {
        const dir = path.posix.join('/sys/fs/cgroup', ...parts.slice(0, i));
        for (const f of CGROUP_FILES) files.push(`${dir}/${f}`);
      }
    }
    const reads = await vmRead(vm, [...new Set(files)]);
    // The reading shell's own pid in /proc/self is not captured: its mountinfo is what matters.
    for (const [p, r] of reads) {
      if (r.text === undefined) continue;
      let target = p;
      let body = r.text;
      for (const [from, to] of rename) {
        target = target.split(from).join(to);
        body = body.split(from).join(to);
      }
      const file = path.join(OUT, target);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, body);
    }
    for (const [key, hc] of Object.entries(hostConfigs)) writeFileSync(path.join(OUT, `hostconfig-${key}.json`), JSON.stringify(hc) + '\n');
    console.log(`captured ${reads.size} paths into ${OUT}`);
  } finally {
    for (const { id } of made) await docker.getContainer(id).remove({ force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
