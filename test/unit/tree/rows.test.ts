import { strict as assert } from 'node:assert';
import { childRows, plainTranslate, unreachableRows, type Row, type RowOptions } from '../../../src/tree/rows';
import { engineDefault } from '../../../src/core/introspect/process';
import { sharingOf, sharingWords } from '../../../src/core/sharing';
import { explain } from '../../../src/core/catalog';
import { attachment, containerOf, hostOf, namespacesOf, networkOf, snapshotOf } from '../../fixtures/snapshot';
import { fact, portsTopic, unavailable, type ContainerAnatomy, type NetworkAnatomy } from '../../../src/core/model';
import { translator } from '../../../src/core/i18n';
import { ASK_AGAIN } from '../../../src/core/helper/manager';
import { networkDetailRows } from '../../../src/tree/rows/network';
import { limitDetailRows, limitRow, limitSpec } from '../../../src/tree/rows/limits';
import { EVIL_ID, EVIL_NAME, OLD_ID, old, SIDECAR_ID, TOOLS_ID, WEB_ID, snapshot } from './fixture';

const opts: RowOptions = { showStopped: true, groupByCompose: true, t: plainTranslate };

function find(rows: Row[], label: string): Row {
  const r = rows.find((x) => x.label === label);
  assert.ok(r, `no row "${label}" in ${rows.map((x) => x.label).join(', ')}`);
  return r;
}

function section(containerId: string, name: string): Row[] {
  const snap = snapshot();
  const c = childRows(snap, undefined, { ...opts, groupByCompose: false }).find((r) => r.containerId === containerId);
  assert.ok(c);
  return childRows(snap, find(childRows(snap, c, opts), name), opts);
}

