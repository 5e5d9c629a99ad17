/**
 * What a Swarm manager says of the whole swarm: services, their tasks, and the node each task
 * runs on. /info.Swarm tells whether the engine is in a swarm (LocalNodeState "active") and
 * whether it is a manager (ControlAvailable); only a manager answers /services, /tasks and
 * /nodes. A task's container is this engine's when the task's node is this engine's node.
 */
import type { Engine } from '../engine/connection';
import { fact, isFact, unavailable, type Maybe } from '../model';
import { readTextSync } from '../procfs/files';
import type { SwarmAnatomy, SwarmService, SwarmTask } from './types';
import { compareNames } from '../order';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw Engine API JSON */

/** The engine's part in a swarm from /info; null when it is in none. */
export function swarmState(info: any): Omit<SwarmAnatomy, 'services' | 'ipvs'> | null {
  const s = info?.Swarm;
  const state = String(s?.LocalNodeState ?? '');
  if (!s || state === '' || state === 'inactive') return null;
  return { nodeState: state, manager: s.ControlAvailable === true, nodeId: String(s.NodeID ?? ''), nodeAddr: String(s.NodeAddr ?? '') };
}

/** Services with their tasks, joined from the three lists a manager answers. */
export function joinSwarm(services: any[], tasks: any[], nodes: any[], networks: any[], thisNode: string): SwarmService[] {
  const hostnames = new Map<string, string>(nodes.map((n) => [String(n.ID), String(n.Description?.Hostname ?? '')]));
  const netNames = new Map<string, string>(networks.map((n) => [String(n.Id), String(n.Name)]));
  const taskOf = (t: any): SwarmTask => ({
    id: String(t.ID),
    slot: Number.isInteger(t.Slot) && t.Slot > 0 ? t.Slot : null,
    nodeId: String(t.NodeID ?? ''),
    node: hostnames.get(String(t.NodeID)) || null,
    state: String(t.Status?.State ?? ''),
    desiredState: String(t.DesiredState ?? ''),
    message: String(t.Status?.Message ?? ''),
    error: t.Status?.Err ? String(t.Status.Err) : null,
    containerId: t.Status?.ContainerStatus?.ContainerID ? String(t.Status.ContainerStatus.ContainerID) : null,
    onThisEngine: !!thisNode && t.NodeID === thisNode,
    addresses: (t.NetworksAttachments ?? []).map((a: any) => ({
      network: String(a.Network?.Spec?.Name ?? a.Network?.ID ?? ''),
      addresses: (a.Addresses ?? []).map(String),
    })),
  });
  const out = services.map((s): SwarmService => {
    const mode = s.Spec?.Mode ?? {};
    const modeName = Object.keys(mode)[0] ?? '';
    return {
      id: String(s.ID),
      name: String(s.Spec?.Name ?? s.ID),
      image: String(s.Spec?.TaskTemplate?.ContainerSpec?.Image ?? '').replace(/@sha256:[0-9a-f]+$/, ''),
      mode: modeName.toLowerCase(),
      replicas: Number.isInteger(mode.Replicated?.Replicas) ? mode.Replicated.Replicas : null,
      endpointMode: String(s.Endpoint?.Spec?.Mode ?? s.Spec?.EndpointSpec?.Mode ?? 'vip'),
      virtualIps: (s.Endpoint?.VirtualIPs ?? []).map((v: any) => ({ networkId: String(v.NetworkID), network: netNames.get(String(v.NetworkID)) ?? null, address: String(v.Addr) })),
      ports: (s.Endpoint?.Ports ?? []).map((p: any) => ({
        protocol: String(p.Protocol ?? 'tcp'),
        targetPort: Number(p.TargetPort),
        publishedPort: Number.isInteger(p.PublishedPort) ? p.PublishedPort : null,
        publishMode: String(p.PublishMode ?? 'ingress'),
      })),
      tasks: tasks
        .filter((t) => t.ServiceID === s.ID)
        .map(taskOf)
        .sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0) || compareNames(a.nodeId, b.nodeId) || compareNames(a.id, b.id)),
    };
  });
  return out.sort((a, b) => compareNames(a.name, b.name));
}

/** IPVS in this machine's kernel: /proc/net/ip_vs exists only while the ip_vs module is in. */
export function readIpvs(procRoot: string, notLocal: string | null): Maybe<boolean> {
  if (notLocal) return unavailable(notLocal);
  const r = readTextSync(`${procRoot}/net/ip_vs`);
  if (r.ok) return fact(true, 'procfs');
  return r.code === 'ENOENT' ? fact(false, 'procfs') : unavailable(r.reason);
}

/** The swarm as this engine sees it; undefined when it is in none. */
export async function readSwarm(engine: Engine, info: any, networks: Map<string, any>, procRoot: string, notLocal: string | null): Promise<SwarmAnatomy | undefined> {
  const state = swarmState(info);
  if (!state) return undefined;
  const ipvs = readIpvs(procRoot, notLocal);
  if (!state.manager) {
    return { ...state, services: unavailable(`this engine is a Swarm ${state.nodeState === 'active' ? 'worker' : `node in state ${state.nodeState}`}: only a manager lists services and tasks`), ipvs };
  }
  try {
    const [services, tasks, nodes] = await Promise.all([engine.swarmList('services'), engine.swarmList('tasks'), engine.swarmList('nodes')]);
    return { ...state, services: fact(joinSwarm(services, tasks, nodes, [...networks.values()], state.nodeId), 'engine'), ipvs };
  } catch (err) {
    return { ...state, services: unavailable(`the manager did not list its services: ${err instanceof Error ? err.message : String(err)}`), ipvs };
  }
}

/** The explanation that is true of a VIP row: balanced by IPVS, not balanced (no IPVS here), or not known. */
export function vipTopic(ipvs: Maybe<boolean>): string {
  return isFact(ipvs) ? (ipvs.value ? 'swarm.vip.ipvs' : 'swarm.vip.noIpvs') : 'swarm.vip';
}
