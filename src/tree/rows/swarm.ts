/**
 * Swarm rows: on a manager, a "Swarm services" group at the top of the containers listing,
 * services under it, and under each service its VIPs, published ports and tasks. A task whose
 * container is on this engine points at that container (its anatomy is under its own row);
 * a task elsewhere says which node and what the manager knows. Also the overlay leg's rows
 * under an overlay network of a task container.
 */
import { isFact, isUnavailable, type ContainerAnatomy, type Maybe, type NetworkAttachment, type Snapshot } from '../../core/model';
import { vipTopic } from '../../core/swarm/cluster';
import type { SwarmAnatomy, SwarmService, SwarmTask } from '../../core/swarm/types';
import { stateIcon } from './containers';
import { tooltip, type Row, type Translate } from './types';

/** The command a task row runs when its container is here (src/commands/show-topology.ts). */
const SHOW_TOPOLOGY = 'containerAnatomy.topology.show';

/** The group row, when the engine is a Swarm manager; none otherwise. */
export function swarmRootRows(snapshot: Snapshot, t: Translate): Row[] {
  const s = snapshot.swarm;
  if (!s?.manager) return [];
  const services = isFact(s.services) ? s.services.value : [];
  const label = t('Swarm services');
  return [{
    id: 'swarm:services',
    kind: 'group',
    label,
    description: isFact(s.services) ? (services.length === 1 ? t('1 service · this engine is a manager') : t('{0} services · this engine is a manager', services.length)) : t('unavailable'),
    contextValue: 'swarmServices',
    icon: { id: 'server-environment' },
    children: { kind: 'swarm' },
    tooltip: tooltip(label, [{ topic: 'docker.swarm' }, { topic: 'swarm.service' }], [
      { label: t('Node'), value: `${s.nodeId} (${s.nodeAddr})` },
      { label: t('State'), value: s.nodeState },
    ], isUnavailable(s.services) ? [s.services.unavailable] : []),
  }];
}

export function serviceRows(snapshot: Snapshot, t: Translate): Row[] {
  const s = snapshot.swarm;
  if (!s) return [];
  if (isUnavailable(s.services)) return [{ id: 'swarm:services/why', kind: 'message', label: s.services.unavailable, contextValue: 'message', icon: { id: 'info' }, tooltip: tooltip(s.services.unavailable) }];
  return s.services.value.map((svc) => serviceRow(svc, t));
}

function serviceRow(svc: SwarmService, t: Translate): Row {
  const running = svc.tasks.filter((x) => x.state === 'running').length;
  const wanted = svc.replicas !== null ? t('{0}/{1} running', running, svc.replicas) : t('{0} running', running);
  return {
    id: `swarm:s:${svc.id}`,
    kind: 'group',
    label: svc.name,
    description: `${svc.mode} · ${wanted} · ${svc.image}`,
    contextValue: 'swarmService',
    icon: { id: 'layers' },
    children: { kind: 'service', id: svc.id },
    value: svc.id,
    tooltip: tooltip(svc.name, [{ topic: 'swarm.service' }], [
      { label: t('ID'), value: svc.id },
      { label: t('Image'), value: svc.image },
      { label: t('Mode'), value: svc.replicas !== null ? `${svc.mode} (${svc.replicas})` : svc.mode },
      { label: t('Endpoint mode'), value: svc.endpointMode },
    ]),
  };
}

export function serviceChildRows(snapshot: Snapshot, serviceId: string, t: Translate): Row[] {
  const s = snapshot.swarm;
  const svc = s && isFact(s.services) ? s.services.value.find((x) => x.id === serviceId) : undefined;
  if (!s || !svc) return [];
  const vips = svc.virtualIps.map((v): Row => ({
    id: `swarm:s:${svc.id}/vip/${v.networkId}`,
    kind: 'value',
    label: t('VIP'),
    description: `${v.address} · ${v.network ?? v.networkId.slice(0, 12)}${isFact(s.ipvs) && !s.ipvs.value ? ` · ${t('not balanced: no IPVS in this kernel')}` : ''}`,
    contextValue: 'value',
    icon: { id: 'target' },
    value: v.address,
    tooltip: tooltip(`${t('VIP')} · ${svc.name}`, [{ topic: vipTopic(s.ipvs) }], [{ label: t('Network'), value: v.network ?? v.networkId }], isUnavailable(s.ipvs) ? [s.ipvs.unavailable] : []),
  }));
  const ports = svc.ports.map((p, i): Row => {
    const shown = `${p.publishedPort ?? '?'} → ${p.targetPort}/${p.protocol} (${p.publishMode})`;
    return {
      id: `swarm:s:${svc.id}/port/${i}`,
      kind: 'value',
      label: t('published port'),
      description: shown,
      contextValue: 'value',
      icon: { id: 'plug' },
      value: shown,
      tooltip: tooltip(shown, [{ topic: p.publishMode === 'ingress' ? 'swarm.ingress' : 'net.ports' }]),
    };
  });
  return [...vips, ...ports, ...svc.tasks.map((task) => taskRow(snapshot, s, svc, task, t))];
}

