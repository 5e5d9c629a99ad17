/**
 * The snapshot's GET client against a local unix-socket server, side by side with dockerode
 * on the same server: the same requests go out, the same answers come back, and failures map
 * to the same EngineError. The real engine path is covered by the integration tests.
 */
import * as assert from 'node:assert/strict';
import type * as http from 'node:http';
import * as path from 'node:path';
import { connectEngine, type Engine } from '../../../src/core/engine/connection';
import { toEngineError } from '../../../src/core/engine/errors';
import { queryString } from '../../../src/core/engine/http';
import { close, fakeEngineServer, listen, tempDir, unixChoice } from './helpers';

interface Seen {
  method: string;
  url: string;
  host: string | undefined;
}

describe('engine/http: the snapshot GET client reads like dockerode', function () {
  this.timeout(10000);
  const tmp = tempDir('http');
  after(() => tmp.cleanup());
  let server: http.Server;
  let engine: Engine;
  let seen: Seen[];
  const sock = path.join(tmp.dir, 'engine.sock');

  before(async () => {
    server = fakeEngineServer({ ApiVersion: '1.41', MinAPIVersion: '1.12', Version: '20.10.24' }, (req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host });
      const url = req.url ?? '';
      const json = (status: number, body: unknown): true => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
        return true;
      };
      if (url === '/v1.41/containers/json?all=true') return json(200, [{ Id: 'a'.repeat(64), Names: ['/one'], State: 'running' }]);
      if (url === '/v1.41/networks') return json(200, [{ Id: 'n1', Name: 'bridge', Driver: 'bridge' }]);
      if (url === '/v1.41/info') return json(200, { CgroupVersion: '1', Name: 'héllo' });
      if (url === '/v1.41/containers/good/json') return json(200, { Id: 'good', Name: '/good', Config: { Labels: { 'x.y': 'ü' } } });
      if (url === '/v1.41/containers/broken/json') {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('engine exploded');
        return true;
      }
      if (url === '/v1.41/containers/teapot/json') return json(418, { message: 'short and stout' });
      return false; // 404 with the engine's "No such container" message
    });
    await listen(server, sock);
    engine = await connectEngine(unixChoice(sock));
  });

  after(async () => {
    engine.dispose();
    await close(server);
  });

  beforeEach(() => {
    seen = [];
  });

  it('sends the same GETs as dockerode and gets the same values back', async () => {
    const ours = [await engine.listContainers(true), await engine.listNetworks(), await engine.inspectContainer('good')];
    const oursSeen = seen;
    seen = [];
    const theirs = [await engine.docker.listContainers({ all: true }), await engine.docker.listNetworks(), await engine.docker.getContainer('good').inspect()];
    assert.deepEqual(ours, theirs);
    assert.deepEqual(oursSeen, seen);
    assert.deepEqual(
      oursSeen.map((s) => `${s.method} ${s.url}`),
      ['GET /v1.41/containers/json?all=true', 'GET /v1.41/networks', 'GET /v1.41/containers/good/json'],
    );
  });

  it('info() decodes UTF-8 and is cached', async () => {
    const info = await engine.info();
    assert.equal(info.Name, 'héllo');
    assert.equal(await engine.info(), info);
  });

  for (const id of ['missing', 'broken', 'teapot']) {
    it(`a failing inspect (${id}) rejects as dockerode's does, and maps to the same EngineError`, async () => {
      const fail = (p: Promise<unknown>): Promise<unknown> => p.then(() => assert.fail('should reject'), (e: unknown) => e);
      const ours = (await fail(engine.inspectContainer(id))) as { message: string; statusCode: number; json: unknown };
      const theirs = (await fail(engine.docker.getContainer(id).inspect())) as { message: string; statusCode: number; json: unknown };
      assert.equal(ours.message, theirs.message);
      assert.equal(ours.statusCode, theirs.statusCode);
      assert.deepEqual(Buffer.isBuffer(ours.json) ? ours.json.toString() : ours.json, Buffer.isBuffer(theirs.json) ? theirs.json.toString() : theirs.json);
      const a = toEngineError(ours, engine.choice.endpoint);
      const b = toEngineError(theirs, engine.choice.endpoint);
      assert.deepEqual([a.code, a.message, a.hint, a.statusCode], [b.code, b.message, b.hint, b.statusCode]);
    });
  }

  it('a missing container is not-found with the engine\'s message', async () => {
    const e = await engine.inspectContainer('gone').then(
      () => assert.fail('should reject'),
      (err: unknown) => toEngineError(err, engine.choice.endpoint),
    );
    assert.equal(e.code, 'not-found');
    assert.equal(e.message, 'No such container: gone');
  });

  it('a socket that is not there fails as it does through dockerode', async () => {
    const wrong = path.join(tmp.dir, 'nothing.sock');
    const err = await connectEngine(unixChoice(wrong)).then(
      () => assert.fail('should reject'),
      (e: unknown) => e as { code: string; message: string },
    );
    assert.equal(err.code, 'socket-missing');
    assert.equal(err.message, `No Docker engine socket at ${wrong}`);
  });

  it('builds query strings as docker-modem does (objects as JSON)', () => {
    const modem = (engine.docker as unknown as { modem: { buildQuerystring(o: Record<string, unknown>): string } }).modem;
    for (const q of [{ all: true }, { all: false }, { filters: { label: ['a=b c'], status: ['running'] }, since: '1.5' }, { name: "x!'()*~" }]) {
      assert.equal(queryString(q), modem.buildQuerystring(q));
    }
  });
});