describe('tree rows: top level', () => {
  it('groups compose projects first, then the other containers running first', () => {
    const rows = childRows(snapshot(), undefined, opts);
    assert.deepEqual(rows.map((r) => [r.kind, r.label]), [
      ['group', EVIL_NAME],
      ['group', 'shop'],
      ['container', 'tools'],
      ['container', 'old'],
    ]);
    const shop = find(rows, 'shop');
    assert.equal(shop.description, '2 of 2 running');
    assert.deepEqual(childRows(snapshot(), shop, opts).map((r) => r.label), ['sidecar', 'web']);
    // Its tooltip is about this project (from its members' labels), not about Compose in general.
    assert.deepEqual(shop.tooltip.topics, [{ topic: 'docker.compose.project' }]);
    assert.deepEqual(shop.tooltip.facts.slice(0, 2), [{ label: 'Compose project', value: 'shop' }, { label: 'Services', value: 'sidecar, web' }]);
    const snap = snapshot();
    for (const c of snap.containers.filter((x) => x.compose?.project === 'shop')) {
      c.labels = { ...c.labels, 'com.docker.compose.project.working_dir': '/srv/shop', 'com.docker.compose.project.config_files': '/srv/shop/compose.yaml' };
    }
    const facts = Object.fromEntries(find(childRows(snap, undefined, opts), 'shop').tooltip.facts.map((f) => [f.label, f.value]));
    assert.equal(facts['Started from'], '/srv/shop');
    assert.equal(facts['Compose files'], '/srv/shop/compose.yaml');
  });

  it('lists flat without grouping and hides stopped containers when asked', () => {
    const rows = childRows(snapshot(), undefined, { ...opts, groupByCompose: false, showStopped: false });
    assert.deepEqual(rows.map((r) => r.label), [EVIL_NAME, 'sidecar', 'tools', 'web']);
  });

  it('describes a container by image and state, with a contextValue carrying the state', () => {
    const rows = childRows(snapshot(), undefined, { ...opts, groupByCompose: false });
    const web = find(rows, 'web');
    assert.equal(web.description, 'container-anatomy-test/busybox:latest · running');
    assert.equal(web.contextValue, 'container.running');
    assert.deepEqual(web.icon, { id: 'vm-running', color: 'charts.green' });
    assert.equal(web.id, `c:${WEB_ID}`);
    const old = find(rows, 'old');
    assert.equal(old.contextValue, 'container.exited');
    assert.ok(old.tooltip.facts.some((f) => f.label === 'Exit code' && f.value === '137 (killed by the OOM killer)'));
    const facts = Object.fromEntries(web.tooltip.facts.map((f) => [f.label, f.value]));
    assert.equal(facts['PID on the host'], '4321');
    assert.equal(facts.Networks, 'bridge 172.17.0.2/16');
  });

  it('a running container not read yet, or whose read failed, has a host PID (not "none"); one being read says so for its read time (not "never")', () => {
    const factOf = (label: string, change: Partial<ContainerAnatomy>): string | undefined => {
      const snap = structuredClone(snapshot());
      const web = snap.containers.find((c) => c.id === WEB_ID) as ContainerAnatomy;
      Object.assign(web, { pid: unavailable('not read yet: the container is listed and its details are being read'), readAt: '' }, change);
      const row = find(childRows(snap, undefined, { ...opts, groupByCompose: false }), 'web');
      return row.tooltip.facts.find((f) => f.label === label)?.value;
    };
    const pidOf = (change: Partial<ContainerAnatomy>): string | undefined => factOf('PID on the host', change);
    assert.equal(pidOf({ reading: true }), 'reading…');
    assert.equal(factOf('Read at', { reading: true }), 'reading…', 'being read, not "never"');
    assert.equal(factOf('Read at', { readFailure: 'container web could not be read: timeout' }), 'never');
    assert.equal(pidOf({ readFailure: 'container web could not be read: timeout' }), 'unavailable');
    assert.equal(pidOf({ state: 'exited' }), 'none');
  });

  it('gives every container three sections with unique ids', () => {
    const snap = snapshot();
    const web = childRows(snap, undefined, { ...opts, groupByCompose: false }).find((r) => r.containerId === WEB_ID);
    assert.ok(web);
    const sections = childRows(snap, web, opts);
    assert.deepEqual(sections.map((r) => r.label), ['Namespaces', 'cgroup limits', 'Network']);
    const ids = new Set<string>();
    const walk = (rows: Row[]): void => {
      for (const r of rows) {
        assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
        ids.add(r.id);
        walk(childRows(snap, r, opts));
      }
    };
    walk(childRows(snap, undefined, opts));
    assert.ok(ids.size > 60);
  });
});

