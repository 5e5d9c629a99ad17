/**
 * One error type for everything that can go wrong between this code and a Docker engine.
 * Each cause gets one plain message and a hint a person can act on; callers show both.
 */

export type EngineErrorCode =
  | 'socket-missing'
  | 'permission-denied'
  | 'timeout'
  | 'refused'
  | 'tls'
  | 'ssh'
  | 'context-missing'
  | 'bad-endpoint'
  | 'api'
  | 'not-found'
  | 'other';

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly endpoint: string;
  readonly hint: string;
  /** HTTP status when the engine answered with an error. */
  readonly statusCode?: number;

  constructor(
    code: EngineErrorCode,
    endpoint: string,
    message: string,
    hint: string,
    extra?: { cause?: unknown; statusCode?: number },
  ) {
    super(message, extra?.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'EngineError';
    this.code = code;
    this.endpoint = endpoint;
    this.hint = hint;
    if (extra?.statusCode !== undefined) this.statusCode = extra.statusCode;
  }
}

/** A request that got no answer in time; built by the code that owns the timer. */
export function timeoutError(endpoint: string, ms: number, cause?: unknown): EngineError {
  const seconds = Math.round(ms / 100) / 10;
  return new EngineError(
    'timeout',
    endpoint,
    `The engine at ${where(endpoint)} did not answer within ${seconds} s`,
    'Check that dockerd is running and not stuck (sudo systemctl status docker); for a remote engine check the network path to it.',
    { cause },
  );
}

interface ErrnoLike {
  code?: unknown;
  errno?: unknown;
  syscall?: unknown;
  address?: unknown;
  port?: unknown;
  statusCode?: unknown;
  json?: unknown;
  level?: unknown;
  message?: unknown;
  name?: unknown;
}

const TLS_CODES = /CERT|SSL|TLS|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|SELF_SIGNED|HOSTNAME_MISMATCH|ALTNAME/;
const TLS_TEXT = /certificate|ssl|tls|handshake|wrong version number/i;

