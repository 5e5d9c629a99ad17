/**
 * A Swarm service's task container on a second dockerd made a single-node manager: the
 * snapshot's services → tasks → containers, and both legs of the task's network (eth0 into the
 * overlay's own namespace, br0 and vxlan VNI; eth1 on docker_gwbridge to a host veth), each
 * checked against the kernel read here independently: `ip -d link` inside the namespaces and
 * /sys/class/net on the host.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { connectEngine, type Engine } from '../../src/core/engine/connection';
import { isFact, type ContainerAnatomy, type NetworkAttachment, type Snapshot } from '../../src/core/model';
import { createAnatomyService } from '../../src/core/anatomy-service';
import { takeSnapshot } from '../../src/core/snapshot';
import { renderSwarm } from '../../src/core/text-report';
import type { SwarmService } from '../../src/core/swarm/types';
import { unixChoice } from '../unit/engine/helpers';
import { waitFor } from './support/docker';
import { SwarmEngine } from './support/swarm';
import { linksIn, namespacesHoldingPeer, type KernelLink } from './support/truth';

/** A host interface's sysfs file; '' when the interface went away meanwhile (other suites' containers come and go). */
function sys(name: string, file: string): string {
  try {
    return fs.readFileSync(path.join('/sys/class/net', name, file), 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

function fact<T>(m: unknown, what: string): T {
  assert.ok(isFact(m as never), `${what}: ${JSON.stringify(m)}`);
  return (m as { value: T }).value;
}

describe('Swarm: a service task on an overlay network (second dockerd as a single-node manager)', function () {
  this.timeout(180000);
  const swarm = new SwarmEngine();
  let engine: Engine | undefined;
  let snapshot: Snapshot;
  let task: Awaited<ReturnType<SwarmEngine['runningTask']>>;
  let container: ContainerAnatomy;
  let sandboxKey: string;
  let vni: number;

  before(async () => {
    try {
      await swarm.setUp();
      task = await swarm.runningTask();
      const id = task.Status.ContainerStatus.ContainerID;
      const raw = await swarm.client.getContainer(id).inspect();
      sandboxKey = raw.NetworkSettings.SandboxKey;
      const net = await swarm.client.getNetwork(swarm.networkId).inspect();
      vni = Number(net.Options?.['com.docker.network.driver.overlay.vxlanid_list']);
      engine = await connectEngine(unixChoice(swarm.engine.socket));
      ({ snapshot } = await takeSnapshot(engine, { all: true }));
      const found = snapshot.containers.find((c) => c.id === id);
      assert.ok(found, `the snapshot has the task's container ${id}`);
      container = found;
    } catch (err) {
      engine?.dispose();
      await swarm.tearDown();
      throw err;
    }
  });

  after(async () => {
    engine?.dispose();
    await swarm.tearDown();
  });

  it('reads the engine as a Swarm manager and lists the service, its task and the task\'s node', async () => {
    const s = snapshot.swarm;
    assert.ok(s, 'the snapshot has a swarm');
    const info = await swarm.client.info();
    assert.equal(s.nodeState, 'active');
    assert.equal(s.manager, true);
    assert.equal(s.nodeId, info.Swarm.NodeID);
    const services = fact<SwarmService[]>(s.services, 'services');
    const svc = services.find((x) => x.id === swarm.serviceId);
    assert.ok(svc, 'the service is listed');
    assert.equal(svc.name, swarm.serviceName);
    assert.equal(svc.mode, 'replicated');
    assert.equal(svc.replicas, 1);
    assert.equal(svc.endpointMode, 'vip');
    assert.deepEqual(svc.virtualIps.map((v) => v.network), [swarm.networkName]);
    const t = svc.tasks.find((x) => x.id === task.ID);
    assert.ok(t, 'the running task is listed under its service');
    assert.equal(t.containerId, task.Status.ContainerStatus.ContainerID);
    assert.equal(t.nodeId, task.NodeID);
    assert.equal(t.node, info.Name, 'the node is named by its hostname');
    assert.equal(t.onThisEngine, true);
    assert.equal(container.swarmService, swarm.serviceName);
  });

  it('prints the swarm in the CLI text: the service, its VIP and the task on this engine', () => {
    const swarmState = snapshot.swarm;
    assert.ok(swarmState);
    const lines = renderSwarm(swarmState, { lang: 'en', color: false, explain: false }).split('\n');
    assert.ok(lines.some((l) => l.trim().startsWith(`${swarm.serviceName} replicated 1/1 `)), lines.join('\n'));
    assert.ok(lines.some((l) => l.trim() === `${swarm.serviceName}.1  running · on this engine · ${task.Status.ContainerStatus.ContainerID.slice(0, 12)}`), lines.join('\n'));
  });

  it('says whether IPVS is in this kernel as /proc/net/ip_vs does', () => {
    assert.deepEqual(snapshot.swarm?.ipvs, { value: fs.existsSync('/proc/net/ip_vs'), source: 'procfs' });
  });

  it('draws the overlay leg as the kernel has it: eth0 → its peer on br0 in the overlay namespace → vxlan with the network\'s VNI', () => {
    const inside = linksIn(sandboxKey);
    const overlay = container.networks.find((n) => n.name === swarm.networkName) as NetworkAttachment;
    assert.ok(overlay, 'the overlay attachment');
    assert.equal(fact(overlay.driver, 'driver'), 'overlay');
    const iface = fact<{ name: string; ifindex: number; iflink: number | null }>(overlay.containerInterface, 'container interface');
    const k = inside.find((l) => l.ifindex === iface.ifindex);
    assert.ok(k, `ifindex ${iface.ifindex} inside the container`);
    assert.equal(iface.name, k.name);
    assert.equal(iface.iflink, k.peer);
    // Which namespace holds the peer: found by looking in every one the engine made, not by name.
    const holders = namespacesHoldingPeer(sandboxKey, k);
    assert.equal(holders.length, 1, `one namespace under ${path.dirname(sandboxKey)} holds the peer of ${k.name}: ${holders.join(', ')}`);
    const there = linksIn(holders[0]);
    const peer = there.find((l) => l.ifindex === k.peer) as KernelLink;
    const vx = there.find((l) => l.vxlanId !== null && l.master === peer.master) as KernelLink;
    assert.ok(vx, 'a vxlan device on the peer\'s bridge');
    assert.ok(overlay.overlay, 'the overlay leg is read');
    assert.equal(fact(overlay.overlay.namespace, 'namespace'), holders[0]);
    assert.deepEqual(fact(overlay.overlay.peer, 'peer'), { name: peer.name, ifindex: peer.ifindex, master: peer.master });
    assert.equal(peer.master, 'br0');
    const vxlan = fact<{ name: string; ifindex: number; vni: number; master: string | null }>(overlay.overlay.vxlan, 'vxlan');
    assert.deepEqual([vxlan.name, vxlan.ifindex, vxlan.vni, vxlan.master], [vx.name, vx.ifindex, vx.vxlanId, vx.master]);
    assert.equal(fact(overlay.overlay.vni, 'vni'), vni);
    assert.equal(vx.vxlanId, vni, 'the kernel\'s VNI is the network\'s');
    assert.ok(!isFact(overlay.hostVeth), 'no host veth: the peer is not in the host\'s namespace');
  });

  it('shows the gateway leg the engine leaves out of NetworkSettings: eth1 on docker_gwbridge → the host veth, with the default route', async () => {
    const raw = await swarm.client.getContainer(container.id).inspect();
    assert.deepEqual(Object.keys(raw.NetworkSettings.Networks), [swarm.networkName], 'the engine lists only the overlay');
    const gw = container.networks.find((n) => n.name === 'docker_gwbridge') as NetworkAttachment;
    assert.ok(gw, 'the docker_gwbridge leg');
    assert.equal(gw.swarmGateway, true);
    assert.equal(fact(gw.bridge, 'bridge'), swarm.gwBridge);
    assert.equal(fact(gw.subnet, 'subnet'), swarm.gwSubnet);
    const iface = fact<{ name: string; ifindex: number; iflink: number | null }>(gw.containerInterface, 'container interface');
    const k = linksIn(sandboxKey).find((l) => l.ifindex === iface.ifindex) as KernelLink;
    assert.ok(k);
    assert.equal(iface.name, k.name);
    const route = execFileSync('nsenter', [`--net=${sandboxKey}`, '--', 'ip', '-4', 'route', 'show', 'default'], { encoding: 'utf8' });
    const via = new RegExp(`^default via (\\S+) dev ${k.name}\\b`).exec(route);
    assert.ok(via, `the default route leaves by the gateway leg: ${route}`);
    assert.equal(fact(gw.gateway, 'gateway'), via[1]);
    // The host veth, from /sys/class/net: its ifindex is eth1's iflink, its iflink eth1's ifindex.
    const host = fs.readdirSync('/sys/class/net').filter((n) => Number(sys(n, 'ifindex')) === k.peer && Number(sys(n, 'iflink')) === k.ifindex);
    assert.equal(host.length, 1, `one host interface pairs with ${k.name}`);
    const master = path.basename(fs.readlinkSync(path.join('/sys/class/net', host[0], 'master')));
    assert.deepEqual(fact(gw.hostVeth, 'host veth'), { name: host[0], ifindex: k.peer, master });
    assert.equal(master, swarm.gwBridge);
  });

  it('keeps the live model\'s swarm current: scaled to two, the new task and its container appear with both legs', async () => {
    const live = createAnatomyService({ host: swarm.endpoint, env: {}, homeDir: '/nonexistent', onError: () => undefined });
    try {
      await live.start();
      const services = (): SwarmService[] => {
        const sw = live.snapshot().swarm;
        return sw && isFact(sw.services) ? sw.services.value : [];
      };
      assert.equal(services().find((x) => x.id === swarm.serviceId)?.tasks.length, 1);
      const svc = swarm.client.getService(swarm.serviceId);
      const current = await svc.inspect();
      await svc.update({ version: current.Version.Index, ...current.Spec, Mode: { Replicated: { Replicas: 2 } } });
      const two = (): string[] => (services().find((x) => x.id === swarm.serviceId)?.tasks ?? []).filter((x) => x.state === 'running' && x.containerId).map((x) => x.containerId as string);
      const ok = await waitFor(() => two().length === 2 && two().every((id) => !!live.snapshot().containers.find((c) => c.id === id && c.readAt !== null)), 60000, 200);
      assert.ok(ok, `two running tasks with their containers read: ${JSON.stringify(services())}`);
      const added = live.snapshot().containers.find((c) => c.id === two().find((id) => id !== container.id)) as ContainerAnatomy;
      const legs = Object.fromEntries(added.networks.map((n) => [n.name, { gateway: n.swarmGateway === true, vxlan: n.overlay !== undefined && isFact(n.overlay.vxlan) }]));
      assert.deepEqual(legs, { docker_gwbridge: { gateway: true, vxlan: false }, [swarm.networkName]: { gateway: false, vxlan: true } });
    } finally {
      live.dispose();
    }
  });
});
