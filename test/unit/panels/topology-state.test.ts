import * as assert from 'node:assert/strict';
import { explain } from '../../../src/core/catalog/index';
import { fact, unavailable } from '../../../src/core/model';
import { buildTopologyState, type TopologyInput } from '../../../src/panels/topology-state';
import { HOSTILE, containers, db, host, hostile, hostnet, isolated, mv, sidecar, web } from './fixture';

function build(over: Partial<TopologyInput>) {
  return buildTopologyState({ host, containers, containerId: web.id, lang: 'en', ...over });
}

describe('topology view state', () => {
  it('draws a bridge lane: eth0 ⇄ host veth ⇄ bridge ⇄ host with NAT and published ports', () => {
    const state = build({});
    assert.equal(state.status, 'ok');
    assert.equal(state.canCompare, true, 'a running container can be compared with the host');
    assert.equal(state.mode, 'bridge');
    assert.equal(state.title, 'Network: web');
    // The bridge, then sidecar, which joined web's network namespace.
    assert.equal(state.lanes.length, 2);
    const [lane] = state.lanes;
    assert.equal(lane.layout, 'bridge');
    assert.equal(lane.heading, 'bridge');
    assert.deepEqual(lane.chain.map((n) => n.role), ['container', 'veth', 'bridge', 'host']);
    const [eth, veth, bridge, hostNode] = lane.chain;
    assert.deepEqual(eth.lines, ['eth0 172.17.0.2/16', '02:42:ac:11:00:02']);
    assert.equal(veth.title, 'vethc204874');
    assert.deepEqual(veth.lines, ['ifindex 9']);
    assert.equal(bridge.title, 'docker0');
    assert.deepEqual(bridge.lines, ['172.17.0.0/16', 'Gateway 172.17.0.1']);
    assert.deepEqual(hostNode.lines, ['MASQUERADE 172.17.0.0/16', '127.0.0.1:18080 → 80/tcp']);
    assert.equal(lane.links.length, lane.chain.length - 1);
    assert.equal(bridge.note?.title, explain('net.bridge', 'en')?.title);
    // With the default route read, the bridge that carries it says so.
    const routed = { ...web, network: { ...web.network, defaultRoute: fact({ iface: 'eth0', gateway: '172.17.0.1' }, 'procfs') } };
    const withRoute = build({ containers: containers.map((c) => (c.id === web.id ? routed : c)) });
    assert.deepEqual(withRoute.lanes[0].chain[2].lines, ['172.17.0.0/16', 'Gateway 172.17.0.1 · default route']);
    const elsewhere = { ...web, network: { ...web.network, defaultRoute: fact({ iface: 'eth9', gateway: '10.0.0.1' }, 'procfs') } };
    const notHere = build({ containers: containers.map((c) => (c.id === web.id ? elsewhere : c)) });
    assert.deepEqual(notHere.lanes[0].chain[2].lines, ['172.17.0.0/16', 'Gateway 172.17.0.1']);
  });

  it('a created container: no interface yet, and the bridge still shows the network\'s gateway', () => {
    const why = unavailable('no gateway while the container is created: it has no interface until it starts');
    const created = { ...structuredClone(web), id: 'c7'.repeat(32), name: 'fresh', state: 'created' as const, pid: unavailable('not started') };
    created.networks = created.networks.map((n) => ({ ...n, gateway: why, ipAddress: unavailable('not started'), containerInterface: unavailable('not started'), hostVeth: unavailable('not started') }));
    created.network.networks = created.networks;
    const createdState = build({ containers: [...containers, created], containerId: created.id });
    assert.equal(createdState.canCompare, false, 'no processes, so no namespaces to compare: the panel offers no Compare with host, as the row menu does not');
    const [lane] = createdState.lanes;
    const [box, , bridge] = lane.chain;
    assert.equal(box.lines[0], 'no interface until it starts', 'no guessed eth0, no "unavailable" address');
    assert.deepEqual(bridge.lines, ['172.17.0.0/16', 'Gateway 172.17.0.1'], 'the gateway of docker0, from the host side');
    const ko = buildTopologyState({ host, containers: [...containers, created], containerId: created.id, lang: 'ko' });
    assert.equal(ko.lanes[0].chain[0].lines[0], '시작하기 전에는 인터페이스 없음');
  });

  it('hangs the other containers on the same bridge below it, each opening its own topology', () => {
    const [lane] = build({}).lanes;
    assert.deepEqual(lane.peers.map((p) => [p.title, p.lines[0], p.openId]), [['db', '172.17.0.3/16', db.id]]);
    const [dbLane] = build({ containerId: 'db' }).lanes;
    assert.deepEqual(dbLane.peers.map((p) => p.openId), [web.id]);
  });

  it('draws the NAT rule only where Docker masquerades the network (not on an internal one)', () => {
    const internal = { ...web, networks: web.networks.map((n) => ({ ...n, masquerade: fact(false, 'engine' as const) })) };
    const [lane] = build({ containers: containers.map((c) => (c.id === web.id ? internal : c)) }).lanes;
    assert.ok(!lane.chain[3].lines.some((l) => l.startsWith('MASQUERADE')), lane.chain[3].lines.join('\n'));
  });

  it('leaves stopped containers off the bridge: they keep their settings but have no endpoint', () => {
    const stoppedDb = { ...db, state: 'exited' as const };
    const [lane] = build({ containers: containers.map((c) => (c.id === db.id ? stoppedDb : c)) }).lanes;
    assert.deepEqual(lane.peers, []);
  });

  it('draws host mode as the container inside the host network namespace, without a veth', () => {
    const state = build({ containerId: hostnet.id });
    assert.equal(state.mode, 'host');
    const [lane] = state.lanes;
    assert.equal(lane.layout, 'host');
    assert.deepEqual(lane.chain.map((n) => n.role), ['container', 'host']);
    assert.deepEqual(lane.chain[1].lines, ['refhost']);
    assert.ok(!lane.chain.some((n) => n.role === 'veth' || n.role === 'bridge'));
    assert.equal(state.modeNote.title, explain('net.mode.host', 'en')?.title);
  });

  it('draws none as a container with only lo', () => {
    const [lane] = build({ containerId: isolated.id }).lanes;
    assert.equal(lane.layout, 'none');
    assert.equal(lane.chain.length, 1);
    assert.deepEqual(lane.chain[0].lines, ['lo 127.0.0.1/8 only']);
    assert.deepEqual(lane.peers, []);
  });

  it('draws container:X as an arrow to X, clickable when X is present', () => {
    const state = build({ containerId: sidecar.id });
    const [lane] = state.lanes;
    assert.equal(lane.layout, 'container');
    assert.equal(lane.heading, 'container:web');
    assert.deepEqual(lane.chain.map((n) => n.role), ['container', 'donor']);
    assert.equal(lane.chain[1].openId, web.id);
    assert.deepEqual(lane.chain[1].lines, ['bridge 172.17.0.2/16']);
    // The arrow says it in plain words, read left to right as the lane is drawn (webview/topology.ts
    // puts a chain's nodes side by side): sidecar, joined the network of, web. Korean names the
    // donor first, so it says where it is: to the right, not below.
    assert.deepEqual(lane.links, ['joined the network of']);
    assert.deepEqual(build({ containerId: sidecar.id, lang: 'ko' }).lanes[0].links, ['오른쪽 컨테이너의 네트워크에 합류']);
    assert.equal(state.modeNote.summary, explain('net.mode.container', 'en', { peer: 'web' })?.summary);
    assert.equal(state.modeNote.summary, 'The container joins the network namespace of web.');
    const gone = build({ containerId: sidecar.id, containers: containers.filter((c) => c.id !== web.id) });
    assert.equal(gone.lanes[0].chain[1].openId, undefined);
    assert.equal(gone.lanes[0].chain[1].title, 'web');
  });

  it('draws the containers that joined this one\'s network namespace, each opening its own topology', () => {
    const state = build({ containerId: web.id });
    const lane = state.lanes[state.lanes.length - 1];
    assert.equal(lane.heading, 'Also in this network namespace');
    assert.deepEqual(lane.chain.map((n) => n.title), ['web']);
    assert.deepEqual(lane.peers.map((p) => [p.title, p.lines, p.openId]), [['sidecar', ['container:web'], sidecar.id]]);
    assert.equal(lane.peers[0].note?.summary, "sidecar joined this container's net namespace.", 'said from web, naming the joiner');
    // Read from the kernel: the same inode counts even when the mode was not recorded.
    const twin = { ...db, network: { ...db.network, mode: 'bridge' as const }, namespaces: { ...db.namespaces, net: { ...db.namespaces.net, inode: web.namespaces.net.inode } } };
    const both = build({ containerId: web.id, containers: [web, twin, sidecar] });
    assert.deepEqual(both.lanes[both.lanes.length - 1].peers.map((p) => p.title), ['db', 'sidecar']);
    // The joined container's own picture keeps its donor as the arrow target, not a second time below.
    assert.equal(build({ containerId: sidecar.id }).lanes.length, 1);
    assert.equal(build({ containerId: db.id }).lanes.some((l) => l.heading === 'Also in this network namespace'), false);
    assert.equal(build({ containerId: web.id, lang: 'ko' }).lanes.at(-1)?.heading, '이 네트워크 네임스페이스를 함께 쓰는 컨테이너');
  });

  it('draws macvlan as the parent NIC, with no veth and no bridge', () => {
    const [lane] = build({ containerId: mv.id }).lanes;
    assert.equal(lane.layout, 'macvlan');
    assert.deepEqual(lane.chain.map((n) => n.role), ['container', 'parent', 'network']);
    assert.deepEqual(lane.chain[1].lines, ['ifindex 4']);
    assert.deepEqual(lane.chain[2].lines, ['192.168.50.0/24', 'Gateway 192.168.50.1']);
  });

  it('draws one lane per network, ports only once', () => {
    const two = structuredClone(web);
    const second = structuredClone(hostile.networks[0]);
    two.networks = [...two.networks, second];
    two.network.networks = two.networks;
    const state = build({ containers: [two, db, hostile] });
    assert.deepEqual(state.lanes.map((l) => l.heading), ['bridge', HOSTILE]);
    assert.equal(state.lanes[0].chain[3].lines.length, 2);
    assert.equal(state.lanes[1].chain[3].lines.length, 1);
    assert.deepEqual(state.lanes[1].peers.map((p) => p.openId), [hostile.id]);
  });

  it('draws published ports on the bridge they go through, not on an internal network listed first', () => {
    const two = structuredClone(web);
    const back = { ...structuredClone(hostile.networks[0]), internal: true as const, masquerade: fact(false, 'engine' as const) };
    two.networks = [back, ...two.networks];
    two.network.networks = two.networks;
    const state = build({ containers: [two, db, hostile] });
    assert.deepEqual(state.lanes.map((l) => l.heading), [HOSTILE, 'bridge']);
    assert.deepEqual(state.lanes[0].chain[3].lines, []);
    assert.deepEqual(state.lanes[1].chain[3].lines, ['MASQUERADE 172.17.0.0/16', '127.0.0.1:18080 → 80/tcp']);
    // The host is reached through an internal network's bridge, but nothing is routed beyond it.
    assert.equal(state.lanes[0].links[2], 'host only, not forwarded');
    assert.equal(state.lanes[1].links[2], 'routed');
  });

  it('passes hostile names, images and networks through unchanged', () => {
    const state = build({ containerId: hostile.id });
    assert.equal(state.lanes[0].heading, HOSTILE);
    assert.equal(build({}).container.image, `evil/${HOSTILE}:latest`);
  });

  it('speaks the chosen language: Korean labels and catalog notes', () => {
    const ko = build({ lang: 'ko' });
    assert.equal(ko.lang, 'ko');
    assert.equal(ko.title, '네트워크: web');
    assert.equal(ko.lanes[0].chain[2].lines[1], '게이트웨이 172.17.0.1');
    assert.equal(ko.lanes[0].chain[2].note?.title, explain('net.bridge', 'ko')?.title);
    assert.equal(ko.modeNote.summary, explain('net.mode.bridge', 'ko')?.summary);
    assert.notEqual(ko.labels.compareWithHost, build({}).labels.compareWithHost);
  });

  it('shows removed (with the last known name) and unreachable', () => {
    const removed = build({ containers: [db], knownName: 'web' });
    assert.equal(removed.status, 'removed');
    assert.equal(removed.title, 'Network: web');
    assert.deepEqual(removed.lanes, []);
    assert.equal(removed.notice?.title, explain('ui.removed', 'en')?.title);
    assert.equal(removed.notice?.detail, 'web');
    const down = build({ unreachable: 'connect ECONNREFUSED' });
    assert.equal(down.status, 'unreachable');
    assert.equal(down.lanes.length, 2);
    assert.equal(down.notice?.title, explain('ui.unreachable', 'en')?.title);
    assert.equal(down.notice?.detail, 'connect ECONNREFUSED');
  });
});
