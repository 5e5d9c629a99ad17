import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { EndpointChoice } from '../../../src/core/engine/endpoint';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/docker-config');

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `ca-engine-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function unixChoice(socketPath: string): EndpointChoice {
  return { endpoint: `unix://${socketPath}`, kind: 'unix', context: null, chosenBy: 'setting', tls: null };
}

export function listen(server: net.Server, where: string | { port: number; host: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    if (typeof where === 'string') server.listen(where, () => resolve());
    else server.listen(where.port, where.host, () => resolve());
  });
}

export function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    if ('closeAllConnections' in server) (server as http.Server).closeAllConnections();
    server.close(() => resolve());
  });
}

/** A local HTTP server that answers GET /version like an engine and hands other routes to `route`. */
export function fakeEngineServer(
  version: Record<string, unknown>,
  route?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean,
): http.Server {
  return http.createServer((req, res) => {
    if (req.url === '/version') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(version));
      return;
    }
    if (route?.(req, res)) return;
    const id = /\/containers\/([^/]+)\/json/.exec(req.url ?? '')?.[1];
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ message: id ? `No such container: ${id}` : `page not found` }));
  });
}

/**
 * Runs `script` with node (and tsx, so it may require .ts files of this repo) as uid/gid
 * 65534 with no supplementary groups, and returns its stdout parsed as JSON.
 */
export function runAsNobody(script: string): unknown {
  const node = execFileSync('which', ['node']).toString().trim();
  const out = spawnSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', node, '--require', require.resolve('tsx/cjs'), '-e', script],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30000, env: { ...process.env, HOME: tmpdir() } },
  );
  if (out.status !== 0) throw new Error(`setpriv child failed (${out.status}): ${out.stderr}`);
  return JSON.parse(out.stdout);
}

/** openssl: a self-signed certificate for 127.0.0.1, written as ca.pem (also the server cert) and key. */
export function selfSignedCert(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'server-cert.pem');
  const key = path.join(dir, 'server-key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
    { stdio: 'ignore' },
  );
  return { cert, key };
}
