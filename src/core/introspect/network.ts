/**
 * A container's place on the network: its mode, ports, and per attachment the engine's
 * addresses joined with the kernel's interfaces on both sides of the veth pair.
 */
import { fact, isFact, isUnavailable, unavailable, valueOf, type ContainerState, type Maybe, type NetworkAnatomy, type NetworkAttachment, type NetworkModeKind, type PortBinding } from '../model';
import { readDefaultRoute } from '../procfs/addresses';
import { findHostVeth, readContainerLinks, type ContainerLink } from '../procfs/net';
import { defaultGateway, gatewayEndpoint, GWBRIDGE, nsenterLinks, readOverlayLeg } from '../swarm/overlay';
import { notRunningReason, shareTarget, type HostContext, type RawInspect, type RawNetwork } from './context';
import { BRIDGE_UNKNOWN } from './podman';
import { compareNames } from '../order';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw Engine API JSON */

export function bridgeName(net: RawNetwork | undefined): string | null {
  if (!net || net.Driver !== 'bridge' || net[BRIDGE_UNKNOWN]) return null;
  const opt = net.Options?.['com.docker.network.bridge.name'];
  if (opt) return opt;
  if (net.Name === 'bridge') return 'docker0';
  return `br-${String(net.Id).slice(0, 12)}`;
}

/** Docker's NAT for a network, from its settings: bridges masquerade unless told not to. */
function masqueradeOf(net: RawNetwork | undefined): Maybe<boolean> {
  if (!net) return unavailable('the network is not in the engine\'s network list');
  if (net.Driver !== 'bridge') return fact(false, 'engine');
  const opt = net.Options?.['com.docker.network.bridge.enable_ip_masquerade'];
  return fact(!net.Internal && opt !== 'false', 'engine');
}

export function firstIpamConfig(net: RawNetwork | undefined): { Subnet?: string; Gateway?: string } {
  const cfgs: any[] = net?.IPAM?.Config ?? [];
  return cfgs.find((c) => c.Subnet && !String(c.Subnet).includes(':')) ?? cfgs[0] ?? {};
}

function portsOf(raw: RawInspect): { ports: PortBinding[]; exposedOnly: string[] } {
  const ports: PortBinding[] = [];
  const published = new Set<string>();
  for (const [key, bindings] of Object.entries<any>(raw.NetworkSettings?.Ports ?? {})) {
    const [port, protocol = 'tcp'] = key.split('/');
    if (!Array.isArray(bindings) || bindings.length === 0) continue;
    published.add(key);
    for (const b of bindings) {
      ports.push({ containerPort: Number(port), protocol, hostIp: String(b.HostIp ?? ''), hostPort: Number(b.HostPort) });
    }
  }
  const exposedOnly = Object.keys(raw.Config?.ExposedPorts ?? {}).filter((k) => !published.has(k)).sort();
  return { ports, exposedOnly };
}

function modeKind(rawMode: string, drivers: string[]): NetworkModeKind {
  if (rawMode === 'host') return 'host';
  if (rawMode === 'none') return 'none';
  if (rawMode.startsWith('container:')) return 'container';
  for (const d of ['macvlan', 'ipvlan', 'overlay', 'bridge'] as const) if (drivers.includes(d)) return d;
  if (rawMode === 'default' || rawMode === 'bridge') return 'bridge';
  return drivers.length ? 'other' : 'bridge';
}

/** Which of the container's interfaces carries this attachment: by MAC, then by IPv4 address. */
/**
 * The address a bridge network's containers route through: the network's IPAM gateway, else
 * its bridge's own address on the host (the bridge driver makes the bridge the gateway; the
 * default network's IPAM names none when the engine took docker0's address as it found it).
 */
function networkGateway(ctx: HostContext, ipam: { Gateway?: string }, bridge: string | null): string | null {
  if (ipam.Gateway) return ipam.Gateway;
  if (bridge === null) return null;
  return valueOf(ctx.host.bridges, []).find((b) => b.name === bridge)?.gateway ?? null;
}

function linkFor(links: ContainerLink[], mac: string, ip: string): ContainerLink | undefined {
  return (mac ? links.find((l) => l.mac?.toLowerCase() === mac.toLowerCase()) : undefined) ?? (ip ? links.find((l) => l.ipv4.includes(ip)) : undefined);
}

