/**
 * Stream handling of EventWatcher against a local HTTP server on a unix socket that speaks
 * /version and /events. This proves the parser, the resume and the reconnect logic; the
 * real engine path is proven in test/integration/engine.test.ts.
 */
import * as assert from 'node:assert/strict';
import type * as http from 'node:http';
import * as path from 'node:path';
import { connectEngine, type Engine } from '../../../src/core/engine/connection';
import { CONTAINER_EVENTS, EventWatcher, formatSeconds, type EngineEvent, type WatcherStatus } from '../../../src/core/engine/watcher';
import { close, fakeEngineServer, listen, tempDir, unixChoice } from './helpers';

const T0 = 1764300000n * 1_000_000_000n;

function event(type: string, action: string, id: string, nano: bigint, attributes: Record<string, string> = {}): string {
  // timeNano written as an exact integer, as the engine does (beyond 2^53).
  const sec = nano / 1_000_000_000n;
  return `{"status":"${action}","id":"${id}","Type":"${type}","Action":"${action}","Actor":{"ID":"${id}","Attributes":${JSON.stringify(attributes)}},"scope":"local","time":${sec},"timeNano":${nano}}\n`;
}

function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (cond()) resolve();
      else if (Date.now() > end) reject(new Error('condition not met in time'));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

