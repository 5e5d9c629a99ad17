import type { ContainerAnatomy, HostAnatomy, Snapshot } from './model';

/** Where the anatomy service stands with the engine. */
export type EngineStatus =
  | { kind: 'connecting'; endpoint: string }
  | { kind: 'ready'; endpoint: string }
  | { kind: 'unreachable'; endpoint: string; reason: string; code: string };

export interface AnatomyChange {
  /** Containers whose anatomy changed (added or updated). */
  updated: string[];
  /** Containers that were removed. */
  removed: string[];
  /** True when the host side or the engine status changed. */
  host: boolean;
}

export type Disposer = () => void;

/**
 * The one live source of the model for every view. It lists once, then follows engine
 * events and re-reads only the containers an event names. Views subscribe to changes;
 * nothing here polls.
 */
export interface AnatomyService {
  readonly status: EngineStatus;
  /** The latest snapshot (empty container list until the first list completes). */
  snapshot(): Snapshot;
  container(idOrName: string): ContainerAnatomy | undefined;
  host(): HostAnatomy | undefined;
  onDidChange(listener: (change: AnatomyChange) => void): Disposer;
  /** Starts (or restarts) the engine connection, the first list and the event stream. */
  start(): Promise<void>;
  /** Re-reads everything now. */
  refresh(): Promise<void>;
  /** Re-reads one container now. */
  refreshContainer(id: string): Promise<ContainerAnatomy | undefined>;
  /** One reading of GET /containers/{id}/stats (stream=false, one-shot): for usage the local cgroup files cannot give. */
  engineStats?(id: string): Promise<unknown>;
  /** Stops the event stream (e.g. while no view is visible). */
  pause(): void;
  dispose(): void;
}
