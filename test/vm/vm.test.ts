/**
 * A second real engine: Debian bookworm in a VM (cgroup v2, systemd cgroup driver, Docker
 * 20.10), booted by test/vm/run.sh. Its processes are not visible from this machine, as with
 * Docker Desktop or any remote engine. Three ways of looking are compared with what the VM's
 * kernel says (read over ssh as root with readlink and cat):
 *  - this machine over TCP+TLS and over ssh://: what the Engine API gives, the VM's host facts,
 *    and kernel facts unavailable with a reason (never this machine's values);
 *  - the same, with the helper container allowed: every kernel fact, read by the helper in the
 *    VM, labelled `helper`, and no helper left behind;
 *  - the CLI run inside the VM as root against its own engine: every kernel fact of the v2 +
 *    systemd local path.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { connectEngine, type Engine } from '../../src/core/engine/connection';
import { HELPER_LABEL } from '../../src/core/helper/container';
import { HelperManager } from '../../src/core/helper/manager';
import { resolveEndpoint } from '../../src/core/engine/endpoint';
import { NAMESPACE_TYPES, isFact, isUnavailable, type ContainerAnatomy, type Maybe, type Snapshot } from '../../src/core/model';
import { takeSnapshot } from '../../src/core/snapshot';
import { CLI_CORE, ensureCliBuilt } from '../integration/support/cli';
import { IMAGE, TestSuite, type Created } from '../integration/support/docker';
import { inodeOf, text, v2Limit, vmDocker, vmEndpoints, vmRead, vmRun, type VmEndpoints } from './support';

const MiB = 1024 * 1024;
/** A slice of its own, so its limits are the test's: tighter than the container's own. */
const SLICE = 'anatomytest.slice';
const SLICE_MEMORY = 48 * MiB;
const SLICE_PIDS = 20;

