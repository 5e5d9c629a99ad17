/**
 * What every part of a container's anatomy is read against: the roots of the files, the
 * host's side read once per snapshot, and the engine's raw answers.
 */
import type { ContainerState, HostAnatomy, Maybe } from '../model';
import type { CgroupLayout } from '../procfs/cgroup';
import type { LinkInfo } from '../procfs/net';
import type { HelperReader } from '../helper/manager';
import type { NamespaceLinkReader } from '../swarm/overlay';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw Engine API JSON */
export type RawInspect = any;
export type RawNetwork = any;

export interface Roots {
  procRoot: string;
  sysRoot: string;
  /** Prefix for absolute paths found in mountinfo (fixture trees); '' on a real host. */
  fsRoot: string;
}

export const REAL_ROOTS: Roots = { procRoot: '/proc', sysRoot: '/sys', fsRoot: '' };

/** What is read once per snapshot and shared by every container in it. */
export interface HostContext {
  roots: Roots;
  /** null when /proc here shows the engine's containers; else why not. */
  notLocal: string | null;
  host: HostAnatomy;
  layout: Maybe<CgroupLayout>;
  hostLinks: Maybe<LinkInfo[]>;
  networks: Map<string, RawNetwork>;
  /** id -> name of every container the engine listed. */
  names: Map<string, string>;
  /** id -> the container list's entry, for containers that cannot be inspected. */
  listed: Map<string, RawInspect>;
  /** Ids of the containers the list showed running or paused. */
  running: Set<string>;
  /** Set when the files are the engine's host's, read through the helper container. */
  reader?: HelperReader;
  /** Lists an overlay network namespace's interfaces; default: nsenter and ip on this machine. */
  overlayLinks?: NamespaceLinkReader;
}

export function shareTarget(mode: string, names: Map<string, string>): { id: string; name: string | null } | undefined {
  if (!mode.startsWith('container:')) return undefined;
  const ref = mode.slice('container:'.length);
  // The engine keeps the full ID in most modes: found at once, not by going through all.
  const exact = names.get(ref);
  if (exact !== undefined) return { id: ref, name: exact };
  for (const [id, name] of names) if (id.startsWith(ref) || name === ref) return { id, name };
  return { id: ref, name: null };
}

export function notRunningReason(state: ContainerState, what: string): string {
  return `the container is ${state}: it has no processes, so there is no ${what} to read until it starts${state === 'created' ? '' : ' again'}`;
}

