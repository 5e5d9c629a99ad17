/**
 * What the tree and the Topology panel make of a Swarm task container: a services group on a
 * manager, task rows pointing at their container or naming their node, the VIP said balanced
 * or not, and both legs of the task's network drawn. Values follow the manager of
 * test/fixtures/swarm.
 */
import * as assert from 'node:assert/strict';
import { fact, type Snapshot } from '../../../src/core/model';
import type { SwarmAnatomy, SwarmService } from '../../../src/core/swarm/types';
import { buildTopologyState } from '../../../src/panels/topology-state';
import { childRows, plainTranslate, type Row, type RowOptions } from '../../../src/tree/rows';
import { attachment, containerOf, networkOf, snapshotOf } from '../../fixtures/snapshot';
import { host } from '../panels/fixture';

const TASK_CONTAINER = '37ffc7f96edc05de78e83ee03bf977952eeb515bacedc75d8d3ea687ef1eee64';
const NET = '2rdsbl66jju2dauxruelow8mt';

const overlay = {
  ...attachment({ name: 'appnet', networkId: NET, driver: 'overlay', subnet: '10.244.50.0/24', ip: '10.244.50.3', prefix: 24, mac: '02:42:0a:f4:32:03', iface: { name: 'eth0', ifindex: 6814, iflink: 6815 } }),
  hostVeth: { unavailable: 'the overlay driver does not put a veth into this machine\'s network namespace' },
  overlay: {
    namespace: fact(`/run/docker/netns/1-${NET.slice(0, 10)}`, 'engine' as const),
    vni: fact(4097, 'engine' as const),
    peer: fact({ name: 'veth1', ifindex: 6815, master: 'br0' }, 'procfs' as const),
    vxlan: fact({ name: 'vxlan0', ifindex: 6807, vni: 4097, dstPort: 4789, master: 'br0' }, 'procfs' as const),
  },
};
const gateway = {
  ...attachment({ name: 'docker_gwbridge', networkId: 'be55b15ab543', driver: 'bridge', bridge: 'docker_gwbridge', subnet: '172.18.0.0/16', ip: '172.18.0.3', prefix: 16, gateway: '172.18.0.1', mac: '02:42:ac:12:00:03', iface: { name: 'eth1', ifindex: 6816, iflink: 6817 }, veth: { name: 'vethd73ab22', ifindex: 6817 } }),
  swarmGateway: true,
};
const task = containerOf({ id: TASK_CONTAINER, name: 'app.1.x47mi6128l7syrvyniyi6jnli', network: networkOf({ mode: 'overlay', rawMode: 'default', networks: [gateway, overlay] }) });

function service(ipvs: boolean): SwarmAnatomy {
  const svc: SwarmService = {
    id: 'qrm5kqbtsl0uk7orjb5kyv1ct', name: 'app', image: 'busybox:latest', mode: 'replicated', replicas: 2, endpointMode: 'vip',
    virtualIps: [{ networkId: NET, network: 'appnet', address: '10.244.50.2/24' }],
    ports: [],
    tasks: [
      { id: 'x47mi6128l7syrvyniyi6jnli', slot: 1, nodeId: 'n1', node: 'vm', state: 'running', desiredState: 'running', message: 'started', error: null, containerId: TASK_CONTAINER, onThisEngine: true, addresses: [] },
      { id: 'y58nj7239m8tzswozjzj7kmoj', slot: 2, nodeId: 'n2', node: 'build-server', state: 'running', desiredState: 'running', message: 'started', error: null, containerId: 'a'.repeat(64), onThisEngine: false, addresses: [] },
    ],
  };
  return { nodeState: 'active', manager: true, nodeId: 'n1', nodeAddr: '127.0.0.1', services: fact([svc], 'engine'), ipvs: fact(ipvs, 'procfs') };
}

const opts: RowOptions = { showStopped: false, groupByCompose: false, t: plainTranslate };
const snap = (ipvs: boolean): Snapshot => ({ ...snapshotOf(host, [task]), swarm: service(ipvs) });
const under = (s: Snapshot, row: Row | undefined): Row[] => childRows(s, row, opts);

