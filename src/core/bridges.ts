/**
 * The host's bridges rebuilt from a newer network list or link table (after a network was
 * made or removed, or a container's veth came or went), the same way the first list built them.
 */
import { hostBridges, interfaceAddresses, type HostContext } from './introspect';
import type { HostAnatomy } from './model';

export function hostBridgesOf(ctx: HostContext): HostAnatomy['bridges'] {
  return hostBridges(ctx.networks, ctx.hostLinks, ctx.notLocal ? new Map() : interfaceAddresses());
}
