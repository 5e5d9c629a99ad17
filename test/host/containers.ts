// Labelled containers for the host tests and the demo, created through the Engine API
// (never a shell string built from names or labels) and removed by label.
import Docker from 'dockerode';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const IMAGE = 'container-anatomy-test/busybox:latest';
export const docker = new Docker();

export interface Spec {
  name: string;
  labels?: Record<string, string>;
  hostConfig?: Docker.HostConfig;
  networks?: string[];
  /** e.g. '8080/tcp' (needed for PortBindings to take effect through the API). */
  exposedPorts?: string[];
  /** The command, as an argument array (default: sleep). */
  cmd?: string[];
  start?: boolean;
}

/** Creates (and by default starts) a `sleep` container from the local busybox image. */
export async function createContainer(spec: Spec, label: Record<string, string>): Promise<Docker.ContainerInspectInfo> {
  const c = await docker.createContainer({
    Image: IMAGE, Cmd: spec.cmd ?? ['sleep', '86400'], name: spec.name,
    Labels: { ...spec.labels, ...label },
    ExposedPorts: Object.fromEntries((spec.exposedPorts ?? []).map((p) => [p, {}])),
    HostConfig: { Init: false, ...spec.hostConfig },
  });
  for (const n of spec.networks ?? []) await docker.getNetwork(n).connect({ Container: c.id });
  if (spec.start !== false) await c.start();
  return c.inspect();
}

/** Force-removes every container carrying `key=value`; returns how many. */
export async function removeLabelled(key: string, value: string): Promise<number> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${key}=${value}`] } });
  await Promise.all(list.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch((err: Error) => {
    if (!/no such container|is already in progress/i.test(err.message)) throw err;
  })));
  return list.length;
}

export async function removeNetworkIfUnused(name: string): Promise<void> {
  const nets = await docker.listNetworks({ filters: { name: [name] } });
  for (const n of nets.filter((x) => x.Name === name)) {
    await docker.getNetwork(n.Id).remove().catch((err: Error) => {
      console.warn(`network ${name} not removed: ${err.message}`);
    });
  }
}

export async function ensureNetwork(name: string, labels: Record<string, string>): Promise<void> {
  const nets = await docker.listNetworks({ filters: { name: [name] } });
  if (nets.some((n) => n.Name === name)) return;
  await docker.createNetwork({ Name: name, Driver: 'bridge', Labels: labels });
}

/**
 * Makes sure the busybox test image exists: when missing, builds a rootfs from Debian's
 * busybox-static (/bin/busybox plus a few applet links) and `docker import`s it.
 */
export async function ensureImage(): Promise<'present' | 'imported'> {
  try {
    await docker.getImage(IMAGE).inspect();
    return 'present';
  } catch (err) {
    if (!/no such image|404/i.test((err as Error).message)) throw err;
  }
  const busybox = '/bin/busybox';
  if (!fs.existsSync(busybox)) throw new Error('/bin/busybox is missing: apt-get install busybox-static');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'anatomy-rootfs-'));
  try {
    fs.mkdirSync(path.join(root, 'bin'), { recursive: true });
    for (const d of ['etc', 'proc', 'sys', 'dev', 'tmp']) fs.mkdirSync(path.join(root, d));
    fs.copyFileSync(busybox, path.join(root, 'bin', 'busybox'));
    fs.chmodSync(path.join(root, 'bin', 'busybox'), 0o755);
    for (const applet of ['sh', 'sleep', 'true', 'ls', 'cat', 'ps', 'ip', 'id', 'hostname', 'echo', 'top']) {
      fs.symlinkSync('busybox', path.join(root, 'bin', applet));
    }
    const tar = path.join(root, '..', `${path.basename(root)}.tar`);
    const t = spawnSync('tar', ['-C', root, '-cf', tar, '.']);
    if (t.status !== 0) throw new Error(`tar failed: ${t.stderr}`);
    const imp = spawnSync('docker', ['import', '-c', 'CMD ["/bin/sh"]', tar, IMAGE], { encoding: 'utf8' });
    fs.rmSync(tar, { force: true });
    if (imp.status !== 0) throw new Error(`docker import failed: ${imp.stderr}`);
    return 'imported';
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The nsfs inode of /proc/<pid>/ns/<type>, as `readlink` shows it. */
export function nsInode(pid: number, type: string): number {
  const link = fs.readlinkSync(`/proc/${pid}/ns/${type}`);
  const m = /\[(\d+)\]/.exec(link);
  if (!m) throw new Error(`unexpected ns link ${link}`);
  return Number(m[1]);
}
