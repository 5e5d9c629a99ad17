/**
 * The Topology panel's view state: one lane per network, each a chain of nodes drawn left
 * to right. vscode-free; the layout decisions (what a host/none/container/macvlan network
 * looks like) are made here so they can be tested without a browser.
 */
import { translator } from '../core/i18n';
import { localizeReason } from '../core/reasons';
import type { Lang } from '../core/catalog/index';
import {
  hasProcess,
  isFact,
  isUnavailable,
  valueOf,
  type ContainerAnatomy,
  type HostAnatomy,
  type Maybe,
  type NetworkAttachment,
  routeRole,
} from '../core/model';
import type { LaneLayout, TopologyLane, TopologyNode, TopologyViewState } from '../shared/protocol';
import { format, labels, type PanelLabels } from './labels';
import { findContainer } from './lookup';
import { note } from './text';

export interface TopologyInput {
  host: HostAnatomy | undefined;
  containers: readonly ContainerAnatomy[];
  unreachable?: string;
  containerId: string;
  lang: Lang;
  /** The name last seen for containerId, to label the panel after the container is gone. */
  knownName?: string;
}

function text<T>(m: Maybe<T>, show: (v: T) => string, L: PanelLabels): string {
  if (isUnavailable(m)) return L.unavailable;
  return show(m.value);
}

/** Layout of one attachment from its driver (the mode decides host/none/container first). */
export function laneLayout(n: NetworkAttachment): LaneLayout {
  const driver = valueOf(n.driver, '');
  if (driver === 'bridge') return 'bridge';
  if (driver === 'macvlan' || driver === 'ipvlan') return 'macvlan';
  if (driver === 'overlay') return 'overlay';
  if (driver === 'host') return 'host';
  if (driver === 'null') return 'none';
  return 'other';
}

function ipPrefix(n: NetworkAttachment, L: PanelLabels): string {
  if (isUnavailable(n.ipAddress)) return L.unavailable;
  if (!n.ipAddress.value) return L.notApplicable;
  return isFact(n.prefixLength) ? `${n.ipAddress.value}/${n.prefixLength.value}` : n.ipAddress.value;
}

function containerNode(c: ContainerAnatomy, n: NetworkAttachment | undefined, L: PanelLabels, lang: Lang): TopologyNode {
  const lines: string[] = [];
  if (n) {
    // No process: no interface or address yet. Unread: the address alone, not a guessed name.
    const ip = hasProcess(c.state) ? ipPrefix(n, L) : L.noInterfaceYet;
    lines.push(isFact(n.containerInterface) ? `${n.containerInterface.value.name} ${ip}` : ip);
    const mac = valueOf(n.macAddress, '');
    if (mac) lines.push(mac);
  }
  return { role: 'container', title: c.name, lines, note: note('ns.net', lang) };
}

function sameNetwork(a: NetworkAttachment, b: NetworkAttachment): boolean {
  return a.networkId !== '' && b.networkId !== '' ? a.networkId === b.networkId : a.name === b.name;
}

function peers(c: ContainerAnatomy, n: NetworkAttachment, all: readonly ContainerAnatomy[], L: PanelLabels): TopologyNode[] {
  const out: TopologyNode[] = [];
  for (const other of all) {
    // A stopped container keeps its network settings but has no endpoint on the bridge.
    if (other.id === c.id || !hasProcess(other.state)) continue;
    const on = other.networks.find((o) => sameNetwork(o, n));
    if (on) out.push({ role: 'peer', title: other.name, lines: [ipPrefix(on, L)], openId: other.id });
  }
  return out.sort((a, b) => a.title.localeCompare(b.title, 'en', { numeric: true }));
}

/** The bridge's gateway: the container's endpoint names it, or (a stopped container has none) the host's bridge of that network. */
function bridgeGateway(n: NetworkAttachment, host: HostAnatomy | undefined, L: PanelLabels): string {
  if (isFact(n.gateway)) return n.gateway.value || L.notApplicable;
  const bridge = host && isFact(host.bridges) ? host.bridges.value.find((b) => (n.networkId ? b.networkId === n.networkId : b.networkName === n.name)) : undefined;
  return bridge?.gateway ?? L.unavailable;
}

