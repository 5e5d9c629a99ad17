/**
 * Version negotiation against local servers that answer GET /version the way engines of
 * other versions do. The real engine's answer is checked in the integration test.
 */
import * as assert from 'node:assert/strict';
import type * as http from 'node:http';
import * as path from 'node:path';
import { CLIENT_MAX_API, compareApi, connectEngine, negotiate } from '../../../src/core/engine/connection';
import { EngineError } from '../../../src/core/engine/errors';
import { close, fakeEngineServer, listen, tempDir, unixChoice } from './helpers';

describe('engine/connection: API version negotiation', function () {
  this.timeout(10000);
  const tmp = tempDir('conn');
  after(() => tmp.cleanup());

  async function withServer<T>(version: Record<string, unknown>, fn: (sock: string, paths: string[]) => Promise<T>): Promise<T> {
    const sock = path.join(tmp.dir, `v${Math.random().toString(16).slice(2)}.sock`);
    const paths: string[] = [];
    const server: http.Server = fakeEngineServer(version, (req, res) => {
      paths.push(req.url ?? '');
      if (req.url?.endsWith('/info')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ CgroupVersion: '2', calls: paths.length }));
        return true;
      }
      return false;
    });
    await listen(server, sock);
    try {
      return await fn(sock, paths);
    } finally {
      await close(server);
    }
  }

  it('uses the server version when it is older than ours, and pins later requests to it', () =>
    withServer({ ApiVersion: '1.41', MinAPIVersion: '1.12', Version: '20.10.24' }, async (sock, paths) => {
      const engine = await connectEngine(unixChoice(sock));
      assert.equal(engine.apiVersion, '1.41');
      assert.equal(engine.serverVersion, '20.10.24');
      const info = await engine.info();
      const again = await engine.info();
      assert.equal(info, again, 'info() is cached');
      assert.deepEqual(paths, ['/v1.41/info']);
      engine.dispose();
    }));

  it('caps a newer server at CLIENT_MAX_API', () =>
    withServer({ ApiVersion: '1.52', MinAPIVersion: '1.44', Version: '29.0.0' }, async (sock) => {
      const engine = await connectEngine(unixChoice(sock));
      assert.equal(engine.apiVersion, CLIENT_MAX_API);
      engine.dispose();
    }));

  it('refuses clearly when the server no longer accepts our newest version', () =>
    withServer({ ApiVersion: '1.60', MinAPIVersion: '1.50', Version: '40.0.0' }, async (sock) => {
      await assert.rejects(connectEngine(unixChoice(sock)), (e: unknown) => {
        assert.ok(e instanceof EngineError);
        assert.equal(e.code, 'api');
        assert.match(e.message, new RegExp(`needs API 1\\.50 or newer, but this extension speaks at most ${CLIENT_MAX_API.replace('.', '\\.')}`));
        return true;
      });
    }));

  it('an endpoint that answers /version without ApiVersion is not taken for an engine', () =>
    withServer({ hello: 'world' }, async (sock) => {
      await assert.rejects(connectEngine(unixChoice(sock)), (e: unknown) => e instanceof EngineError && e.code === 'api' && /did not report its API version/.test(e.message));
    }));

  it('compares versions numerically', () => {
    assert.ok(compareApi('1.9', '1.41') < 0);
    assert.ok(compareApi('1.41', '1.41') === 0);
    assert.ok(compareApi('2.0', '1.99') > 0);
    assert.equal(negotiate('x', { ApiVersion: '1.9' }), '1.9');
  });
});
