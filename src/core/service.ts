import type { ContainerAnatomy, HostAnatomy, Snapshot } from './model';

/** Where the anatomy service stands with the engine. */
export type EngineStatus =
  | { kind: 'connecting'; endpoint: string }
  | { kind: 'ready'; endpoint: string }
  /** Not following the engine (nothing is looking): the model is as it was when paused and may be out of date. */
  | { kind: 'paused'; endpoint: string }
  | { kind: 'unreachable'; endpoint: string; reason: string; code: string };

export interface AnatomyChange {
  /** Containers whose anatomy changed (added or updated). */
  updated: string[];
  /** Containers that were removed. */
  removed: string[];
  /** True when the host side or the engine status changed. */
  host: boolean;
  /** True when only the usage counters of `updated` moved (the timed re-read), nothing a row's shape depends on. */
  usage?: boolean;
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
  /** The host side of the engine a container is on, when several engines are followed (else host()). */
  hostOf?(idOrName: string): HostAnatomy | undefined;
  onDidChange(listener: (change: AnatomyChange) => void): Disposer;
  /** Starts (or restarts) the engine connection, the first list and the event stream. */
  start(): Promise<void>;
  /** Re-reads everything now. */
  refresh(): Promise<void>;
  /** Re-reads one container now (while paused too, without resuming the event stream). */
  refreshContainer(id: string): Promise<ContainerAnatomy | undefined>;
  /** One reading of GET /containers/{id}/stats (stream=false, one-shot): for usage the local cgroup files cannot give. */
  engineStats?(id: string): Promise<unknown>;
  /** Re-reads the usage counters (memory, CPU time, throttling, pids) of running containers from /sys; no engine request. */
  refreshUsage(): Promise<void>;
  /** Stops the event stream (e.g. while no view is visible). */
  pause(): void;
  dispose(): void;
}

/** Tells every listener; one that throws does not keep the others from hearing the change. */
export function notifyAll<T>(listeners: Iterable<(value: T) => void>, value: T): void {
  for (const l of [...listeners]) {
    try {
      l(value);
    } catch {
      continue; // a view's own failure; the model and the other views are unaffected
    }
  }
}
