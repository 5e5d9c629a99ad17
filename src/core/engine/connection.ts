/**
 * Opens a connection to an engine and negotiates the API version with it (unversioned
 * GET /version), as the docker CLI does. The reads a snapshot makes go through a small GET
 * client on unix, npipe and tcp endpoints (see http.ts); dockerode serves ssh endpoints and
 * every caller of `docker`, and is loaded on first use.
 */
import type Dockerode from 'dockerode';
import type * as http from 'node:http';
import { homedir } from 'node:os';
import type { EngineKind } from '../model';
import type { EndpointChoice } from './endpoint';
import { EngineError, timeoutError, toEngineError, where } from './errors';
import { getJson, getStream, queryString, type HttpTarget, type StatusReasons } from './http';
import { pipelineFor } from './pipeline';
import { dockerodeOptions, httpTarget, withoutDockerEnv, type ModemOptions } from './options';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw Engine API JSON */
export interface Engine {
  /** A dockerode client pinned to the negotiated API version, made on first use. */
  readonly docker: Dockerode;
  choice: EndpointChoice;
  /** Negotiated, e.g. "1.41". */
  apiVersion: string;
  serverVersion: string;
  /** Which engine answers the Docker API: dockerd, or Podman's Docker-compatible service. */
  kind: EngineKind;
  /** Podman's own API version ("4.3.1"), which its libpod endpoints are versioned by; null for Docker. */
  libpodVersion: string | null;
  /** Raw GET /info, cached after the first successful call. */
  info(): Promise<any>;
  /** Inspects are pipelined (a local socket): asking for many at once costs no more than asking in turn. */
  readonly pipelined?: boolean;
  /** Raw GET /containers/json (every container when `all`). */
  listContainers(all: boolean): Promise<any[]>;
  /** Raw GET /networks. */
  listNetworks(): Promise<any[]>;
  /** Raw GET /libpod/networks/json (Podman only): the networks with their bridge interface names, which the compat list lacks. */
  listLibpodNetworks(): Promise<any[]>;
  /** Raw GET /networks/{id}: unlike the list, it fills in Containers. */
  inspectNetwork(id: string): Promise<any>;
  /** Raw GET /services, /tasks or /nodes: answered only by a Swarm manager. */
  swarmList(kind: SwarmListKind): Promise<any[]>;
  /** Raw GET /containers/{id}/json; a container the engine does not have rejects with status 404. */
  inspectContainer(id: string): Promise<any>;
  /** GET /_ping: resolves while the engine answers at all (the one question that tells an outage from one bad request). */
  ping(): Promise<void>;
  /** GET /events with this query: the open stream (through the small client where it serves the endpoint, so dockerode is not loaded for it). */
  events(query: Record<string, unknown>, signal: AbortSignal): Promise<NodeJS.ReadableStream>;
  /** The deadline every request to this engine has, in ms. */
  readonly timeoutMs: number;
  dispose(): void;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export type SwarmListKind = 'services' | 'tasks' | 'nodes';

/**
 * The newest API whose response shapes this code was written against (Docker 27.x).
 * A newer engine still serves it (Docker 29 serves 1.44 to 1.52), and pinning it keeps
 * fields that API 1.52 drops (legacy event fields, top-level NetworkSettings.IPAddress)
 * from disappearing under us. Raise it after reading the engine API changelog.
 */
export const CLIENT_MAX_API = '1.47';

/** How long any one request to the engine may take (setting containerAnatomy.engine.timeoutSeconds, CLI --timeout). */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface ConnectOptions {
  /** The deadline of every request (the version check, lists, inspects, ping); default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Where ssh endpoints find SSH_AUTH_SOCK; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Where ssh endpoints look for ~/.ssh keys; default os.homedir(). */
  homeDir?: string;
}

/** The status reasons dockerode gives these calls, so failures read the same through either client. */
const SERVER_ERROR: StatusReasons = { 500: 'server error' };
const LIST: StatusReasons = { 400: 'bad parameter', 500: 'server error' };
const INSPECT: StatusReasons = { 404: 'no such container', 500: 'server error' };
const NETWORK: StatusReasons = { 404: 'no such network', 500: 'server error' };
const SWARM: StatusReasons = { 500: 'server error', 503: 'node is not part of a swarm, or not a manager' };

function newDockerode(options: ModemOptions): Dockerode {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see the file comment
  const Docker = require('dockerode') as typeof Dockerode;
  return withoutDockerEnv(() => new Docker(options));
}

/**
 * Podman's compat service answers GET /version with a "Podman Engine" component (and every
 * answer with `Server: Libpod/…`); dockerd's components are Engine, containerd, runc.
 */
export function engineKindOf(version: Record<string, unknown>): { kind: EngineKind; libpodVersion: string | null } {
  const components = Array.isArray(version.Components) ? (version.Components as { Name?: unknown; Version?: unknown }[]) : [];
  const podman = components.find((c) => c?.Name === 'Podman Engine');
  if (!podman) return { kind: 'docker', libpodVersion: null };
  return { kind: 'podman', libpodVersion: String(podman.Version ?? version.Version ?? '') };
}

export async function connectEngine(choice: EndpointChoice, opts?: ConnectOptions): Promise<Engine> {
  const timeoutMs = opts?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const endpoint = choice.endpoint;
  let agent: http.Agent | null = null;
  let built: ReturnType<typeof dockerodeOptions> | undefined;
  try {
    built = dockerodeOptions(choice, opts?.env ?? process.env, opts?.homeDir ?? homedir(), timeoutMs);
    agent = built.agent;
    const base = built.options;
    const target = httpTarget(built);
    const version = (await withTimeout(endpoint, timeoutMs, (signal) =>
      target ? getJson(target, '/version', SERVER_ERROR, signal) : abortable(newDockerode(base)).version({ abortSignal: signal }),
    )) as Record<string, unknown>;
    const apiVersion = negotiate(endpoint, version);
    return makeEngine(base, target, choice, apiVersion, String(version.Version ?? ''), engineKindOf(version), agent, timeoutMs);
  } catch (err) {
    agent?.destroy();
    throw built?.hostKeyRefusal?.() ?? toEngineError(err, endpoint);
  }
}

function makeEngine(
  base: ModemOptions,
  target: HttpTarget | null,
  choice: EndpointChoice,
  apiVersion: string,
  serverVersion: string,
  flavour: ReturnType<typeof engineKindOf>,
  agent: http.Agent | null,
  timeoutMs: number,
): Engine {
  let docker: Dockerode | undefined;
  const client = (): Dockerode => (docker ??= newDockerode({ ...base, version: `v${apiVersion}` }));
  const get = (path: string, reasons: StatusReasons, signal?: AbortSignal): Promise<any> => getJson(target as HttpTarget, `/v${apiVersion}${path}`, reasons, signal); // eslint-disable-line @typescript-eslint/no-explicit-any
  // Inspects come in bursts (a snapshot, a first look): on a socket they are pipelined.
  const pipeline = target ? pipelineFor(target) : null;
  const inspect = (path: string, signal: AbortSignal): Promise<any> => (pipeline ? pipeline.get(`/v${apiVersion}${path}`, INSPECT, signal) : get(path, INSPECT, signal)); // eslint-disable-line @typescript-eslint/no-explicit-any
  let infoPromise: Promise<unknown> | undefined;
  return {
    get docker() {
      return client();
    },
    choice,
    apiVersion,
    serverVersion,
    kind: flavour.kind,
    libpodVersion: flavour.libpodVersion,
    pipelined: pipeline !== null,
    info() {
      if (!infoPromise) {
        infoPromise = withTimeout(choice.endpoint, timeoutMs, (signal) => (target ? get('/info', SERVER_ERROR, signal) : abortable(client()).info({ abortSignal: signal }))).catch(
          (err: unknown) => {
            infoPromise = undefined;
            throw toEngineError(err, choice.endpoint);
          },
        );
      }
      return infoPromise;
    },
    timeoutMs,
    // Every read has the same deadline, so one stuck container cannot hold a snapshot forever.
    listContainers(all) {
      return withTimeout(choice.endpoint, timeoutMs, (signal) =>
        target ? get(`/containers/json?${queryString({ all })}`, LIST, signal) : client().listContainers({ all, abortSignal: signal } as Dockerode.ContainerListOptions),
      );
    },
    listNetworks() {
      return withTimeout(choice.endpoint, timeoutMs, (signal) =>
        target ? get('/networks', LIST, signal) : client().listNetworks({ abortSignal: signal } as Dockerode.NetworkListOptions),
      );
    },
    listLibpodNetworks() {
      if (flavour.kind !== 'podman') return Promise.reject(new Error(`the engine at ${choice.endpoint} is not Podman: it has no libpod endpoints`));
      // Versioned by Podman's own version, not the Docker API's (so not through `get`).
      const path = `/v${flavour.libpodVersion}/libpod/networks/json`;
      return withTimeout(choice.endpoint, timeoutMs, (signal) => (target ? getJson(target, path, LIST, signal) : dial(newDockerode(base), path, signal)));
    },
    inspectNetwork(id) {
      return withTimeout(choice.endpoint, timeoutMs, (signal) =>
        target ? get(`/networks/${encodeURIComponent(id)}`, NETWORK, signal) : (client().getNetwork(id) as unknown as { inspect(o: object): Promise<unknown> }).inspect({ abortSignal: signal }),
      );
    },
    swarmList(kind) {
      return withTimeout(choice.endpoint, timeoutMs, (signal) => {
        if (target) return get(`/${kind}`, SWARM, signal);
        const c = client();
        const opts = { abortSignal: signal } as Record<string, unknown>;
        return kind === 'services' ? c.listServices(opts) : kind === 'tasks' ? c.listTasks(opts) : c.listNodes(opts);
      });
    },
    inspectContainer(id) {
      return withTimeout(choice.endpoint, timeoutMs, (signal) =>
        target ? inspect(`/containers/${id}/json`, signal) : client().getContainer(id).inspect({ abortSignal: signal } as Dockerode.ContainerInspectOptions),
      );
    },
    async ping() {
      await withTimeout(choice.endpoint, timeoutMs, (signal) => (target ? get('/_ping', SERVER_ERROR, signal) : abortable(client()).ping({ abortSignal: signal })));
    },
    events(query, signal) {
      if (target) return getStream(target, `/v${apiVersion}/events?${queryString(query)}`, SERVER_ERROR, signal);
      return client().getEvents({ ...query, abortSignal: signal } as unknown as Parameters<Dockerode['getEvents']>[0]) as Promise<NodeJS.ReadableStream>;
    },
    dispose() {
      pipeline?.dispose();
      agent?.destroy();
    },
  };
}

/** GET `path` as given (no API version prefix) through dockerode's modem (ssh endpoints). */
function dial(docker: Dockerode, path: string, signal: AbortSignal): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new Promise((resolve, reject) => {
    docker.modem.dial({ path, method: 'GET', statusCodes: { 200: true, ...LIST }, abortSignal: signal } as unknown as Parameters<Dockerode['modem']['dial']>[0], (err: unknown, data: unknown) => (err ? reject(err) : resolve(data)));
  });
}

