/**
 * The Swarm readers on answers captured from a real single-node manager (dockerd 20.10, an
 * overlay network, one replicated service) and `ip -d -j link` in that overlay's namespace:
 * test/fixtures/swarm/*.json.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fact } from '../../../src/core/model';
import { withReadCache } from '../../../src/core/procfs/files';
import { joinSwarm, swarmState, vipTopic } from '../../../src/core/swarm/cluster';
import { readDefaultRoute } from '../../../src/core/procfs/addresses';
import { defaultGateway, gatewayEndpoint, overlayNamespaceFile, parseIpLinkJson, readOverlayLeg, vniOf } from '../../../src/core/swarm/overlay';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw Engine API JSON */
const DIR = path.join(__dirname, '../../fixtures/swarm');
const load = (name: string): any => JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8'));

const info = load('info');
const networks: any[] = load('networks');
const overlayNet = networks.find((n) => n.Driver === 'overlay' && n.Name !== 'ingress');
const raw = load('task-container');
const ipText = fs.readFileSync(path.join(DIR, 'ip-link-overlay-ns.json'), 'utf8');

describe('swarm: services, tasks and nodes from a manager', () => {
  it('reads the node\'s part from /info: active manager, or none when inactive', () => {
    assert.deepEqual(swarmState(info), { nodeState: 'active', manager: true, nodeId: info.Swarm.NodeID, nodeAddr: '127.0.0.1' });
    assert.equal(swarmState({ Swarm: { LocalNodeState: 'inactive', ControlAvailable: false } }), null);
    assert.equal(swarmState({}), null);
    assert.equal(swarmState({ Swarm: { LocalNodeState: 'active', ControlAvailable: false, NodeID: 'w' } })?.manager, false);
  });

  it('joins services → tasks → node hostnames and the VIP\'s network name', () => {
    const [svc] = joinSwarm(load('services'), load('tasks'), load('nodes'), networks, info.Swarm.NodeID);
    assert.equal(svc.name, 'swarmxsvc');
    assert.equal(svc.mode, 'replicated');
    assert.equal(svc.replicas, 1);
    assert.equal(svc.endpointMode, 'vip');
    assert.deepEqual(svc.virtualIps, [{ networkId: overlayNet.Id, network: overlayNet.Name, address: '10.244.50.2/24' }]);
    assert.equal(svc.tasks.length, 1);
    const [t] = svc.tasks;
    assert.equal(t.slot, 1);
    assert.equal(t.node, info.Name);
    assert.equal(t.state, 'running');
    assert.equal(t.containerId, raw.Id);
    assert.equal(t.onThisEngine, true);
    assert.deepEqual(t.addresses, [{ network: overlayNet.Name, addresses: ['10.244.50.3/24'] }]);
  });

  it('says a task on another node is not this engine\'s, and keeps the node id when the node is not listed', () => {
    const [svc] = joinSwarm(load('services'), load('tasks'), [], networks, 'another-node');
    assert.equal(svc.tasks[0].onThisEngine, false);
    assert.equal(svc.tasks[0].node, null);
  });

  it('picks the VIP explanation that is true: balanced, not balanced without IPVS, or not known', () => {
    assert.equal(vipTopic(fact(true, 'procfs')), 'swarm.vip.ipvs');
    assert.equal(vipTopic(fact(false, 'procfs')), 'swarm.vip.noIpvs');
    assert.equal(vipTopic({ unavailable: 'remote' }), 'swarm.vip');
  });
});

