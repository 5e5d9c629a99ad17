/**
 * A minimal sshd on 127.0.0.1 for tests of ssh:// endpoints: it accepts one public key and
 * answers `docker system dial-stdio` by piping the channel to a local engine socket, which
 * is what the docker CLI on a remote host does.
 */
import * as net from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { Server, utils } from 'ssh2';

export interface SshRelay {
  port: number;
  /** OpenSSH private key the server accepts (unencrypted). */
  clientKey: string;
  /** The server's host key as a known_hosts line for 127.0.0.1:port. */
  knownHostsLine: string;
  /** Commands clients asked to exec. */
  commands: string[];
  close(): Promise<void>;
}

export function startSshRelay(engineSocket: string, user: string): Promise<SshRelay> {
  const host = utils.generateKeyPairSync('ed25519');
  const hostKey = host.private;
  const client = utils.generateKeyPairSync('ed25519');
  const allowed = utils.parseKey(client.public);
  if (allowed instanceof Error) throw allowed;
  const commands: string[] = [];
  const open = new Set<{ end(): void }>();
  const server = new Server({ hostKeys: [hostKey] }, (conn) => {
    open.add(conn);
    conn.on('close', () => open.delete(conn));
    conn.on('error', () => undefined);
    conn.on('authentication', (ctx) => {
      if (ctx.method !== 'publickey' || ctx.username !== user) return ctx.reject(['publickey']);
      const sameKey = ctx.key.algo === allowed.type && ctx.key.data.length === allowed.getPublicSSH().length && timingSafeEqual(ctx.key.data, allowed.getPublicSSH());
      if (!sameKey) return ctx.reject(['publickey']);
      if (ctx.signature && ctx.blob && allowed.verify(ctx.blob, ctx.signature, ctx.hashAlgo) !== true) return ctx.reject(['publickey']);
      ctx.accept();
    });
    conn.on('ready', () => {
      conn.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('exec', (accept, reject, info) => {
          commands.push(info.command);
          if (info.command !== 'docker system dial-stdio') return reject();
          const channel = accept();
          const engine = net.connect(engineSocket);
          channel.pipe(engine).pipe(channel);
          engine.on('error', () => channel.close());
          engine.on('close', () => channel.close());
          channel.on('close', () => engine.destroy());
        });
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        port,
        clientKey: client.private,
        knownHostsLine: `[127.0.0.1]:${port} ${host.public.trim().split(/\s+/).slice(0, 2).join(' ')}\n`,
        commands,
        close: () =>
          new Promise<void>((r) => {
            open.forEach((c) => c.end());
            server.close(() => r());
          }),
      });
    });
  });
}
