import type { ContainerAnatomy, HostAnatomy, Snapshot } from '../../../src/core/model';
import type { AnatomyChange, AnatomyService, EngineStatus } from '../../../src/core/service';
import { host as fixtureHost } from './fixture';

/** A minimal in-memory AnatomyService: records calls, holds a fixed container list. */
export class MemoryService implements AnatomyService {
  status: EngineStatus;
  calls: string[] = [];
  listeners = new Set<(c: AnatomyChange) => void>();
  constructor(readonly endpoint: string, readonly containers: ContainerAnatomy[], readonly hostSide: HostAnatomy = fixtureHost) {
    this.status = { kind: 'connecting', endpoint };
  }
  snapshot(): Snapshot {
    return { schemaVersion: 1, takenAt: '', host: this.hostSide, containers: this.containers };
  }
  container(id: string): ContainerAnatomy | undefined {
    return this.containers.find((c) => c.id === id || c.name === id);
  }
  host() {
    return this.hostSide;
  }
  onDidChange(l: (c: AnatomyChange) => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  async start() {
    this.calls.push('start');
    this.status = { kind: 'ready', endpoint: this.endpoint };
    for (const l of this.listeners) l({ updated: this.containers.map((c) => c.id), removed: [], host: true });
  }
  async refresh() {
    this.calls.push('refresh');
  }
  async refreshContainer(id: string) {
    this.calls.push(`refreshContainer ${id}`);
    return this.container(id);
  }
  async refreshUsage() {
    this.calls.push('refreshUsage');
  }
  pause() {
    this.calls.push('pause');
  }
  dispose() {
    this.calls.push('dispose');
  }
}
