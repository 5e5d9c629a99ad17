/**
 * An AnatomyService that can swap its engine connection (when the engine settings change)
 * while every view keeps the same object and the same subscriptions. No vscode import.
 */
import { notifyAll, type AnatomyChange, type AnatomyService, type Disposer, type EngineStatus } from '../core/service';
import { isMultiEngine, type EngineEntry, type MultiEngine } from '../core/engines';
import type { ContainerAnatomy, HostAnatomy, Snapshot } from '../core/model';

export class SwitchingService implements AnatomyService, MultiEngine {
  private inner: AnatomyService;
  private unsubscribe: Disposer;
  private readonly listeners = new Set<(change: AnatomyChange) => void>();
  /** True between start() and pause(): a replacement is started too. */
  private active = false;

  constructor(private readonly create: () => AnatomyService) {
    this.inner = create();
    this.unsubscribe = this.inner.onDidChange((c) => this.emit(c));
  }

  get status(): EngineStatus {
    return this.inner.status;
  }

  snapshot(): Snapshot {
    return this.inner.snapshot();
  }

  container(idOrName: string): ContainerAnatomy | undefined {
    return this.inner.container(idOrName);
  }

  host(): HostAnatomy | undefined {
    return this.inner.host();
  }

  hostOf(idOrName: string): HostAnatomy | undefined {
    return this.inner.hostOf ? this.inner.hostOf(idOrName) : this.inner.host();
  }

  /** The engines of the current connection when it follows several (none for one). */
  engines(): EngineEntry[] {
    return isMultiEngine(this.inner) ? this.inner.engines() : [];
  }

  engineOf(idOrName: string): EngineEntry | undefined {
    return isMultiEngine(this.inner) ? this.inner.engineOf(idOrName) : undefined;
  }

  onDidChange(listener: (change: AnatomyChange) => void): Disposer {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<void> {
    this.active = true;
    return this.inner.start();
  }

  refresh(): Promise<void> {
    this.active = true;
    return this.inner.refresh();
  }

  refreshContainer(id: string): Promise<ContainerAnatomy | undefined> {
    return this.inner.refreshContainer(id);
  }

  engineStats(id: string): Promise<unknown> {
    return this.inner.engineStats ? this.inner.engineStats(id) : Promise.reject(new Error('this service reads no engine stats'));
  }

  refreshUsage(): Promise<void> {
    return this.inner.refreshUsage();
  }

  pause(): void {
    this.active = false;
    this.inner.pause();
  }

  /** Drops the current connection and builds a new one; its containers are reported removed. */
  async replace(): Promise<void> {
    const old = this.inner;
    const removed = old.snapshot().containers.map((c) => c.id);
    this.unsubscribe();
    old.dispose();
    this.inner = this.create();
    this.unsubscribe = this.inner.onDidChange((c) => this.emit(c));
    this.emit({ updated: [], removed, host: true });
    if (this.active) await this.inner.start();
  }

  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
    this.inner.dispose();
  }

  private emit(change: AnatomyChange): void {
    notifyAll(this.listeners, change);
  }
}
