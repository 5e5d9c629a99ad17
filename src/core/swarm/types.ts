/**
 * The Swarm part of the snapshot model: what a manager says of its services, their tasks and
 * the nodes they run on, and the overlay leg of a task container's interface as the kernel
 * shows it. Plain JSON, like the rest of model.ts.
 */
import type { Maybe } from '../model';

/** The overlay leg of a container interface: its veth peer lives in the overlay network's own namespace, not the host's. */
export interface OverlayLeg {
  /** The namespace file, <exec-root>/netns/1-<first 10 characters of the network id>. */
  namespace: Maybe<string>;
  /** The VNI the engine gave the network (its com.docker.network.driver.overlay.vxlanid_list option). */
  vni: Maybe<number>;
  /** The container interface's peer in that namespace (its ifindex is the container side's iflink) and the bridge it is a port of. */
  peer: Maybe<{ name: string; ifindex: number; master: string | null }>;
  /** The vxlan device on that bridge, with the VNI and UDP port the kernel reports for it. */
  vxlan: Maybe<{ name: string; ifindex: number; vni: number; dstPort: number | null; master: string | null }>;
}

export interface SwarmVip {
  networkId: string;
  /** The network's name, when the engine lists it. */
  network: string | null;
  /** CIDR, e.g. 10.0.1.2/24. */
  address: string;
}

export interface SwarmPort {
  protocol: string;
  targetPort: number;
  publishedPort: number | null;
  /** "ingress" (the routing mesh: every node listens) or "host" (only the nodes running a task). */
  publishMode: string;
}

export interface SwarmTask {
  id: string;
  /** Replica number (replicated services); null for global services. */
  slot: number | null;
  nodeId: string;
  /** The node's hostname, from GET /nodes; null when the node is not listed. */
  node: string | null;
  /** Status.State: new, pending, running, failed, shutdown, … */
  state: string;
  desiredState: string;
  message: string;
  error: string | null;
  /** Status.ContainerStatus.ContainerID; null before the node made a container for it. */
  containerId: string | null;
  /** True when the task runs on the node this engine is: its container is among this engine's. */
  onThisEngine: boolean;
  /** Addresses per network attachment, as the manager allocated them. */
  addresses: { network: string; addresses: string[] }[];
}

export interface SwarmService {
  id: string;
  name: string;
  image: string;
  /** "replicated", "global", or another mode the engine names. */
  mode: string;
  /** Wanted replicas of a replicated service; null otherwise. */
  replicas: number | null;
  /** "vip" (one virtual IP per network) or "dnsrr" (DNS names every task). */
  endpointMode: string;
  virtualIps: SwarmVip[];
  ports: SwarmPort[];
  tasks: SwarmTask[];
}

export interface SwarmAnatomy {
  /** /info Swarm.LocalNodeState: inactive, pending, active, error, locked. */
  nodeState: string;
  /** /info Swarm.ControlAvailable: this engine is a manager and answers for the whole swarm. */
  manager: boolean;
  nodeId: string;
  nodeAddr: string;
  /** Services with their tasks; only a manager can list them. */
  services: Maybe<SwarmService[]>;
  /**
   * Whether the kernel of this engine's host has IPVS (/proc/net/ip_vs). Docker balances a
   * VIP with IPVS inside each container's namespace; without it the VIP is allocated but
   * nothing behind it balances.
   */
  ipvs: Maybe<boolean>;
}
