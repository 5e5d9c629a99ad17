/**
 * One snapshot of real containers, each compared with what the kernel and the engine say
 * when asked directly (readlink, lsns, cgroup files, /sys/class/net, raw API).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hasTopic } from '../../src/core/catalog/index';
import { NAMESPACE_TYPES, routeRole, type ContainerAnatomy, type NetworkAttachment, type Snapshot } from '../../src/core/model';
import { removeParent, sweepParents } from './support/cgroup-parent';
import { docker, inspect, networks, TestSuite, type Created } from './support/docker';
import { buildFleet, LIMITED, MiB, PARENT, type Fleet } from './support/fleet';
import { containerIn, snapshotAll, val, why } from './support/model';
import {
  bridgePorts, cgroupDir, cgroupFile, cgroupLimit, cgroupStat, containerLink, containerLinkNames, hostLink, hostPeerOf, lsnsHas, nsInode, nspid,
} from './support/truth';

describe('anatomy of real containers (one snapshot against the kernel)', function () {
  const suite = new TestSuite('anatomy').hooks();
  let fleet: Fleet;
  let snap: Snapshot;
  const of = (c: Created): ContainerAnatomy => containerIn(snap, c.id);
  const pid = (c: Created): number => val(of(c).pid, `${c.name} pid`);

  before(async function () {
    this.timeout(120000);
    sweepParents();
    fleet = await buildFleet(suite);
    snap = await snapshotAll();
  });
  after(() => removeParent(PARENT.name));

  /** Every namespace inode of a running container equals readlink's, and sharedWithHost agrees with /proc/self/ns. */
  function assertNamespacesMatchKernel(c: Created): void {
    const a = of(c);
    const p = pid(c);
    for (const t of NAMESPACE_TYPES) {
      const inode = val(a.namespaces[t].inode, `${c.name} ns.${t}`);
      assert.equal(inode, nsInode(p, t), `${c.name} ns.${t} inode`);
      assert.equal(val(a.namespaces[t].sharedWithHost, `${c.name} ns.${t}.sharedWithHost`), inode === nsInode('self', t), `${c.name} ns.${t} sharedWithHost`);
    }
  }

  /** The attachment's veth pair, as /sys shows it: host veth iflink = container ifindex, master = bridge. */
  function assertVethPair(c: Created, att: NetworkAttachment, bridge: string): void {
    const ci = val(att.containerInterface, `${c.name} ${att.name} containerInterface`);
    const truth = containerLink(pid(c), ci.name);
    assert.equal(ci.ifindex, truth.ifindex, `${c.name} ${ci.name} ifindex`);
    assert.equal(ci.iflink, truth.iflink, `${c.name} ${ci.name} iflink`);
    const veth = val(att.hostVeth, `${c.name} ${att.name} hostVeth`);
    const host = hostLink(veth.name);
    assert.equal(host.iflink, truth.ifindex, `host ${veth.name} iflink must be the container's ${ci.name} ifindex`);
    assert.equal(veth.ifindex, host.ifindex);
    assert.equal(hostPeerOf(truth.ifindex)?.name, veth.name);
    assert.equal(veth.master, bridge);
    assert.equal(host.master, bridge);
    assert.ok(bridgePorts(bridge).includes(veth.name), `${veth.name} in /sys/class/net/${bridge}/brif`);
  }

  async function assertAttachmentMatchesEngine(c: Created, att: NetworkAttachment): Promise<void> {
    const ep = (await inspect(c.id)).NetworkSettings.Networks[att.name];
    assert.ok(ep, `${c.name} is attached to ${att.name} per the engine`);
    assert.equal(att.networkId, ep.NetworkID);
    assert.equal(val(att.ipAddress, 'ipAddress'), ep.IPAddress);
    assert.equal(val(att.prefixLength, 'prefixLength'), ep.IPPrefixLen);
    assert.equal(val(att.gateway, 'gateway'), ep.Gateway);
    assert.equal(val(att.macAddress, 'macAddress'), ep.MacAddress);
    const net = (await networks()).find((n) => n.Id === ep.NetworkID);
    assert.ok(net, `network ${ep.NetworkID} in GET /networks`);
    assert.equal(val(att.subnet, 'subnet'), net.IPAM?.Config?.[0]?.Subnet);
  }

  it('defaults: own namespaces (except cgroup, user, time), NSpid with two fields, docker0 and a veth', async () => {
    const a = of(fleet.def);
    const p = pid(fleet.def);
    assert.equal(a.state, 'running');
    assert.equal(a.name, fleet.def.name);
    assert.equal(p, (await inspect(fleet.def.id)).State.Pid);
    assertNamespacesMatchKernel(fleet.def);
    for (const t of ['ipc', 'mnt', 'net', 'pid', 'uts'] as const) {
      assert.equal(val(a.namespaces[t].sharedWithHost, t), false, `default ${t} is private`);
      assert.ok(lsnsHas(t, val(a.namespaces[t].inode, t)), `lsns lists the ${t} namespace`);
    }
    for (const t of ['cgroup', 'user', 'time'] as const) {
      assert.equal(val(a.namespaces[t].sharedWithHost, t), true, `default ${t} is the host's on cgroup v1`);
      assert.deepEqual(a.namespaces[t].sharedWithContainers, [], `the host's ${t} namespace is not listed as shared between containers`);
    }
    const chain = val(a.process.nspid, 'nspid');
    assert.deepEqual(chain, nspid(p));
    assert.deepEqual(chain, [p, 1]);
    assert.equal(val(a.cgroup.paths, 'paths').memory, cgroupDir(p, 'memory'));
    assert.equal(a.network.mode, 'bridge');
    assert.equal(a.networks.length, 1);
    const att = a.networks[0];
    assert.equal(att.name, 'bridge');
    assert.equal(val(att.bridge, 'bridge'), 'docker0');
    await assertAttachmentMatchesEngine(fleet.def, att);
    assertVethPair(fleet.def, att, 'docker0');
  });

  it('--pid host: the pid namespace is the host\'s and NSpid has one field', () => {
    const a = of(fleet.pidHost);
    const p = pid(fleet.pidHost);
    assertNamespacesMatchKernel(fleet.pidHost);
    assert.equal(val(a.namespaces.pid.inode, 'pid'), nsInode('self', 'pid'));
    assert.equal(val(a.namespaces.pid.sharedWithHost, 'pid shared'), true);
    assert.equal(a.namespaces.pid.mode.field, 'PidMode');
    assert.equal(a.namespaces.pid.mode.value, 'host');
    assert.deepEqual(val(a.process.nspid, 'nspid'), [p]);
    assert.deepEqual(nspid(p), [p]);
    assert.equal(val(a.namespaces.net.sharedWithHost, 'net'), false);
  });

  it('--network host: the net namespace is the host\'s, no veth, mode host explained', () => {
    const a = of(fleet.netHost);
    assertNamespacesMatchKernel(fleet.netHost);
    assert.equal(val(a.namespaces.net.inode, 'net'), nsInode('self', 'net'));
    assert.equal(val(a.namespaces.net.sharedWithHost, 'net shared'), true);
    assert.equal(a.network.mode, 'host');
    assert.equal(a.network.rawMode, 'host');
    assert.ok(hasTopic(`net.mode.${a.network.mode}`), 'the catalog explains net.mode.host');
    for (const att of a.networks) {
      assert.match(why(att.hostVeth, 'hostVeth'), /host/);
      assert.match(why(att.ipAddress, 'ipAddress'), /host/);
    }
    assert.equal(a.namespaces.pid.mode.value, '');
  });

  it('--network none: only lo, no IP, mode none', () => {
    const a = of(fleet.netNone);
    const p = pid(fleet.netNone);
    assertNamespacesMatchKernel(fleet.netNone);
    assert.equal(val(a.namespaces.net.sharedWithHost, 'net'), false);
    assert.ok(lsnsHas('net', val(a.namespaces.net.inode, 'net')));
    assert.deepEqual(containerLinkNames(p), ['lo']);
    assert.equal(a.network.mode, 'none');
    assert.equal(a.network.rawMode, 'none');
    assert.ok(hasTopic('net.mode.none'));
    for (const att of a.networks) why(att.ipAddress, 'ipAddress');
    assert.equal(a.networks.filter((n) => 'value' in n.ipAddress).length, 0);
  });

  it('--network container:X: same net inode as X, the donor named, listed as sharing', () => {
    const join = of(fleet.netJoin);
    const donor = of(fleet.netDonor);
    assertNamespacesMatchKernel(fleet.netJoin);
    const inode = val(join.namespaces.net.inode, 'net');
    assert.equal(inode, nsInode(pid(fleet.netDonor), 'net'));
    assert.equal(inode, val(donor.namespaces.net.inode, 'donor net'));
    assert.equal(join.namespaces.net.mode.value, `container:${fleet.netDonor.id}`);
    assert.equal(join.namespaces.net.mode.sharesWith?.name, fleet.netDonor.name);
    assert.equal(join.namespaces.net.mode.sharesWith?.id, fleet.netDonor.id);
    assert.equal(join.network.mode, 'container');
    assert.equal(join.network.sharesWith?.name, fleet.netDonor.name);
    assert.ok(hasTopic('net.mode.container'));
    assert.ok(join.namespaces.net.sharedWithContainers.includes(fleet.netDonor.name), 'join lists the donor');
    assert.ok(donor.namespaces.net.sharedWithContainers.includes(fleet.netJoin.name), 'donor lists the join');
    // UTS is not shared by --network container:X.
    assert.notEqual(val(join.namespaces.uts.inode, 'uts'), val(donor.namespaces.uts.inode, 'donor uts'));
    assert.equal(join.networks.length, 0);
  });

  it('--ipc shareable and --ipc container:X: one ipc namespace, donor named', () => {
    const donor = of(fleet.ipcDonor);
    const join = of(fleet.ipcJoin);
    assertNamespacesMatchKernel(fleet.ipcDonor);
    assertNamespacesMatchKernel(fleet.ipcJoin);
    assert.equal(donor.namespaces.ipc.mode.value, 'shareable');
    assert.equal(join.namespaces.ipc.mode.field, 'IpcMode');
    assert.equal(join.namespaces.ipc.mode.value, `container:${fleet.ipcDonor.id}`);
    assert.equal(join.namespaces.ipc.mode.sharesWith?.name, fleet.ipcDonor.name);
    assert.equal(val(join.namespaces.ipc.inode, 'ipc'), nsInode(pid(fleet.ipcDonor), 'ipc'));
    assert.ok(join.namespaces.ipc.sharedWithContainers.includes(fleet.ipcDonor.name));
    assert.ok(donor.namespaces.ipc.sharedWithContainers.includes(fleet.ipcJoin.name));
    assert.notEqual(val(join.namespaces.net.inode, 'net'), val(donor.namespaces.net.inode, 'donor net'));
  });

  it('--uts host: the uts namespace is the host\'s', () => {
    const a = of(fleet.utsHost);
    assertNamespacesMatchKernel(fleet.utsHost);
    assert.equal(val(a.namespaces.uts.inode, 'uts'), nsInode('self', 'uts'));
    assert.equal(val(a.namespaces.uts.sharedWithHost, 'uts'), true);
    assert.equal(a.namespaces.uts.mode.value, 'host');
    assert.equal(val(a.namespaces.ipc.sharedWithHost, 'ipc'), false);
  });

  it('limits: declared, kernel and effective agree with HostConfig and the cgroup files', async () => {
    const a = of(fleet.limited);
    const p = pid(fleet.limited);
    const hc = (await inspect(fleet.limited.id)).HostConfig;
    assert.equal(hc.MemorySwap, 2 * LIMITED.Memory, 'Docker stores MemorySwap = 2 x Memory');
    const m = a.cgroup.memory;
    const three = <T>(l: { declared: unknown; kernel: unknown; effective: unknown }, what: string): T[] =>
      [val(l.declared as never, `${what}.declared`), val(l.kernel as never, `${what}.kernel`), val(l.effective as never, `${what}.effective`)] as T[];
    assert.deepEqual(three(m.limitBytes, 'memory'), [67108864, 67108864, 67108864]);
    assert.equal(cgroupLimit(p, 'memory', 'memory.limit_in_bytes'), 67108864);
    assert.deepEqual(three(m.reservationBytes, 'reservation'), [33554432, 33554432, 33554432]);
    assert.equal(cgroupLimit(p, 'memory', 'memory.soft_limit_in_bytes'), 33554432);
    assert.deepEqual(three(m.swapLimitBytes, 'swap'), [134217728, 134217728, 134217728]);
    assert.equal(cgroupLimit(p, 'memory', 'memory.memsw.limit_in_bytes'), 134217728);
    assert.deepEqual(three(a.cgroup.cpu.cpus, 'cpus'), [0.5, 0.5, 0.5]);
    const quota = Number(cgroupFile(p, 'cpu', 'cpu.cfs_quota_us'));
    const period = Number(cgroupFile(p, 'cpu', 'cpu.cfs_period_us'));
    assert.equal(quota / period, 0.5);
    assert.equal(val(a.cgroup.cpu.quotaUs, 'quota'), quota);
    assert.equal(val(a.cgroup.cpu.periodUs, 'period'), period);
    assert.deepEqual(three(a.cgroup.cpu.shares, 'shares'), [512, 512, 512]);
    assert.equal(Number(cgroupFile(p, 'cpu', 'cpu.shares')), 512);
    assert.deepEqual(three(a.cgroup.cpuset.cpus, 'cpuset'), ['0', '0', '0']);
    assert.equal(cgroupFile(p, 'cpuset', 'cpuset.cpus'), '0');
    assert.equal(cgroupFile(p, 'cpuset', 'cpuset.effective_cpus'), '0');
    assert.deepEqual(three(a.cgroup.pids.max, 'pids'), [50, 50, 50]);
    assert.equal(cgroupLimit(p, 'pids', 'pids.max'), 50);
    assert.equal(val(a.cgroup.pids.current, 'pids.current'), Number(cgroupFile(p, 'pids', 'pids.current')));
  });

  it('an unlimited container: memory and pids declared null and kernel null, not the sentinel', () => {
    const a = of(fleet.def);
    const p = pid(fleet.def);
    assert.ok(Number(cgroupFile(p, 'memory', 'memory.limit_in_bytes')) >= 2 ** 62, 'the file holds the page-counter sentinel');
    assert.equal(cgroupFile(p, 'pids', 'pids.max'), 'max');
    assert.equal(val(a.cgroup.memory.limitBytes.declared, 'declared'), null);
    assert.equal(val(a.cgroup.memory.limitBytes.kernel, 'kernel'), null);
    const effective = val(a.cgroup.memory.limitBytes.effective, 'effective');
    const memTotal = Number(/MemTotal:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]) * 1024;
    assert.ok(effective === null || effective === memTotal, `effective memory is unlimited or MemTotal, got ${effective}`);
    assert.equal(val(a.cgroup.memory.swapLimitBytes.kernel, 'swap kernel'), null);
    assert.equal(val(a.cgroup.pids.max.declared, 'pids declared'), null);
    assert.equal(val(a.cgroup.pids.max.kernel, 'pids kernel'), null);
    assert.equal(val(a.cgroup.pids.max.effective, 'pids effective'), null);
    assert.equal(val(a.cgroup.cpu.cpus.declared, 'cpus declared'), null);
    assert.equal(val(a.cgroup.cpu.cpus.kernel, 'cpus kernel'), null);
    assert.equal(val(a.cgroup.cpu.shares.kernel, 'shares kernel'), Number(cgroupFile(p, 'cpu', 'cpu.shares')));
  });

  it('a user-defined bridge: br-<12 hex>, subnet, gateway, veth on that bridge', async () => {
    const a = of(fleet.userBridge);
    assert.equal(a.networks.length, 1);
    const att = a.networks[0];
    assert.equal(att.name, fleet.net1.name);
    const bridge = val(att.bridge, 'bridge');
    assert.equal(bridge, `br-${fleet.net1.id.slice(0, 12)}`);
    assert.match(bridge, /^br-[0-9a-f]{12}$/);
    await assertAttachmentMatchesEngine(fleet.userBridge, att);
    assertVethPair(fleet.userBridge, att, bridge);
    const hb = val(snap.host.bridges, 'host bridges').find((b) => b.name === bridge);
    assert.ok(hb, `host bridges list ${bridge}`);
    assert.equal(hb.subnet, val(att.subnet, 'subnet'));
    assert.equal(hb.gateway, val(att.gateway, 'gateway'));
    assert.ok(hb.ports.includes(val(att.hostVeth, 'veth').name));
    // Docker's NAT for the subnet: present unless the network is internal or opts out.
    const raw = await docker.getNetwork(fleet.net1.id).inspect();
    assert.equal(raw.Internal, false);
    assert.equal(att.internal, undefined, 'only an internal network is marked internal');
    assert.equal(val(att.masquerade!, 'masquerade'), raw.Options?.['com.docker.network.bridge.enable_ip_masquerade'] !== 'false');
  });

  it('two networks on one container: two attachments, two veths, each on its own bridge', async () => {
    const a = of(fleet.twoNets);
    assert.deepEqual(a.networks.map((n) => n.name).sort(), [fleet.net1.name, fleet.net2.name].sort());
    const veths = new Set<string>();
    const bridges = new Set<string>();
    for (const att of a.networks) {
      const bridge = val(att.bridge, 'bridge');
      const net = att.name === fleet.net1.name ? fleet.net1 : fleet.net2;
      assert.equal(bridge, `br-${net.id.slice(0, 12)}`);
      await assertAttachmentMatchesEngine(fleet.twoNets, att);
      assertVethPair(fleet.twoNets, att, bridge);
      veths.add(val(att.hostVeth, 'veth').name);
      bridges.add(bridge);
    }
    assert.equal(veths.size, 2, 'two different host veths');
    assert.equal(bridges.size, 2, 'two different bridges');
  });

  it('the default route: exactly the attachment `ip route` inside names carries it, with its gateway', () => {
    for (const c of [fleet.twoNets, fleet.userBridge]) {
      const a = of(c);
      // "default via 172.18.0.1 dev eth0 " from the container's own network namespace.
      const line = execFileSync('nsenter', ['-t', String(pid(c)), '-n', '--', 'ip', '-4', 'route', 'show', 'default'], { encoding: 'utf8' });
      const m = /^default via (\S+) dev (\S+)/m.exec(line);
      assert.ok(m, `${c.name}: ip route shows a default route (${line})`);
      assert.deepEqual(val(a.network.defaultRoute!, `${c.name} defaultRoute`), { iface: m[2], gateway: m[1] });
      const roles = a.networks.map((n) => routeRole(a.network, n)?.kind);
      assert.deepEqual(roles.filter((k) => k === 'this'), ['this'], `${c.name}: one attachment carries it`);
      const holder = a.networks.find((n) => routeRole(a.network, n)?.kind === 'this')!;
      assert.equal(val(holder.containerInterface, 'interface').name, m[2]);
      assert.equal(val(holder.gateway, 'gateway'), m[1]);
      if (a.networks.length > 1) assert.ok(roles.includes('other'), 'the other network is named as not carrying it');
    }
  });

  it('--cgroup-parent under a tighter parent: effective memory and pids come from the parent', () => {
    const a = of(fleet.underParent);
    const p = pid(fleet.underParent);
    assert.equal(cgroupDir(p, 'memory'), `/sys/fs/cgroup/memory/${PARENT.name}/${fleet.underParent.id}`);
    assert.equal(val(a.cgroup.paths, 'paths').memory, cgroupDir(p, 'memory'));
    assert.equal(cgroupStat(p, 'memory', 'memory.stat', 'hierarchical_memory_limit'), 32 * MiB);
    const m = a.cgroup.memory.limitBytes;
    assert.equal(val(m.declared, 'declared'), 64 * MiB);
    assert.equal(val(m.kernel, 'kernel'), 64 * MiB);
    assert.equal(cgroupLimit(p, 'memory', 'memory.limit_in_bytes'), 64 * MiB);
    assert.equal(val(m.effective, 'effective'), 33554432);
    const pids = a.cgroup.pids.max;
    assert.equal(val(pids.declared, 'pids declared'), 100);
    assert.equal(val(pids.kernel, 'pids kernel'), 100);
    assert.equal(cgroupLimit(p, 'pids', 'pids.max'), 100);
    assert.equal(val(pids.effective, 'pids effective'), 30);
  });

  it('paused: namespaces still readable, state paused, freezer FROZEN', async () => {
    const a = of(fleet.paused);
    assert.equal(a.state, 'paused');
    assert.equal((await inspect(fleet.paused.id)).State.Paused, true);
    assert.equal(cgroupFile(pid(fleet.paused), 'freezer', 'freezer.state'), 'FROZEN');
    assertNamespacesMatchKernel(fleet.paused);
    assert.equal(val(a.cgroup.memory.limitBytes.kernel, 'kernel'), null);
  });

  function assertNotRunning(a: ContainerAnatomy, state: string): void {
    assert.equal(a.state, state);
    assert.match(why(a.pid, 'pid'), new RegExp(state));
    for (const t of NAMESPACE_TYPES) {
      assert.match(why(a.namespaces[t].inode, `ns.${t}`), new RegExp(state));
      why(a.namespaces[t].sharedWithHost, `ns.${t}.sharedWithHost`);
    }
    why(a.process.nspid, 'nspid');
    why(a.cgroup.paths, 'paths');
    why(a.cgroup.memory.limitBytes.kernel, 'memory kernel');
    why(a.cgroup.memory.limitBytes.effective, 'memory effective');
    why(a.cgroup.pids.max.kernel, 'pids kernel');
    assert.equal(val(a.cgroup.memory.limitBytes.declared, 'memory declared'), 64 * MiB);
    for (const att of a.networks) why(att.hostVeth, 'hostVeth');
  }

  it('created, not started: no pid, inodes or kernel limits (with a reason); declared still there', async () => {
    const a = of(fleet.created);
    assertNotRunning(a, 'created');
    assert.equal(val(a.cgroup.pids.max.declared, 'pids declared'), 50);
    assert.equal((await inspect(fleet.created.id)).State.Pid, 0);
    assert.equal(a.exit, null);
    for (const att of a.networks) why(att.ipAddress, 'ipAddress');
  });

  it('exited: same as created, with the exit code', async () => {
    const a = of(fleet.exited);
    assertNotRunning(a, 'exited');
    const st = (await inspect(fleet.exited.id)).State;
    assert.equal(st.ExitCode, 137);
    assert.ok(a.exit, 'exit is set');
    assert.equal(a.exit.code, 137);
    assert.equal(a.exit.oomKilled, false);
  });

  it('host: own namespaces by readlink, hybrid cgroups with cgroupfs, docker0 with the test veths', () => {
    for (const t of NAMESPACE_TYPES) assert.equal(val(snap.host.namespaces[t].inode, `host ns.${t}`), nsInode('self', t));
    assert.equal(val(snap.host.cgroup.version, 'cgroup version'), 'hybrid');
    assert.equal(val(snap.host.cgroup.driver, 'cgroup driver'), 'cgroupfs');
    const bridges = val(snap.host.bridges, 'bridges');
    const docker0 = bridges.find((b) => b.name === 'docker0');
    assert.ok(docker0, 'docker0 is listed');
    assert.equal(docker0.networkName, 'bridge');
    const veths = [fleet.def, fleet.netDonor, fleet.limited, fleet.paused].map((c) => val(of(c).networks[0].hostVeth, `${c.name} veth`).name);
    const truth = bridgePorts('docker0');
    for (const v of veths) {
      assert.ok(docker0.ports.includes(v), `docker0 ports include ${v}`);
      assert.ok(truth.includes(v), `/sys/class/net/docker0/brif has ${v}`);
    }
  });
});