function taskRow(snapshot: Snapshot, s: SwarmAnatomy, svc: SwarmService, task: SwarmTask, t: Translate): Row {
  const c: ContainerAnatomy | undefined = task.onThisEngine && task.containerId ? snapshot.containers.find((x) => x.id === task.containerId) : undefined;
  const node = task.node ?? task.nodeId.slice(0, 12);
  const label = task.slot !== null ? `${svc.name}.${task.slot}` : `${svc.name}.${node}`;
  const where = task.onThisEngine ? t('on this engine') : t('on node {0}', node);
  const container = task.containerId ? task.containerId.slice(0, 12) : t('no container yet');
  const facts: Row['tooltip']['facts'] = [
    { label: t('Task'), value: task.id },
    { label: t('State'), value: `${task.state} (${t('desired')}: ${task.desiredState})` },
    { label: t('Node'), value: `${node}${task.onThisEngine ? ` (${t('this engine')})` : ''}` },
    { label: t('Container'), value: task.containerId ?? t('none') },
    ...task.addresses.map((a) => ({ label: a.network, value: a.addresses.join(', ') })),
  ];
  const notes = [task.error, task.onThisEngine && task.containerId && !c ? t('its container is not in the listing (stopped containers are hidden)') : null].filter((x): x is string => !!x);
  return {
    id: `swarm:t:${task.id}`,
    kind: 'value',
    label,
    description: `${task.state} · ${where} · ${container}`,
    contextValue: c ? 'swarmTask.here' : 'swarmTask',
    icon: task.state === 'running' ? stateIcon('running') : { id: 'vm-outline', color: 'disabledForeground' },
    ...(c ? { containerId: c.id, command: { id: SHOW_TOPOLOGY, args: [{ containerId: c.id }] } } : {}),
    value: task.containerId ?? task.id,
    tooltip: tooltip(label, [task.onThisEngine ? { topic: 'swarm.task' } : { topic: 'swarm.task.elsewhere', vars: { node } }, { topic: 'docker.swarm' }], facts, notes),
  };
}

type Detail = (key: string, label: string, m: Maybe<unknown>, shown: string | undefined, topic: string) => Row;

/** The overlay leg under an overlay network's row: its namespace, the interface's peer there and the vxlan device. */
export function overlayDetailRows(n: NetworkAttachment, detail: Detail, t: Translate): Row[] {
  const o = n.overlay;
  if (!o) return [];
  const peer = isFact(o.peer) ? `${o.peer.value.name} (ifindex ${o.peer.value.ifindex})${o.peer.value.master ? ` → ${o.peer.value.master}` : ''}` : undefined;
  const vx = isFact(o.vxlan) ? `${o.vxlan.value.name} · VNI ${o.vxlan.value.vni}${o.vxlan.value.dstPort !== null ? ` · UDP ${o.vxlan.value.dstPort}` : ''}` : undefined;
  return [
    detail('overlay-ns', t('overlay namespace'), o.namespace, isFact(o.namespace) ? o.namespace.value : undefined, 'swarm.overlay'),
    detail('overlay-peer', t('peer in the overlay namespace'), o.peer, peer, 'swarm.overlay'),
    detail('vni', t('VNI (engine)'), o.vni, isFact(o.vni) ? String(o.vni.value) : undefined, 'swarm.vxlan'),
    detail('vxlan', t('vxlan device'), o.vxlan, vx, 'swarm.vxlan'),
  ];
}
