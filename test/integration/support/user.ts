/**
 * An unprivileged user in the `docker` group, to run the CLI as a person without root
 * would: the API socket is theirs, root containers' /proc/PID/ns links are not.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';
import { SOCKET } from './docker';

export const TEST_USER = 'ca-test';

function idOf(flag: '-u' | '-g', user: string): number | null {
  try {
    return Number(execFileSync('id', [flag, user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return null;
  }
}

function groupId(group: string): number {
  const line = execFileSync('getent', ['group', group], { encoding: 'utf8' }).trim();
  return Number(line.split(':')[2]);
}

/** Fails unless this process is root: switching user needs it. */
export function requireRoot(suite: string): void {
  if (process.getuid?.() !== 0) {
    throw new Error(`${suite} needs root to switch to the unprivileged user ${TEST_USER} (setpriv --reuid); run the engine tests as root`);
  }
}

/** Creates the user once, puts it in `docker`, and makes sure the socket belongs to `docker`. */
export function ensureDockerGroupUser(): { uid: number; gid: number } {
  if (idOf('-u', TEST_USER) === null) execFileSync('useradd', ['--system', '--no-create-home', TEST_USER]);
  execFileSync('groupadd', ['-f', 'docker']);
  const groups = execFileSync('id', ['-nG', TEST_USER], { encoding: 'utf8' }).trim().split(/\s+/);
  if (!groups.includes('docker')) execFileSync('usermod', ['-aG', 'docker', TEST_USER]);
  const dockerGid = groupId('docker');
  if (statSync(SOCKET).gid !== dockerGid) execFileSync('chgrp', ['docker', SOCKET]);
  const uid = idOf('-u', TEST_USER);
  const gid = idOf('-g', TEST_USER);
  if (uid === null || gid === null) throw new Error(`user ${TEST_USER} could not be created`);
  return { uid, gid };
}

/** Every directory up to `file` must be searchable and the file readable by others. */
export function assertWorldReadable(file: string): void {
  const st = statSync(file);
  if (!(st.mode & constants.S_IROTH)) throw new Error(`${file} is not readable by other users (mode ${(st.mode & 0o777).toString(8)})`);
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const d = statSync(dir);
    if (!(d.mode & constants.S_IXOTH)) throw new Error(`${dir} is not searchable by other users (mode ${(d.mode & 0o777).toString(8)}), so ${TEST_USER} cannot reach ${file}`);
    if (dir === path.dirname(dir)) break;
  }
  accessSync(file, constants.R_OK);
}
