/**
 * A counting proxy for the Docker socket: a unix-socket HTTP server that forwards every
 * request to the real engine socket and records method + path. A streamed response (the
 * /events subscription) counts once, as the one request it is; the chunks that pass through
 * it are time-stamped so a benchmark can tell when the engine delivered an event.
 *
 * It can also inject faults for the fault tests: `fault` picks, per request, an error answer,
 * a hang, a connection reset or a delay; `cutEventStreams()` ends every open /events stream
 * mid-way, as an engine restart or a dropped connection would.
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

/** What the proxy does instead of (or before) forwarding one request. */
export type Fault =
  | { kind: 'status'; code: number; message: string }
  /** Never answers: the client's own deadline is what ends it. */
  | { kind: 'hang' }
  /** Drops the connection without an answer (ECONNRESET / socket hang up on the client). */
  | { kind: 'reset' }
  /** Forwards after `ms`. */
  | { kind: 'delay'; ms: number };

export type FaultRule = (r: ProxyRequest) => Fault | undefined | Promise<Fault | undefined>;

export interface CountingProxy {
  /** e.g. unix:///tmp/anatomy-bench-123.sock */
  readonly endpoint: string;
  readonly requests: ProxyRequest[];
  readonly eventChunks: EventChunk[];
  /** Requests since `since` (performance.now()), grouped by "METHOD /path" with 64-hex ids as :id. */
  countsSince(since: number, filter?: (r: ProxyRequest) => boolean): Map<string, number>;
  /** Chooses a fault per request; undefined forwards it unchanged. */
  fault: FaultRule | undefined;
  /** How many /events streams are open now. */
  readonly openEventStreams: number;
  /** Ends every /events stream open now, mid-stream; returns how many. */
  cutEventStreams(): number;
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
  const streams = new Set<http.ServerResponse>();
  let rule: FaultRule | undefined;
  const forward = (req: http.IncomingMessage, res: http.ServerResponse, rec: ProxyRequest): void => {
    const up = http.request({ socketPath: upstream, method: req.method, path: req.url, headers: req.headers }, (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      // Send the headers now, as the engine does: a quiet /events stream would otherwise
      // keep them buffered until its first event, and the client would time out waiting.
      res.flushHeaders();
      if (isEventStream(rec)) {
        streams.add(res);
        upRes.on('data', (b: Buffer) => eventChunks.push({ at: performance.now(), text: b.toString('utf8') }));
      }
      upRes.pipe(res);
    });
    up.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${err.message}`);
    });
    res.on('close', () => {
      streams.delete(res);
      up.destroy();
    });
    req.pipe(up);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://docker');
    const rec: ProxyRequest = { at: performance.now(), method: req.method ?? 'GET', path: url.pathname.replace(/^\/v\d+\.\d+/, '') };
    requests.push(rec);
    if (!rule) return forward(req, res, rec);
    void Promise.resolve(rule(rec)).then((f) => {
      if (!f) return forward(req, res, rec);
      if (f.kind === 'status') {
        res.writeHead(f.code, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: f.message }));
      } else if (f.kind === 'reset') req.socket.destroy();
      else if (f.kind === 'delay') setTimeout(() => forward(req, res, rec), f.ms);
      // 'hang': no answer at all; the client's deadline (or close()) ends it.
    });
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
        get fault() {
          return rule;
        },
        set fault(f: FaultRule | undefined) {
          rule = f;
        },
        get openEventStreams() {
          return streams.size;
        },
        cutEventStreams() {
          const n = streams.size;
          for (const res of [...streams]) res.socket?.destroy();
          return n;
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
