/**
 * Measurements inside the real VS Code host from test/host (code-server). Until that host
 * exists this reports why nothing was measured rather than substituting a stub.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type HostResult =
  | { measured: false; reason: string }
  | { measured: true; activationMs: number; idleRequests: number | null };

const SERVER = path.resolve(__dirname, '..', 'test', 'host', 'server.ts');

export async function measureHost(log: (s: string) => void): Promise<HostResult> {
  if (!fs.existsSync(SERVER)) {
    const reason = 'the VS Code test host (test/host/server.ts) does not exist yet';
    log(`host: not measured — ${reason}`);
    return { measured: false, reason };
  }
  const reason =
    'test/host starts code-server, but activation needs a browser on the workbench and neither VS Code nor the extension reports activation time where this benchmark can read it';
  log(`host: not measured — ${reason}`);
  return { measured: false, reason };
}