describe('tree rows: namespaces', () => {
  it('marks own, shared-with-host and shared-with-container namespaces with their inodes', () => {
    const web = section(WEB_ID, 'Namespaces');
    assert.equal(web.length, 8);
    assert.equal(find(web, 'pid').description, '4026532254 · own');
    assert.equal(find(web, 'user').description, '4026531837 · shared with host');
    assert.equal(find(web, 'pid').value, 'pid:[4026532254]');
    assert.equal(find(web, 'pid').contextValue, 'namespace');
    assert.deepEqual(find(web, 'pid').tooltip.topics.map((t) => t.topic), ['ns.pid.own', 'ns.pid']);

    const tools = section(TOOLS_ID, 'Namespaces');
    assert.equal(find(tools, 'pid').description, '4026531836 · shared with host');
    assert.deepEqual(find(tools, 'pid').icon, { id: 'home', color: 'charts.orange' });
    assert.deepEqual(find(tools, 'time').icon, { id: 'home' });

    const sidecar = section(SIDECAR_ID, 'Namespaces');
    assert.equal(find(sidecar, 'net').description, '4026532253 · joined web');
    assert.equal(find(sidecar, 'net').tooltip.topics[0].topic, 'ns.net.container');
    assert.deepEqual(find(sidecar, 'net').tooltip.lead, { topic: 'sharing.joined', vars: { type: 'net', peer: 'web', peers: 'web' } });

    // The owner's row names the joiner, never itself.
    const owner = find(section(WEB_ID, 'Namespaces'), 'net');
    assert.equal(owner.description, '4026532253 · joined by sidecar');
    assert.deepEqual(owner.tooltip.lead, { topic: 'sharing.joinedBy', vars: { type: 'net', peer: 'sidecar', peers: 'sidecar' } });
  });

  it('shows one row with the reason when a stopped container has no namespaces', () => {
    const rows = section(OLD_ID, 'Namespaces');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].kind, 'message');
    assert.equal(rows[0].label, 'exited: no namespaces until it starts again');
    assert.equal(rows[0].description, 'no sharing requested (Docker setting)');
    const limits = section(OLD_ID, 'cgroup limits');
    assert.equal(limits.length, 1);
    assert.equal(limits[0].label, 'exited: no cgroup until it starts again');
  });

  it("a created container, never started, gets them when it starts (not \"again\")", () => {
    const snap = snapshot();
    snap.containers.push(containerOf({ id: 'f6'.repeat(32), name: 'fresh', state: 'created', status: 'Created' }));
    const top = childRows(snap, undefined, { ...opts, groupByCompose: false }).find((r) => r.label === 'fresh');
    assert.ok(top);
    const sections = childRows(snap, top, opts);
    assert.equal(childRows(snap, find(sections, 'Namespaces'), opts)[0].label, 'created: no namespaces until it starts');
    assert.equal(childRows(snap, find(sections, 'cgroup limits'), opts)[0].label, 'created: no cgroup until it starts');
  });

  it("a stopped container's Docker settings say what inspect alone tells: time and user are the host's (no userns-remap)", () => {
    const facts = Object.fromEntries(section(OLD_ID, 'Namespaces')[0].tooltip.facts.map((f) => [f.label, f.value]));
    // Docker has no setting for time or mnt, and an empty UsernsMode asks for nothing: its defaults decide.
    assert.equal(facts.time, 'host (Docker default)');
    assert.equal(facts.user, 'host (Docker default)');
    assert.equal(facts.mnt, 'own (Docker default)');
    // A setting that asks is called one.
    assert.equal(sharingWords('pid', sharingOf({ ...old.namespaces.pid, mode: { field: 'PidMode', value: 'host' } }), 'en').label, 'host (Docker setting)');
    assert.equal(sharingWords('pid', sharingOf({ ...old.namespaces.pid, mode: { field: 'PidMode', value: '' } }), 'en').label, 'own (Docker default)');
    // Under userns-remap each container gets its own user namespace; --userns=host keeps the host's.
    const remapped = { ...engineDefault('user', true) };
    assert.equal(sharingOf({ ...old.namespaces.user, mode: { field: 'UsernsMode', value: '', ...remapped } }).kind, 'own');
    assert.equal(sharingOf({ ...old.namespaces.user, mode: { field: 'UsernsMode', value: 'host', ...remapped } }).kind, 'host');
  });

  it('a running container whose namespace links are refused is told in the present: Docker started it that way, not "will, when it starts"', () => {
    const snap = structuredClone(snapshot());
    const web = snap.containers.find((c) => c.id === WEB_ID) as ContainerAnatomy;
    const denied = unavailable('permission denied reading /proc/4321/ns/pid');
    web.namespaces.pid = { ...web.namespaces.pid, inode: denied, sharedWithHost: denied, mode: { field: 'PidMode', value: '' } };
    web.namespaces.net = { ...web.namespaces.net, inode: denied, sharedWithHost: denied, mode: { field: 'NetworkMode', value: 'host' } };
    const top = childRows(snap, undefined, { ...opts, groupByCompose: false }).find((r) => r.containerId === WEB_ID) as Row;
    const rows = childRows(snap, find(childRows(snap, top, opts), 'Namespaces'), opts);
    const lead = (type: string): string => explain(find(rows, type).tooltip.lead?.topic ?? '?', 'en', find(rows, type).tooltip.lead?.vars)?.summary ?? '';
    assert.equal(lead('pid'), "By Docker's default this container has its own pid namespace.");
    assert.equal(lead('net'), "Docker's setting puts this container in the host's net namespace.");
    for (const type of ['pid', 'net']) assert.doesNotMatch(lead(type), /will|when it starts/);
    assert.equal(find(rows, 'net').description, 'unavailable · host (Docker setting)');
    // No helper reason: nothing about it.
    assert.deepEqual(find(rows, 'net').tooltip.notes, ['permission denied reading /proc/4321/ns/pid']);
  });

  it('a refused namespace link also says why the helper container did not read it, and how to be asked again', () => {
    const snap = structuredClone(snapshot());
    const web = snap.containers.find((c) => c.id === WEB_ID) as ContainerAnatomy;
    const denied = unavailable('permission denied reading /proc/4321/ns/net');
    web.namespaces.net = { ...web.namespaces.net, inode: denied, sharedWithHost: denied };
    const why = `the helper container was refused for unix:///var/run/docker.sock ("Never"); ${ASK_AGAIN}`;
    snap.host.engine.helperReason = why;
    const top = childRows(snap, undefined, { ...opts, groupByCompose: false }).find((r) => r.containerId === WEB_ID) as Row;
    const rows = childRows(snap, find(childRows(snap, top, opts), 'Namespaces'), opts);
    assert.deepEqual(find(rows, 'net').tooltip.notes, ['permission denied reading /proc/4321/ns/net', why]);
    assert.deepEqual(find(rows, 'pid').tooltip.notes, [], 'a namespace that was read says nothing of the helper');
  });
});

