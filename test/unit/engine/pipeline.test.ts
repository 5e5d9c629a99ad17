/**
 * Pipelined inspects against a raw unix-socket server that writes its answers byte by byte
 * as scripted: several requests go out on one connection before any answer, both framings
 * an engine uses are read, and whatever the pipeline cannot read (a connection closed
 * midway, an unknown coding, a stuck answer) ends that connection and its requests are
 * answered through the plain client. The real engine path is covered by the integration
 * tests, whose inspects all go through it.
 */
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as path from 'node:path';
import { connectEngine, type Engine } from '../../../src/core/engine/connection';
import { toEngineError } from '../../../src/core/engine/errors';
import { close, listen, tempDir, unixChoice } from './helpers';

type Script = (conn: number, index: number, path: string) => string | null | 'hang' | 'close';

const VERSION = JSON.stringify({ ApiVersion: '1.41', MinAPIVersion: '1.12', Version: '20.10.24' });

/** Answers are built as latin1 strings holding the bytes: the body's UTF-8 included. */
function contentLength(status: number, body: string, extra = ''): string {
  const bytes = Buffer.from(body).toString('latin1');
  return `HTTP/1.1 ${status} X\r\nContent-Type: application/json\r\n${extra}Content-Length: ${bytes.length}\r\n\r\n${bytes}`;
}

/** The body in chunks of 7 bytes, the first with an extension, and a trailer field at the end. */
function chunked(body: string): string {
  const b = Buffer.from(body);
  let out = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
  for (let i = 0; i < b.length; i += 7) {
    const part = b.subarray(i, i + 7);
    out += `${part.length.toString(16)}${i === 0 ? ';name=value' : ''}\r\n${part.toString('latin1')}\r\n`;
  }
  return out + '0\r\nX-Trailer: t\r\n\r\n';
}

const inspect = (id: string): string => JSON.stringify({ Id: id, Name: `/${id}`, Config: { Labels: { note: 'ü' } } });

/**
 * A server that reads each connection's requests (GET, no body) as they come and answers
 * them in order through `script`; it records, per connection, how many requests had
 * arrived before its first answer was written.
 */
function rawServer(script: () => Script) {
  const stats = { connections: 0, beforeFirstAnswer: [] as number[], paths: [] as string[] };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const conn = stats.connections++;
    let buf = '';
    let index = 0;
    let answered = false;
    socket.on('error', () => undefined);
    socket.on('data', (d) => {
      buf += d.toString('latin1');
      const requests: string[] = [];
      for (let end = buf.indexOf('\r\n\r\n'); end >= 0; end = buf.indexOf('\r\n\r\n')) {
        requests.push(buf.slice(0, end).split(' ')[1]);
        buf = buf.slice(end + 4);
      }
      // Answer after a turn, so that requests written together arrive together.
      setImmediate(() => {
        for (const p of requests) {
          stats.paths.push(p);
          if (!answered) stats.beforeFirstAnswer[conn] = requests.length;
          answered = true;
          const out = p === '/version' ? contentLength(200, VERSION) : script()(conn, index++, p);
          if (out === 'hang') return;
          if (out === 'close' || out === null) {
            socket.destroy();
            return;
          }
          socket.write(out, 'latin1');
        }
      });
    });
  });
  /** Closes the server and every connection it has, as an engine going away does. */
  const shutdown = (): Promise<void> => {
    for (const s of sockets) s.destroy();
    return close(server);
  };
  return { server, stats, shutdown };
}