/**
 * The engine's network of an endpoint: by its id, else by its name (a container that never
 * started has an endpoint with an empty NetworkID, but its network exists all the same).
 */
function networkFor(ctx: HostContext, name: string, ep: { NetworkID: string }): RawNetwork | undefined {
  return ctx.networks.get(ep.NetworkID) ?? [...ctx.networks.values()].find((n: RawNetwork) => n?.Name === name);
}

/**
 * The container's networking. Everything but an overlay network's leg is read at once (the
 * kernel's files are read synchronously, see procfs/files.ts); `overlays`, when there is one,
 * fills in each overlay attachment's `overlay` (a command run in the overlay's namespace).
 */
export function networkOf(raw: RawInspect, pid: number | null, state: ContainerState, ctx: HostContext): { network: NetworkAnatomy; overlays: Promise<void> | null } {
  const rawMode = String(raw.HostConfig?.NetworkMode ?? '');
  const attached = Object.entries<any>(raw.NetworkSettings?.Networks ?? {});
  const gateway = gatewayEndpoint(raw, ctx.networks);
  // The engine names the gateway in the network's IPAM only when it was given one.
  if (gateway) attached.push([gateway.endpoint[0], { ...gateway.endpoint[1], Gateway: firstIpamConfig(gateway.net).Gateway ?? '' }]);
  const drivers = attached.map(([name, ep]) => networkFor(ctx, name, ep)?.Driver).filter(Boolean);
  const mode = modeKind(rawMode, drivers);
  const { ports, exposedOnly } = portsOf(raw);

  let links: Maybe<ContainerLink[]>;
  if (ctx.notLocal) links = unavailable(ctx.notLocal);
  else if (pid === null) links = unavailable(notRunningReason(state, 'network interface'));
  else if (mode === 'host') links = unavailable('the container uses the host network namespace: it has no interface of its own');
  else if (mode === 'none') links = unavailable('no network interface: network none gives the container only the loopback interface lo');
  // The interfaces are only looked at for an attachment (a container: or none mode has none to match).
  else if (attached.length === 0) links = unavailable('the container has no network attachment of its own');
  else links = readContainerLinks(ctx.roots.procRoot, pid, attached.map(([, ep]) => String(ep.MacAddress ?? '')));

  const networks: NetworkAttachment[] = attached.map(([name, ep]) => {
    const net = networkFor(ctx, name, ep);
    const ipam = firstIpamConfig(net);
    const bridge = bridgeName(net);
    const driver = net?.Driver ? fact(String(net.Driver), 'engine') : unavailable(`network ${name} is not in the engine's network list`);
    const str = (v: unknown, what: string): Maybe<string> =>
      v ? fact(String(v), 'engine') : unavailable(mode === 'host' ? `no ${what}: the container uses the host's network stack` : mode === 'none' ? `no ${what}: network none gives the container only the loopback interface lo` : pid === null ? `no ${what} while the container is ${state}: addresses are assigned when it starts` : `the engine reports no ${what} for this network`);
    const ipAddress = str(ep.IPAddress, 'IP address');
    const mac = String(ep.MacAddress ?? '');
    let containerInterface: NetworkAttachment['containerInterface'];
    let hostVeth: NetworkAttachment['hostVeth'];
    if (isUnavailable(links)) {
      containerInterface = links;
      hostVeth = links;
    } else {
      const link = linkFor(links.value, mac, String(ep.IPAddress ?? ''));
      if (!link) {
        containerInterface = unavailable(`no interface inside the container carries ${mac || ep.IPAddress || 'this network'}`);
        hostVeth = containerInterface;
      } else {
        if (bridge === null && !net?.[BRIDGE_UNKNOWN]) {
          hostVeth = unavailable(
            net?.Driver === 'macvlan' || net?.Driver === 'ipvlan'
              ? `a ${net.Driver} interface hangs directly off a host NIC${link.iflink !== null ? ` (ifindex ${link.iflink})` : ''}; there is no veth pair and no bridge`
              : `the ${net?.Driver ?? 'unknown'} driver does not put a veth into this machine's network namespace`,
          );
        } else {
          hostVeth = isFact(ctx.hostLinks) ? findHostVeth(link, ctx.hostLinks.value, bridge) : ctx.hostLinks;
        }
        // Without root the container's own sysfs is out of reach and iflink is unknown; the
        // host veth found by its iflink pointing at this ifindex pins it down.
        const iflink = link.iflink ?? (isFact(hostVeth) ? hostVeth.value.ifindex : null);
        containerInterface = fact({ name: link.name, ifindex: link.ifindex, iflink }, 'procfs');
      }
    }
    const ipv6: Maybe<string | null> = fact(ep.GlobalIPv6Address ? String(ep.GlobalIPv6Address) : null, 'engine');
    const routesThrough = networkGateway(ctx, ipam, bridge);
    return {
      name,
      networkId: String(ep.NetworkID ?? ''),
      driver,
      bridge: bridge ? fact(bridge, 'engine') : unavailable(net?.[BRIDGE_UNKNOWN] ? String(net[BRIDGE_UNKNOWN]) : net?.Driver ? `the ${net.Driver} driver uses no Linux bridge` : `network ${name} is unknown to the engine`),
      subnet: ipam.Subnet ? fact(ipam.Subnet, 'engine') : unavailable(`network ${name} has no IPv4 subnet`),
      ipAddress,
      prefixLength: ep.IPPrefixLen ? fact(Number(ep.IPPrefixLen), 'engine') : unavailable(`no prefix length without an address`),
      // Stopped: no address of its own, but the network's gateway is there already. On an internal
      // network nothing is said: with another network beside it, Docker routes through that one.
      gateway: !ep.Gateway && pid === null && mode !== 'host' && !net?.Internal && routesThrough
        ? unavailable(`no gateway while the container is ${state}: it has no interface until it starts, then it routes through ${routesThrough}, network ${name}'s gateway`)
        : str(ep.Gateway, 'gateway'),
      macAddress: str(ep.MacAddress, 'MAC address'),
      ipv6Address: ipv6,
      containerInterface,
      hostVeth,
      masquerade: masqueradeOf(net),
      ...(net?.Internal ? { internal: true as const } : {}),
      aliases: Array.isArray(ep.Aliases) ? ep.Aliases.map(String) : [],
      ...(name === GWBRIDGE && gateway ? { swarmGateway: true } : {}),
    };
  });
  // The default route says which attachment's gateway the container really leaves by.
  const defaultRoute = pid !== null && !ctx.notLocal && isFact(links) ? readDefaultRoute(ctx.roots.procRoot, pid) : undefined;
  const gw = networks.find((n) => n.swarmGateway);
  if (gw && defaultRoute && !isFact(gw.gateway) && isFact(gw.containerInterface)) {
    const route = defaultGateway(defaultRoute, gw.containerInterface.value.name);
    if (isFact(route)) gw.gateway = route;
  }
  const legs = pid === null ? [] : networks.filter((n) => valueOf(n.driver) === 'overlay');
  const overlays = legs.length === 0 ? null : (async () => {
    for (const n of legs) {
      const notLocal = ctx.notLocal ?? (ctx.reader ? 'the kernel is read through the helper container, which cannot enter the overlay\'s namespace: no process lives in it, only its file under the engine\'s exec root, which the helper does not mount' : null);
      const net = ctx.networks.get(n.networkId) ?? networkFor(ctx, n.name, { NetworkID: n.networkId });
      n.overlay = await readOverlayLeg({ net, networkId: String(net?.Id ?? n.networkId), sandboxKey: String(raw.NetworkSettings?.SandboxKey ?? ''), iface: n.containerInterface, notLocal, readLinks: ctx.overlayLinks ?? nsenterLinks() });
    }
  })();
  // Awaited by the caller, which may meanwhile fail on something else: never unhandled.
  overlays?.catch(() => undefined);
  networks.sort((a, b) => compareNames(a.name, b.name));
  const sharesWith = shareTarget(rawMode, ctx.names);
  return { network: { mode, rawMode, ...(sharesWith ? { sharesWith } : {}), networks, ports, exposedOnly, ...(defaultRoute ? { defaultRoute } : {}) }, overlays };
}

