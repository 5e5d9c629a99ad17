/**
 * dockerode options for an EndpointChoice. The choice is already resolved, so nothing
 * here looks at DOCKER_HOST & co. again; `withoutDockerEnv` keeps docker-modem, which
 * reads them in its constructor, from overriding the choice.
 */
import type Dockerode from 'dockerode';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { inspect } from 'node:util';
import type { EndpointChoice } from './endpoint';
import type { HttpTarget } from './http';
import { EngineError } from './errors';
import { checkHostKey, fingerprint, knownHostsFiles, lookupName, type HostKeyVerdict } from './knownHosts';

/** docker-modem also takes an http(s) agent; the published types omit it. */
export type ModemOptions = Dockerode.DockerOptions & { agent?: http.Agent };

export interface BuiltOptions {
  options: ModemOptions;
  /** The connection pool of this engine (none for ssh: docker-modem opens one ssh session per request). */
  agent: http.Agent | null;
  /** ssh only: why the last host key offered was refused, if it was. */
  hostKeyRefusal?: () => EngineError | null;
}

/**
 * docker-modem runs util.inspect(options, { depth: null }) on every request, even with its
 * debug log off; with a keep-alive agent in the options that walks every pooled socket
 * (measured: half the CPU of a 200-container snapshot). The agent prints as one word instead.
 */
function quiet<A extends http.Agent>(agent: A): A {
  Object.defineProperty(agent, inspect.custom, { value: () => 'http.Agent', enumerable: false });
  return agent;
}

/** `timeoutMs` bounds an ssh handshake (ssh2's own default is 20 s). */
export function dockerodeOptions(choice: EndpointChoice, env: NodeJS.ProcessEnv, homeDir: string, timeoutMs = 20_000): BuiltOptions {
  const ep = choice.endpoint;
  switch (choice.kind) {
    case 'unix':
    case 'npipe': {
      const socketPath = choice.kind === 'unix' ? ep.slice('unix://'.length) : ep.slice('npipe://'.length);
      const agent = quiet(new http.Agent({ keepAlive: true }));
      return { options: { socketPath, host: undefined, agent }, agent };
    }
    case 'tcp': {
      const url = new URL(ep.replace(/^tcp:/, 'http:'));
      const base = { host: url.hostname, port: url.port, socketPath: undefined };
      if (!choice.tls) {
        const agent = quiet(new http.Agent({ keepAlive: true }));
        return { options: { ...base, protocol: 'http', agent }, agent };
      }
      const material = readTlsMaterial(choice, ep);
      // node:https (and tls) load only here: unix and plain tcp endpoints never need them.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose
      const https = require('node:https') as typeof import('node:https');
      const agent = quiet(new https.Agent({ keepAlive: true, rejectUnauthorized: choice.tls.verify, ...material }));
      return { options: { ...base, protocol: 'https', agent, ...material }, agent };
    }
    case 'ssh': {
      const url = new URL(ep);
      const sshOptions: Record<string, unknown> = { readyTimeout: Math.max(timeoutMs, 20_000) };
      if (env.SSH_AUTH_SOCK) sshOptions.agent = env.SSH_AUTH_SOCK;
      const key = defaultPrivateKey(homeDir);
      if (key) sshOptions.privateKey = key;
      const port = Number(url.port || '22');
      let refusal: EngineError | null = null;
      sshOptions.hostVerifier = (offered: Buffer): boolean => {
        refusal = hostKeyError(ep, url.hostname, port, checkHostKey(knownHostsFiles(homeDir), url.hostname, port, offered), offered);
        return refusal === null;
      };
      return {
        options: {
          protocol: 'ssh',
          host: url.hostname,
          port: url.port || '22',
          username: decodeURIComponent(url.username) || env.USER || undefined,
          socketPath: undefined,
          sshOptions,
        },
        agent: null,
        hostKeyRefusal: () => refusal,
      };
    }
  }
}

