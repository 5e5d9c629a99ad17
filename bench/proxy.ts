/**
 * A counting proxy for the Docker socket: a unix-socket HTTP server that forwards every
 * request to the real engine socket and records method + path. A streamed response (the
 * /events subscription) counts once, as the one request it is; the chunks that pass through
 * it are time-stamped so a benchmark can tell when the engine delivered an event.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface ProxyRequest {
  at: number;
  method: string;
  /** Path without the query string and without the /v1.xx prefix. */
  path: string;
}

export interface EventChunk {
  at: number;
  text: string;
}

export interface CountingProxy {
  /** e.g. unix:///tmp/anatomy-bench-123.sock */
  readonly endpoint: string;
  readonly requests: ProxyRequest[];
  readonly eventChunks: EventChunk[];
  /** Requests since `since` (performance.now()), grouped by "METHOD /path" with 64-hex ids as :id. */
  countsSince(since: number, filter?: (r: ProxyRequest) => boolean): Map<string, number>;
  close(): Promise<void>;
}

const ID = /[0-9a-f]{64}/g;

export function normalisedKey(r: ProxyRequest): string {
  return `${r.method} ${r.path.replace(ID, ':id')}`;
}

export function isEventStream(r: ProxyRequest): boolean {
  return r.method === 'GET' && r.path === '/events';
}

export function startCountingProxy(socketPath: string, upstream = '/var/run/docker.sock'): Promise<CountingProxy> {
  const requests: ProxyRequest[] = [];
  const eventChunks: EventChunk[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://docker');
    const rec: ProxyRequest = { at: performance.now(), method: req.method ?? 'GET', path: url.pathname.replace(/^\/v\d+\.\d+/, '') };
    requests.push(rec);
    const up = http.request({ socketPath: upstream, method: req.method, path: req.url, headers: req.headers }, (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      // Send the headers now, as the engine does: a quiet /events stream would otherwise
      // keep them buffered until its first event, and the client would time out waiting.
      res.flushHeaders();
      if (isEventStream(rec)) upRes.on('data', (b: Buffer) => eventChunks.push({ at: performance.now(), text: b.toString('utf8') }));
      upRes.pipe(res);
    });
    up.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${err.message}`);
    });
    res.on('close', () => up.destroy());
    req.pipe(up);
  });
  server.requestTimeout = 0;
  server.timeout = 0;
  if (fs.existsSync(socketPath)) fs.unlinkSync(socketPath);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      resolve({
        endpoint: `unix://${socketPath}`,
        requests,
        eventChunks,
        countsSince(since, filter) {
          const m = new Map<string, number>();
          for (const r of requests) {
            if (r.at < since || (filter && !filter(r))) continue;
            const k = normalisedKey(r);
            m.set(k, (m.get(k) ?? 0) + 1);
          }
          return m;
        },
        close() {
          return new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => {
              fs.rmSync(socketPath, { force: true });
              done();
            });
          });
        },
      });
    });
  });
}