describe('swarm in the tree and the topology panel', () => {
  it('puts a services group first in the listing on a manager, and none on an engine outside a swarm', () => {
    const root = under(snap(false), undefined);
    assert.equal(root[0].label, 'Swarm services');
    assert.equal(root[0].description, '1 service · this engine is a manager');
    assert.equal(root[1].containerId, TASK_CONTAINER);
    assert.ok(!under(snapshotOf(host, [task]), undefined).some((r) => r.id === 'swarm:services'));
  });

  it('lists service → VIP and tasks: a task here opens its container, a task elsewhere names its node', () => {
    const s = snap(false);
    const [svc] = under(s, under(s, undefined)[0]);
    assert.equal(svc.label, 'app');
    assert.equal(svc.description, 'replicated · 2/2 running · busybox:latest');
    const [vip, here, there] = under(s, svc);
    assert.equal(vip.description, '10.244.50.2/24 · appnet · not balanced: no IPVS in this kernel');
    assert.deepEqual(vip.tooltip.topics, [{ topic: 'swarm.vip.noIpvs' }]);
    assert.equal(here.label, 'app.1');
    assert.equal(here.containerId, TASK_CONTAINER);
    assert.deepEqual(here.command, { id: 'containerAnatomy.topology.show', args: [{ containerId: TASK_CONTAINER }] });
    assert.equal(there.description, 'running · on node build-server · aaaaaaaaaaaa');
    assert.equal(there.containerId, undefined);
    assert.deepEqual(there.tooltip.topics[0], { topic: 'swarm.task.elsewhere', vars: { node: 'build-server' } });
  });

  it('says the VIP is balanced only where the kernel has IPVS', () => {
    const s = snap(true);
    const [svc] = under(s, under(s, undefined)[0]);
    const [vip] = under(s, svc);
    assert.equal(vip.description, '10.244.50.2/24 · appnet');
    assert.deepEqual(vip.tooltip.topics, [{ topic: 'swarm.vip.ipvs' }]);
  });

  it('shows the overlay leg under the overlay network: namespace, peer on br0, VNI and vxlan device', () => {
    const s = snap(false);
    const c = under(s, undefined)[1];
    const network = under(s, c).find((r) => r.label === 'Network');
    const nets = under(s, network);
    const ov = nets.find((r) => r.label === 'appnet');
    const rows = under(s, ov);
    const by = (label: string): string | undefined => rows.find((r) => r.label === label)?.description;
    assert.equal(by('overlay namespace'), `/run/docker/netns/1-${NET.slice(0, 10)}`);
    assert.equal(by('peer in the overlay namespace'), 'veth1 (ifindex 6815) → br0');
    assert.equal(by('VNI (engine)'), '4097');
    assert.equal(by('vxlan device'), 'vxlan0 · VNI 4097 · UDP 4789');
    // Bridge, gateway and veth of an overlay are in the overlay's namespace: "none on the host", not a failed read.
    assert.deepEqual(['bridge', 'gateway', 'host veth'].map(by), ['none on the host', 'none on the host', 'none on the host']);
    // The overlay has no host bridge: its row explains the overlay's own namespace, not a host bridge.
    assert.deepEqual(ov?.tooltip.topics.map((t) => t.topic), ['net.mode.overlay', 'swarm.overlay']);
    const gw = nets.find((r) => r.label === 'docker_gwbridge');
    // Not the bridge mode's words ("the default", "reachable through published ports"): the leg is not the task's mode.
    assert.deepEqual(gw?.tooltip.topics.map((t) => t.topic), ['swarm.gwbridge', 'net.bridge']);
  });

  it('draws both legs: eth0 → peer → br0 → vxlan, and eth1 → host veth → docker_gwbridge → host', () => {
    const state = buildTopologyState({ host, containers: [task], containerId: TASK_CONTAINER, lang: 'en' });
    const gw = state.lanes.find((l) => l.layout === 'bridge');
    const ov = state.lanes.find((l) => l.layout === 'overlay');
    assert.ok(gw && ov);
    assert.deepEqual(ov.chain.map((n) => [n.role, n.title]), [['container', task.name], ['veth', 'veth1'], ['bridge', 'br0'], ['vxlan', 'vxlan0']]);
    assert.deepEqual(ov.chain[0].lines[0], 'eth0 10.244.50.3/24');
    assert.deepEqual(ov.chain[3].lines, ['VNI 4097', 'UDP 4789']);
    assert.equal(ov.chain[3].note?.title, 'VXLAN and VNI');
    assert.deepEqual(gw.chain.map((n) => [n.role, n.title]), [['container', task.name], ['veth', 'vethd73ab22'], ['bridge', 'docker_gwbridge'], ['host', 'host']]);
    assert.match(gw.heading, /^docker_gwbridge · gateway leg/);
    assert.equal(gw.chain[2].note?.title, 'docker_gwbridge');
  });
});
