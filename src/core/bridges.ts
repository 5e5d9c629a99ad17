/**
 * The host's bridges rebuilt from a newer network list or link table (after a network was
 * made or removed, or a container's veth came or went), the same way the first list built them.
 */
import { hostBridges, interfaceAddresses, type HostContext } from './introspect';
import { valueOf, type HostAnatomy } from './model';

export function hostBridgesOf(ctx: HostContext): HostAnatomy['bridges'] {
  // Through the helper, a bridge keeps the addresses the snapshot read on the engine's host.
  const addrs = ctx.reader ? new Map(valueOf(ctx.host.bridges, []).map((b) => [b.name, b.addresses])) : ctx.notLocal ? new Map<string, string[]>() : interfaceAddresses();
  return hostBridges(ctx.networks, ctx.hostLinks, addrs);
}