function bridgeLane(c: ContainerAnatomy, n: NetworkAttachment, all: readonly ContainerAnatomy[], withPorts: boolean, hostSide: HostAnatomy | undefined, L: PanelLabels, lang: Lang): TopologyLane {
  const bridgeName = text(n.bridge, String, L);
  const subnet = text(n.subnet, String, L);
  const veth: TopologyNode = isFact(n.hostVeth)
    ? { role: 'veth', title: n.hostVeth.value.name, lines: [`ifindex ${n.hostVeth.value.ifindex}`], note: note('net.veth', lang) }
    : { role: 'veth', title: 'veth', lines: [isUnavailable(n.hostVeth) ? localizeReason(n.hostVeth.unavailable, lang) : L.unavailable], note: note('net.veth', lang) };
  const bridge: TopologyNode = {
    role: 'bridge',
    title: bridgeName,
    lines: [subnet, `${L.gateway} ${bridgeGateway(n, hostSide, L)}${routeRole(c.network, n)?.kind === 'this' ? ` · ${L.defaultRoute}` : ''}`],
    note: note(n.swarmGateway ? 'swarm.gwbridge' : 'net.bridge', lang),
  };
  // Docker's NAT rule for the subnet, as the network's settings say; absent on internal networks.
  const hostLines = n.masquerade === undefined || valueOf(n.masquerade, false) ? [`MASQUERADE ${subnet}`] : [];
  if (withPorts) {
    for (const p of c.network.ports) hostLines.push(`${p.hostIp || '0.0.0.0'}:${p.hostPort} → ${p.containerPort}/${p.protocol}`);
  }
  const host: TopologyNode = { role: 'host', title: L.host, lines: hostLines, note: note('net.nat', lang) };
  return {
    layout: 'bridge',
    heading: n.swarmGateway ? `${n.name} · ${L.gatewayLeg}` : n.name,
    chain: [containerNode(c, n, L, lang), veth, bridge, host],
    links: [L.vethPair, L.enslaved, n.internal ? L.notForwarded : L.routed],
    peers: peers(c, n, all, L),
  };
}

function macvlanLane(c: ContainerAnatomy, n: NetworkAttachment, all: readonly ContainerAnatomy[], L: PanelLabels, lang: Lang): TopologyLane {
  const driver = valueOf(n.driver, 'macvlan');
  const parent: TopologyNode = {
    role: 'parent',
    title: L.parentNic,
    lines: [isFact(n.containerInterface) && n.containerInterface.value.iflink !== null ? `ifindex ${n.containerInterface.value.iflink}` : L.unavailable],
    note: note(`net.mode.${driver === 'ipvlan' ? 'ipvlan' : 'macvlan'}`, lang),
  };
  const net: TopologyNode = {
    role: 'network',
    title: n.name,
    lines: [text(n.subnet, String, L), `${L.gateway} ${text(n.gateway, (g) => g || L.notApplicable, L)}`],
    note: note('net.subnet', lang),
  };
  return { layout: 'macvlan', heading: `${n.name} (${driver})`, chain: [containerNode(c, n, L, lang), parent, net], links: [driver, ''], peers: peers(c, n, all, L) };
}

/**
 * An overlay network: the container's interface → its veth peer, which lives in the overlay's
 * own namespace (not the host's) → the bridge br0 there → the vxlan device with the VNI, which
 * carries frames to the other nodes in UDP.
 */
