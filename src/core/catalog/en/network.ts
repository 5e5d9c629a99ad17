import type { Entry } from '../types';

/** Bridge networking pieces and network modes. */
export const network: Record<string, Entry> = {
  'net.internal': {
    title: 'Internal network',
    summary: 'An internal network: its containers reach each other and this host, but nothing beyond it, and nothing beyond it reaches them.',
    body: 'Docker gives an internal network (`docker network create --internal`, compose `internal: true`) no way out: there is no NAT for its subnet, ports are never published on it, and the host forwards none of its traffic. A container on internal networks only still has a default route through the bridge\'s address, but what it sends that way stops at the host. The host itself still reaches the containers, and they reach the host, through the bridge\'s address. A container that needs the outside is also attached to another network, and its default route then goes through that one.',
  },
  'net.bridge': {
    title: 'Bridge',
    summary: 'A virtual switch on the host that connects the containers of one Docker network.',
    body: 'The default network uses `docker0`; each user-defined bridge network gets `br-` plus the first 12 characters of the network id. The bridge holds the network\'s gateway address, and the host routes the containers\' traffic through it, with NAT for what leaves the host unless the network is internal or its masquerading is turned off.',
  },
  'net.veth': {
    title: 'veth pair',
    summary: 'A virtual cable: one end is the container\'s interface for this network (eth0, eth1, …), the other a vethXXXX interface on the host bridge.',
    body: 'Packets sent into one end come out of the other. The host end is found by matching the container\'s `iflink` with the host veth\'s `ifindex`. `ip link` on the host shows it as `vethabc1234@ifN`, and `tcpdump -i` on it shows this container\'s traffic on this network (and the broadcasts the bridge sends to every port).',
  },
  'net.veth.container': {
    title: 'Container end of the veth pair',
    summary: 'The container\'s interface for this network, inside its network namespace: ip link in the container shows it with @ifN after its name (eth0@ifN, eth1@ifN, …), N being the ifindex of the host end.',
    body: 'A veth pair is a virtual cable: packets sent into one end come out of the other. This end\'s `iflink` is the host end\'s `ifindex`, and that is how the host veth below is found. The container\'s IP address and MAC on this network are this interface\'s.',
  },
  'net.veth.host': {
    title: 'Host end of the veth pair',
    summary: 'The host\'s end of this container\'s cable: ip link on the host shows it as vethabc1234@ifN, N being the container interface\'s ifindex.',
    body: 'On a bridge network it is a port of the network\'s bridge (after the arrow): what the container sends comes out here and goes on through the bridge. `tcpdump -i` on it shows this container\'s traffic on this network (and the broadcasts the bridge sends to every port). Its `ifindex` equals the container interface\'s `iflink`: that is how it is found. The name changes each time the container starts.',
  },
  'net.veth.stopped': {
    title: 'veth pair',
    summary: 'None now: the pair exists only while the container runs.',
    body: 'Docker creates the veth pair when the container starts, one end inside its network namespace (eth0, eth1, …) and the other on the host bridge, and the kernel deletes both when the last process leaves. After the next start the host end has a new name and ifindex.',
  },
  'net.subnet': {
    title: 'Subnet',
    summary: 'The address range Docker hands out on this network.',
    body: 'Docker picks it from its default pools (172.17.0.0/16 for `docker0`, then 172.18.0.0/16 and so on, later 192.168.x.0/20) unless the network was created with `--subnet`. Ranges that overlap a LAN or VPN make those hosts unreachable from containers.',
  },
  'net.gateway': {
    title: 'Gateway',
    summary: 'The bridge\'s own address on this network; the container\'s default route goes through it when this network holds that route.',
    body: 'Usually the first address of the subnet (such as 172.17.0.1). A container on several networks has one default route, through one of their gateways: the container\'s `/proc/PID/net/route` says which (what `ip route` inside shows), and the tree\'s gateway row and the topology mark it as the default route. Docker prefers a network that is not internal; through an internal network\'s gateway, traffic reaches the host and stops there. The address belongs to the host, so a container can reach host services on it if they listen on that address.',
  },
  'net.ip': {
    title: 'IP address',
    summary: 'The container\'s address on this network.',
    body: 'Reachable from the host and from containers on the same network. Docker may give a different address after a restart; use container names (DNS on user-defined networks) rather than fixed IPs.',
  },
  'net.ip.stopped': {
    title: 'IP address',
    summary: 'None now: the container has an address on this network only while it runs.',
    body: 'Docker hands out the address when the container starts and takes it back when it stops, so nothing reaches the container here until then. It may get a different address each time; use container names (DNS on user-defined networks) rather than fixed IPs.',
  },
  'net.mac': {
    title: 'MAC address',
    summary: 'The hardware address of the container\'s interface on this network.',
    body: 'Older Docker derives it from the IP (`02:42:ac:11:00:03` for 172.17.0.3); newer versions choose it at random. It matters only on layer 2, for example with macvlan.',
  },
  'net.ipv6': {
    title: 'IPv6 address',
    summary: 'The container\'s global IPv6 address on this network, if IPv6 is enabled for it.',
    body: 'Docker networks are IPv4-only unless created with `--ipv6`. Without it the container has no global IPv6 address, and IPv6 is usually switched off on its interfaces (`disable_ipv6` = 1).',
  },
  'net.nat': {
    title: 'NAT',
    summary: 'Address translation that lets containers reach out and lets published ports reach in.',
    body: 'Outgoing traffic is masqueraded to the host\'s address (`MASQUERADE` in the nat table\'s POSTROUTING chain). Published ports use `DNAT` rules in the `DOCKER` chain (and sometimes a `docker-proxy` process) to forward a host port to the container\'s IP and port.',
  },
  'net.ports': {
    title: 'Published ports',
    summary: 'Host ports forwarded to the container; exposing alone forwards nothing.',
    body: '`-p 8080:80` (compose `ports:`) makes host port 8080 reach the container\'s port 80, on every host address unless one is given (`127.0.0.1:8080:80`). `EXPOSE` and compose `expose:` only record a port in metadata. Published ports bypass host firewall rules in the `INPUT` chain because they are handled by DNAT before it.',
  },
  'net.ports.loopback': {
    title: 'Published on loopback',
    summary: 'A host port forwarded to the container, bound to a loopback address: it is for clients on this host.',
    body: '`-p 127.0.0.1:8080:80` (compose `"127.0.0.1:8080:80"`) publishes the port on that address only, and Docker forwards only traffic addressed to it. Without an address, `-p 8080:80` publishes on every host address, where the firewall\'s `INPUT` chain does not see it (DNAT comes first).',
  },
  'net.dns': {
    title: 'Container DNS',
    summary: 'On user-defined networks, containers find each other by name through Docker\'s embedded DNS at 127.0.0.11.',
    body: 'The embedded resolver answers container names, service names and aliases on the shared networks and forwards other queries to the host\'s resolvers. The default `bridge` network has no embedded DNS: containers there get a copy of the host\'s `resolv.conf` and cannot resolve each other by name.',
  },
  'net.mode.bridge': {
    title: 'Bridge network',
    summary: 'The container has its own network namespace, connected to a host bridge through a veth pair.',
    body: 'Docker\'s default mode, for the default `bridge` network and user-defined bridge networks alike. The container has a private IP on the bridge subnet, reaches out through NAT, and is reachable from outside only through published ports.',
  },
  'net.mode.host': {
    title: 'Host network',
    summary: 'The container uses the host\'s network namespace: no veth, no NAT, no port mapping.',
    body: 'Servers inside bind directly to the host\'s ports, so two such containers cannot use the same port, and `-p` is ignored. Fast and simple, but there is no network isolation.',
  },
  'net.mode.none': {
    title: 'No network',
    summary: 'The container has its own network namespace with only the loopback interface.',
    body: 'Nothing can reach it over the network and it cannot reach anything. Useful for batch jobs that must not talk to the network.',
  },
  'net.mode.container': {
    title: 'Another container\'s network',
    summary: 'The container joins the network namespace of {peer}.',
    body: 'It has the same interfaces, IP addresses and ports as {peer}; the two talk over `localhost`. Docker reports no networks of its own for this container. If {peer} stops, this container loses its network.',
  },
  'net.mode.macvlan': {
    title: 'macvlan',
    summary: 'The container gets its own MAC address directly on a host network interface.',
    body: 'It appears on the LAN as a separate machine, with no bridge, veth or NAT. Its interface is linked to the parent NIC, not to a veth. By design the host itself usually cannot talk to its macvlan containers through that NIC.',
  },
  'net.mode.ipvlan': {
    title: 'ipvlan',
    summary: 'The container gets its own IP on a host interface while sharing the host\'s MAC address.',
    body: 'Like macvlan but with one MAC for all, which suits networks that limit MAC addresses per port. There is no bridge or veth.',
  },
  'net.mode.overlay': {
    title: 'Overlay network',
    summary: 'A network spanning several Docker hosts, tunnelled over VXLAN (Swarm).',
    body: 'The container\'s interface pairs with a veth in the overlay network\'s own namespace (a port of its bridge `br0`, beside the `vxlan0` device), not in the host\'s, so it has no host veth. A second interface connects it to `docker_gwbridge` for outside traffic; that one does end on the host.',
  },
  'net.mode.null': {
    title: 'null driver (no network)',
    summary: 'The driver of Docker\'s built-in none network: the container gets only loopback.',
    body: 'A container attached to `none` has its own network namespace with `lo` and nothing else. No veth, no bridge, no IP address on any network.',
  },
  'net.mode.other': {
    title: 'Other network driver',
    summary: 'A network mode or driver without a detailed explanation here, such as a plugin driver.',
    body: 'The container still has the network namespace shown in the namespaces section. How it connects to the outside depends on the driver; `docker network inspect` shows its options.',
  },
  'net.userDefinedBridge': {
    title: 'User-defined bridge vs default bridge',
    summary: 'Networks made with docker network create (and by compose) have DNS by name; the default bridge does not.',
    body: 'On a user-defined bridge, containers resolve each other by name and alias, are isolated from containers on other networks, and can be connected or disconnected while running. The default `bridge` (`docker0`) offers only IP addresses and legacy `--link`. Compose creates a user-defined network per project.',
  },
};