describe('swarm: the two legs of a task container', () => {
  it('takes the VNI from the overlay network\'s options', () => {
    assert.deepEqual(vniOf(overlayNet), fact(4097, 'engine'));
    assert.ok('unavailable' in vniOf({ Name: 'x', Options: {} }));
  });

  it('finds the gateway leg only in docker_gwbridge\'s Containers, by container id (never ingress-sbox)', () => {
    assert.deepEqual(Object.keys(raw.NetworkSettings.Networks), [overlayNet.Name]);
    const gw = load('gwbridge');
    const byId = new Map<string, any>([[gw.Id, gw]]);
    const leg = gatewayEndpoint(raw, byId);
    assert.ok(leg);
    assert.equal(leg.endpoint[0], 'docker_gwbridge');
    assert.deepEqual(leg.endpoint[1], { NetworkID: gw.Id, EndpointID: gw.Containers[raw.Id].EndpointID, MacAddress: '02:42:0a:f3:09:03', IPAddress: '10.243.9.3', IPPrefixLen: 24, Aliases: null });
    // ingress-sbox is a key of the map but no container: only a container's own id is looked up.
    assert.ok('ingress-sbox' in gw.Containers);
    assert.equal(gatewayEndpoint({ ...raw, Id: 'f'.repeat(64) }, byId), null);
    // The list leaves Containers empty: no leg is made up.
    assert.equal(gatewayEndpoint(raw, new Map(networks.map((n) => [n.Id, n]))), null);
  });

  it('names the overlay namespace beside the container\'s sandbox', () => {
    assert.equal(overlayNamespaceFile(raw.NetworkSettings.SandboxKey, overlayNet.Id), `/tmp/swarmx/exec/netns/1-${overlayNet.Id.slice(0, 10)}`);
    assert.equal(overlayNamespaceFile('', overlayNet.Id), null);
  });

  it('parses ip -d -j link: bridge ports, peers and the vxlan id and port', () => {
    const links = parseIpLinkJson(ipText);
    assert.ok(Array.isArray(links));
    assert.deepEqual(links.find((l) => l.kind === 'vxlan'), { name: 'vxlan0', ifindex: 6807, linkIndex: 6807, master: 'br0', kind: 'vxlan', vni: 4097, dstPort: 14789 });
    assert.deepEqual(links.find((l) => l.ifindex === 6815), { name: 'veth1', ifindex: 6815, linkIndex: 6814, master: 'br0', kind: 'veth', vni: null, dstPort: null });
    assert.match(String(parseIpLinkJson('nope')), /not JSON/);
  });

  it('joins eth0 with its peer on br0 and the vxlan device on the same bridge', async () => {
    const leg = await readOverlayLeg({
      net: overlayNet,
      networkId: overlayNet.Id,
      sandboxKey: raw.NetworkSettings.SandboxKey,
      iface: fact({ name: 'eth0', ifindex: 6814, iflink: 6815 }, 'procfs'),
      notLocal: null,
      readLinks: async () => parseIpLinkJson(ipText),
    });
    assert.deepEqual(leg.peer, fact({ name: 'veth1', ifindex: 6815, master: 'br0' }, 'procfs'));
    assert.deepEqual(leg.vxlan, fact({ name: 'vxlan0', ifindex: 6807, vni: 4097, dstPort: 14789, master: 'br0' }, 'procfs'));
    assert.deepEqual(leg.vni, fact(4097, 'engine'));
  });

  it('says why when the namespace cannot be entered or the engine is elsewhere, keeping the engine\'s VNI', async () => {
    const base = { net: overlayNet, networkId: overlayNet.Id, sandboxKey: raw.NetworkSettings.SandboxKey, iface: fact({ name: 'eth0', ifindex: 6814, iflink: 6815 }, 'procfs' as const) };
    const refused = await readOverlayLeg({ ...base, notLocal: null, readLinks: async () => 'entering it needs root' });
    assert.deepEqual(refused.peer, { unavailable: 'entering it needs root' });
    assert.deepEqual(refused.vni, fact(4097, 'engine'));
    const remote = await readOverlayLeg({ ...base, notLocal: 'remote tcp endpoint', readLinks: async () => assert.fail('not read') });
    assert.deepEqual(remote.vxlan, { unavailable: 'remote tcp endpoint' });
    const other = await readOverlayLeg({ ...base, iface: fact({ name: 'eth0', ifindex: 6814, iflink: 9999 }, 'procfs'), notLocal: null, readLinks: async () => parseIpLinkJson(ipText) });
    assert.match(String((other.peer as { unavailable: string }).unavailable), /no interface in .* has ifindex 9999/);
  });

  it('takes the gateway leg\'s gateway from the default route when it leaves by that interface', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-route-'));
    try {
      fs.mkdirSync(path.join(root, '42', 'net'), { recursive: true });
      // /proc/PID/net/route of a task container: default via 10.243.9.1 on eth1 (little-endian hex, as on x86).
      fs.writeFileSync(path.join(root, '42', 'net', 'route'), [
        'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
        'eth1\t00000000\t0109F30A\t0003\t0\t0\t0\t00000000\t0\t0\t0',
        'eth1\t0009F30A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0',
        'eth0\t0032F40A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0',
      ].join('\n') + '\n');
      assert.deepEqual(defaultGateway(readDefaultRoute(root, 42), 'eth1'), fact('10.243.9.1', 'procfs'));
      assert.deepEqual(defaultGateway(readDefaultRoute(root, 42), 'eth0'), { unavailable: 'the default route leaves by eth1, not eth0' });
      assert.ok('unavailable' in defaultGateway(readDefaultRoute(root, 43), 'eth1'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads one overlay namespace once per snapshot, however many tasks have their peer in it', async () => {
    let reads = 0;
    const input = {
      net: overlayNet, networkId: overlayNet.Id, sandboxKey: raw.NetworkSettings.SandboxKey, notLocal: null,
      iface: fact({ name: 'eth0', ifindex: 6814, iflink: 6815 }, 'procfs' as const),
      readLinks: async () => { reads++; return parseIpLinkJson(ipText); },
    };
    await withReadCache(async () => {
      await Promise.all([readOverlayLeg(input), readOverlayLeg(input)]);
    });
    assert.equal(reads, 1);
    await readOverlayLeg(input);
    await readOverlayLeg(input);
    assert.equal(reads, 3, 'outside a snapshot every read is fresh');
  });
});

