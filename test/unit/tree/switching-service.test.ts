import { strict as assert } from 'node:assert';
import type { AnatomyChange } from '../../../src/core/service';
import { SwitchingService } from '../../../src/tree/switching-service';
import { web } from './fixture';
import { MemoryService } from './memory-service';

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
