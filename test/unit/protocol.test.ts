import * as assert from 'node:assert/strict';
import { isPersistedState, isSideRef, isWebviewMessage } from '../../src/shared/protocol';

describe('webview protocol validator', () => {
  it('accepts every well-formed message type', () => {
    const good: unknown[] = [
      { type: 'ready' },
      { type: 'openTopology', id: 'a'.repeat(64) },
      { type: 'compareWith', left: { kind: 'container', id: 'web' }, right: { kind: 'host' } },
      { type: 'copy', text: '4026532259' },
      { type: 'copy', text: '' },
      { type: 'request', requestId: 0, method: 'refresh' },
      { type: 'request', requestId: 41, method: 'refresh' },
    ];
    for (const m of good) assert.equal(isWebviewMessage(m), true, JSON.stringify(m));
  });

  it('rejects malformed, unknown, oversized and extended messages', () => {
    const bad: unknown[] = [
      null,
      undefined,
      42,
      'ready',
      [],
      [{ type: 'ready' }],
      {},
      { type: 'Ready' },
      { type: 'ready', extra: 1 },
      { type: 'openTopology' },
      { type: 'openTopology', id: '' },
      { type: 'openTopology', id: 7 },
      { type: 'openTopology', id: 'x'.repeat(257) },
      { type: 'compareWith', left: { kind: 'host' } },
      { type: 'compareWith', left: { kind: 'host' }, right: { kind: 'vm' } },
      { type: 'compareWith', left: { kind: 'container' }, right: { kind: 'host' } },
      { type: 'compareWith', left: { kind: 'host', id: 'x' }, right: { kind: 'host' } },
      { type: 'copy', text: 5 },
      { type: 'copy', text: 'x'.repeat(70000) },
      { type: 'request', requestId: '1', method: 'refresh' },
      { type: 'request', requestId: -1, method: 'refresh' },
      { type: 'request', requestId: 1.5, method: 'refresh' },
      { type: 'request', requestId: 1, method: 'exec' },
      { type: 'request', requestId: 1 },
      { type: '__proto__' },
      JSON.parse('{"type":"ready","__proto__":{"x":1}}'),
    ];
    for (const m of bad) assert.equal(isWebviewMessage(m), false, JSON.stringify(m));
  });

  it('checks side refs and the state a reloaded webview hands back', () => {
    assert.equal(isSideRef({ kind: 'host' }), true);
    assert.equal(isSideRef({ kind: 'container', id: 'abc' }), true);
    assert.equal(isSideRef({ kind: 'container', id: 'abc', x: 1 }), false);
    assert.equal(isPersistedState({ kind: 'compare', left: { kind: 'host' }, right: { kind: 'container', id: 'web' } }), true);
    assert.equal(isPersistedState({ kind: 'topology', containerId: 'web', view: { anything: true } }), true);
    assert.equal(isPersistedState({ kind: 'topology' }), false);
    assert.equal(isPersistedState({ kind: 'compare', left: { kind: 'host' } }), false);
    assert.equal(isPersistedState(undefined), false);
  });
});
