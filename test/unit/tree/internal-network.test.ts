import * as assert from 'node:assert/strict';
import { plainTranslate } from '../../../src/tree/rows';
import { networkRows } from '../../../src/tree/rows/network';
import { attachment, containerOf, networkOf } from '../../fixtures/snapshot';

describe('tree/rows: a container on an internal network', () => {
  it('explains that network as internal, not with the bridge mode\'s "out through NAT, in through published ports"', () => {
    const front = attachment({ name: 'app_front', networkId: 'f'.repeat(64), driver: 'bridge', ip: '172.21.0.2', prefix: 16 });
    const back = { ...attachment({ name: 'app_back', networkId: 'e'.repeat(64), driver: 'bridge', ip: '172.22.0.2', prefix: 16 }), internal: true as const };
    const c = containerOf({ id: 'b'.repeat(64), name: 'web', network: networkOf({ mode: 'bridge', rawMode: 'app_front', networks: [front, back] }) });
    const rows = networkRows(c, plainTranslate);
    const topics = (name: string): string[] => rows.find((r) => r.label === name)?.tooltip.topics.map((t) => t.topic) ?? [];
    assert.deepEqual(topics('app_back'), ['net.internal', 'net.bridge']);
    assert.equal(topics('app_front')[0], 'net.mode.bridge');
  });
});
