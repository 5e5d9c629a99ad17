/**
 * Which engine to talk to, decided the way the docker CLI decides it:
 * explicit override > DOCKER_HOST > DOCKER_CONTEXT > currentContext in config.json > default.
 * Reads only the client's config files; never contacts an engine.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EngineError } from './errors';

export type EndpointKind = 'unix' | 'tcp' | 'ssh' | 'npipe';

export interface EndpointChoice {
  /** e.g. "unix:///var/run/docker.sock", "tcp://1.2.3.4:2376", "ssh://user@host" */
  endpoint: string;
  kind: EndpointKind;
  /** Context name when a context chose it. */
  context: string | null;
  chosenBy: 'setting' | 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'config.json currentContext' | 'default';
  /** TLS for tcp endpoints; certPath is the folder holding ca.pem, cert.pem, key.pem. */
  tls: { verify: boolean; certPath: string | null } | null;
}

/** From the extension's setting or a CLI flag; host wins over context. */
export interface EndpointOverrides {
  host?: string;
  context?: string;
}

export const DEFAULT_ENDPOINT = 'unix:///var/run/docker.sock';
const DEFAULT_CONTEXT = 'default';

/** The client config folder: $DOCKER_CONFIG, else ~/.docker. */
export function configDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  return env.DOCKER_CONFIG ? env.DOCKER_CONFIG : path.join(homeDir, '.docker');
}

export function resolveEndpoint(env: NodeJS.ProcessEnv, homeDir: string, overrides?: EndpointOverrides): EndpointChoice {
  const dir = configDir(env, homeDir);
  if (overrides?.host) return fromHost(overrides.host, 'setting', env, dir);
  if (overrides?.context) return fromContext(overrides.context, 'setting', dir);
  if (env.DOCKER_HOST) return fromHost(env.DOCKER_HOST, 'DOCKER_HOST', env, dir);
  if (env.DOCKER_CONTEXT) return fromContext(env.DOCKER_CONTEXT, 'DOCKER_CONTEXT', dir);
  const current = readCurrentContext(dir, true);
  if (current) return fromContext(current, 'config.json currentContext', dir);
  return { endpoint: DEFAULT_ENDPOINT, kind: 'unix', context: null, chosenBy: 'default', tls: null };
}

/** Every context for a picker, "default" first; never throws. */
export function listContexts(env: NodeJS.ProcessEnv, homeDir: string): { name: string; endpoint: string; current: boolean }[] {
  const dir = configDir(env, homeDir);
  let current = DEFAULT_CONTEXT;
  if (!env.DOCKER_HOST) {
    try {
      current = env.DOCKER_CONTEXT || readCurrentContext(dir, false) || DEFAULT_CONTEXT;
    } catch {
      current = DEFAULT_CONTEXT;
    }
  }
  let defaultEndpoint = DEFAULT_ENDPOINT;
  if (env.DOCKER_HOST) {
    try {
      defaultEndpoint = parseHost(env.DOCKER_HOST, tlsWanted(env), 'DOCKER_HOST').endpoint;
    } catch {
      defaultEndpoint = env.DOCKER_HOST;
    }
  }
  const named = readContexts(dir)
    .filter((c) => c.name !== DEFAULT_CONTEXT)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => ({ name: c.name, endpoint: c.host, current: c.name === current }));
  return [{ name: DEFAULT_CONTEXT, endpoint: defaultEndpoint, current: current === DEFAULT_CONTEXT }, ...named];
}

function fromHost(host: string, chosenBy: EndpointChoice['chosenBy'], env: NodeJS.ProcessEnv, dir: string): EndpointChoice {
  const wantTls = tlsWanted(env);
  const parsed = parseHost(host, wantTls, chosenBy === 'setting' ? 'the engine host setting' : 'DOCKER_HOST');
  let tls: EndpointChoice['tls'] = null;
  if (parsed.kind === 'tcp' && wantTls) {
    tls = { verify: !!env.DOCKER_TLS_VERIFY, certPath: env.DOCKER_CERT_PATH || dir };
  }
  return { endpoint: parsed.endpoint, kind: parsed.kind, context: null, chosenBy, tls };
}

