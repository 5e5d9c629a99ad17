/**
 * A container that could not be read keeps its row and says why, in the tree and the CLI
 * text; nothing about it is guessed.
 */
import { strict as assert } from 'node:assert';
import { formatTime } from '../../src/core/format';
import { isUnavailable, NAMESPACE_TYPES } from '../../src/core/model';
import { renderContainer } from '../../src/core/text-report';
import { readFailureReason, unreadContainer } from '../../src/core/unread';
import { containerRow, plainTranslate as t } from '../../src/tree/rows';
import { sectionRows } from '../../src/tree/rows/containers';
import { web } from './tree/fixture';

const ID = 'f0'.repeat(32);
const entry = { Id: ID, Names: ['/stuck'], Image: 'busybox', ImageID: 'sha256:1', State: 'running', Status: 'Up 2 minutes', Created: 1764460800, Labels: { 'com.docker.compose.project': 'p', 'com.docker.compose.service': 's' } };

describe('a container that could not be read', () => {
  const reason = readFailureReason(ID, 'The engine at /var/run/docker.sock did not answer within 10 s');
  const c = unreadContainer(entry, reason);

  it('keeps what the list said and makes every other fact unavailable with the reason', () => {
    assert.equal(c.name, 'stuck');
    assert.equal(c.state, 'running');
    assert.deepEqual(c.compose, { project: 'p', service: 's' });
    assert.equal(c.readAt, null);
    assert.equal(c.readFailure, reason);
    assert.match(reason, /f0f0f0f0f0f0 could not be read: .*10 s; it is read again on its next event or a refresh/);
    for (const t of NAMESPACE_TYPES) assert.deepEqual(c.namespaces[t].inode, { unavailable: reason });
    assert.ok(isUnavailable(c.cgroup.memory.limitBytes.declared), 'no declared limit is claimed');
    assert.ok(isUnavailable(c.pid));
  });

  it('the tree shows the row with a warning and, under it, only the reason', () => {
    const row = containerRow(c, t);
    assert.match(row.description ?? '', /could not be read/);
    assert.equal(row.icon?.id, 'warning');
    assert.deepEqual(row.tooltip.notes, [reason]);
    const children = sectionRows(c, t);
    assert.deepEqual(children.map((r) => r.kind), ['message']);
    assert.deepEqual(children[0].tooltip.notes, [reason]);
  });

  it('a failed re-read of a container read before keeps its facts under the reason and the earlier read time', () => {
    const stale = { ...web, readFailure: reason };
    const children = sectionRows(stale, t);
    assert.equal(children[0].label, `Latest read failed; showing the read of ${formatTime(web.readAt ?? '', t)}`);
    assert.equal(children.length, 4);
  });

  it('the CLI text says the reason and claims nothing else', () => {
    const text = renderContainer(c, { color: false, explain: false, lang: 'en' });
    assert.ok(text.includes(reason));
    assert.doesNotMatch(text, /Namespaces|cgroup limits/);
  });
});