describe('a cgroup v2 + systemd engine in a VM, over TLS and SSH', function () {
  this.timeout(600_000);
  const vm: VmEndpoints = vmEndpoints();
  const suite = new TestSuite('vm', vmDocker(vm)).hooks();
  const set: Record<'plain' | 'limited' | 'sliced' | 'pidhost' | 'joiner' | 'bridged', Created> = {} as never;
  let network: { id: string; name: string };
  let viaTls: Engine;
  let viaSsh: Engine;
  let tlsSnap: Snapshot;
  let sshSnap: Snapshot;
  /** The VM's own facts, read over ssh. */
  let meminfoTotal: number;
  let vmHostname: string;
  let vmLinks: string[];

  before(async function () {
    network = await suite.createNetwork('net');
    // One after another: under emulation a container start takes seconds, and parallel
    // starts only make each slower.
    set.plain = await suite.createContainer({ name: 'plain' });
    set.limited = await suite.createContainer({
      name: 'limited',
      hostConfig: { Memory: 64 * MiB, NanoCpus: 500_000_000, PidsLimit: 50, CpusetCpus: '0' },
    });
    set.sliced = await suite.createContainer({ name: 'sliced', hostConfig: { CgroupParent: SLICE, Memory: 128 * MiB, PidsLimit: 100 } });
    await vmRun(vm, `systemctl set-property --runtime ${SLICE} MemoryMax=${SLICE_MEMORY} TasksMax=${SLICE_PIDS}`);
    set.pidhost = await suite.createContainer({ name: 'pidhost', hostConfig: { PidMode: 'host' } });
    set.joiner = await suite.createContainer({ name: 'joiner', hostConfig: { NetworkMode: `container:${set.plain.id}` } });
    set.bridged = await suite.createContainer({ name: 'bridged', hostConfig: { NetworkMode: network.name } });

    const home = vm.ssh.home;
    viaTls = await connectEngine(resolveEndpoint({ DOCKER_HOST: vm.tls.host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: vm.tls.certPath }, home), {
      env: {},
      homeDir: home,
      timeoutMs: 60_000,
    });
    viaSsh = await connectEngine(resolveEndpoint({ DOCKER_HOST: vm.ssh.host }, home), { env: {}, homeDir: home, timeoutMs: 60_000 });
    const only = Object.values(set).map((c) => c.id);
    tlsSnap = (await takeSnapshot(viaTls, { only })).snapshot;
    sshSnap = (await takeSnapshot(viaSsh, { only })).snapshot;

    const facts = await vmRun(vm, "awk '/^MemTotal:/ {print $2 * 1024}' /proc/meminfo; hostname; ls /sys/class/net");
    const [mem, host, ...links] = facts.trim().split('\n');
    meminfoTotal = Number(mem);
    vmHostname = host;
    vmLinks = links;
  });

  after(() => {
    viaTls?.dispose();
    viaSsh?.dispose();
  });

  const find = (snap: Snapshot, c: Created): ContainerAnatomy => {
    const hit = snap.containers.find((x) => x.id === c.id);
    assert.ok(hit, `${c.name} is in the snapshot`);
    return hit;
  };
  const value = <T>(m: Maybe<T>, what: string): T => {
    assert.ok(isFact(m), `${what} is a fact, got ${JSON.stringify(m)}`);
    return m.value;
  };

  describe('from this machine (the engine is elsewhere)', () => {
    it('host facts are the VM\'s: cgroup v2, systemd driver, its hostname, memory, CPUs and bridges', () => {
      for (const snap of [tlsSnap, sshSnap]) {
        const h = snap.host;
        assert.equal(h.engine.local, false);
        assert.match(h.engine.localReason ?? '', /./);
        assert.deepEqual(h.cgroup.version, { value: 'v2', source: 'engine' });
        assert.deepEqual(h.cgroup.driver, { value: 'systemd', source: 'engine' });
        assert.deepEqual(h.hostname, { value: vmHostname, source: 'engine' });
        assert.equal(vmHostname, 'anatomy-vm');
        assert.notEqual(vmHostname, os.hostname());
        assert.equal(h.onlineCpus && value(h.onlineCpus, 'CPUs'), 1);
        // The engine reports MemTotal from the same /proc/meminfo line.
        assert.equal(value(h.memTotalBytes, 'memory'), meminfoTotal);
        assert.notEqual(meminfoTotal, os.totalmem());
        const bridges = value(h.bridges, 'bridges').map((b) => b.name);
        assert.ok(bridges.includes('docker0'));
        assert.ok(bridges.includes(`br-${network.id.slice(0, 12)}`));
        for (const b of bridges) assert.ok(vmLinks.includes(b), `bridge ${b} exists in the VM (${vmLinks.join(' ')})`);
      }
    });

    it('the host side\'s namespaces are unknown, not this machine\'s, and so is sharing with them', () => {
      for (const snap of [tlsSnap, sshSnap]) {
        for (const t of NAMESPACE_TYPES) {
          const ns = snap.host.namespaces[t];
          assert.ok(isUnavailable(ns.inode) && isUnavailable(ns.pid1Inode), `host ${t} namespace: ${JSON.stringify(ns)}`);
          const c = find(snap, set.pidhost).namespaces[t];
          assert.ok(isUnavailable(c.sharedWithHost) && isUnavailable(c.sharedWithPid1), `pidhost ${t} sharing: ${JSON.stringify(c)}`);
        }
      }
    });

    it('declared limits come from the engine; kernel facts are unavailable with a reason, never this machine\'s', () => {
      for (const snap of [tlsSnap, sshSnap]) {
        const l = find(snap, set.limited);
        assert.deepEqual(l.cgroup.memory.limitBytes.declared, { value: 64 * MiB, source: 'engine' });
        assert.deepEqual(l.cgroup.cpu.cpus.declared, { value: 0.5, source: 'engine' });
        assert.deepEqual(l.cgroup.pids.max.declared, { value: 50, source: 'engine' });
        assert.deepEqual(l.cgroup.cpuset.cpus.declared, { value: '0', source: 'engine' });
        const s = find(snap, set.sliced);
        assert.deepEqual(s.cgroup.memory.limitBytes.declared, { value: 128 * MiB, source: 'engine' });
        for (const c of Object.values(set)) {
          const a = find(snap, c);
          assert.ok(isUnavailable(a.cgroup.memory.limitBytes.kernel), `${c.name}: kernel memory limit unavailable`);
          assert.ok(isUnavailable(a.cgroup.paths), `${c.name}: cgroup paths unavailable`);
          for (const t of NAMESPACE_TYPES) assert.ok(isUnavailable(a.namespaces[t].inode), `${c.name}: ${t} inode unavailable`);
          for (const m of [a.cgroup.memory.limitBytes.kernel, a.namespaces.net.inode]) {
            assert.match((m as { unavailable: string }).unavailable, /\S{8,}/, 'the reason says something');
          }
        }
      }
    });

    it('namespace modes and sharing come from the engine: --pid host, --network container:X', () => {
      const p = find(tlsSnap, set.pidhost);
      assert.equal(p.namespaces.pid.mode.value, 'host');
      const j = find(tlsSnap, set.joiner);
      assert.equal(j.network.mode, 'container');
      assert.equal(j.network.sharesWith?.id, set.plain.id);
    });

    it('networks: IP, gateway and bridge from the engine equal the VM\'s interfaces', async () => {
      const b = find(tlsSnap, set.bridged);
      const att = b.networks.find((n) => n.name === network.name);
      assert.ok(att, 'the user-defined network is attached');
      assert.equal(value(att.bridge, 'bridge'), `br-${network.id.slice(0, 12)}`);
      const pid = await vmPid(set.bridged.id);
      const inside = await vmRun(vm, `nsenter -t ${pid} -n ip -o -4 addr show dev eth0`);
      assert.match(inside, new RegExp(` ${value(att.ipAddress, 'ip').replace(/\./g, '\\.')}/${value(att.prefixLength, 'prefix')} `));
      const bridgeAddr = await vmRun(vm, `ip -o -4 addr show dev br-${network.id.slice(0, 12)}`);
      assert.match(bridgeAddr, new RegExp(` ${value(att.gateway, 'gateway').replace(/\./g, '\\.')}/`));
    });

    it('ssh:// checks the VM\'s OpenSSH host key: unknown and changed keys are refused, the recorded one accepted', async () => {
      const home = mkdtempSync(path.join(os.tmpdir(), 'ca-vm-ssh-'));
      try {
        mkdirSync(path.join(home, '.ssh'));
        copyFileSync(path.join(vm.ssh.home, '.ssh', 'id_ed25519'), path.join(home, '.ssh', 'id_ed25519'));
        const choice = resolveEndpoint({ DOCKER_HOST: vm.ssh.host }, home);
        const refusal = (): Promise<Error> =>
          connectEngine(choice, { env: {}, homeDir: home, timeoutMs: 60_000 }).then(
            (e) => {
              e.dispose();
              return assert.fail('the connection should have been refused');
            },
            (e: Error) => e,
          );
        const name = `[127.0.0.1]:${vm.ssh.port}`;
        assert.match((await refusal()).message, new RegExp(`The SSH host key of \\[127\\.0\\.0\\.1\\]:${vm.ssh.port} is not in known_hosts`));
        // Another ed25519 key recorded for the same host and port: the VM's key has "changed".
        const other = readFileSync(path.join(__dirname, '../fixtures/known-hosts/keys.pub'), 'utf8').split('\n')[0];
        writeFileSync(path.join(home, '.ssh', 'known_hosts'), `${name} ${other}\n`);
        assert.match((await refusal()).message, /has changed: it offered ssh-ed25519 SHA256:/);
        copyFileSync(path.join(vm.ssh.home, '.ssh', 'known_hosts'), path.join(home, '.ssh', 'known_hosts'));
        const engine = await connectEngine(choice, { env: {}, homeDir: home, timeoutMs: 60_000 });
        assert.equal((await engine.info()).Name, vmHostname);
        engine.dispose();
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    });

    it('ssh:// and tcp+TLS give the same API facts for every container', () => {
      const strip = (s: Snapshot): unknown =>
        s.containers
          .map((c) => ({ id: c.id, name: c.name, limits: c.cgroup.memory.limitBytes.declared, net: c.network.rawMode, ips: c.networks.map((n) => n.ipAddress) }))
          .sort((a, b) => a.id.localeCompare(b.id));
      assert.deepEqual(strip(sshSnap), strip(tlsSnap));
    });
  });

  /**
   * What the VM's kernel says about the set (read once over ssh as root): PIDs, namespace
   * links of each container and of PID 1, /proc/PID/cgroup, and the v2 limit files of each
   * scope and of the slices above them. Every kernel reading below is compared with it.
   */
  let truthOnce: Promise<{ pids: Map<string, number>; reads: Map<string, { text?: string }> }> | undefined;
  const dir = (c: Created): string => `/sys/fs/cgroup/${c === set.sliced ? SLICE : 'system.slice'}/docker-${c.id}.scope`;
  const truth = (): Promise<{ pids: Map<string, number>; reads: Map<string, { text?: string }> }> =>
    (truthOnce ??= (async () => {
      const pids = await vmPids(Object.values(set).map((c) => c.id));
      const paths: string[] = [];
      for (const pid of pids.values()) {
        for (const t of NAMESPACE_TYPES) paths.push(`/proc/${pid}/ns/${t}`);
        paths.push(`/proc/${pid}/cgroup`);
      }
      for (const t of NAMESPACE_TYPES) paths.push(`/proc/1/ns/${t}`);
      const files = ['memory.max', 'cpu.max', 'pids.max', 'cpuset.cpus'];
      for (const c of Object.values(set)) paths.push(...files.map((f) => `${dir(c)}/${f}`));
      for (const a of ['/sys/fs/cgroup/system.slice', `/sys/fs/cgroup/${SLICE}`]) paths.push(...['memory.max', 'pids.max', 'cpu.max'].map((f) => `${a}/${f}`));
      return { pids, reads: await vmRead(vm, paths) };
    })());

  /**
   * The kernel facts of the set in `get()`'s snapshot, each against the VM's own files;
   * `source` is what every kernel-read fact must say it came from.
   */
  function kernelFacts(get: () => Snapshot, source: 'procfs' | 'helper'): void {
    it('every namespace inode equals readlink /proc/PID/ns/* in the VM, and sharing with PID 1 and the host follows', async () => {
      const { pids, reads } = await truth();
      const snap = get();
      for (const t of NAMESPACE_TYPES) {
        const host = inodeOf(text(reads, `/proc/1/ns/${t}`));
        assert.deepEqual(snap.host.namespaces[t].inode, { value: host, source }, `host ${t} namespace`);
      }
      for (const c of Object.values(set)) {
        const a = find(snap, c);
        const pid = pids.get(c.id) as number;
        assert.equal(value(a.pid, 'pid'), pid);
        for (const t of NAMESPACE_TYPES) {
          const expected = inodeOf(text(reads, `/proc/${pid}/ns/${t}`));
          const same = expected === inodeOf(text(reads, `/proc/1/ns/${t}`));
          assert.deepEqual(a.namespaces[t].inode, { value: expected, source }, `${c.name} ${t}`);
          assert.equal(value(a.namespaces[t].sharedWithPid1, `${c.name} ${t} vs PID 1`), same, `${c.name} ${t} vs PID 1`);
          assert.equal(value(a.namespaces[t].sharedWithHost, `${c.name} ${t} vs host`), same, `${c.name} ${t} vs host`);
        }
      }
      const pidhost = find(snap, set.pidhost);
      assert.equal(value(pidhost.namespaces.pid.sharedWithPid1, 'pid host'), true);
      const joiner = find(snap, set.joiner);
      assert.equal(value(joiner.namespaces.net.inode, 'joiner net'), value(find(snap, set.plain).namespaces.net.inode, 'plain net'));
      assert.ok(joiner.namespaces.net.sharedWithContainers.includes(set.plain.name));
    });

    it('cgroup paths are the systemd scopes /proc/PID/cgroup names, under the slice for --cgroup-parent', async () => {
      const { pids, reads } = await truth();
      for (const c of Object.values(set)) {
        const line = text(reads, `/proc/${pids.get(c.id)}/cgroup`);
        assert.match(line, /^0::\//, 'a pure v2 line');
        const rel = line.slice(3);
        const slice = c === set.sliced ? SLICE : 'system.slice';
        assert.equal(rel, `/${slice}/docker-${c.id}.scope`);
        assert.deepEqual(find(get(), c).cgroup.paths, { value: { unified: `/sys/fs/cgroup${rel}` }, source }, `${c.name} paths`);
      }
    });

    it('v2 limits: declared, kernel file and effective through the slices equal the VM\'s files', async () => {
      const { reads } = await truth();
      const snap = get();
      const l = find(snap, set.limited).cgroup;
      assert.equal(v2Limit(text(reads, `${dir(set.limited)}/memory.max`)), 64 * MiB);
      assert.deepEqual(l.memory.limitBytes.declared, { value: 64 * MiB, source: 'engine' });
      assert.deepEqual(l.memory.limitBytes.kernel, { value: 64 * MiB, source });
      assert.deepEqual(l.memory.limitBytes.effective, { value: 64 * MiB, source });
      assert.equal(text(reads, `${dir(set.limited)}/cpu.max`), '50000 100000');
      assert.deepEqual(l.cpu.cpus.declared, { value: 0.5, source: 'engine' });
      assert.deepEqual(l.cpu.cpus.kernel, { value: 0.5, source });
      assert.deepEqual(l.cpu.quotaUs, { value: 50000, source });
      assert.deepEqual(l.cpu.periodUs, { value: 100000, source });
      assert.equal(v2Limit(text(reads, `${dir(set.limited)}/pids.max`)), 50);
      assert.deepEqual(l.pids.max.declared, { value: 50, source: 'engine' });
      assert.deepEqual(l.pids.max.kernel, { value: 50, source });
      assert.equal(text(reads, `${dir(set.limited)}/cpuset.cpus`), '0');
      assert.deepEqual(l.cpuset.cpus.kernel, { value: '0', source });

      // The slice is tighter than the container's own limits: effective < kernel.
      assert.equal(v2Limit(text(reads, `/sys/fs/cgroup/${SLICE}/memory.max`)), SLICE_MEMORY);
      assert.equal(v2Limit(text(reads, `/sys/fs/cgroup/${SLICE}/pids.max`)), SLICE_PIDS);
      assert.equal(v2Limit(text(reads, `${dir(set.sliced)}/memory.max`)), 128 * MiB);
      assert.equal(v2Limit(text(reads, `${dir(set.sliced)}/pids.max`)), 100);
      const s = find(snap, set.sliced).cgroup;
      assert.deepEqual(s.memory.limitBytes.declared, { value: 128 * MiB, source: 'engine' });
      assert.deepEqual(s.memory.limitBytes.kernel, { value: 128 * MiB, source });
      assert.deepEqual(s.memory.limitBytes.effective, { value: SLICE_MEMORY, source });
      assert.deepEqual(s.pids.max.kernel, { value: 100, source });
      assert.deepEqual(s.pids.max.effective, { value: SLICE_PIDS, source });

      // Unlimited in its own file and in system.slice: what bounds it is the VM's memory.
      const p = find(snap, set.plain).cgroup;
      assert.equal(text(reads, `${dir(set.plain)}/memory.max`), 'max');
      assert.equal(text(reads, '/sys/fs/cgroup/system.slice/memory.max'), 'max');
      assert.deepEqual(p.memory.limitBytes.kernel, { value: null, source });
      assert.deepEqual(p.memory.limitBytes.effective, { value: meminfoTotal, source });

      // Usage is live; it is at least plausible and of the right container.
      for (const c of Object.values(set)) {
        const usage = find(snap, c).cgroup.memory.usageBytes;
        assert.ok(isFact(usage) && usage.source === source && usage.value > 0 && usage.value < 64 * MiB, `${c.name} memory usage ${JSON.stringify(usage)}`);
        const procs = find(snap, c).cgroup.pids.current;
        assert.ok(isFact(procs) && procs.source === source && procs.value >= 1 && procs.value <= 5, `${c.name} tasks ${JSON.stringify(procs)}`);
      }
    });

    it('veths: each bridged container\'s host veth and its bridge are the VM\'s /sys/class/net', async () => {
      const { pids } = await truth();
      for (const c of [set.plain, set.limited, set.bridged]) {
        const att = find(get(), c).networks[0];
        const veth = value(att.hostVeth, `${c.name} veth`);
        const iface = value(att.containerInterface, `${c.name} eth0`);
        const reads = await vmRead(vm, [`/sys/class/net/${veth.name}/ifindex`, `/sys/class/net/${veth.name}/master`, `/proc/${pids.get(c.id)}/root/sys/class/net/eth0/iflink`]);
        assert.equal(Number(text(reads, `/sys/class/net/${veth.name}/ifindex`)), veth.ifindex);
        assert.equal(Number(text(reads, `/proc/${pids.get(c.id)}/root/sys/class/net/eth0/iflink`)), veth.ifindex);
        assert.equal(iface.iflink, veth.ifindex);
        assert.equal(path.basename(text(reads, `/sys/class/net/${veth.name}/master`)), veth.master);
        assert.equal(veth.master, value(att.bridge, `${c.name} bridge`));
      }
    });
  }

  describe('from this machine through the helper container (--helper=always), over TLS and over ssh://', () => {
    const snaps: Partial<Record<'tls' | 'ssh', Snapshot>> = {};
    const helperIds: string[] = [];

    before(async function () {
      // One manager per endpoint, disposed before the next: each path starts its own helper.
      for (const [k, engine] of [['tls', viaTls], ['ssh', viaSsh]] as const) {
        const helpers = new HelperManager({ mode: 'always', image: IMAGE });
        try {
          snaps[k] = (await takeSnapshot(engine, { only: Object.values(set).map((c) => c.id), helpers })).snapshot;
        } finally {
          await helpers.dispose();
        }
        const h = snaps[k]?.host.engine.helper;
        if (h) helperIds.push(h.container);
      }
    });

    it('reads through the helper, running the test image; host facts stay the VM\'s', () => {
      for (const k of ['tls', 'ssh'] as const) {
        const h = (snaps[k] as Snapshot).host;
        assert.equal(h.engine.local, false, k);
        assert.equal(h.engine.helperReason, undefined, `${k}: ${h.engine.helperReason}`);
        assert.ok(h.engine.helper, `${k}: a helper read the files`);
        assert.equal(h.engine.helper.image, IMAGE, k);
        assert.equal(value(h.cgroup.version, 'cgroup version'), 'v2');
        assert.deepEqual(h.cgroup.driver, { value: 'systemd', source: 'engine' });
        assert.equal(value(h.hostname, 'hostname'), vmHostname);
        assert.equal(value(h.memTotalBytes, 'memory'), meminfoTotal);
        assert.equal(h.onlineCpus && value(h.onlineCpus, 'CPUs'), 1);
        for (const b of value(h.bridges, 'bridges').map((x) => x.name)) assert.ok(vmLinks.includes(b), `${k}: bridge ${b} exists in the VM`);
      }
    });

    for (const k of ['tls', 'ssh'] as const) {
      describe(`over ${k === 'tls' ? 'TCP+TLS' : 'ssh://'}`, () => kernelFacts(() => snaps[k] as Snapshot, 'helper'));
    }

    it('no helper container is left in the VM', async () => {
      assert.equal(helperIds.length, 2, 'both snapshots named their helper');
      assert.equal((await vmRun(vm, `docker ps -aq --no-trunc --filter label=${HELPER_LABEL}`)).trim(), '');
    });
  });

  describe('the CLI inside the VM, as root, against its own engine (the local v2 + systemd path)', () => {
    let snap: Snapshot;

    before(async function () {
      ensureCliBuilt();
      // The command's bundle alone (dist/cli.js only adds the code cache, and needs it beside it).
      await vmRun(vm, 'cat > /tmp/container-anatomy-cli.js', readFileSync(CLI_CORE, 'utf8'));
      snap = JSON.parse(await vmRun(vm, `node /tmp/container-anatomy-cli.js --json --all ${Object.values(set).map((c) => c.id).join(' ')}`)) as Snapshot;
    });

    it('runs on the VM\'s Debian Node.js and sees a local engine: cgroup v2, systemd, from procfs', () => {
      assert.equal(snap.host.engine.local, true);
      assert.deepEqual(snap.host.cgroup.version, { value: 'v2', source: 'procfs' });
      assert.deepEqual(snap.host.cgroup.driver, { value: 'systemd', source: 'engine' });
      assert.equal(value(snap.host.hostname, 'hostname'), vmHostname);
      assert.equal(value(snap.host.memTotalBytes, 'memory'), meminfoTotal);
    });

    kernelFacts(() => snap, 'procfs');
  });

  /** State.Pid in the VM of each container, asked of its engine over ssh (numbers, checked). */
  async function vmPids(ids: string[]): Promise<Map<string, number>> {
    for (const id of ids) assert.match(id, /^[0-9a-f]{64}$/);
    const out = await vmRun(vm, `docker inspect --format '{{.Id}} {{.State.Pid}}' ${ids.join(' ')}`);
    const pids = new Map(out.trim().split('\n').map((l) => [l.split(' ')[0], Number(l.split(' ')[1])] as [string, number]));
    for (const id of ids) assert.ok((pids.get(id) ?? 0) > 0, `container ${id} has a PID in the VM`);
    return pids;
  }

  async function vmPid(id: string): Promise<number> {
    return (await vmPids([id])).get(id) as number;
  }
});
