import { strict as assert } from 'node:assert';
import { structureKey } from '../../../src/tree/structure';
import { snapshot, web } from './fixture';

const opts = { showStopped: true, groupByCompose: true };

describe('structureKey (when the whole tree must be refreshed)', () => {
  it('stays the same when only a container\'s details change', () => {
    const a = snapshot();
    const b = snapshot();
    b.containers = b.containers.map((c) => (c.id === web.id ? { ...c, status: 'Up 9 minutes', labels: { ...c.labels, x: 'y' } } : c));
    assert.equal(structureKey(a, opts), structureKey(b, opts));
  });

  it('changes on rename, on start/stop and on a new container', () => {
    const base = structureKey(snapshot(), opts);
    const renamed = snapshot();
    renamed.containers = renamed.containers.map((c) => (c.id === web.id ? { ...c, name: 'web2' } : c));
    assert.notEqual(structureKey(renamed, opts), base);
    const stopped = snapshot();
    stopped.containers = stopped.containers.map((c) => (c.id === web.id ? { ...c, state: 'exited' as const } : c));
    assert.notEqual(structureKey(stopped, opts), base);
    const added = snapshot();
    added.containers = [...added.containers, { ...web, id: 'f'.repeat(64), name: 'web-copy' }];
    assert.notEqual(structureKey(added, opts), base);
  });

  it('ignores hidden stopped containers and follows the grouping setting', () => {
    const hidden = { showStopped: false, groupByCompose: true };
    const a = snapshot();
    const b = snapshot();
    b.containers = b.containers.filter((c) => c.name !== 'old');
    assert.equal(structureKey(a, hidden), structureKey(b, hidden));
    assert.notEqual(structureKey(a, opts), structureKey(a, { ...opts, groupByCompose: false }));
  });
});
