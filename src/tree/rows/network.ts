import { hasProcess, isFact, isUnavailable, portsTopic, routeRole, type ContainerAnatomy, type Maybe, type NetworkAttachment, type PortBinding } from '../../core/model';
import { messageRow } from './namespaces';
import { overlayDetailRows } from './swarm';
import type { TooltipSpec } from '../markdown';
import { reasons, sourceWord, tooltip, type Row, type Translate } from './types';

function text<T>(m: Maybe<T>): string | undefined {
  return isFact(m) && m.value !== null && m.value !== undefined && String(m.value) !== '' ? String(m.value) : undefined;
}

export function ipWithPrefix(n: NetworkAttachment): string | undefined {
  const ip = text(n.ipAddress);
  if (!ip) return undefined;
  const len = text(n.prefixLength);
  return len ? `${ip}/${len}` : ip;
}

export function portText(p: PortBinding): string {
  const host = p.hostIp && p.hostIp !== '0.0.0.0' && p.hostIp !== '::' ? `${p.hostIp}:${p.hostPort}` : String(p.hostPort);
  return `${host} → ${p.containerPort}/${p.protocol}`;
}

/**
 * What the network mode means, for a container with processes; a created or exited one has
 * no network namespace, veth or IP yet, so it gets why instead (its settings still show).
 */
export function modeTopic(c: ContainerAnatomy, topic: string): TooltipSpec['topics'][number] {
  return hasProcess(c.state) ? { topic, vars: { peer: donorLabel(c) } } : { topic: 'ui.notRunning' };
}

/** The donor's name for `container:<id>` networking (short id when the engine gave no name). */
export function donorLabel(c: ContainerAnatomy): string {
  const d = c.network.sharesWith;
  return d ? (d.name ?? d.id.slice(0, 12)) : c.network.rawMode.replace(/^container:/, '').slice(0, 12);
}

/** The network mode in words people read: "joined web", "host", "default, back". */
export function networkModeLabel(c: ContainerAnatomy, t: Translate): string {
  const net = c.network;
  if (net.mode === 'container') return t('joined {0}', donorLabel(c));
  if (net.mode === 'host' || net.mode === 'none') return net.mode;
  if (net.networks.length) return net.networks.map((n) => n.name).join(', ');
  return net.rawMode || net.mode;
}

/** One sentence for modes other than a plain bridge. */
export function modeText(c: ContainerAnatomy, t: Translate): string {
  const net = c.network;
  switch (net.mode) {
    case 'host': return t("the host's network namespace: no veth, no bridge, no IP of its own");
    case 'none': return t('loopback only: no interface to any network');
    case 'container': return t('same interfaces, IP addresses and ports');
    case 'macvlan': return t('macvlan: its own MAC on the parent interface, no bridge, no veth');
    case 'ipvlan': return t('ipvlan: shares the MAC of the parent interface, no bridge, no veth');
    case 'overlay': return t('overlay: the veth peer lives in the overlay network\'s own namespace, not the host\'s');
    case 'bridge': return t('bridge: a veth pair into a host bridge, NAT to the outside');
    case 'other': return net.rawMode;
  }
}

/**
 * What a network row explains. A task's gateway leg is not the container's network mode (the
 * bridge mode's words, "the default", "reachable through published ports", are false of it);
 * an overlay attachment has no host bridge: its bridge is br0 in the overlay's own namespace.
 */
function networkTopics(c: ContainerAnatomy, n: NetworkAttachment, driver: string | undefined): TooltipSpec['topics'] {
  if (n.swarmGateway) return [{ topic: 'swarm.gwbridge' }, { topic: 'net.bridge' }];
  // An internal network has no way out: the bridge mode's "out through NAT, in through published ports" is false of it.
  if (n.internal) return [{ topic: 'net.internal' }, { topic: 'net.bridge' }];
  const mode = modeTopic(c, driver ? `net.mode.${driver}` : 'net.mode.bridge');
  // Docker's built-in host and none networks have no bridge: the bridge's text would be false of them.
  if (c.network.mode === 'host' || c.network.mode === 'none') return [mode];
  return [mode, { topic: driver === 'overlay' ? 'swarm.overlay' : 'net.bridge' }];
}

function networkRow(c: ContainerAnatomy, n: NetworkAttachment, t: Translate): Row {
  const ip = ipWithPrefix(n);
  const bridge = text(n.bridge);
  const veth = isFact(n.hostVeth) ? n.hostVeth.value.name : undefined;
  // On the host's stack a container has none of these of its own (it uses the host's), as its detail rows say.
  const onHost = c.network.mode === 'host';
  const none = onHost ? t('none of its own') : t('none');
  const parts = [ip ?? (onHost ? t('no IP of its own') : t('no IP')), bridge, veth].filter((p): p is string => !!p);
  const facts = [
    { label: t('Driver'), value: text(n.driver) ?? t('unavailable') },
    { label: t('IP'), value: ip ?? none },
    { label: t('Gateway'), value: text(n.gateway) ?? none },
    { label: t('MAC'), value: text(n.macAddress) ?? none },
    { label: t('Bridge'), value: bridge ?? none },
    { label: t('Host veth'), value: veth ?? none },
  ];
  const notes = reasons([n.bridge, n.ipAddress, n.hostVeth, n.containerInterface]);
  const driver = text(n.driver);
  return {
    id: `c:${c.id}/net/${n.name}`,
    kind: 'network',
    label: n.name,
    description: parts.join(' · '),
    contextValue: 'network',
    icon: { id: 'globe' },
    children: { kind: 'network', name: n.name },
    containerId: c.id,
    value: ip,
    tooltip: tooltip(`${n.name} · ${c.name}`, networkTopics(c, n, driver), facts, [...new Set(notes)]),
  };
}

