import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync } from 'node:fs';
import * as https from 'node:https';
import * as net from 'node:net';
import * as path from 'node:path';
import { connectEngine } from '../../../src/core/engine/connection';
import type { EndpointChoice } from '../../../src/core/engine/endpoint';
import { EngineError, toEngineError } from '../../../src/core/engine/errors';
import { close, fakeEngineServer, listen, runAsNobody, selfSignedCert, tempDir, unixChoice } from './helpers';

async function connectError(choice: EndpointChoice, timeoutMs = 3000): Promise<EngineError> {
  try {
    const engine = await connectEngine(choice, { timeoutMs });
    engine.dispose();
  } catch (err) {
    assert.ok(err instanceof EngineError, `expected EngineError, got ${String(err)}`);
    return err;
  }
  throw new Error('connectEngine succeeded where it should fail');
}

function freePort(): Promise<number> {
  const s = net.createServer();
  return listen(s, { port: 0, host: '127.0.0.1' }).then(async () => {
    const port = (s.address() as net.AddressInfo).port;
    await close(s);
    return port;
  });
}

const VERSION = { ApiVersion: '1.41', MinAPIVersion: '1.12', Version: '20.10.24' };

describe('engine/errors: each cause provoked for real', function () {
  this.timeout(20000);
  const tmp = tempDir('errors');
  after(() => tmp.cleanup());

  it('ENOENT on a socket path that does not exist -> socket-missing', async () => {
    const sock = path.join(tmp.dir, 'nothing-here.sock');
    const err = await connectError(unixChoice(sock));
    assert.equal(err.code, 'socket-missing');
    assert.equal(err.message, `No Docker engine socket at ${sock}`);
    assert.match(err.hint, /sudo systemctl start docker/);
    assert.match(err.hint, /another context/);
    assert.equal(err.endpoint, `unix://${sock}`);
  });

  it('a socket file with nobody listening -> refused', async () => {
    const sock = path.join(tmp.dir, 'stale.sock');
    // A bound socket whose process is gone; python leaves the file behind, node would unlink it.
    execFileSync('python3', ['-c', `import socket; socket.socket(socket.AF_UNIX).bind(${JSON.stringify(sock)})`]);
    const err = await connectError(unixChoice(sock));
    assert.equal(err.code, 'refused');
    assert.equal(err.message, `Nothing is listening on ${sock}`);
  });

  it('a closed TCP port -> refused', async () => {
    const port = await freePort();
    const err = await connectError({ endpoint: `tcp://127.0.0.1:${port}`, kind: 'tcp', context: null, chosenBy: 'setting', tls: null });
    assert.equal(err.code, 'refused');
    assert.match(err.message, new RegExp(`tcp://127.0.0.1:${port} refused the connection`));
  });

  it('a socket that accepts and never answers -> timeout naming the seconds', async () => {
    const sock = path.join(tmp.dir, 'silent.sock');
    const held: net.Socket[] = [];
    let closed = 0;
    const server = net.createServer((s) => {
      held.push(s);
      s.resume();
      s.on('close', () => closed++);
    });
    await listen(server, sock);
    try {
      const started = Date.now();
      const err = await connectError(unixChoice(sock), 400);
      const took = Date.now() - started;
      assert.equal(err.code, 'timeout');
      assert.equal(err.message, `The engine at ${sock} did not answer within 0.4 s`);
      assert.ok(took >= 390 && took < 3000, `took ${took} ms`);
      // The aborted request must not leave the connection open.
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(held.length, 1);
      assert.equal(closed, 1, 'the silent connection was closed');
    } finally {
      held.forEach((s) => s.destroy());
      await close(server);
    }
  });

  it('EACCES: uid 65534 (no docker group) on a root-owned socket of mode 000 -> permission-denied', async () => {
    // As root, chmod does not stop connect(), so the real attempt runs in a child as nobody.
    const sock = path.join(tmp.dir, 'locked.sock');
    const server = fakeEngineServer(VERSION);
    await listen(server, sock);
    chmodSync(sock, 0o000);
    chmodSync(tmp.dir, 0o755);
    try {
      const script = `
        const { connectEngine } = require('./src/core/engine/connection');
        connectEngine({ endpoint: 'unix://${sock}', kind: 'unix', context: null, chosenBy: 'setting', tls: null })
          .then(() => console.log(JSON.stringify({ ok: true })),
                (e) => console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message, hint: e.hint, uid: process.getuid() })));`;
      const out = runAsNobody(script) as Record<string, unknown>;
      assert.deepEqual(out, {
        name: 'EngineError',
        code: 'permission-denied',
        message: `Permission denied on ${sock}`,
        hint: 'Add your user to the docker group (sudo usermod -aG docker $USER, then log in again) or use a rootless Docker context.',
        uid: 65534,
      });
    } finally {
      await close(server);
    }
  });

  describe('TLS against a local HTTPS server with a self-signed certificate for 127.0.0.1', () => {
    let server: https.Server;
    let port = 0;
    let certDir = '';
    before(async () => {
      const { cert, key } = selfSignedCert(tmp.dir);
      certDir = path.join(tmp.dir, 'client-certs');
      execFileSync('mkdir', ['-p', certDir]);
      copyFileSync(cert, path.join(certDir, 'ca.pem'));
      const plain = fakeEngineServer(VERSION);
      server = https.createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (req, res) => plain.emit('request', req, res));
      await listen(server, { port: 0, host: '127.0.0.1' });
      port = (server.address() as net.AddressInfo).port;
    });
    after(() => close(server));

    const tlsChoice = (verify: boolean, certPath: string | null): EndpointChoice => ({
      endpoint: `tcp://127.0.0.1:${port}`,
      kind: 'tcp',
      context: null,
      chosenBy: 'DOCKER_HOST',
      tls: { verify, certPath },
    });

    it('verifying without the CA -> tls, with the DOCKER_CERT_PATH hint', async () => {
      const err = await connectError(tlsChoice(true, null));
      assert.equal(err.code, 'tls');
      assert.match(err.message, /^TLS with tcp:\/\/127\.0\.0\.1:\d+ failed: self[- ]signed certificate/);
      assert.match(err.hint, /DOCKER_CERT_PATH/);
    });

    it('verifying with ca.pem from certPath connects', async () => {
      const engine = await connectEngine(tlsChoice(true, certDir), { timeoutMs: 3000 });
      assert.equal(engine.apiVersion, '1.41');
      engine.dispose();
    });

    it('verify=false (SkipTLSVerify / DOCKER_TLS) connects without the CA', async () => {
      const engine = await connectEngine(tlsChoice(false, null), { timeoutMs: 3000 });
      assert.equal(engine.serverVersion, '20.10.24');
      engine.dispose();
    });

    it('plain HTTP to the TLS port fails clearly rather than hanging', async () => {
      const err = await connectError({ ...tlsChoice(false, null), tls: null });
      assert.notEqual(err.code, 'timeout');
      assert.ok(err.message.includes(`127.0.0.1:${port}`), err.message);
    });
  });

  it('ssh:// to a closed port -> ssh', async () => {
    const port = await freePort();
    const err = await connectError({ endpoint: `ssh://someone@127.0.0.1:${port}`, kind: 'ssh', context: null, chosenBy: 'setting', tls: null });
    assert.equal(err.code, 'ssh');
    assert.match(err.message, /^SSH to ssh:\/\/someone@127\.0\.0\.1:\d+ failed: .*ECONNREFUSED/);
    assert.match(err.hint, /host name and port/);
  });

  it('HTTP 404 from dockerode for a container -> not-found; other statuses -> api', async () => {
    const sock = path.join(tmp.dir, 'engine.sock');
    const server = fakeEngineServer(VERSION, (req, res) => {
      if (req.url?.endsWith('/info')) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: 'daemon is unwell' }));
        return true;
      }
      return false;
    });
    await listen(server, sock);
    try {
      const engine = await connectEngine(unixChoice(sock));
      const notFound = await engine.docker.getContainer('deadbeef').inspect().then(
        () => assert.fail('inspect should fail'),
        (e: unknown) => toEngineError(e, engine.choice.endpoint),
      );
      assert.equal(notFound.code, 'not-found');
      assert.equal(notFound.message, 'No such container: deadbeef');
      assert.equal(notFound.statusCode, 404);
      await assert.rejects(engine.info(), (e: unknown) => {
        assert.ok(e instanceof EngineError);
        assert.equal(e.code, 'api');
        assert.equal(e.message, 'The engine answered 500: daemon is unwell');
        return true;
      });
      engine.dispose();
    } finally {
      await close(server);
    }
  });

  it('passes an EngineError through unchanged', () => {
    const e = new EngineError('ssh', 'ssh://x', 'm', 'h');
    assert.equal(toEngineError(e, 'other'), e);
  });
});
