/**
 * What the engines a test starts beside the main one share: waiting for their first answer,
 * stopping them as a service manager would, and copying the test image into them.
 */
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import type Dockerode from 'dockerode';
import { docker, IMAGE, waitFor } from './docker';

/**
 * Waits until `client` answers /_ping; when `child` exits first or 60 s pass, throws naming
 * the engine, how it failed and the end of its log.
 */
export async function waitForPing(client: Dockerode, child: ChildProcess, what: string, log: string): Promise<void> {
  const up = await waitFor(async () => {
    if (child.exitCode !== null) return true;
    try {
      await client.ping();
      return true;
    } catch {
      return false;
    }
  }, 60000, 200);
  if (child.exitCode !== null || !up) {
    const tail = fs.readFileSync(log, 'utf8').split('\n').slice(-8).join('\n');
    throw new Error(`${what} ${child.exitCode !== null ? `exited (${child.exitCode})` : 'did not answer within 60 s'}; ${log} ends:\n${tail}`);
  }
}

/** SIGTERM (as systemctl stop does), SIGKILL after 30 s, and waits for the exit. */
export async function stopDaemon(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
  await exited;
  clearTimeout(timer);
}

/** `docker save` of the test image from the main engine, loaded into `client`. */
export async function copyTestImage(client: Dockerode): Promise<void> {
  const tar = await docker.getImage(IMAGE).get();
  const progress = await client.loadImage(tar);
  await new Promise<void>((resolve, reject) => client.modem.followProgress(progress, (err: Error | null) => (err ? reject(err) : resolve())));
}