/** Maps anything thrown by dockerode, docker-modem, net, tls or ssh2 to an EngineError. */
export function toEngineError(err: unknown, endpoint: string): EngineError {
  if (err instanceof EngineError) return err;
  const e: ErrnoLike = typeof err === 'object' && err !== null ? (err as ErrnoLike) : {};
  const code = typeof e.code === 'string' ? e.code : '';
  const text = typeof e.message === 'string' ? e.message : String(err);
  const socket = socketPathOf(endpoint, e);
  const target = where(endpoint);

  if (typeof e.statusCode === 'number') return fromHttp(e.statusCode, engineMessage(e) ?? text, endpoint, err);

  if (endpoint.startsWith('ssh://') && (typeof e.level === 'string' || !isTls(code, text))) {
    return sshError(text, e, endpoint, err);
  }
  if (code === 'ENOENT' && socket) {
    return new EngineError(
      'socket-missing',
      endpoint,
      `No Docker engine socket at ${socket}`,
      'Start dockerd (sudo systemctl start docker) or pick another context (Container Anatomy: Select Engine/Context, or DOCKER_HOST / DOCKER_CONTEXT).',
      { cause: err },
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new EngineError(
      'permission-denied',
      endpoint,
      `Permission denied on ${socket ?? target}`,
      'Add your user to the docker group (sudo usermod -aG docker $USER, then log in again) or use a rootless Docker context.',
      { cause: err },
    );
  }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || e.name === 'TimeoutError') {
    return new EngineError(
      'timeout',
      endpoint,
      `The engine at ${target} did not answer in time (${code || 'timeout'})`,
      'Check that dockerd is running and reachable; for a remote engine check the network path and firewall.',
      { cause: err },
    );
  }
  if (code === 'ECONNREFUSED') {
    return socket
      ? new EngineError(
          'refused',
          endpoint,
          `Nothing is listening on ${socket}`,
          'The socket file is there but no engine serves it: start dockerd (sudo systemctl start docker) or pick another context.',
          { cause: err },
        )
      : new EngineError(
          'refused',
          endpoint,
          `The engine at ${target} refused the connection`,
          'Check the host and port, that dockerd listens there (-H tcp://…), and that no firewall is in the way.',
          { cause: err },
        );
  }
  if (isTls(code, text)) {
    return new EngineError(
      'tls',
      endpoint,
      `TLS with ${target} failed: ${text}`,
      'Check the certificates: DOCKER_CERT_PATH (default ~/.docker) must hold ca.pem, cert.pem and key.pem for this engine, and DOCKER_TLS_VERIFY=1 is needed for a TLS port (2376).',
      { cause: err },
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new EngineError(
      'bad-endpoint',
      endpoint,
      `Cannot resolve the host of ${target}`,
      'Check the host name in DOCKER_HOST or in the context (docker context inspect).',
      { cause: err },
    );
  }
  if (code === 'ENOTSOCK' || code === 'ENOTDIR') {
    return new EngineError(
      'socket-missing',
      endpoint,
      `${socket ?? target} is not a socket`,
      'Point DOCKER_HOST or the context at the engine socket (usually /var/run/docker.sock).',
      { cause: err },
    );
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(text)) {
    return new EngineError(
      'other',
      endpoint,
      `The connection to ${target} closed before the engine answered`,
      'Check that the endpoint is a Docker engine (not another service) and that it is not restarting.',
      { cause: err },
    );
  }
  return new EngineError('other', endpoint, `Talking to the engine at ${target} failed: ${text}`, 'Check the engine and try again.', {
    cause: err,
  });
}

function fromHttp(status: number, message: string, endpoint: string, cause: unknown): EngineError {
  const target = where(endpoint);
  if (status === 404) {
    return new EngineError('not-found', endpoint, message, 'It may have been removed; refresh the view.', { cause, statusCode: status });
  }
  if (status === 400 && /HTTP request to an HTTPS server/i.test(message)) {
    return new EngineError(
      'tls',
      endpoint,
      `The engine at ${target} expects TLS`,
      'Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH (default ~/.docker) to the engine\'s client certificates, or use a context that carries them.',
      { cause, statusCode: status },
    );
  }
  return new EngineError('api', endpoint, `The engine answered ${status}: ${message}`, 'See the engine\'s message; check the daemon log (journalctl -u docker) for more.', {
    cause,
    statusCode: status,
  });
}

function sshError(text: string, e: ErrnoLike, endpoint: string, cause: unknown): EngineError {
  const level = typeof e.level === 'string' ? e.level : '';
  const target = where(endpoint);
  let hint = 'Check that `ssh` to this host works and that `docker system dial-stdio` runs there.';
  if (/Host denied/.test(text)) {
    hint = 'The host key was not found in ~/.ssh/known_hosts or did not match it: connect once with `ssh` to that host to check and record its key, then reconnect.';
  } else if (level === 'client-authentication') {
    hint = 'Load your key into ssh-agent (ssh-add) so SSH_AUTH_SOCK is set, or put an unencrypted key at ~/.ssh/id_ed25519 or ~/.ssh/id_rsa.';
  } else if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || level === 'client-timeout') {
    hint = 'Check the host name and port of the ssh:// endpoint and that sshd runs there.';
  }
  return new EngineError('ssh', endpoint, `SSH to ${target} failed: ${text}`, hint, { cause });
}

function isTls(code: string, text: string): boolean {
  return TLS_CODES.test(code) || (code === 'EPROTO' && TLS_TEXT.test(text)) || (!code && TLS_TEXT.test(text));
}

function engineMessage(e: ErrnoLike): string | undefined {
  const json = e.json;
  if (json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') {
    return (json as { message: string }).message;
  }
  return undefined;
}

function socketPathOf(endpoint: string, e: ErrnoLike): string | undefined {
  if (typeof e.address === 'string' && e.address.startsWith('/')) return e.address;
  if (endpoint.startsWith('unix://')) return endpoint.slice('unix://'.length) || '/var/run/docker.sock';
  if (endpoint.startsWith('npipe://')) return endpoint.slice('npipe://'.length);
  return undefined;
}

/** The endpoint as a person reads it: the socket path for unix, the URL otherwise. */
export function where(endpoint: string): string {
  if (endpoint.startsWith('unix://')) return endpoint.slice('unix://'.length);
  return endpoint;
}
