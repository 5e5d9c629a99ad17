/**
 * The first look: every container the engine listed has its row at once, marked as being read
 * (not as failed), with what the list says; its details replace it when its read ends.
 */
import { strict as assert } from 'node:assert';
import { isFact, isUnavailable, NAMESPACE_TYPES, valueOf } from '../../src/core/model';
import { renderContainer } from '../../src/core/text-report';
import { listedContainer, NOT_READ_YET } from '../../src/core/unread';
import { childRows, containerRow, plainTranslate as t, type RowOptions } from '../../src/tree/rows';
import { sectionRows } from '../../src/tree/rows/containers';
import { snapshotOf } from '../fixtures/snapshot';
import { host, old, web, WEB_ID } from './tree/fixture';

/** web as GET /containers/json lists it. */
const entry = {
  Id: WEB_ID,
  Names: ['/web'],
  Image: 'nginx:1.27',
  ImageID: 'sha256:1',
  State: 'running',
  Status: 'Up 2 minutes',
  Created: 1764460800,
  Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
  HostConfig: { NetworkMode: 'shop_default' },
  NetworkSettings: { Networks: { shop_default: { NetworkID: 'n1', IPAddress: '172.20.0.2', IPPrefixLen: 16, Gateway: '172.20.0.1', MacAddress: '02:42:ac:14:00:02', Aliases: null } } },
};
const opts: RowOptions = { showStopped: true, groupByCompose: false, t };

describe('a container listed and not read yet', () => {
  const c = listedContainer(entry);

  it('is being read, not failed: no readFailure, no read time, every unread fact says "not read yet"', () => {
    assert.equal(c.reading, true);
    assert.equal(c.readFailure, undefined);
    assert.equal(c.readAt, null);
    for (const type of NAMESPACE_TYPES) assert.deepEqual(c.namespaces[type].inode, { unavailable: NOT_READ_YET });
    assert.ok(isUnavailable(c.cgroup.memory.limitBytes.declared));
    assert.ok(isUnavailable(c.pid));
  });

  it('keeps what the list says: name, image, state, compose project and the addresses', () => {
    assert.equal(c.name, 'web');
    assert.equal(c.image, 'nginx:1.27');
    assert.equal(c.state, 'running');
    assert.deepEqual(c.compose, { project: 'shop', service: 'web' });
    assert.equal(c.networks.length, 1);
    const n = c.networks[0];
    assert.equal(n.name, 'shop_default');
    assert.equal(valueOf(n.ipAddress, ''), '172.20.0.2');
    assert.equal(valueOf(n.prefixLength, 0), 16);
    assert.equal(valueOf(n.gateway, ''), '172.20.0.1');
    assert.ok(isUnavailable(n.hostVeth), 'no veth is claimed before /sys is read');
    assert.ok(!isFact(n.bridge));
    assert.deepEqual(n.aliases, []);
    assert.equal(c.network.networks, c.networks);
  });

  it('has its row in the tree, saying "reading…", with one "Reading…" row under it and no warning', () => {
    const row = containerRow(c, t);
    assert.match(row.description ?? '', /reading…/);
    assert.doesNotMatch(row.description ?? '', /could not be read/);
    assert.notEqual(row.icon?.id, 'warning');
    assert.match(String(row.tooltip.facts.find((f) => f.label === 'Networks')?.value), /shop_default 172\.20\.0\.2\/16/);
    const children = sectionRows(c, t);
    assert.deepEqual(children.map((r) => [r.kind, r.label, r.icon?.id]), [['message', 'Reading…', 'loading~spin']]);
  });

  it('sits in the tree beside containers already read, in the same order', () => {
    const reading = childRows(snapshotOf(host, [old, c]), undefined, opts);
    const read = childRows(snapshotOf(host, [old, web]), undefined, opts);
    assert.deepEqual(reading.map((r) => r.label), read.map((r) => r.label));
    assert.deepEqual(reading.map((r) => r.id), read.map((r) => r.id), 'the row keeps its id when its read lands');
    const sections = childRows(snapshotOf(host, [old, web]), read.find((r) => r.containerId === WEB_ID), opts);
    assert.ok(sections.length >= 3, 'once read, the row has its sections');
  });

  it('the text report says it is not read yet and claims nothing else', () => {
    const text = renderContainer(c, { color: false, explain: false, lang: 'en' });
    assert.ok(text.includes(NOT_READ_YET));
    assert.doesNotMatch(text, /Namespaces|cgroup limits|could not be read/);
  });
});
