/**
 * Podman's Docker-compatible service, started by the test with its own root, run and network
 * folders, read through the same core as dockerd (endpoint = its socket) and by the CLI.
 * Every fact is compared with the kernel, read here independently: namespace links, the
 * cgroup files found through /proc/PID/cgroup, the veth pair from both sides in /sys, the
 * bridge netavark made.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as http from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import { connectEngine, type Engine } from '../../src/core/engine/connection';
import { resolveEndpoint } from '../../src/core/engine/endpoint';
import { NAMESPACE_TYPES, type ContainerAnatomy, type Snapshot } from '../../src/core/model';
import { takeSnapshot } from '../../src/core/snapshot';
import { createAnatomyService } from '../../src/core/anatomy-service';
import { ensureCliBuilt, runCli, runCliJson } from './support/cli';
import { TestSuite, waitFor, type Created } from './support/docker';
import { containerIn, val } from './support/model';
import { PodmanService } from './support/podman';
import { bridgePorts, cgroupDir, cgroupLimit, cgroupPath, containerLink, hostLink, hostLinks, nsInode } from './support/truth';

const MiB = 1024 * 1024;

/** The `Server` header of GET /_ping on a unix socket, asked without the code under test. */
function pingServer(socketPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath, path: '/_ping' }, (res) => {
      res.resume();
      resolve(String(res.headers.server ?? ''));
    });
    req.on('error', reject);
  });
}

/** The command name of PID's parent, from /proc/PID/stat and /proc/PPID/comm. */
function parentComm(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  return readFileSync(`/proc/${ppid}/comm`, 'utf8').trim();
}