describe('engine/pipeline: inspects pipelined on a socket, and what it does with answers it cannot read', function () {
  this.timeout(15000);
  const tmp = tempDir('pipeline');
  after(() => tmp.cleanup());
  let script: Script = () => null;
  const { server, stats, shutdown } = rawServer(() => script);
  const sock = path.join(tmp.dir, 'engine.sock');
  let engine: Engine;
  const ids = Array.from({ length: 30 }, (_, i) => `c${i}`);
  const idOf = (p: string): string => /\/containers\/([^/]+)\/json$/.exec(p)?.[1] ?? '';

  before(async () => {
    await listen(server, sock);
  });
  beforeEach(async () => {
    stats.connections = 0;
    stats.beforeFirstAnswer = [];
    stats.paths = [];
    engine = await connectEngine(unixChoice(sock), { timeoutMs: 1500 });
  });
  afterEach(() => engine.dispose());
  after(() => shutdown());

  it('writes a burst of inspects on at most two connections without waiting, and reads Content-Length and chunked answers alike', async () => {
    script = (_conn, i, p) => (i % 2 ? chunked(inspect(idOf(p))) : contentLength(200, inspect(idOf(p))));
    const got = await Promise.all(ids.map((id) => engine.inspectContainer(id)));
    assert.deepEqual(got.map((r: { Id: string }) => r.Id), ids);
    assert.equal(got[1].Config.Labels.note, 'ü', 'UTF-8 split across chunks is decoded whole');
    // /version came through the plain client on its own connection; the 30 inspects on two more.
    assert.equal(stats.connections, 3);
    assert.ok(stats.beforeFirstAnswer.slice(1).every((n) => n > 1), `several requests before the first answer on each connection: ${stats.beforeFirstAnswer}`);
  });

  it('an error status rejects as the plain client does (HttpStatusError, the engine\'s message, not-found)', async () => {
    script = (_c, _i, p) => (idOf(p) === 'gone' ? contentLength(404, JSON.stringify({ message: 'No such container: gone' })) : contentLength(200, inspect(idOf(p))));
    const [ok, gone] = await Promise.allSettled([engine.inspectContainer('c1'), engine.inspectContainer('gone')]);
    assert.equal(ok.status === 'fulfilled' && ok.value.Id, 'c1');
    assert.equal(gone.status, 'rejected');
    const e = toEngineError((gone as PromiseRejectedResult).reason, engine.choice.endpoint);
    assert.deepEqual([e.code, e.message], ['not-found', 'No such container: gone']);
  });

  for (const [what, bad] of [
    ['a connection closed after one answer', 'close'],
    ['an answer with Connection: close', 'connection-close'],
    ['an answer in a coding it does not read', 'gzip'],
    ['an answer without a length', 'no-length'],
    ['a malformed status line', 'garbage'],
  ] as const) {
    it(`${what}: the requests still owed on it are answered through the plain client, none lost`, async () => {
      // The pipelined connections (1 and 2) go wrong on their second answer; later ones (the plain client's) answer well.
      script = (conn, i, p) => {
        const good = contentLength(200, inspect(idOf(p)));
        if (conn > 2 || i === 0) return good;
        if (bad === 'close') return 'close';
        if (bad === 'connection-close') return contentLength(200, inspect(idOf(p)), 'Connection: close\r\n');
        if (bad === 'gzip') return good.replace('Content-Length', 'Transfer-Encoding: gzip\r\nX-Length');
        if (bad === 'no-length') return `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${inspect(idOf(p))}`;
        return `HTTP/9 what\r\n\r\n`;
      };
      const got = await Promise.all(ids.map((id) => engine.inspectContainer(id)));
      assert.deepEqual(got.map((r: { Id: string }) => r.Id), ids);
      assert.ok(stats.connections > 3, 'the owed requests went out again on new connections');
    });
  }

  it('one stuck answer costs only its own request: the others queued behind it are answered, and it times out alone', async () => {
    script = (conn, _i, p) => (idOf(p) === 'stuck' && conn <= 2 ? 'hang' : contentLength(200, inspect(idOf(p))));
    const all = ['stuck', ...ids];
    const settled = await Promise.allSettled(all.map((id) => engine.inspectContainer(id)));
    const stuck = settled[0];
    assert.equal(stuck.status, 'rejected');
    assert.equal(toEngineError((stuck as PromiseRejectedResult).reason, engine.choice.endpoint).code, 'timeout');
    assert.deepEqual(settled.slice(1).map((s) => s.status === 'fulfilled' && s.value.Id), ids);
  });

  it('an engine gone since connecting fails an inspect as the plain client fails a list', async () => {
    const { server: other, shutdown: goAway } = rawServer(() => (_c, _i, p) => contentLength(200, inspect(idOf(p))));
    const sock2 = path.join(tmp.dir, 'other.sock');
    await listen(other, sock2);
    const e2 = await connectEngine(unixChoice(sock2));
    try {
      await goAway(); // removes the socket file too
      await new Promise((resolve) => setTimeout(resolve, 50)); // the client side sees its kept-open connections close
      const code = (p: Promise<unknown>): Promise<string> => p.then(() => assert.fail('should reject'), (err: unknown) => toEngineError(err, e2.choice.endpoint).code);
      const viaPipeline = await code(e2.inspectContainer('c1'));
      assert.equal(viaPipeline, await code(e2.listContainers(true)));
      assert.equal(viaPipeline, 'socket-missing');
    } finally {
      e2.dispose();
    }
  });
});
