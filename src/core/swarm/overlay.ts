/**
 * The two legs of a Swarm task's network, as the kernel has them.
 *
 * Overlay leg: the container's interface on an overlay network is one end of a veth pair
 * whose other end is not on the host but in the overlay's own network namespace, the file
 * <exec-root>/netns/1-<network id, 10 characters>. There it is a port of the bridge br0,
 * beside a vxlan device carrying the network's VNI. A network namespace's interfaces are
 * seen only from inside it (sysfs shows the namespace of whoever mounted it), so the
 * namespace is entered with util-linux nsenter and read with `ip -d -j link` (root only:
 * setns() needs CAP_SYS_ADMIN).
 *
 * Gateway leg: the engine gives every task container a second interface on the bridge
 * network docker_gwbridge (it carries the default route) but leaves it out of the
 * container's NetworkSettings.Networks; only GET /networks/docker_gwbridge lists it, keyed
 * by the container id. Its host veth is found like any bridge network's.
 */
import * as path from 'node:path';
import { fact, isFact, isUnavailable, unavailable, type Maybe } from '../model';
import type { RawInspect, RawNetwork } from '../introspect/context';
import { childProcess } from '../lazy-modules';
import type { DefaultRoute } from '../procfs/addresses';
import { oncePerScope } from '../procfs/files';
import type { OverlayLeg } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw Engine API and iproute2 JSON */

export const GWBRIDGE = 'docker_gwbridge';
const VXLAN_OPTION = 'com.docker.network.driver.overlay.vxlanid_list';

/** The VNI an overlay network was given, from its options (the first of the list). */
export function vniOf(net: RawNetwork | undefined): Maybe<number> {
  const raw = net?.Options?.[VXLAN_OPTION];
  const vni = raw === undefined ? NaN : Number(String(raw).split(',')[0]);
  if (Number.isInteger(vni) && vni > 0) return fact(vni, 'engine');
  return unavailable(net ? `network ${net.Name} has no ${VXLAN_OPTION} option: the engine lists it so only on a Swarm node where it is in use` : 'the network is not in the engine\'s network list');
}

/**
 * The container's endpoint on docker_gwbridge, shaped like an entry of NetworkSettings.Networks
 * so it is read like any other; null when the container has none (not a Swarm task, or the
 * network was not inspected).
 */
export function gatewayEndpoint(raw: RawInspect, networks: Map<string, RawNetwork>): { net: RawNetwork; endpoint: [string, any] } | null {
  if (raw.NetworkSettings?.Networks?.[GWBRIDGE]) return null;
  const net = [...networks.values()].find((n) => n?.Name === GWBRIDGE);
  const ep = net?.Containers?.[String(raw.Id)];
  if (!ep) return null;
  const [ip, len] = String(ep.IPv4Address ?? '').split('/');
  return { net, endpoint: [GWBRIDGE, { NetworkID: net.Id, EndpointID: ep.EndpointID, MacAddress: ep.MacAddress, IPAddress: ip, IPPrefixLen: len ? Number(len) : 0, Aliases: null }] };
}

/**
 * The gateway of the container's default route (read from /proc/PID/net/route, see
 * readDefaultRoute), when it leaves by `iface` (the gateway leg carries it); unavailable with
 * why otherwise. The engine names no gateway for a docker_gwbridge made beforehand without
 * one, but the kernel's route does.
 */
export function defaultGateway(route: Maybe<DefaultRoute | null>, iface: string): Maybe<string> {
  if (isUnavailable(route)) return route;
  if (!route.value) return unavailable('the container has no default route');
  if (route.value.iface !== iface) return unavailable(`the default route leaves by ${route.value.iface}, not ${iface}`);
  if (route.value.gateway === null) return unavailable(`the default route on ${iface} has no gateway: it is a route on the link itself`);
  return fact(route.value.gateway, 'procfs');
}

/** The overlay's namespace file: beside the container's own sandbox (SandboxKey), named 1-<network id, 10 characters>. */
export function overlayNamespaceFile(sandboxKey: string, networkId: string): string | null {
  if (!sandboxKey || !networkId) return null;
  return path.join(path.dirname(sandboxKey), `1-${networkId.slice(0, 10)}`);
}

export interface NamespaceLink {
  name: string;
  ifindex: number;
  /** The peer's ifindex (link_index); null when the kernel gives none. */
  linkIndex: number | null;
  master: string | null;
  kind: string | null;
  vni: number | null;
  dstPort: number | null;
}

