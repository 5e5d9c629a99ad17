import type { Entry } from '../types';

/** Swarm services, tasks and the two legs of a task's network. */
export const swarm: Record<string, Entry> = {
  'swarm.service': {
    title: 'Service',
    summary: 'What a Swarm manager keeps running: an image, a number of replicas (or one per node), networks and published ports.',
    body: 'The manager stores the service and turns it into tasks; it never runs a process itself. `docker service ls` lists services; `docker service ps NAME` its tasks. Only a manager answers for services: on a worker they are not visible.',
  },
  'swarm.task': {
    title: 'Task',
    summary: 'One slot of a service, placed on one node, where it becomes one ordinary container.',
    body: 'The manager assigns the task to a node; that node\'s engine creates the container (named `service.slot.taskid`) and reports its id back. The container has its own namespaces and cgroup like any other, read on the node that runs it. A failed task is replaced by a new one, with a new container.',
  },
  'swarm.task.elsewhere': {
    title: 'Task on node {node}',
    summary: 'This task runs on node {node}, not on the engine shown here: its container\'s namespaces, cgroup and interfaces are in that node\'s kernel.',
    body: 'What is known comes from the manager: the task\'s state, its container id and the addresses allocated to it. To see its anatomy, connect to the engine on {node}.',
  },
  'swarm.overlay': {
    title: 'Overlay namespace',
    summary: 'The network namespace the engine makes for an overlay network on each node that uses it, holding the bridge br0 and the vxlan device.',
    body: 'It is the file `1-` plus the first 10 characters of the network id under the engine\'s `netns` folder (`/run/docker/netns` by default). Each task container\'s overlay interface is one end of a veth pair whose other end is a port of `br0` in this namespace, not in the host\'s, so `ip link` on the host does not show it; `nsenter --net=FILE ip -d link` does.',
  },
  'swarm.vxlan': {
    title: 'VXLAN and VNI',
    summary: 'The overlay carries its Ethernet frames inside UDP packets between nodes; the VNI (VXLAN network id) tells the overlays apart.',
    body: 'The `vxlan0` device on `br0` wraps frames for other nodes in UDP (port 4789 unless the swarm was told `--data-path-port`) and unwraps the ones that arrive. The engine gives each overlay network its own VNI, in its option `com.docker.network.driver.overlay.vxlanid_list`; `ip -d link` in the overlay namespace shows `vxlan id` with the same number.',
  },
  'swarm.vip': {
    title: 'Virtual IP (VIP)',
    summary: 'The one address a service has on each of its networks; its DNS name answers with it.',
    body: 'Docker balances a VIP with IPVS inside each container\'s namespace, so a connection to it goes to one of the service\'s running tasks, if the kernel has IPVS. Whether the kernel of this engine\'s host has it could not be read from here.',
  },
  'swarm.vip.ipvs': {
    title: 'Virtual IP (VIP)',
    summary: 'The one address a service has on each of its networks; its DNS name answers with it, and IPVS in the kernel spreads connections over the tasks.',
    body: 'This kernel has IPVS (`/proc/net/ip_vs` exists). The engine programs it inside each container\'s namespace, so a connection to the VIP goes to one of the service\'s running tasks.',
  },
  'swarm.vip.noIpvs': {
    title: 'Virtual IP (VIP), not balanced here',
    summary: 'The manager allocated this VIP, but this kernel has no IPVS: nothing here spreads connections to it over the tasks.',
    body: 'Docker balances a VIP with IPVS inside each container\'s namespace; `/proc/net/ip_vs` does not exist on this machine, so the address is only an allocation. Tasks still reach each other by their own addresses, and `endpoint_mode: dnsrr` (DNS names every task) needs no IPVS.',
  },
  'swarm.ingress': {
    title: 'Routing mesh (ingress)',
    summary: 'A port published in ingress mode is open on every node of the swarm, whether or not that node runs a task.',
    body: 'The node that receives a connection sends it over the `ingress` overlay network, through its `ingress-sbox` namespace, to a task on any node (balanced by IPVS). In `host` mode the port opens only on the nodes that run a task, straight into its container.',
  },
  'swarm.gwbridge': {
    title: 'docker_gwbridge',
    summary: 'The local bridge that gives every task container a second interface and its default route, for traffic that leaves the swarm.',
    body: 'The engine leaves this leg out of the container\'s `NetworkSettings.Networks`; only `docker network inspect docker_gwbridge` lists it (endpoint `gateway_` plus the sandbox id). Unlike the overlay leg, its veth pair ends on the host, as a port of the Linux bridge (named `docker_gwbridge` unless the network was made beforehand with another name).',
  },
};
