import { strict as assert } from 'node:assert';
import type { ContainerAnatomy, Snapshot } from '../../../src/core/model';
import type { AnatomyChange, AnatomyService, EngineStatus } from '../../../src/core/service';
import { SwitchingService } from '../../../src/tree/switching-service';
import { host, web } from './fixture';

/** A minimal in-memory AnatomyService: records calls, holds a fixed container list. */
class MemoryService implements AnatomyService {
  status: EngineStatus;
  calls: string[] = [];
  listeners = new Set<(c: AnatomyChange) => void>();
  constructor(readonly endpoint: string, readonly containers: ContainerAnatomy[]) {
    this.status = { kind: 'connecting', endpoint };
  }
  snapshot(): Snapshot {
    return { schemaVersion: 1, takenAt: '', host, containers: this.containers };
  }
  container(id: string): ContainerAnatomy | undefined {
    return this.containers.find((c) => c.id === id || c.name === id);
  }
  host() {
    return host;
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

describe('SwitchingService', () => {
  it('keeps subscribers across a replacement and reports the old containers removed', async () => {
    const made: MemoryService[] = [];
    const s = new SwitchingService(() => {
      const m = new MemoryService(`unix:///run/${made.length}.sock`, made.length ? [] : [web]);
      made.push(m);
      return m;
    });
    const changes: AnatomyChange[] = [];
    s.onDidChange((c) => changes.push(c));
    await s.start();
    assert.equal(s.status.kind, 'ready');
    assert.equal(s.container('web')?.id, web.id);
    await s.replace();
    assert.deepEqual(made[0].calls, ['start', 'dispose']);
    assert.deepEqual(made[1].calls, ['start'], 'an active service starts its replacement');
    assert.equal(s.status.endpoint, 'unix:///run/1.sock');
    assert.deepEqual(changes.map((c) => c.removed), [[], [web.id], []]);
    assert.equal(s.container('web'), undefined);
  });

  it('does not start the replacement while paused', async () => {
    const made: MemoryService[] = [];
    const s = new SwitchingService(() => {
      const m = new MemoryService('unix:///x.sock', []);
      made.push(m);
      return m;
    });
    await s.start();
    s.pause();
    await s.replace();
    assert.deepEqual(made[1].calls, []);
    s.dispose();
    assert.deepEqual(made[1].calls, ['dispose']);
  });

  it('one listener that throws does not keep the others from hearing a change', async () => {
    const s = new SwitchingService(() => new MemoryService('unix:///x.sock', [web]));
    const heard: string[] = [];
    s.onDidChange(() => heard.push('first'));
    s.onDidChange(() => {
      throw new Error('a broken view');
    });
    s.onDidChange(() => heard.push('last'));
    await s.start();
    assert.deepEqual(heard, ['first', 'last']);
    s.dispose();
  });
});