function portsRow(c: ContainerAnatomy, t: Translate): Row {
  const ports = c.network.ports;
  const description = ports.length ? ports.map(portText).join(', ') : c.network.exposedOnly.length ? t('none published; exposed: {0}', c.network.exposedOnly.join(', ')) : t('none');
  return {
    id: `c:${c.id}/ports`,
    kind: 'ports',
    label: t('published ports'),
    description,
    contextValue: 'value',
    icon: { id: 'plug' },
    children: ports.length ? { kind: 'ports' } : undefined,
    containerId: c.id,
    value: description,
    tooltip: tooltip(t('published ports'), [{ topic: portsTopic(ports) }, { topic: 'net.nat' }], ports.map((p) => ({ label: `${p.containerPort}/${p.protocol}`, value: `${p.hostIp || '0.0.0.0'}:${p.hostPort}` }))),
  };
}

export function networkRows(c: ContainerAnatomy, t: Translate): Row[] {
  const rows: Row[] = [];
  const net = c.network;
  if (net.mode !== 'bridge' || !net.networks.length) {
    rows.push({
      id: `c:${c.id}/net/mode`,
      kind: 'value',
      label: t('mode'),
      description: net.mode === 'container' ? `${networkModeLabel(c, t)} · ${modeText(c, t)}` : `${net.rawMode || net.mode} · ${modeText(c, t)}`,
      contextValue: 'value',
      icon: { id: 'info' },
      containerId: c.id,
      value: net.rawMode || net.mode,
      tooltip: tooltip(`${t('mode')} · ${c.name}`, [modeTopic(c, `net.mode.${net.mode}`)], [{ label: t('Docker setting'), value: `NetworkMode: ${net.mode === 'container' ? `container:${donorLabel(c)}` : net.rawMode}` }]),
    });
  }
  for (const n of net.networks) rows.push(networkRow(c, n, t));
  if (net.mode !== 'host' && net.mode !== 'none' && net.mode !== 'container') rows.push(portsRow(c, t));
  return rows;
}

/** Host-side parts an overlay attachment does not have: its bridge, gateway and veth peer live in the overlay's own namespace. */
const NOT_ON_HOST_FOR_OVERLAY = new Set(['bridge', 'gateway', 'veth']);

/**
 * What a detail row shows when its value is missing. A container with no process has no
 * address, interface or veth: "none", as its network row says ("no IP"), the reason in the
 * tooltip; "unavailable" would read as a failed read. Nor has one on the host's network stack
 * (its own part is the host's) or on none. Only a running container's failed read is
 * "unavailable".
 */
function missingText(c: ContainerAnatomy, n: NetworkAttachment, key: string, m: Maybe<unknown>, t: Translate): string {
  if (n.overlay && NOT_ON_HOST_FOR_OVERLAY.has(key)) return t('none on the host');
  if (c.network.mode === 'host') return t('none of its own');
  if (c.network.mode !== 'none' && isUnavailable(m) && hasProcess(c.state)) return t('unavailable');
  return t('none');
}

/** Topics whose text speaks of a thing that exists, and what to say instead while the container has no process. */
const WHILE_STOPPED: Record<string, string> = { 'net.ip': 'net.ip.stopped', 'net.veth.container': 'net.veth.stopped', 'net.veth.host': 'net.veth.stopped' };

/**
 * The explanation true of a detail row: an address or veth that is not there now gets the
 * text that says when it is (not how to reach or tcpdump it), or the network mode that has
 * none of its own; an overlay attachment's bridge, gateway and veth, which live in the
 * overlay's namespace, get that namespace's.
 */
function detailTopic(c: ContainerAnatomy, n: NetworkAttachment, key: string, shown: string | undefined, topic: string): string {
  // An overlay interface's peer is a port of br0 in the overlay's namespace, not on the host.
  if (n.overlay && key === 'eth') return 'swarm.overlay';
  if (shown !== undefined) return topic;
  if (n.overlay && NOT_ON_HOST_FOR_OVERLAY.has(key)) return 'swarm.overlay';
  // On the host's stack or on none there is no bridge, subnet, address or veth of its own (not
  // even after a start): the mode says why, where the bridge's or subnet's text would be false.
  if (c.network.mode === 'host' || c.network.mode === 'none') return `net.mode.${c.network.mode}`;
  return hasProcess(c.state) ? topic : (WHILE_STOPPED[topic] ?? topic);
}

