/**
 * A container that was created but never started: the engine gives its endpoint an empty
 * NetworkID, yet its network exists. The network is found by name, so the row names its
 * bridge and subnet instead of calling the network unknown.
 */
import { strict as assert } from 'node:assert';
import { introspectContainer, type HostContext } from '../../src/core/introspect';
import { fact, isUnavailable, unavailable } from '../../src/core/model';
import { hostOf } from '../fixtures/snapshot';
import { localizeReason } from '../../src/core/reasons';

const BRIDGE_ID = '01'.repeat(32);

function context(ipamGateway: string | null = '172.17.0.1', host = hostOf()): HostContext {
  return {
    roots: { procRoot: '/nonexistent/proc', sysRoot: '/nonexistent/sys', fsRoot: '/nonexistent' },
    notLocal: null,
    host,
    layout: unavailable('not read in this test'),
    hostLinks: unavailable('not read in this test'),
    networks: new Map([[BRIDGE_ID, { Id: BRIDGE_ID, Name: 'bridge', Driver: 'bridge', IPAM: { Config: [{ Subnet: '172.17.0.0/16', ...(ipamGateway ? { Gateway: ipamGateway } : {}) }] } }]]),
    names: new Map(),
    listed: new Map(),
    running: new Set(),
  } as HostContext;
}

const raw = {
  Id: 'f2'.repeat(32), Name: '/never-started', State: { Status: 'created', Running: false, Pid: 0 },
  HostConfig: { NetworkMode: 'default' }, Config: { Hostname: 'f2f2f2f2f2f2' },
  NetworkSettings: { Networks: { bridge: { NetworkID: '', EndpointID: '', IPAddress: '', MacAddress: '', Gateway: '' } } },
};

describe('a created container on the default bridge', () => {
  it('finds its network by name when the endpoint has no NetworkID yet', async () => {
    const c = await introspectContainer(raw, context());
    const [n] = c.network.networks;
    assert.equal(n.name, 'bridge');
    assert.deepEqual(n.driver, fact('bridge', 'engine'));
    assert.deepEqual(n.bridge, fact('docker0', 'engine'));
    assert.deepEqual(n.subnet, fact('172.17.0.0/16', 'engine'));
    assert.ok(isUnavailable(n.ipAddress) && /while the container is created/.test(n.ipAddress.unavailable), JSON.stringify(n.ipAddress));
    // The gateway is the network's and exists already: the reason names it, not "assigned when it starts".
    assert.ok(isUnavailable(n.gateway));
    assert.equal(n.gateway.unavailable, "no gateway while the container is created: it has no interface until it starts, then it routes through 172.17.0.1, network bridge's gateway");
    assert.equal(localizeReason(n.gateway.unavailable, 'ko'), '컨테이너가 생성됨 상태라 게이트웨이 없음: 시작하기 전에는 인터페이스가 없고, 시작하면 bridge 네트워크의 게이트웨이 172.17.0.1을 거칩니다');
  });

  it('names the bridge\'s own address as the gateway when the network\'s IPAM gives none, as an engine that found docker0 already up does', async () => {
    const docker0 = { name: 'docker0', addresses: ['172.17.0.1/16'], networkName: 'bridge', networkId: BRIDGE_ID, subnet: '172.17.0.0/16', gateway: '172.17.0.1', ports: [] };
    const [n] = (await introspectContainer(raw, context(null, hostOf({ bridges: [docker0] })))).network.networks;
    assert.ok(isUnavailable(n.gateway));
    assert.equal(n.gateway.unavailable, "no gateway while the container is created: it has no interface until it starts, then it routes through 172.17.0.1, network bridge's gateway");
    // Without the bridge on this host either, nothing is named.
    const [none] = (await introspectContainer(raw, context(null))).network.networks;
    assert.ok(isUnavailable(none.gateway));
    assert.equal(none.gateway.unavailable, 'no gateway while the container is created: addresses are assigned when it starts');
  });
});