/** `ip -d -j link show` output, reduced to what the legs need. */
export function parseIpLinkJson(text: string): NamespaceLink[] | string {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch (err) {
    return `ip -d -j link printed something that is not JSON (${err instanceof Error ? err.message : String(err)})`;
  }
  if (!Array.isArray(rows)) return 'ip -d -j link printed JSON that is not a list of interfaces';
  return rows.filter((r: any) => typeof r?.ifname === 'string' && Number.isInteger(r?.ifindex)).map((r: any) => {
    const data = r.linkinfo?.info_data ?? {};
    return {
      name: r.ifname,
      ifindex: r.ifindex,
      linkIndex: Number.isInteger(r.link_index) ? r.link_index : null,
      master: typeof r.master === 'string' ? r.master : null,
      kind: typeof r.linkinfo?.info_kind === 'string' ? r.linkinfo.info_kind : null,
      vni: Number.isInteger(data.id) ? data.id : null,
      dstPort: Number.isInteger(data.port) ? data.port : null,
    };
  });
}

/** Lists a network namespace's interfaces, or says why it cannot. */
export type NamespaceLinkReader = (nsFile: string) => Promise<NamespaceLink[] | string>;

/** Enters the namespace file with nsenter and runs `ip -d -j link show` there; arguments go as argv, nothing through a shell. */
export function nsenterLinks(opts: { timeoutMs?: number; isRoot?: boolean } = {}): NamespaceLinkReader {
  const isRoot = opts.isRoot ?? process.getuid?.() === 0;
  const timeoutMs = opts.timeoutMs ?? 5000;
  return (nsFile) => {
    const how = `nsenter --net=${nsFile} ip -d -j link show`;
    if (!isRoot) return Promise.resolve(`the overlay's namespace is seen only from inside it, and entering it (${how}) needs root: run as root to see the peer, br0 and the vxlan device`);
    return new Promise((resolve) => {
      childProcess().execFile('nsenter', [`--net=${nsFile}`, '--', 'ip', '-d', '-j', 'link', 'show'], { timeout: timeoutMs, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
        const code = (err as NodeJS.ErrnoException | null)?.code;
        if (code === 'ENOENT') return resolve('nsenter (util-linux) is not installed, so the overlay\'s namespace cannot be entered');
        if (err && (err as { killed?: boolean }).killed) return resolve(`${how} did not answer within ${timeoutMs} ms`);
        if (err) return resolve(`${how} failed: ${String(stderr).trim().split('\n')[0] || (err as Error).message}`);
        resolve(parseIpLinkJson(String(stdout)));
      });
    });
  };
}

export interface OverlayInput {
  net: RawNetwork | undefined;
  networkId: string;
  sandboxKey: string;
  /** The container's interface on this network and its peer's ifindex, when known. */
  iface: Maybe<{ name: string; ifindex: number; iflink: number | null }>;
  /** Why the engine's host cannot be read from here (remote, VM, helper); null when it can. */
  notLocal: string | null;
  readLinks: NamespaceLinkReader;
}

/** Joins the container side with what the overlay's namespace holds: the peer, its bridge, the vxlan device on that bridge. */
export async function readOverlayLeg(input: OverlayInput): Promise<OverlayLeg> {
  const vni = vniOf(input.net);
  const file = overlayNamespaceFile(input.sandboxKey, input.networkId);
  const none = (why: string): OverlayLeg => ({ namespace: file ? fact(file, 'engine') : unavailable(why), vni, peer: unavailable(why), vxlan: unavailable(why) });
  if (!file) return none('the engine gives no sandbox for this container (not running), so the overlay\'s namespace is not known');
  if (input.notLocal) return none(input.notLocal);
  // Every task on this overlay has its peer in the same namespace: one read per snapshot.
  const links = await oncePerScope(`overlay-links:${file}`, () => input.readLinks(file));
  if (typeof links === 'string') return none(links);
  const iface = input.iface;
  let peer: OverlayLeg['peer'];
  if (!isFact(iface)) peer = iface;
  else if (iface.value.iflink === null) peer = unavailable(`the iflink of ${iface.value.name} is unknown (the container's sysfs needs root), so its peer cannot be told`);
  else {
    const p = links.find((l) => l.ifindex === iface.value.iflink && (l.linkIndex === null || l.linkIndex === iface.value.ifindex));
    peer = p
      ? fact({ name: p.name, ifindex: p.ifindex, master: p.master }, 'procfs')
      : unavailable(`no interface in ${file} has ifindex ${iface.value.iflink}: the peer of ${iface.value.name} is not in this overlay's namespace`);
  }
  const bridge = isFact(peer) ? peer.value.master : null;
  const vx = links.filter((l) => l.kind === 'vxlan').find((l) => bridge === null || l.master === bridge);
  const vxlan: OverlayLeg['vxlan'] = vx && vx.vni !== null
    ? fact({ name: vx.name, ifindex: vx.ifindex, vni: vx.vni, dstPort: vx.dstPort, master: vx.master }, 'procfs')
    : unavailable(`${file} has no vxlan device${bridge ? ` on ${bridge}` : ''}`);
  return { namespace: fact(file, 'engine'), vni, peer, vxlan };
}