function overlayLane(c: ContainerAnatomy, n: NetworkAttachment, all: readonly ContainerAnatomy[], L: PanelLabels, lang: Lang): TopologyLane {
  const o = n.overlay;
  const why = (m: Maybe<unknown> | undefined): string[] => (isUnavailable(m) ? [localizeReason(m.unavailable, lang)] : m === undefined ? [L.unavailable] : []);
  const nsFile = o && isFact(o.namespace) ? o.namespace.value.split('/').pop() ?? '' : '';
  const peer: TopologyNode = o && isFact(o.peer)
    ? { role: 'veth', title: o.peer.value.name, lines: [`ifindex ${o.peer.value.ifindex}`, `${L.overlayNamespace} ${nsFile}`], note: note('swarm.overlay', lang) }
    : { role: 'veth', title: 'veth', lines: why(o?.peer), note: note('swarm.overlay', lang) };
  const bridge: TopologyNode = {
    role: 'bridge',
    title: o && isFact(o.peer) && o.peer.value.master ? o.peer.value.master : 'br0',
    lines: [text(n.subnet, String, L), `${L.overlayNamespace} ${nsFile || L.unavailable}`],
    note: note('swarm.overlay', lang),
  };
  const vni = o ? text(o.vni, String, L) : L.unavailable;
  const vxlan: TopologyNode = o && isFact(o.vxlan)
    ? { role: 'vxlan', title: o.vxlan.value.name, lines: [`VNI ${o.vxlan.value.vni}`, ...(o.vxlan.value.dstPort !== null ? [`UDP ${o.vxlan.value.dstPort}`] : [])], note: note('swarm.vxlan', lang) }
    : { role: 'vxlan', title: 'vxlan', lines: [`VNI ${vni}`, ...why(o?.vxlan)], note: note('swarm.vxlan', lang) };
  return {
    layout: 'overlay',
    heading: `${n.name} (overlay)`,
    chain: [containerNode(c, n, L, lang), peer, bridge, vxlan],
    links: [L.vethPair, L.enslaved, L.enslaved],
    peers: peers(c, n, all, L),
  };
}

function otherLane(c: ContainerAnatomy, n: NetworkAttachment, all: readonly ContainerAnatomy[], L: PanelLabels, lang: Lang): TopologyLane {
  const driver = text(n.driver, String, L);
  const net: TopologyNode = { role: 'network', title: n.name, lines: [driver, text(n.subnet, String, L)], note: note('net.subnet', lang) };
  return { layout: 'other', heading: `${n.name} (${driver})`, chain: [containerNode(c, n, L, lang), net], links: [''], peers: peers(c, n, all, L) };
}

function lanes(c: ContainerAnatomy, all: readonly ContainerAnatomy[], host: HostAnatomy | undefined, L: PanelLabels, lang: Lang): TopologyLane[] {
  const mode = c.network.mode;
  if (mode === 'host') {
    const hostname = host ? valueOf(host.hostname, L.host) : L.host;
    return [{
      layout: 'host',
      heading: 'host',
      chain: [
        { role: 'container', title: c.name, lines: [L.hostNetns], note: note('net.mode.host', lang) },
        { role: 'host', title: L.host, lines: [hostname], note: note('ns.net', lang) },
      ],
      links: [''],
      peers: [],
    }];
  }
  if (mode === 'none') {
    return [{
      layout: 'none',
      heading: 'none',
      chain: [{ role: 'container', title: c.name, lines: [L.onlyLoopback], note: note('net.mode.none', lang) }],
      links: [],
      peers: [],
    }];
  }
  if (mode === 'container') {
    const donor = c.network.sharesWith;
    const present = donor ? findContainer(all, donor.id) : undefined;
    const donorName = present?.name ?? donor?.name ?? donor?.id.slice(0, 12) ?? c.network.rawMode;
    const donorNode: TopologyNode = {
      role: 'donor',
      title: donorName,
      lines: present ? present.networks.map((n) => `${n.name} ${ipPrefix(n, L)}`) : [],
      note: note('net.mode.container', lang, { peer: donorName }),
    };
    if (present) donorNode.openId = present.id;
    return [{
      layout: 'container',
      heading: `container:${donorName}`,
      chain: [{ role: 'container', title: c.name, lines: [], note: note('net.mode.container', lang, { peer: donorName }) }, donorNode],
      links: [L.sharesNetnsOf],
      peers: [],
    }];
  }
  // Published ports are drawn once, on the bridge the engine publishes them through: never an
  // internal network's (Docker publishes nothing on one), else the first.
  const bridges = c.networks.filter((n) => laneLayout(n) === 'bridge');
  const portsOn = bridges.find((n) => !n.internal) ?? bridges[0];
  return c.networks.map((n) => {
    const layout = laneLayout(n);
    if (layout === 'bridge') return bridgeLane(c, n, all, n === portsOn, host, L, lang);
    if (layout === 'macvlan') return macvlanLane(c, n, all, L, lang);
    if (layout === 'overlay') return overlayLane(c, n, all, L, lang);
    return otherLane(c, n, all, L, lang);
  });
}