describe('tree rows: cgroup limits', () => {
  it('shows declared → effective with usage', () => {
    const rows = section(WEB_ID, 'cgroup limits');
    assert.equal(find(rows, 'memory').description, '64 MiB → 32 MiB limit, 3.1 MiB used');
    assert.equal(find(rows, 'pids').description, '50 → 30 limit, 1 used');
    assert.equal(find(rows, 'cpu').description, '0.5 CPU');
    assert.equal(find(rows, 'cpu shares').description, '1024');
    assert.equal(find(rows, 'cpuset cpus').description, '0-1 (not pinned)');
    assert.equal(find(rows, 'io weight').description, 'default (declared)');
    assert.equal(find(rows, 'memory').contextValue, 'limit');
  });

  it('says unlimited, with usage, when nothing is set', () => {
    const rows = section(TOOLS_ID, 'cgroup limits');
    assert.equal(find(rows, 'memory').description, 'unlimited, 3.1 MiB used');
  });

  it('does not call the machine\'s memory a limit: an unlimited container bounded by the host stays "unlimited", unlocked', () => {
    const snap = snapshot();
    const tools = snap.containers.find((x) => x.id === TOOLS_ID);
    assert.ok(tools);
    tools.cgroup.memory.limitBytes.effective = { value: 25276510208, source: 'procfs' };
    const c = childRows(snap, undefined, { ...opts, groupByCompose: false }).find((r) => r.containerId === TOOLS_ID);
    assert.ok(c);
    const memory = find(childRows(snap, find(childRows(snap, c, opts), 'cgroup limits'), opts), 'memory');
    assert.equal(memory.description, 'unlimited → 23.5 GiB, 3.1 MiB used');
    assert.equal(memory.icon?.id, 'unlock');
    // Explained as no limit of its own, not as a limit at which the kernel OOM-kills inside it "however much the host has free".
    assert.equal(memory.tooltip.topics[0].topic, 'cgroup.memory.limit.none');
    const limited = find(section(WEB_ID, 'cgroup limits'), 'memory');
    assert.equal(limited.tooltip.topics[0].topic, 'cgroup.memory.limit');
  });

  it('expands a limit into declared, kernel file, effective and usage with sources', () => {
    const snap = snapshot();
    const memory = find(section(WEB_ID, 'cgroup limits'), 'memory');
    const rows = childRows(snap, memory, opts);
    assert.deepEqual(rows.map((r) => `${r.label}: ${r.description}`), [
      'declared (Docker): 64 MiB · from engine',
      'kernel file: 64 MiB · from procfs',
      'effective: 32 MiB · from procfs',
      'used: 3.1 MiB · from procfs',
      'OOM kills: 0 · from procfs',
    ]);
    const io = childRows(snap, find(section(WEB_ID, 'cgroup limits'), 'io weight'), opts);
    assert.equal(io[1].description, 'unavailable');
    assert.deepEqual(io[1].tooltip.notes, ['this kernel has only blkio.bfq.weight']);
  });
});