/** dockerode 5 takes an abortSignal on these calls; its published types predate that. */
interface AbortableCalls {
  version(o: { abortSignal: AbortSignal }): Promise<Dockerode.DockerVersion>;
  info(o: { abortSignal: AbortSignal }): Promise<unknown>;
  ping(o: { abortSignal: AbortSignal }): Promise<unknown>;
}

function abortable(docker: Dockerode): AbortableCalls {
  return docker as unknown as AbortableCalls;
}

/** min(server ApiVersion, CLIENT_MAX_API), refusing one below the server's MinAPIVersion. */
export function negotiate(endpoint: string, version: Record<string, unknown>): string {
  const server = version.ApiVersion;
  if (typeof server !== 'string' || !parseApi(server)) {
    throw new EngineError(
      'api',
      endpoint,
      `The engine at ${where(endpoint)} did not report its API version in GET /version`,
      'Check that the endpoint is a Docker engine and not a proxy or another service.',
    );
  }
  const chosen = compareApi(server, CLIENT_MAX_API) < 0 ? server : CLIENT_MAX_API;
  const min = version.MinAPIVersion;
  if (typeof min === 'string' && parseApi(min) && compareApi(chosen, min) < 0) {
    throw new EngineError(
      'api',
      endpoint,
      `The engine at ${where(endpoint)} needs API ${min} or newer, but this extension speaks at most ${CLIENT_MAX_API}`,
      'Update Container Anatomy, or use an engine that still accepts this API version.',
    );
  }
  return chosen;
}

function parseApi(v: string): [number, number] | null {
  const m = /^v?(\d+)\.(\d+)$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Compares "1.41"-style versions numerically (1.9 < 1.41). */
export function compareApi(a: string, b: string): number {
  const pa = parseApi(a) ?? [0, 0];
  const pb = parseApi(b) ?? [0, 0];
  return pa[0] - pb[0] || pa[1] - pb[1];
}

/** Runs a request with an abort signal; rejects with a timeout EngineError after `ms`. */
export function withTimeout<T>(endpoint: string, ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(timeoutError(endpoint, ms));
      ac.abort();
    }, ms);
    run(ac.signal).then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
