/**
 * Podman's Docker-compatible service, read into the same model as dockerd. What it answers
 * differently (measured on Podman 4.3 with netavark):
 * - the compat network list has no bridge name (netavark's `podman0`, or the network's
 *   `network_interface`): only GET /libpod/networks/json has it;
 * - the default network is "podman" to Podman and "bridge" in the compat list;
 * - an endpoint's NetworkID is the network's name, not its id;
 * - a container in another's network namespace (`container:<id>`) lists the donor's
 *   attachment as its own, where Docker lists none;
 * - modes read `bridge`, `private`, `shareable` where Docker leaves most of them empty; they
 *   mean what Docker's defaults mean (a namespace of its own), so they are kept as stored.
 * The rest (conmon as the init's parent, cgroups under /libpod_parent/libpod-<id>, every
 * container's eth0 being ifindex 2) needs no change: those are read from the kernel by
 * the container's own PID and network namespace, as for Docker.
 */
import type { Engine } from '../engine/connection';
import type { HostContext, RawInspect, RawNetwork } from './context';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw Engine API JSON */

/** Set on a compat network whose bridge name could not be learnt: why (bridgeName() is then null). */
export const BRIDGE_UNKNOWN = 'ContainerAnatomyBridgeUnknown';

/** Set on a network whose bridge exists only while a container is attached (netavark's). */
export const BRIDGE_ON_DEMAND = 'ContainerAnatomyBridgeOnDemand';

/**
 * The compat network list with each network's name and bridge taken from Podman's own list
 * (by id): the bridge as Docker's `com.docker.network.bridge.name` option, so the same code
 * reads it. When the libpod list cannot be read, the bridge is marked unknown, never guessed.
 */
export async function podmanNetworks(engine: Engine, compat: RawNetwork[]): Promise<RawNetwork[]> {
  let libpod: any[] | string;
  try {
    libpod = await engine.listLibpodNetworks();
    if (!Array.isArray(libpod)) libpod = 'its answer is not a list';
  } catch (err) {
    libpod = err instanceof Error ? err.message : String(err);
  }
  return compat.map((n) => {
    const own = typeof libpod === 'string' ? undefined : libpod.find((l) => l?.id === n.Id);
    if (typeof libpod === 'string' || !own) {
      const why = typeof libpod === 'string'
        ? `Podman names a network's bridge only in GET /libpod/networks/json, which could not be read: ${libpod}`
        : `network ${String(n.Name)} is missing from Podman's own network list (GET /libpod/networks/json), which names its bridge`;
      return n.Driver === 'bridge' ? { ...n, [BRIDGE_UNKNOWN]: why } : n;
    }
    const bridge = own.driver === 'bridge' && own.network_interface ? { 'com.docker.network.bridge.name': String(own.network_interface) } : {};
    const unknown = own.driver === 'bridge' && !own.network_interface ? { [BRIDGE_UNKNOWN]: `Podman's network list gives no interface name for network ${String(own.name)}` } : {};
    return { ...n, Name: own.name ?? n.Name, Options: { ...(n.Options ?? {}), ...bridge }, ...unknown, [BRIDGE_ON_DEMAND]: true };
  });
}

/**
 * A Podman container's inspect (or container list entry), shaped as dockerd's: endpoint
 * NetworkIDs as network ids, and no attachments of its own when it joined another
 * container's network namespace (only an inspect says so: the list has no HostConfig).
 */
export function normalisePodmanInspect(raw: RawInspect, networks: HostContext['networks']): RawInspect {
  const mode = String(raw.HostConfig?.NetworkMode ?? '');
  const eps: Record<string, any> = raw.NetworkSettings?.Networks ?? {};
  const byName = new Map<string, RawNetwork>([...networks.values()].map((n) => [String(n.Name), n]));
  const shaped = mode.startsWith('container:')
    ? {}
    : Object.fromEntries(Object.entries(eps).map(([name, ep]) => {
      const id = networks.has(ep?.NetworkID) ? ep.NetworkID : byName.get(name)?.Id;
      return [name, { ...ep, NetworkID: id ?? '' }];
    }));
  return { ...raw, NetworkSettings: { ...(raw.NetworkSettings ?? {}), Networks: shaped } };
}
