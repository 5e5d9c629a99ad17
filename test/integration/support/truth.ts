/**
 * Independent truth to compare snapshots against: read here with the plainest tools
 * (readlink, lsns, the cgroup files at their known v1 mount points, /sys/class/net),
 * never through the readers under test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import * as path from 'node:path';

export const CGROUP_ROOT = '/sys/fs/cgroup';

/** `readlink /proc/PID/ns/TYPE` is `type:[inode]`; returns the inode. */
export function nsInode(pid: number | 'self', type: string): number {
  const link = readlinkSync(`/proc/${pid}/ns/${type}`);
  const m = /^[a-z_]+:\[(\d+)\]$/.exec(link);
  if (!m) throw new Error(`unexpected link text ${link} for /proc/${pid}/ns/${type}`);
  return Number(m[1]);
}

export interface LsnsEntry {
  ns: number;
  type: string;
  nprocs: number;
  pid: number;
}

/** `lsns --json`: every namespace with the lowest PID holding it. */
export function lsns(): LsnsEntry[] {
  const out = execFileSync('lsns', ['--json', '--output', 'NS,TYPE,NPROCS,PID'], { encoding: 'utf8' });
  return (JSON.parse(out) as { namespaces: LsnsEntry[] }).namespaces.map((n) => ({ ...n, ns: Number(n.ns), pid: Number(n.pid) }));
}

/** The namespace lsns reports for `pid` and `type` (lsns lists each namespace once, so search by inode). */
export function lsnsHas(type: string, inode: number): boolean {
  return lsns().some((n) => n.type === type && n.ns === inode);
}

/** The cgroup path of `pid` for a v1 controller, from the real /proc/PID/cgroup. */
export function cgroupPath(pid: number, controller: string): string {
  for (const line of readFileSync(`/proc/${pid}/cgroup`, 'utf8').split('\n')) {
    const [, ctrls, p] = line.split(':');
    if (ctrls !== undefined && ctrls.split(',').includes(controller)) return p;
  }
  throw new Error(`no ${controller} line in /proc/${pid}/cgroup`);
}

/** Absolute directory of `pid`'s cgroup in the v1 hierarchy mounted at /sys/fs/cgroup/<controller>. */
export function cgroupDir(pid: number, controller: string): string {
  return path.join(CGROUP_ROOT, controller, cgroupPath(pid, controller));
}

export function cgroupFile(pid: number, controller: string, file: string): string {
  return readFileSync(path.join(cgroupDir(pid, controller), file), 'utf8').trim();
}

/** A v1 limit file as a number; "max", -1 and the page-counter sentinel (>= 2^62) as null. */
export function cgroupLimit(pid: number, controller: string, file: string): number | null {
  const t = cgroupFile(pid, controller, file);
  if (t === 'max' || t === '-1') return null;
  const n = Number(t);
  return n >= 2 ** 62 ? null : n;
}

/** A `key value` entry of memory.stat and similar files. */
export function cgroupStat(pid: number, controller: string, file: string, key: string): number {
  const line = cgroupFile(pid, controller, file)
    .split('\n')
    .find((l) => l.startsWith(`${key} `));
  if (!line) throw new Error(`no ${key} in ${file} of ${pid}`);
  return Number(line.split(' ')[1]);
}

export interface HostLink {
  name: string;
  ifindex: number;
  iflink: number;
  master: string | null;
}

function readNum(file: string): number {
  return Number(readFileSync(file, 'utf8').trim());
}

/** One interface of the host network namespace, from /sys/class/net. */
export function hostLink(name: string): HostLink {
  const dir = `/sys/class/net/${name}`;
  const masterLink = path.join(dir, 'master');
  return {
    name,
    ifindex: readNum(`${dir}/ifindex`),
    iflink: readNum(`${dir}/iflink`),
    master: existsSync(masterLink) ? path.basename(readlinkSync(masterLink)) : null,
  };
}

/** Every interface of the host network namespace (one that went away while being read is left out). */
export function hostLinks(): HostLink[] {
  return readdirSync('/sys/class/net').flatMap((name) => {
    try {
      return [hostLink(name)];
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  });
}

/** The host veth whose iflink equals `ifindex` (the container side's ifindex). */
export function hostPeerOf(ifindex: number): HostLink | undefined {
  return hostLinks().find((l) => l.iflink === ifindex && l.name !== 'lo' && l.ifindex !== ifindex);
}

/** A container interface read through its own /sys (as root): ifindex and iflink. */
export function containerLink(pid: number, ifname: string): { ifindex: number; iflink: number } {
  const dir = `/proc/${pid}/root/sys/class/net/${ifname}`;
  return { ifindex: readNum(`${dir}/ifindex`), iflink: readNum(`${dir}/iflink`) };
}

/** Interfaces in the container's network namespace, by name. */
export function containerLinkNames(pid: number): string[] {
  return readdirSync(`/proc/${pid}/root/sys/class/net`).sort();
}

/** Interfaces enslaved to a bridge (brif/). */
export function bridgePorts(bridge: string): string[] {
  return readdirSync(`/sys/class/net/${bridge}/brif`).sort();
}

/** NSpid fields of /proc/PID/status. */
export function nspid(pid: number): number[] {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('NSpid:'));
  if (!line) throw new Error(`no NSpid in /proc/${pid}/status`);
  return line.slice('NSpid:'.length).trim().split(/\s+/).map(Number);
}

export interface KernelLink {
  ifindex: number;
  name: string;
  /** The N of "name@ifN": the peer's ifindex. */
  peer: number | null;
  master: string | null;
  vxlanId: number | null;
}

/** `ip -d link show` (text) inside a namespace file, entered with nsenter. */
export function linksIn(nsFile: string): KernelLink[] {
  const text = execFileSync('nsenter', [`--net=${nsFile}`, '--', 'ip', '-d', 'link', 'show'], { encoding: 'utf8' });
  const out: KernelLink[] = [];
  for (const block of text.split(/\n(?=\d+: )/)) {
    const m = /^(\d+): ([^:@\s]+)(?:@if(\d+))?:/.exec(block);
    if (!m) continue;
    out.push({
      ifindex: Number(m[1]),
      name: m[2],
      peer: m[3] ? Number(m[3]) : null,
      master: /\smaster (\S+)/.exec(block)?.[1] ?? null,
      vxlanId: /\bvxlan id (\d+)/.exec(block) ? Number(/\bvxlan id (\d+)/.exec(block)?.[1]) : null,
    });
  }
  return out;
}

/**
 * The namespace files beside `sandboxKey` (the engine's netns folder) that hold the peer of
 * `link`, an interface inside the sandbox: searched in every one, not derived from names.
 */
export function namespacesHoldingPeer(sandboxKey: string, link: KernelLink): string[] {
  const dir = path.dirname(sandboxKey);
  return readdirSync(dir).map((f) => path.join(dir, f)).filter((f) => f !== sandboxKey && linksIn(f).some((l) => l.ifindex === link.peer && l.peer === link.ifindex));
}