/** null when the key is known; otherwise what to tell the person, and what to run. */
function hostKeyError(endpoint: string, host: string, port: number, verdict: HostKeyVerdict, offered: Buffer): EngineError | null {
  if (verdict.kind === 'known') return null;
  const name = lookupName(host, port);
  const ssh = port === 22 ? `ssh ${host}` : `ssh -p ${port} ${host}`;
  const print = fingerprint(offered);
  if (verdict.kind === 'unknown') {
    return new EngineError(
      'ssh',
      endpoint,
      `The SSH host key of ${name} is not in known_hosts (${verdict.files.join(', ')}); it offered ${print}`,
      `Connect once with \`${ssh}\` and accept the key after checking its fingerprint (or add it with \`ssh-keyscan${port === 22 ? '' : ` -p ${port}`} ${host} >> ~/.ssh/known_hosts\` once you have checked it), then reconnect.`,
    );
  }
  const at = `${verdict.entry.file} line ${verdict.entry.line}`;
  if (verdict.kind === 'revoked') {
    return new EngineError('ssh', endpoint, `The SSH host key of ${name} (${print}) is marked @revoked in ${at}`, 'Do not connect: ask the administrator of that host for its new key.');
  }
  return new EngineError(
    'ssh',
    endpoint,
    `The SSH host key of ${name} has changed: it offered ${print}, which does not match ${at}`,
    `This can mean someone is intercepting the connection. If the host was reinstalled and you trust it, remove the old key with \`ssh-keygen -R '${name}'\`, connect once with \`${ssh}\` to record the new one, then reconnect.`,
  );
}

function readTlsMaterial(choice: EndpointChoice, endpoint: string): { ca?: Buffer; cert?: Buffer; key?: Buffer } {
  const dir = choice.tls?.certPath;
  if (!dir) return {};
  const out: { ca?: Buffer; cert?: Buffer; key?: Buffer } = {};
  for (const name of ['ca', 'cert', 'key'] as const) {
    const file = path.join(dir, `${name}.pem`);
    try {
      out[name] = readFileSync(file);
    } catch (err) {
      // Like the CLI: a missing file is simply not used.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new EngineError('tls', endpoint, `Cannot read ${file}: ${(err as Error).message}`, 'Check DOCKER_CERT_PATH and the permissions of the certificate files.', {
        cause: err,
      });
    }
  }
  return out;
}

/**
 * ssh2 is loaded on first use: it is a third of the bundle and its start-up work would
 * otherwise be paid by every run, while only ssh:// endpoints need it.
 */
function ssh2(): typeof import('ssh2') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  return require('ssh2') as typeof import('ssh2');
}

/** The first unencrypted default key under ~/.ssh, used when no ssh-agent is available. */
function defaultPrivateKey(homeDir: string): Buffer | null {
  for (const name of ['id_ed25519', 'id_ecdsa', 'id_rsa']) {
    try {
      const key = readFileSync(path.join(homeDir, '.ssh', name));
      // parseKey returns an Error for a passphrase-protected key (or one it cannot read).
      if (!(ssh2().utils.parseKey(key) instanceof Error)) return key;
    } catch {
      // No such key: try the next one.
    }
  }
  return null;
}

/**
 * Where the snapshot's own GET client sends requests, from the same options and connection
 * pool dockerode uses; null for ssh, which stays with dockerode.
 */
export function httpTarget(built: BuiltOptions): HttpTarget | null {
  const o = built.options as ModemOptions & { key?: Buffer; cert?: Buffer; ca?: Buffer };
  if (!built.agent || o.protocol === 'ssh') return null;
  if (o.socketPath) return { socketPath: String(o.socketPath), agent: built.agent };
  // URL keeps IPv6 brackets in hostname; a request wants the bare address.
  const hostname = String(o.host ?? '').replace(/^\[(.*)\]$/, '$1');
  const target: HttpTarget = { hostname, port: String(o.port ?? ''), agent: built.agent };
  if (o.protocol === 'https') target.tls = { ...(o.key ? { key: o.key } : {}), ...(o.cert ? { cert: o.cert } : {}), ...(o.ca ? { ca: o.ca } : {}) };
  return target;
}

const DOCKER_ENV = ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CLIENT_TIMEOUT', 'DOCKER_PATH_PREFIX'];

/** Runs `fn` (synchronously) with docker-modem's environment variables hidden. */
export function withoutDockerEnv<T>(fn: () => T): T {
  const saved = new Map<string, string>();
  for (const k of DOCKER_ENV) {
    const v = process.env[k];
    if (v !== undefined) {
      saved.set(k, v);
      delete process.env[k];
    }
  }
  try {
    return fn();
  } finally {
    for (const [k, v] of saved) process.env[k] = v;
  }
}