function fromContext(name: string, chosenBy: EndpointChoice['chosenBy'], dir: string): EndpointChoice {
  if (name === DEFAULT_CONTEXT) {
    return { endpoint: DEFAULT_ENDPOINT, kind: 'unix', context: DEFAULT_CONTEXT, chosenBy, tls: null };
  }
  const all = readContexts(dir);
  const ctx = all.find((c) => c.name === name);
  if (!ctx) {
    const names = [DEFAULT_CONTEXT, ...all.map((c) => c.name).filter((n) => n !== DEFAULT_CONTEXT).sort()];
    throw new EngineError(
      'context-missing',
      `context:${name}`,
      `Docker context "${name}" (from ${chosenBy}) does not exist in ${path.join(dir, 'contexts')}. Existing contexts: ${names.join(', ')}`,
      'Pick one of the existing contexts (docker context ls / docker context use NAME), or create it with docker context create.',
    );
  }
  const tlsDir = path.join(dir, 'contexts', 'tls', contextDigest(name), 'docker');
  const hasTls = ['ca.pem', 'cert.pem', 'key.pem'].some((f) => existsSync(path.join(tlsDir, f)));
  const parsed = parseHost(ctx.host, hasTls, `context "${name}"`);
  let tls: EndpointChoice['tls'] = null;
  // As the CLI does: no TLS data and no SkipTLSVerify means plain TCP.
  if (parsed.kind === 'tcp' && (hasTls || ctx.skipTlsVerify)) {
    tls = { verify: !ctx.skipTlsVerify, certPath: hasTls ? tlsDir : null };
  }
  return { endpoint: parsed.endpoint, kind: parsed.kind, context: name, chosenBy, tls };
}

/** The CLI turns TLS on when DOCKER_TLS or DOCKER_TLS_VERIFY is non-empty. */
function tlsWanted(env: NodeJS.ProcessEnv): boolean {
  return !!env.DOCKER_TLS_VERIFY || !!env.DOCKER_TLS;
}

/** Normalises a host string as the CLI's ParseHost does; throws bad-endpoint otherwise. */
export function parseHost(raw: string, tls: boolean, from: string): { endpoint: string; kind: EndpointKind } {
  const host = raw.trim();
  const bad = (why: string): EngineError =>
    new EngineError(
      'bad-endpoint',
      host,
      `${from} has an endpoint this extension cannot use: "${host}" (${why})`,
      'Use unix:///path/to/docker.sock, tcp://HOST:PORT, ssh://USER@HOST or npipe:////./pipe/docker_engine.',
    );
  const m = /^([a-z]+):\/\/(.*)$/i.exec(host);
  const scheme = m ? m[1].toLowerCase() : 'tcp';
  const rest = m ? m[2] : host;
  switch (scheme) {
    case 'unix':
      return { endpoint: `unix://${rest || '/var/run/docker.sock'}`, kind: 'unix' };
    case 'npipe':
      return { endpoint: `npipe://${rest || '//./pipe/docker_engine'}`, kind: 'npipe' };
    case 'ssh': {
      if (!rest) throw bad('no host after ssh://');
      try {
        new URL(`ssh://${rest}`);
      } catch {
        throw bad('not a valid ssh URL');
      }
      return { endpoint: `ssh://${rest}`, kind: 'ssh' };
    }
    case 'tcp': {
      let url: URL;
      try {
        url = new URL(`tcp://${rest}`);
      } catch {
        throw bad('not a valid tcp address');
      }
      if (!url.hostname) throw bad('no host');
      const port = url.port || (tls ? '2376' : '2375');
      const pathPart = url.pathname && url.pathname !== '/' ? url.pathname : '';
      return { endpoint: `tcp://${url.hostname}:${port}${pathPart}`, kind: 'tcp' };
    }
    default:
      throw bad(`unsupported scheme ${scheme}://`);
  }
}

/** Contexts are stored under the hex SHA-256 of their name. */
export function contextDigest(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

interface StoredContext {
  name: string;
  host: string;
  skipTlsVerify: boolean;
}

function readContexts(dir: string): StoredContext[] {
  const metaRoot = path.join(dir, 'contexts', 'meta');
  let entries: string[];
  try {
    entries = readdirSync(metaRoot);
  } catch {
    return [];
  }
  const out: StoredContext[] = [];
  for (const entry of entries) {
    try {
      const meta = JSON.parse(readFileSync(path.join(metaRoot, entry, 'meta.json'), 'utf8')) as {
        Name?: unknown;
        Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
      };
      const docker = meta.Endpoints?.docker;
      if (typeof meta.Name !== 'string' || !docker || typeof docker.Host !== 'string') continue;
      out.push({ name: meta.Name, host: docker.Host, skipTlsVerify: docker.SkipTLSVerify === true });
    } catch {
      // Not a context folder (or unreadable): the CLI skips these as well.
    }
  }
  return out;
}

/** currentContext from config.json; a broken config.json throws only when `strict`. */
function readCurrentContext(dir: string, strict: boolean): string | null {
  const file = path.join(dir, 'config.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const cfg = JSON.parse(text) as { currentContext?: unknown };
    return typeof cfg.currentContext === 'string' && cfg.currentContext ? cfg.currentContext : null;
  } catch (err) {
    if (!strict) return null;
    throw new EngineError(
      'bad-endpoint',
      file,
      `${file} is not valid JSON (${(err as Error).message}), so its currentContext cannot be read`,
      'Fix or remove the file, or set DOCKER_HOST / DOCKER_CONTEXT to choose the engine.',
      { cause: err },
    );
  }
}
