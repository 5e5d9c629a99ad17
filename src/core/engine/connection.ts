/**
 * Opens a dockerode client on a resolved endpoint and negotiates the API version with
 * the engine (unversioned GET /version), as the docker CLI does.
 */
import Dockerode from 'dockerode';
import * as http from 'node:http';
import { homedir } from 'node:os';
import type { EndpointChoice } from './endpoint';
import { EngineError, timeoutError, toEngineError, where } from './errors';
import { dockerodeOptions, withoutDockerEnv } from './options';

export interface Engine {
  /** A client pinned to the negotiated API version. */
  docker: Dockerode;
  choice: EndpointChoice;
  /** Negotiated, e.g. "1.41". */
  apiVersion: string;
  serverVersion: string;
  /** Raw GET /info, cached after the first successful call. */
  info(): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  dispose(): void;
}

/**
 * The newest API whose response shapes this code was written against (Docker 27.x).
 * A newer engine still serves it (Docker 29 serves 1.44 to 1.52), and pinning it keeps
 * fields that API 1.52 drops (legacy event fields, top-level NetworkSettings.IPAddress)
 * from disappearing under us. Raise it after reading the engine API changelog.
 */
export const CLIENT_MAX_API = '1.47';

export const DEFAULT_TIMEOUT_MS = 5000;

export interface ConnectOptions {
  timeoutMs?: number;
  /** Where ssh endpoints find SSH_AUTH_SOCK; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Where ssh endpoints look for ~/.ssh keys; default os.homedir(). */
  homeDir?: string;
}

export async function connectEngine(choice: EndpointChoice, opts?: ConnectOptions): Promise<Engine> {
  const timeoutMs = opts?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const endpoint = choice.endpoint;
  let agent: http.Agent | null = null;
  try {
    const built = dockerodeOptions(choice, opts?.env ?? process.env, opts?.homeDir ?? homedir());
    agent = built.agent;
    const base = built.options;
    const probe = withoutDockerEnv(() => new Dockerode(base));
    const version = await withTimeout(endpoint, timeoutMs, (signal) => abortable(probe).version({ abortSignal: signal }));
    const apiVersion = negotiate(endpoint, version as unknown as Record<string, unknown>);
    const docker = withoutDockerEnv(() => new Dockerode({ ...base, version: `v${apiVersion}` }));
    return makeEngine(docker, choice, apiVersion, String(version.Version ?? ''), agent, timeoutMs);
  } catch (err) {
    agent?.destroy();
    throw toEngineError(err, endpoint);
  }
}

function makeEngine(
  docker: Dockerode,
  choice: EndpointChoice,
  apiVersion: string,
  serverVersion: string,
  agent: http.Agent | null,
  timeoutMs: number,
): Engine {
  let infoPromise: Promise<unknown> | undefined;
  return {
    docker,
    choice,
    apiVersion,
    serverVersion,
    info() {
      if (!infoPromise) {
        infoPromise = withTimeout(choice.endpoint, timeoutMs, (signal) => abortable(docker).info({ abortSignal: signal })).catch((err: unknown) => {
          infoPromise = undefined;
          throw toEngineError(err, choice.endpoint);
        });
      }
      return infoPromise;
    },
    dispose() {
      agent?.destroy();
    },
  };
}

/** dockerode 5 takes an abortSignal on these calls; its published types predate that. */
interface AbortableCalls {
  version(o: { abortSignal: AbortSignal }): Promise<Dockerode.DockerVersion>;
  info(o: { abortSignal: AbortSignal }): Promise<unknown>;
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