describe('Podman (its Docker-compatible service) read into the same anatomy as dockerd', function () {
  const podman = new PodmanService();
  let suite: TestSuite;
  let engine: Engine;
  let snap: Snapshot;
  let limited: Created;
  let joined: Created;
  let neighbour: Created;
  let networkId: string;
  const of = (c: Created): ContainerAnatomy => containerIn(snap, c.id);
  const pid = (c: Created): number => val(of(c).pid, `${c.name} pid`);

  before(async function () {
    this.timeout(120000);
    await podman.setUp();
    suite = new TestSuite('podman', podman.client);
    limited = await suite.createContainer({ name: 'limited', hostConfig: { Memory: 64 * MiB, NetworkMode: podman.network } });
    joined = await suite.createContainer({ name: 'joined', hostConfig: { NetworkMode: `container:${limited.id}` } });
    neighbour = await suite.createContainer({ name: 'neighbour', hostConfig: { NetworkMode: podman.network } });
    const nets = (await podman.libpod('GET', '/networks/json')) as { name: string; id: string }[];
    networkId = nets.find((n) => n.name === podman.network)?.id ?? '';
    engine = await connectEngine(resolveEndpoint({}, os.homedir(), { host: podman.endpoint }));
    snap = (await takeSnapshot(engine, { all: true })).snapshot;
  });

  after(async function () {
    this.timeout(120000);
    engine?.dispose();
    await podman.tearDown();
  });

  it('knows the engine is Podman: /_ping says Libpod, and the model and the engine say podman', async () => {
    assert.match(await pingServer(podman.socket), /^Libpod\//);
    assert.equal(engine.kind, 'podman');
    assert.equal(snap.host.engine.kind, 'podman');
    assert.equal(snap.host.engine.serverVersion, await podman.libpodVersion());
    assert.equal(snap.host.engine.local, true, `local reading: ${snap.host.engine.localReason ?? ''}`);
  });

  it('reads each container from this machine: its init is a child of conmon, in cgroup /libpod_parent/libpod-<id>', async () => {
    for (const c of [limited, joined, neighbour]) {
      const p = pid(c);
      assert.equal(p, (await podman.client.getContainer(c.id).inspect()).State.Pid, `${c.name} State.Pid`);
      assert.equal(parentComm(p), 'conmon', `${c.name}'s init's parent`);
      assert.equal(cgroupPath(p, 'memory'), `/libpod_parent/libpod-${c.id}`, `${c.name} memory cgroup`);
    }
  });

  it('every namespace inode equals readlink /proc/PID/ns/*, and the joined container shares the net namespace', () => {
    for (const c of [limited, joined, neighbour]) {
      const p = pid(c);
      for (const t of NAMESPACE_TYPES) {
        const inode = val(of(c).namespaces[t].inode, `${c.name} ns.${t}`);
        assert.equal(inode, nsInode(p, t), `${c.name} ns.${t}`);
        assert.equal(val(of(c).namespaces[t].sharedWithHost, `${c.name} ns.${t} sharedWithHost`), inode === nsInode('self', t), `${c.name} ns.${t} sharedWithHost`);
      }
    }
    assert.equal(nsInode(pid(joined), 'net'), nsInode(pid(limited), 'net'));
    assert.notEqual(nsInode(pid(neighbour), 'net'), nsInode(pid(limited), 'net'));
    assert.equal(of(joined).namespaces.net.mode.sharesWith?.id, limited.id);
    assert.ok(of(limited).namespaces.net.sharedWithContainers.includes(joined.name), 'limited lists joined in its net namespace');
    assert.deepEqual(of(neighbour).namespaces.net.sharedWithContainers, []);
  });

  it('keeps the modes Podman stores (private, shareable, bridge) as facts, each a namespace of its own', () => {
    const a = of(limited);
    assert.equal(a.namespaces.pid.mode.value, 'private');
    assert.equal(a.namespaces.uts.mode.value, 'private');
    assert.equal(a.namespaces.ipc.mode.value, 'shareable');
    assert.equal(a.network.rawMode, 'bridge');
    assert.equal(a.network.mode, 'bridge');
    for (const t of ['pid', 'uts', 'ipc', 'net'] as const) assert.equal(val(a.namespaces[t].sharedWithHost, t), false, `${t} is the container's own`);
  });

  it('memory limit: declared, the kernel file found through /proc/PID/cgroup, and effective, all 64 MiB', () => {
    const m = of(limited).cgroup.memory.limitBytes;
    assert.equal(cgroupLimit(pid(limited), 'memory', 'memory.limit_in_bytes'), 64 * MiB);
    assert.equal(val(m.declared, 'declared'), 64 * MiB);
    assert.equal(val(m.kernel, 'kernel'), 64 * MiB);
    assert.equal(val(m.effective, 'effective'), 64 * MiB);
    assert.equal(val(of(limited).cgroup.paths, 'paths').memory, cgroupDir(pid(limited), 'memory'));
    // The joined container has no limit of its own: its file is the kernel's "unlimited".
    assert.equal(cgroupLimit(pid(joined), 'memory', 'memory.limit_in_bytes'), null);
    assert.equal(val(of(joined).cgroup.memory.limitBytes.kernel, 'joined kernel'), null);
  });

  it('network: the id, the bridge netavark made, and the host veth matched from the container side (every eth0 is ifindex 2)', async () => {
    assert.ok(existsSync(`/sys/class/net/${podman.bridge}/bridge`), `${podman.bridge} is a bridge on this machine`);
    const veths = new Set<string>();
    for (const c of [limited, neighbour]) {
      const [att] = of(c).networks;
      assert.equal(of(c).networks.length, 1);
      assert.equal(att.name, podman.network);
      assert.equal(att.networkId, networkId, 'the network id, not its name');
      assert.equal(val(att.bridge, 'bridge'), podman.bridge);
      assert.equal(val(att.subnet, 'subnet'), podman.subnet);
      assert.equal(val(att.gateway, 'gateway'), podman.gateway);
      const ep = (await podman.client.getContainer(c.id).inspect()).NetworkSettings.Networks[podman.network];
      assert.equal(val(att.ipAddress, 'ip'), ep.IPAddress);
      const ci = val(att.containerInterface, `${c.name} containerInterface`);
      const truth = containerLink(pid(c), 'eth0');
      assert.equal(truth.ifindex, 2, 'Podman gives every eth0 ifindex 2');
      assert.deepEqual(ci, { name: 'eth0', ifindex: truth.ifindex, iflink: truth.iflink });
      const veth = val(att.hostVeth, `${c.name} hostVeth`);
      const host = hostLink(veth.name);
      assert.equal(host.ifindex, truth.iflink, "the host veth is the one the container's eth0 points at");
      assert.equal(host.iflink, 2);
      assert.equal(veth.ifindex, host.ifindex);
      assert.equal(veth.master, podman.bridge);
      assert.ok(bridgePorts(podman.bridge).includes(veth.name));
      veths.add(veth.name);
    }
    assert.equal(veths.size, 2, 'two containers, two veths, though both have iflink 2');
    // netavark masquerades the subnet: POSTROUTING -s <subnet> jumps to a chain that MASQUERADEs.
    const nat = execFileSync('iptables', ['-w', '-t', 'nat', '-S'], { encoding: 'utf8' }).split('\n');
    const jump = nat.find((l) => l.startsWith(`-A POSTROUTING -s ${podman.subnet} -j `))?.split(' -j ')[1];
    assert.ok(jump && nat.some((l) => l.startsWith(`-A ${jump} `) && l.includes('MASQUERADE')), `a MASQUERADE rule for ${podman.subnet}`);
    assert.equal(val(of(limited).networks[0].masquerade, 'masquerade'), true);
    assert.ok(hostLinks().filter((l) => l.iflink === 2 && l.master === podman.bridge).length >= 2);
  });

  it("the joined container has no attachment of its own (Podman lists the donor's), and says whose namespace it is in", () => {
    const n = of(joined).network;
    assert.equal(n.mode, 'container');
    assert.equal(n.sharesWith?.id, limited.id);
    assert.deepEqual(n.networks, []);
    assert.deepEqual(of(joined).networks, []);
  });

  it("the host's bridges: the run's bridge with its network and ports; no bridge that does not exist", () => {
    const bridges = val(snap.host.bridges, 'bridges');
    const ours = bridges.find((b) => b.name === podman.bridge);
    assert.ok(ours, `${podman.bridge} is listed`);
    assert.equal(ours.networkName, podman.network);
    assert.equal(ours.networkId, networkId);
    assert.deepEqual(ours.ports, bridgePorts(podman.bridge));
    for (const b of bridges) assert.ok(existsSync(`/sys/class/net/${b.name}`), `${b.name} exists on this machine`);
    assert.ok(!bridges.some((b) => b.name === 'docker0' && b.networkName === 'bridge' && b.subnet?.startsWith('10.228.')), "Podman's default network is not taken for docker0");
  });

  it("the live service (the tree's model) follows Podman's events: a container started later appears with its veth and bridge", async function () {
    this.timeout(60000);
    const service = createAnatomyService({ host: podman.endpoint });
    try {
      await service.start();
      assert.equal(service.status.kind, 'ready', JSON.stringify(service.status));
      assert.equal(service.host()?.engine.kind, 'podman');
      assert.equal(val(service.container(limited.id)?.networks[0]?.bridge, 'live bridge'), podman.bridge);
      const late = await suite.createContainer({ name: 'late', hostConfig: { NetworkMode: podman.network } });
      const seen = await waitFor(() => {
        const c = service.container(late.id);
        return c?.state === 'running' && c.networks.length === 1 && 'value' in c.networks[0].hostVeth;
      }, 20000, 100);
      const c = service.container(late.id);
      assert.ok(seen, `the service shows the late container running with a host veth: ${JSON.stringify(c?.networks)}; status ${JSON.stringify(service.status)}`);
      const p = val(c?.pid, 'late pid');
      const veth = val(c?.networks[0].hostVeth, 'late hostVeth');
      assert.equal(veth.ifindex, containerLink(p, 'eth0').iflink);
      assert.equal(veth.master, podman.bridge);
    } finally {
      service.dispose();
    }
  });

  it('the CLI names Podman, explains it, and prints the same veth and bridge; --json has engine.kind podman', async () => {
    ensureCliBuilt();
    const table = await runCli(['-H', podman.endpoint, '--explain', limited.name]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, new RegExp(`Podman ${snap.host.engine.serverVersion} \\(Docker API [0-9.]+\\) at ${podman.endpoint}`));
    assert.match(table.stdout, /Podman's Docker-compatible service: each container runs under its own conmon/);
    const veth = val(of(limited).networks[0].hostVeth, 'hostVeth');
    assert.ok(table.stdout.includes(`${veth.name} (if ${veth.ifindex}) ⇄ ${podman.bridge}`), table.stdout);
    const json = await runCliJson<Snapshot>(['-H', podman.endpoint, '--all']);
    assert.equal(json.host.engine.kind, 'podman');
    const a = json.containers.find((c) => c.id === limited.id);
    assert.ok(a);
    assert.deepEqual(val(a.networks[0].hostVeth, 'cli hostVeth'), veth);
    assert.equal(val(a.namespaces.net.inode, 'cli net'), nsInode(pid(limited), 'net'));
    const ko = await runCli(['-H', podman.endpoint, '--explain', '--lang', 'ko', limited.name]);
    assert.match(ko.stdout, /Podman의 Docker 호환 서비스입니다/);
  });
});
