/**
 * A small GET client for the read-only calls a snapshot makes on unix, npipe and tcp(+tls)
 * endpoints. It sends what docker-modem sends for them and fails the way docker-modem fails
 * (the same socket errors; an HTTP error carries statusCode, json and docker-modem's message),
 * so toEngineError maps both alike. dockerode stays for ssh and for everything else: loading
 * it, and its per-request work, was a measurable part of a 200-container snapshot.
 */
import type * as http from 'node:http';
import { stringify } from 'node:querystring';
import { addAbortSignal } from 'node:stream';

/** Where requests go: a socket path, or a host and port (with TLS material for https). */
export interface HttpTarget {
  socketPath?: string;
  hostname?: string;
  port?: string;
  /** https when set: key, cert and ca as read from the cert folder. */
  tls?: { key?: Buffer; cert?: Buffer; ca?: Buffer };
  agent: http.Agent;
}

/** Status code -> reason, as dockerode lists them per call; 200 is the success code. */
export type StatusReasons = Record<number, string>;

/** The error docker-modem builds for an unexpected status; toEngineError reads statusCode and json. */
export class HttpStatusError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
    readonly reason: string | undefined,
    readonly json: unknown,
  ) {
    super(message);
  }
}

/** docker-modem's query string: object values (filters) as JSON, the rest as querystring does. */
export function queryString(query: Record<string, unknown>): string {
  const clone: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(query)) clone[k] = v && typeof v === 'object' && !Array.isArray(v) ? JSON.stringify(v) : v;
  return stringify(clone as Parameters<typeof stringify>[0]);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A whole answer, as docker-modem hands it over: the JSON (or the Buffer when it is not JSON) for 200, else HttpStatusError. */
export function answer(status: number, buffer: Buffer, reasons: StatusReasons, resolve: (v: unknown) => void, reject: (e: unknown) => void): void {
  const json = parseJson(buffer.toString()) ?? buffer;
  if (status === 200) return resolve(json);
  const cause = json as { message?: unknown; error?: unknown };
  const reason = reasons[status];
  const text = `${cause.message || cause.error || cause}`;
  reject(new HttpStatusError(`(HTTP code ${status}) ${reason || 'unexpected'} - ${text} `, status, reason, json));
}

let httpModule: typeof http | undefined;
let httpsModule: typeof import('node:https') | undefined;

/** node:https (and tls) are only needed for TLS endpoints; they load on first use. */
function transport(tls: boolean): typeof http | typeof import('node:https') {
  /* eslint-disable @typescript-eslint/no-require-imports -- deferred on purpose, see above */
  if (tls) return (httpsModule ??= require('node:https') as typeof import('node:https'));
  return (httpModule ??= require('node:http') as typeof http);
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** GET `path` and hand over the open answer (a stream such as /events); a status other than 200 rejects with HttpStatusError. */
export function getStream(target: HttpTarget, path: string, reasons: StatusReasons, signal?: AbortSignal): Promise<http.IncomingMessage> {
  return request(target, path, reasons, signal, true) as Promise<http.IncomingMessage>;
}

/**
 * GET `path` and parse the JSON answer. A body that is not JSON comes back as the Buffer, as
 * docker-modem hands it over; a status other than 200 rejects with HttpStatusError.
 */
export function getJson(target: HttpTarget, path: string, reasons: StatusReasons, signal?: AbortSignal): Promise<unknown> {
  return request(target, path, reasons, signal, false);
}

function request(target: HttpTarget, path: string, reasons: StatusReasons, signal: AbortSignal | undefined, stream: boolean): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const options: http.RequestOptions & { key?: Buffer; cert?: Buffer; ca?: Buffer; servername?: string } = { method: 'GET', path, agent: target.agent, headers: {} };
    if (target.socketPath !== undefined) options.socketPath = target.socketPath;
    else {
      options.hostname = target.hostname;
      options.port = target.port;
    }
    if (target.tls) Object.assign(options, target.tls);
    // Without TLS there is no server name to send; an empty one spares the agent working it
    // out from the Host header (its first IPv6 check compiles a large regular expression).
    else options.servername = '';
    if (signal) options.signal = signal;
    let settled = false;
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      reject(err);
    };
    let req: http.ClientRequest;
    try {
      req = transport(!!target.tls).request(options);
    } catch (err) {
      fail(err);
      return;
    }
    req.on('error', fail);
    req.on('response', (res: http.IncomingMessage) => {
      if (signal) addAbortSignal(signal, res);
      if (stream && res.statusCode === 200) {
        settled = true;
        return resolve(res);
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      res.on('end', () => {
        if (settled) return;
        settled = true;
        answer(res.statusCode ?? 0, Buffer.concat(chunks), reasons, resolve, reject);
      });
    });
    req.end();
  });
}