describe('tree rows: network', () => {
  it('lists each network with IP/prefix, bridge and host veth, then published ports', () => {
    const rows = section(WEB_ID, 'Network');
    assert.deepEqual(rows.map((r) => r.label), ['bridge', 'published ports']);
    assert.equal(rows[0].description, '172.17.0.2/16 · docker0 · vethc204874');
    assert.equal(rows[0].contextValue, 'network');
    assert.equal(rows[1].description, '127.0.0.1:18080 → 80/tcp');
    // Bound to loopback: explained as for this host's clients, without the warning about reachable addresses and INPUT.
    assert.equal(rows[1].tooltip.topics[0].topic, 'net.ports.loopback');
    assert.equal(childRows(snapshot(), rows[1], opts)[0].tooltip.topics[0].topic, 'net.ports.loopback');
    const details = childRows(snapshot(), rows[0], opts);
    assert.deepEqual(details.map((r) => `${r.label}=${r.value}`), [
      'bridge=docker0',
      'IP=172.17.0.2/16',
      'subnet=172.17.0.0/16',
      'gateway=172.17.0.1',
      'MAC=02:42:ac:11:00:02',
      'container interface=eth0 (ifindex 8, iflink 9)',
      'host veth=vethc204874 (ifindex 9) → docker0',
      'DNS aliases=web, a1a1a1a1a1a1',
    ]);
  });

  it('explains container: mode instead of listing networks', () => {
    const rows = section(SIDECAR_ID, 'Network');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].label, 'mode');
    assert.equal(rows[0].description, 'joined web · same interfaces, IP addresses and ports');
    assert.equal(rows[0].description?.includes(WEB_ID), false);
    assert.equal(rows[0].tooltip.topics[0].topic, 'net.mode.container');
  });
});

describe('tree rows: hostile data stays data', () => {
  it('keeps names and images verbatim in labels (TreeItem labels are plain text)', () => {
    const rows = childRows(snapshot(), undefined, { ...opts, groupByCompose: false });
    const evil = rows.find((r) => r.containerId === EVIL_ID);
    assert.ok(evil);
    assert.equal(evil.label, EVIL_NAME);
    assert.equal(evil.tooltip.heading, EVIL_NAME);
  });
});

describe('tree rows: engine unreachable', () => {
  it('offers Retry, Select Engine/Context and Open Settings as clickable rows', () => {
    const rows = unreachableRows('connect ENOENT /nope.sock', plainTranslate);
    assert.deepEqual(rows.map((r) => [r.label, r.command?.id]), [
      ['Retry', 'containerAnatomy.engine.retry'],
      ['Select Engine/Context', 'containerAnatomy.engine.select'],
      ['Open Settings', 'workbench.action.openSettings'],
    ]);
    assert.deepEqual(rows[0].tooltip.notes, ['connect ENOENT /nope.sock']);
    assert.deepEqual(rows[2].command?.args, ['containerAnatomy.engine']);
  });
});