/**
 * Running containers in the same network namespace as `c` (by inode, the kernel's word; by
 * `--network container:<c>` where an inode is unreadable), other than a donor already drawn.
 */
function netnsSharers(c: ContainerAnatomy, all: readonly ContainerAnatomy[]): ContainerAnatomy[] {
  const ino = c.namespaces.net.inode;
  return all
    .filter((o) => o.id !== c.id && o.id !== c.network.sharesWith?.id && hasProcess(o.state))
    .filter((o) => {
      const theirs = o.namespaces.net.inode;
      if (isFact(ino) && isFact(theirs)) return ino.value === theirs.value;
      return o.network.mode === 'container' && o.network.sharesWith?.id === c.id;
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/** A lane for the containers that joined this one's network namespace (`--network container:X`). */
function sharersLane(c: ContainerAnatomy, all: readonly ContainerAnatomy[], L: PanelLabels, lang: Lang): TopologyLane | null {
  if (c.network.mode === 'host') return null; // the host's namespace: every host process is in it
  const sharers = netnsSharers(c, all);
  if (sharers.length === 0) return null;
  const nodes = sharers.map((o): TopologyNode => {
    const donor = o.network.sharesWith;
    const donorName = donor ? (donor.id === c.id ? c.name : (findContainer(all, donor.id)?.name ?? donor.name ?? donor.id.slice(0, 12))) : c.name;
    // Said from this panel's container: "sidecar joined this container's net namespace".
    const said = donorName === c.name ? note('sharing.joinedBy', lang, { type: 'net', peer: o.name, peers: o.name }) : note('net.mode.container', lang, { peer: donorName });
    return { role: 'peer', title: o.name, lines: donor ? [`container:${donorName}`] : [], note: said, openId: o.id };
  });
  return {
    layout: 'container',
    heading: L.netnsSharers,
    chain: [{ role: 'container', title: c.name, lines: [], note: note('ns.net', lang) }],
    links: [],
    peers: nodes,
  };
}

/** Builds what the Topology panel shows for one container, in one language. */
export function buildTopologyState(input: TopologyInput): TopologyViewState {
  const L = labels(input.lang);
  const c = findContainer(input.containers, input.containerId);
  const labelsOut = { compareWithHost: L.compareWithHost, peers: L.peers, noNetworks: L.noNetworks };
  const unreachable = input.unreachable !== undefined;
  if (!c) {
    const name = input.knownName ?? input.containerId;
    return {
      kind: 'topology',
      lang: input.lang,
      title: format(L.topologyTitle, { name }),
      status: unreachable ? 'unreachable' : 'removed',
      notice: unreachable
        ? { ...note('ui.unreachable', input.lang), detail: localizeReason(input.unreachable ?? '', input.lang) }
        : { ...note('ui.removed', input.lang, { name }), detail: name },
      container: { id: input.containerId, name, image: '', state: '' },
      canCompare: false,
      mode: 'other',
      modeNote: { title: '', summary: '' },
      lanes: [],
      labels: labelsOut,
    };
  }
  const donorName = c.network.sharesWith ? (c.network.sharesWith.name ?? c.network.sharesWith.id.slice(0, 12)) : '';
  const state: TopologyViewState = {
    kind: 'topology',
    lang: input.lang,
    title: format(L.topologyTitle, { name: c.name }),
    status: unreachable ? 'unreachable' : 'ok',
    container: { id: c.id, name: c.name, image: c.image, state: translator(input.lang)(c.state) },
    canCompare: hasProcess(c.state),
    mode: c.network.mode,
    // A created or exited container has no network namespace yet: say so, not what the mode gives.
    modeNote: !hasProcess(c.state) ? note('ui.notRunning', input.lang)
      : c.network.mode === 'other' ? { title: c.network.rawMode, summary: '' } : note(`net.mode.${c.network.mode}`, input.lang, { peer: donorName }),
    lanes: [...lanes(c, input.containers, input.host, L, input.lang), ...[sharersLane(c, input.containers, L, input.lang)].filter((x): x is TopologyLane => x !== null)],
    labels: labelsOut,
  };
  if (unreachable) state.notice = { ...note('ui.unreachable', input.lang), detail: localizeReason(input.unreachable ?? '', input.lang) };
  return state;
}