describe('engine/watcher: EventWatcher over a local /events stream', function () {
  this.timeout(15000);
  const tmp = tempDir('watcher');
  const sock = path.join(tmp.dir, 'engine.sock');
  let server: http.Server;
  let engine: Engine;
  let requests: URL[] = [];
  let onEvents: (res: http.ServerResponse, n: number) => void = () => {};
  const watchers: EventWatcher[] = [];
  const watch = (opts?: { backoffMs?: number[] }): EventWatcher => {
    const w = new EventWatcher(engine, opts);
    watchers.push(w);
    return w;
  };

  beforeEach(async () => {
    requests = [];
    server = fakeEngineServer({ ApiVersion: '1.43', MinAPIVersion: '1.12', Version: '24.0.0' }, (req, res) => {
      const url = new URL(req.url ?? '/', 'http://engine');
      if (url.pathname !== '/v1.43/events') return false;
      requests.push(url);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.flushHeaders(); // as dockerd does: the subscription is answered at once
      onEvents(res, requests.length);
      return true;
    });
    await listen(server, sock);
    engine = await connectEngine(unixChoice(sock));
  });
  afterEach(async () => {
    watchers.splice(0).forEach((w) => w.stop());
    engine.dispose();
    await close(server);
  });
  after(() => tmp.cleanup());

  it('subscribes with since and the container/network filters, and parses chunk-split messages', async () => {
    const e1 = event('container', 'create', 'c1', T0 + 1n, { name: 'web', image: 'busybox' });
    const e2 = event('container', 'start', 'c1', T0 + 2n);
    const e3 = event('network', 'connect', 'n1', T0 + 3n, { container: 'c1', name: '브리지', type: 'bridge' });
    const all = Buffer.from(e1 + e2 + e3, 'utf8');
    const cutInUtf8 = all.indexOf(Buffer.from('브', 'utf8')) + 1;
    onEvents = (res) => {
      // e1 split in two; the rest of e1 plus e2 plus part of e3 in one chunk; e3 cut inside a character.
      const pieces = [all.subarray(0, 20), all.subarray(20, cutInUtf8), all.subarray(cutInUtf8)];
      pieces.forEach((p, i) => setTimeout(() => res.write(p), 30 * (i + 1)));
    };
    const w = watch();
    const got: EngineEvent[] = [];
    w.onEvent((e) => got.push(e));
    w.start(1764300000.5);
    await until(() => got.length === 3);
    w.stop();

    const q = requests[0];
    assert.equal(q.searchParams.get('since'), '1764300000.500000000');
    assert.deepEqual(JSON.parse(q.searchParams.get('filters') ?? ''), {
      type: ['container', 'network'],
      event: [...CONTAINER_EVENTS, 'connect', 'disconnect'],
    });
    assert.deepEqual(
      got.map((e) => [e.type, e.action, e.id]),
      [
        ['container', 'create', 'c1'],
        ['container', 'start', 'c1'],
        ['network', 'connect', 'n1'],
      ],
    );
    assert.deepEqual(got[0].attributes, { name: 'web', image: 'busybox' });
    assert.equal(got[2].attributes.name, '브리지');
    assert.equal(got[1].timeNano, Number(T0 + 2n));
  });

  it('on stream end reconnects with backoff, resumes from the last event and drops what it already delivered', async () => {
    const last = T0 + 5_000_000_123n;
    onEvents = (res, n) => {
      if (n === 1) {
        res.write(event('container', 'create', 'c2', T0 + 1n));
        res.end(event('container', 'start', 'c2', last));
      } else {
        // The engine replays everything at or after since: both old events, then a new one.
        res.write(event('container', 'create', 'c2', T0 + 1n));
        res.write(event('container', 'start', 'c2', last));
        res.write(event('container', 'die', 'c2', last + 7n, { exitCode: '0' }));
      }
    };
    const w = watch({ backoffMs: [50] });
    const got: string[] = [];
    const statuses: WatcherStatus[] = [];
    w.onEvent((e) => got.push(`${e.action}:${e.id}`));
    w.onStatus((s) => statuses.push(s));
    w.start(0);
    await until(() => got.length === 3);
    await new Promise((r) => setTimeout(r, 100));
    w.stop();

    assert.equal(requests[0].searchParams.get('since'), null, 'start(0) subscribes from now');
    // Resume point: the last event's time minus a one-second margin, to the nanosecond.
    assert.equal(requests[1].searchParams.get('since'), formatNano(last - 1_000_000_000n));
    assert.deepEqual(got, ['create:c2', 'start:c2', 'die:c2']);
    assert.deepEqual(
      statuses.map((s) => [s.connected, s.error?.code ?? null]),
      [
        [true, null],
        [false, 'other'],
        [true, null],
      ],
    );
    assert.match(statuses[1].error?.message ?? '', /closed the event stream/);
  });

  it('reports the engine going away and comes back when it returns', async () => {
    onEvents = () => {};
    const w = watch({ backoffMs: [40, 80] });
    const statuses: WatcherStatus[] = [];
    w.onStatus((s) => statuses.push(s));
    w.start(0);
    await until(() => statuses.length === 1);
    await close(server); // also unlinks the socket: the next attempts hit ENOENT
    await until(() => statuses.some((s) => s.error?.code === 'socket-missing'));
    const seen = statuses.length;
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(statuses.length, seen, 'repeated failures with the same cause are reported once');
    await listen(server, sock);
    await until(() => statuses.length === seen + 1);
    w.stop();
    assert.deepEqual(
      statuses.map((s) => [s.connected, s.error?.code ?? null]),
      [
        [true, null],
        [false, 'other'], // the stream closed under us
        [false, 'socket-missing'], // then the socket is gone
        [true, null],
      ],
    );
    assert.match(statuses[2].error?.message ?? '', /^No Docker engine socket at /);
    assert.ok(requests.length >= 2);
  });

  it('stop() closes the stream and nothing is delivered or retried afterwards', async () => {
    let streamClosed = false;
    let response: http.ServerResponse | undefined;
    onEvents = (res) => {
      response = res;
      res.on('close', () => (streamClosed = true));
    };
    const w = watch({ backoffMs: [20] });
    const got: EngineEvent[] = [];
    w.onEvent((e) => got.push(e));
    w.start(0);
    await until(() => response !== undefined);
    w.stop();
    await until(() => streamClosed);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(requests.length, 1);
    assert.equal(got.length, 0);
  });

  it('an unsubscribed listener gets nothing', async () => {
    onEvents = (res) => setTimeout(() => res.write(event('container', 'create', 'c3', T0)), 20);
    const w = watch();
    const kept: string[] = [];
    const dropped: string[] = [];
    w.onEvent((e) => kept.push(e.id));
    const off = w.onEvent((e) => dropped.push(e.id));
    off();
    w.start(0);
    await until(() => kept.length === 1);
    w.stop();
    assert.deepEqual(dropped, []);
  });

  it('formatSeconds writes seconds.nanoseconds', () => {
    assert.equal(formatSeconds(1764300000), '1764300000');
    assert.equal(formatSeconds(1764300000.25), '1764300000.250000000');
    assert.equal(formatSeconds(0), '');
  });
});

function formatNano(n: bigint): string {
  return `${n / 1_000_000_000n}.${String(n % 1_000_000_000n).padStart(9, '0')}`;
}