function detail(c: ContainerAnatomy, n: NetworkAttachment, key: string, label: string, m: Maybe<unknown>, shown: string | undefined, topic: string, t: Translate): Row {
  const missing = missingText(c, n, key, m, t);
  topic = detailTopic(c, n, key, shown, topic);
  return {
    id: `c:${c.id}/net/${n.name}/${key}`,
    kind: 'value',
    label,
    description: shown ?? missing,
    contextValue: 'value',
    containerId: c.id,
    value: shown,
    tooltip: tooltip(`${label} · ${n.name}`, [{ topic }], isFact(m) ? [{ label: t('Source'), value: sourceWord(m.source, t) }] : [], isUnavailable(m) ? [m.unavailable] : []),
  };
}

/**
 * The gateway, and whether the container's default route goes through it: of several
 * networks only one carries it (read from /proc/PID/net/route).
 */
function gatewayRow(c: ContainerAnatomy, n: NetworkAttachment, t: Translate): Row {
  const row = detail(c, n, 'gateway', t('gateway'), n.gateway, text(n.gateway), 'net.gateway', t);
  const role = routeRole(c.network, n);
  if (!role) return row;
  const via = (r: { iface: string; gateway: string | null }): string => (r.gateway ? t('{0} via {1}', r.iface, r.gateway) : r.iface);
  let value: string;
  if (role.kind === 'this') {
    value = t('through this network ({0})', via(role));
    if (row.description && row.value !== undefined) row.description = `${row.description} · ${t('default route')}`;
  } else if (role.kind === 'other') value = role.network ? t('not this network: it leaves by {0}, network {1}', via(role), role.network) : t('not this network: it leaves by {0}', via(role));
  else if (role.kind === 'none') value = t('none: this container has no default route');
  else value = t('unavailable');
  // After the gateway's own source (the engine): this line is the kernel's, and says from where.
  const file = isFact(c.pid) && role.kind !== 'unknown' ? ` · /proc/${c.pid.value}/net/route` : '';
  row.tooltip.facts.push({ label: t('Default route'), value: value + file });
  if (role.kind === 'unknown') row.tooltip.notes.push(role.reason);
  return row;
}

export function networkDetailRows(c: ContainerAnatomy, name: string, t: Translate): Row[] {
  const n = c.network.networks.find((x) => x.name === name);
  if (!n) return [messageRow(`c:${c.id}/net/${name}/gone`, c.id, t('no longer attached'), name, t)];
  const veth = isFact(n.hostVeth) ? `${n.hostVeth.value.name} (ifindex ${n.hostVeth.value.ifindex})${n.hostVeth.value.master ? ` → ${n.hostVeth.value.master}` : ''}` : undefined;
  const inside = isFact(n.containerInterface)
    ? `${n.containerInterface.value.name} (ifindex ${n.containerInterface.value.ifindex}${n.containerInterface.value.iflink !== null ? `, iflink ${n.containerInterface.value.iflink}` : ''})`
    : undefined;
  const rows = [
    detail(c, n, 'bridge', t('bridge'), n.bridge, text(n.bridge), 'net.bridge', t),
    detail(c, n, 'ip', t('IP'), n.ipAddress, ipWithPrefix(n), 'net.ip', t),
    detail(c, n, 'subnet', t('subnet'), n.subnet, text(n.subnet), 'net.subnet', t),
    gatewayRow(c, n, t),
    detail(c, n, 'mac', t('MAC'), n.macAddress, text(n.macAddress), 'net.mac', t),
    detail(c, n, 'eth', t('container interface'), n.containerInterface, inside, 'net.veth.container', t),
    detail(c, n, 'veth', t('host veth'), n.hostVeth, veth, 'net.veth.host', t),
  ];
  if (text(n.ipv6Address)) rows.push(detail(c, n, 'ipv6', t('IPv6'), n.ipv6Address, text(n.ipv6Address), 'net.ipv6', t));
  rows.push(...overlayDetailRows(n, (key, label, m, shown, topic) => detail(c, n, key, label, m, shown, topic, t), t));
  if (n.aliases.length) rows.push(detail(c, n, 'aliases', t('DNS aliases'), { value: n.aliases, source: 'engine' }, n.aliases.join(', '), 'net.dns', t));
  return rows;
}

export function portDetailRows(c: ContainerAnatomy, t: Translate): Row[] {
  return c.network.ports.map((p, i) => ({
    id: `c:${c.id}/ports/${i}`,
    kind: 'value' as const,
    label: `${p.containerPort}/${p.protocol}`,
    description: portText(p),
    contextValue: 'value',
    containerId: c.id,
    value: `${p.hostIp || '0.0.0.0'}:${p.hostPort}`,
    tooltip: tooltip(portText(p), [{ topic: portsTopic([p]) }, { topic: 'net.nat' }], [{ label: t('Host address'), value: `${p.hostIp || '0.0.0.0'}:${p.hostPort}` }]),
  }));
}