describe('tree rows: what each limit\'s effective value is capped by', () => {
  it('names the machine only where the code caps by it: memory by its memory, cpu by online CPUs and the cpuset, pids and memory + swap by the chain alone', () => {
    const limits = section(WEB_ID, 'cgroup limits');
    const effective = (label: string): string => {
      const topic = find(limits, label).tooltip.topics[1].topic;
      return explain(topic, 'en')?.summary ?? topic;
    };
    assert.match(effective('memory'), /capped by the machine's memory\.$/);
    assert.match(effective('cpu'), /online CPUs and by the number of CPUs in the container's cpuset/);
    for (const label of ['pids', 'memory + swap']) assert.equal(effective(label), 'The smallest limit on the path up to the root cgroup.', label);
  });
});

describe('tree rows: a network of a container that is not running', () => {
  it('says "none" for its IP, gateway, MAC, interface and veth, like its network row\'s "no IP", and keeps the reason in the tooltip', () => {
    const noIp = 'no IP address while the container is created: addresses are assigned when it starts';
    const net = attachment({ name: 'bridge', networkId: 'n1', driver: 'bridge', bridge: 'docker0', subnet: '172.17.0.0/16', ip: '' });
    const created = containerOf({ id: 'c1'.repeat(32), name: 'created', state: 'created', network: networkOf({ mode: 'bridge', networks: [{ ...net, ipAddress: unavailable(noIp) }] }) });
    const rows = networkDetailRows(created, 'bridge', plainTranslate);
    const desc = Object.fromEntries(rows.map((r) => [r.label, r.description]));
    assert.deepEqual(desc, { bridge: 'docker0', IP: 'none', subnet: '172.17.0.0/16', gateway: 'none', MAC: 'none', 'container interface': 'none', 'host veth': 'none' });
    assert.deepEqual(find(rows, 'IP').tooltip.notes, [noIp]);
    // Explained as absent until it starts: not as an address reachable from the host, nor a veth to tcpdump.
    assert.deepEqual(find(rows, 'IP').tooltip.topics, [{ topic: 'net.ip.stopped' }]);
    assert.deepEqual(find(rows, 'container interface').tooltip.topics, [{ topic: 'net.veth.stopped' }]);
    assert.deepEqual(find(rows, 'host veth').tooltip.topics, [{ topic: 'net.veth.stopped' }]);
    assert.deepEqual(find(rows, 'subnet').tooltip.topics, [{ topic: 'net.subnet' }], 'the network\'s own facts keep their explanation');
    // A running container whose read failed still says "unavailable".
    const running = containerOf({ id: 'c2'.repeat(32), name: 'running', network: networkOf({ mode: 'bridge', networks: [{ ...net, ipAddress: unavailable('read failed') }] }) });
    assert.equal(find(networkDetailRows(running, 'bridge', plainTranslate), 'IP').description, 'unavailable');
    assert.deepEqual(find(networkDetailRows(running, 'bridge', plainTranslate), 'IP').tooltip.topics, [{ topic: 'net.ip' }]);
  });
});

describe('tree rows: which network carries the default route', () => {
  const front = attachment({ name: 'front', networkId: 'n1', driver: 'bridge', bridge: 'br-front', subnet: '172.18.0.0/16', ip: '172.18.0.2', prefix: 16, gateway: '172.18.0.1', iface: { name: 'eth0', ifindex: 20, iflink: 21 } });
  const back = attachment({ name: 'back', networkId: 'n2', driver: 'bridge', bridge: 'br-back', subnet: '172.19.0.0/16', ip: '172.19.0.2', prefix: 16, gateway: '172.19.0.1', iface: { name: 'eth1', ifindex: 22, iflink: 23 } });
  const withRoute = (defaultRoute: NetworkAnatomy['defaultRoute']): ContainerAnatomy => {
    const network = networkOf({ mode: 'bridge', networks: [front, back] });
    return containerOf({ id: 'd1'.repeat(32), name: 'two', network: { ...network, ...(defaultRoute ? { defaultRoute } : {}) } });
  };
  const gatewayOf = (c: ContainerAnatomy, name: string, t = plainTranslate): Row => networkDetailRows(c, name, t).find((r) => r.id.endsWith('/gateway'))!;
  const routeFact = (r: Row): string | undefined => r.tooltip.facts.find((f) => f.label === 'Default route' || f.label === '기본 경로')?.value.replace(/ · \/proc\/\d+\/net\/route$/, '');

  it('marks the gateway the route goes through, and names it on the other network', () => {
    const c = withRoute(fact({ iface: 'eth1', gateway: '172.19.0.1' }, 'procfs'));
    assert.equal(gatewayOf(c, 'back').description, '172.19.0.1 · default route');
    assert.equal(routeFact(gatewayOf(c, 'back')), 'through this network (eth1 via 172.19.0.1)');
    // Below the gateway's own source (the engine), and naming the kernel file it was read from.
    assert.deepEqual(gatewayOf(c, 'back').tooltip.facts.map((f) => f.label), ['Source', 'Default route']);
    assert.match(gatewayOf(c, 'back').tooltip.facts[1].value, / · \/proc\/\d+\/net\/route$/);
    assert.equal(gatewayOf(c, 'front').description, '172.18.0.1');
    assert.equal(routeFact(gatewayOf(c, 'front')), 'not this network: it leaves by eth1 via 172.19.0.1, network back');
    const ko = translator('ko');
    assert.equal(gatewayOf(c, 'back', ko).description, '172.19.0.1 · 기본 경로');
    assert.equal(routeFact(gatewayOf(c, 'front', ko)), '이 네트워크가 아님: 나가는 곳은 eth1, 게이트웨이 172.19.0.1, 네트워크 back');
  });

  it('says when there is none, and claims nothing when it was not read', () => {
    assert.equal(routeFact(gatewayOf(withRoute(fact(null, 'procfs')), 'front')), 'none: this container has no default route');
    const unread = gatewayOf(withRoute(unavailable('permission denied reading /proc/9/net/route')), 'front');
    assert.equal(routeFact(unread), 'unavailable');
    assert.ok(unread.tooltip.notes.includes('permission denied reading /proc/9/net/route'));
    const older = gatewayOf(withRoute(undefined), 'front');
    assert.equal(routeFact(older), undefined);
    assert.equal(older.description, '172.18.0.1');
  });
});

describe('tree rows: the network parts a host- or none-mode container does not have', () => {
  it('says "none of its own" on the host\'s stack and "none" on none, not "unavailable" (nothing failed)', () => {
    const hostNet = attachment({ name: 'host', networkId: 'h1', driver: 'host', ip: '' });
    const why = unavailable('no gateway: the container uses the host\'s network stack');
    const onHost = containerOf({ id: 'e1'.repeat(32), name: 'onhost', network: networkOf({ mode: 'host', networks: [{ ...hostNet, gateway: why, ipAddress: why }] }) });
    const desc = Object.fromEntries(networkDetailRows(onHost, 'host', plainTranslate).map((r) => [r.label, r.description]));
    assert.equal(desc.gateway, 'none of its own');
    assert.equal(desc.IP, 'none of its own');
    assert.equal(find(networkDetailRows(onHost, 'host', plainTranslate), 'gateway').tooltip.notes[0], why.unavailable);
    assert.equal(find(networkDetailRows(onHost, 'host', translator('ko')), '게이트웨이').description, '자기 것 없음');
    // The mode says why there is none: no address or veth of its own to reach or tcpdump.
    assert.deepEqual(find(networkDetailRows(onHost, 'host', plainTranslate), 'IP').tooltip.topics, [{ topic: 'net.mode.host' }]);
    assert.deepEqual(find(networkDetailRows(onHost, 'host', plainTranslate), 'host veth').tooltip.topics, [{ topic: 'net.mode.host' }]);
    // The network row above them says the same.
    const row = childRows(snapshotOf(hostOf(), [onHost]), undefined, { ...opts, groupByCompose: false })[0];
    const netRow = find(childRows(snapshotOf(hostOf(), [onHost]), find(childRows(snapshotOf(hostOf(), [onHost]), row, opts), 'Network'), opts), 'host');
    assert.equal(netRow.description, 'no IP of its own');
    assert.equal(netRow.tooltip.facts.find((f) => f.label === 'Gateway')?.value, 'none of its own');
    const noneNet = attachment({ name: 'none', networkId: 'n0', driver: 'null', ip: '' });
    const onNone = containerOf({ id: 'e2'.repeat(32), name: 'onnone', network: networkOf({ mode: 'none', networks: [{ ...noneNet, gateway: unavailable('the engine reports no gateway for this network') }] }) });
    assert.equal(find(networkDetailRows(onNone, 'none', plainTranslate), 'gateway').description, 'none');
    assert.deepEqual(find(networkDetailRows(onNone, 'none', plainTranslate), 'container interface').tooltip.topics, [{ topic: 'net.mode.none' }]);
    // No bridge, subnet, gateway or MAC either: their own texts (docker0, NAT, address pools) would be false of these rows.
    for (const [c, name] of [[onNone, 'none'], [onHost, 'host']] as const) {
      for (const r of networkDetailRows(c, name, plainTranslate)) assert.deepEqual(r.tooltip.topics, [{ topic: `net.mode.${c.network.mode}` }], `${name}: ${r.label}`);
      const top = find(childRows(snapshotOf(hostOf(), [c]), find(childRows(snapshotOf(hostOf(), [c]), childRows(snapshotOf(hostOf(), [c]), undefined, { ...opts, groupByCompose: false })[0], opts), 'Network'), opts), name);
      assert.ok(!top.tooltip.topics.some((x) => x.topic === 'net.bridge'), `${name}: the network row does not explain a bridge`);
    }
  });
});

describe('tree rows: pids beside what ps shows', () => {
  const pids = limitSpec('pids')!;
  const notes = (c: ContainerAnatomy, t = plainTranslate): string[] => [...limitRow(c, pids, t).tooltip.notes, ...limitDetailRows(c, 'pids', t).flatMap((r) => r.tooltip.notes)];

  it('says why ps inside lists more than the cgroup counts when the PID namespace is shared', () => {
    const web = containerOf({ id: 'a1'.repeat(32), name: 'web' });
    web.namespaces.pid.sharedWithContainers = ['sidecar'];
    const joined = notes(web).filter((n) => n.includes('ps inside'));
    assert.equal(joined.length, 2, 'on the pids row and on its "used" row');
    assert.match(joined[0], /processes of sidecar, which share its PID namespace; this counts only .* own cgroup/);
    assert.match(notes(web, translator('ko')).join('\n'), /sidecar의 프로세스도 보입니다/);
    const hostPid = containerOf({ id: 'a2'.repeat(32), name: 'tools', namespaces: namespacesOf({ base: 4026532300, host: ['pid'] }) });
    assert.match(notes(hostPid).join('\n'), /every process of the host/);
  });

  it('says nothing of the kind for a PID namespace of its own, or on other limits', () => {
    const alone = containerOf({ id: 'a3'.repeat(32), name: 'alone' });
    assert.deepEqual(notes(alone).filter((n) => n.includes('ps inside')), []);
    const web = containerOf({ id: 'a4'.repeat(32), name: 'web' });
    web.namespaces.pid.sharedWithContainers = ['sidecar'];
    assert.deepEqual(limitRow(web, limitSpec('memory')!, plainTranslate).tooltip.notes.filter((n) => n.includes('ps inside')), []);
  });
});

describe('tree rows: which explanation published ports get', () => {
  it('the loopback one only when every port is on a loopback address; any port the outside can reach gets the general one', () => {
    const port = (hostIp: string) => ({ containerPort: 80, protocol: 'tcp', hostIp, hostPort: 8080 });
    assert.equal(portsTopic([port('127.0.0.1')]), 'net.ports.loopback');
    assert.equal(portsTopic([port('127.0.0.53'), port('::1')]), 'net.ports.loopback');
    assert.equal(portsTopic([port('127.0.0.1'), port('0.0.0.0')]), 'net.ports');
    assert.equal(portsTopic([port('')]), 'net.ports', 'no address: every host address');
    assert.equal(portsTopic([port('192.168.1.5')]), 'net.ports');
    assert.equal(portsTopic([]), 'net.ports');
  });
});
