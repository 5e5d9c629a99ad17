/**
 * The VM that test/vm/run.sh booted: its endpoints (TCP+TLS and SSH), an Engine API client
 * for creating the test containers, and plain reads of the VM's kernel files over ssh as
 * root, which are the truth the snapshots are compared with.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Dockerode from 'dockerode';

export interface VmEndpoints {
  tls: { host: string; certPath: string };
  ssh: { host: string; port: number; home: string };
  console: string;
}

export function vmEndpoints(): VmEndpoints {
  const file = process.env.CONTAINER_ANATOMY_VM;
  if (!file) throw new Error('CONTAINER_ANATOMY_VM is not set: run these tests through bash test/vm/run.sh');
  return JSON.parse(readFileSync(file, 'utf8')) as VmEndpoints;
}

/** dockerode on the VM's TLS endpoint. */
export function vmDocker(vm: VmEndpoints): Dockerode {
  const url = new URL(vm.tls.host.replace(/^tcp:/, 'https:'));
  const pem = (name: string): Buffer => readFileSync(path.join(vm.tls.certPath, `${name}.pem`));
  return new Dockerode({ protocol: 'https', host: url.hostname, port: url.port, ca: pem('ca'), cert: pem('cert'), key: pem('key') });
}

/** The ssh arguments that reach the VM as `user`, checking its host key against the test known_hosts. */
function sshArgs(vm: VmEndpoints, user: string): string[] {
  const dir = path.join(vm.ssh.home, '.ssh');
  return [
    '-q',
    '-i',
    path.join(dir, 'id_ed25519'),
    '-o',
    `UserKnownHostsFile=${path.join(dir, 'known_hosts')}`,
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    'BatchMode=yes',
    // One connection for every call (the master is started by run.sh): a new SSH handshake
    // costs seconds under emulation.
    '-o',
    `ControlPath=${path.join(vm.ssh.home, 'ssh-%r')}`,
    '-o',
    'ControlMaster=auto',
    '-o',
    'ControlPersist=600',
    '-p',
    String(vm.ssh.port),
    `${user}@127.0.0.1`,
  ];
}

/**
 * Runs a fixed script (never built from container data) as root in the VM; `input` goes to
 * its stdin. Resolves to stdout; rejects with stderr when it exits non-zero.
 */
export function vmRun(vm: VmEndpoints, script: string, input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('ssh', [...sshArgs(vm, 'root'), script], { maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`ssh to the VM (${script.slice(0, 60)}…) failed: ${stderr || err.message}`));
      else resolve(stdout);
    });
    child.stdin?.end(input);
  });
}

export interface VmRead {
  /** The link text for a symlink, the contents for a file. */
  text?: string;
  error?: string;
}

/**
 * Reads many paths in the VM in one ssh round trip: readlink for symlinks (namespaces),
 * cat for files. The paths travel on stdin, one per line, and are never evaluated.
 */
export async function vmRead(vm: VmEndpoints, paths: string[]): Promise<Map<string, VmRead>> {
  const script = `while IFS= read -r p; do
  if [ -L "$p" ]; then v=$(readlink "$p" | base64 -w0) && printf '%s\\tok\\t%s\\n' "$p" "$v" || printf '%s\\terr\\t\\n' "$p"
  elif v=$(cat "$p" 2>/dev/null | base64 -w0) && [ -r "$p" ]; then printf '%s\\tok\\t%s\\n' "$p" "$v"
  else printf '%s\\terr\\t\\n' "$p"; fi
done`;
  const out = await vmRun(vm, script, paths.join('\n') + '\n');
  const result = new Map<string, VmRead>();
  for (const line of out.split('\n')) {
    const [p, status, b64] = line.split('\t');
    if (!p) continue;
    result.set(p, status === 'ok' ? { text: Buffer.from(b64 ?? '', 'base64').toString('utf8') } : { error: 'unreadable' });
  }
  return result;
}

/** The value read at `p`, trimmed; throws when it could not be read. */
export function text(reads: Map<string, VmRead>, p: string): string {
  const r = reads.get(p);
  if (r?.text === undefined) throw new Error(`the VM could not read ${p}`);
  return r.text.trim();
}

/** `net:[4026531992]` -> 4026531992. */
export function inodeOf(link: string): number {
  const m = /^[a-z_]+:\[(\d+)\]$/.exec(link);
  if (!m) throw new Error(`unexpected namespace link ${link}`);
  return Number(m[1]);
}

/** A v2 limit file ("max", "max 100000", a number) as a number, null for unlimited. */
export function v2Limit(t: string): number | null {
  const first = t.trim().split(/\s+/)[0];
  return first === 'max' ? null : Number(first);
}
