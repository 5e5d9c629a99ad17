/**
 * SSH host key checking for ssh:// endpoints, against the same known_hosts files OpenSSH
 * reads: ~/.ssh/known_hosts, ~/.ssh/known_hosts2 and /etc/ssh/ssh_known_hosts. Plain names,
 * `[host]:port` forms, `*`/`?` patterns, `!` negation and hashed (`|1|salt|hash`) entries are
 * understood; `@revoked` keys are refused; `@cert-authority` lines are not (a host known
 * only through a CA counts as unknown).
 */
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface KnownHostEntry {
  file: string;
  /** 1-based line number in `file`. */
  line: number;
  marker: 'revoked' | 'cert-authority' | null;
  /** The host field as written: comma-separated patterns, or one `|1|salt|hash`. */
  hosts: string;
  /** The key blob (SSH wire format), as base64-decoded from the line. */
  key: Buffer;
}

export type HostKeyVerdict =
  | { kind: 'known'; entry: KnownHostEntry }
  | { kind: 'unknown'; files: string[] }
  | { kind: 'changed'; entry: KnownHostEntry }
  | { kind: 'revoked'; entry: KnownHostEntry };

/** The files OpenSSH reads by default for a user whose home is `homeDir`. */
export function knownHostsFiles(homeDir: string): string[] {
  return [path.join(homeDir, '.ssh', 'known_hosts'), path.join(homeDir, '.ssh', 'known_hosts2'), '/etc/ssh/ssh_known_hosts'];
}

/** Parses one known_hosts file's text; lines it cannot read are skipped, as ssh does. */
export function parseKnownHosts(text: string, file: string): KnownHostEntry[] {
  const out: KnownHostEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const fields = raw.trim().split(/\s+/);
    if (!fields[0] || fields[0].startsWith('#')) return;
    let marker: KnownHostEntry['marker'] = null;
    if (fields[0].startsWith('@')) {
      const m = fields.shift();
      if (m === '@revoked') marker = 'revoked';
      else if (m === '@cert-authority') marker = 'cert-authority';
      else return;
    }
    const [hosts, , blob] = fields;
    if (!hosts || !blob || !/^[A-Za-z0-9+/]+=*$/.test(blob)) return;
    out.push({ file, line: i + 1, marker, hosts, key: Buffer.from(blob, 'base64') });
  });
  return out;
}

/** The name ssh looks up: `host` on port 22, `[host]:port` otherwise. */
export function lookupName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** Whether an entry's host field names `name` (already in lookupName form). */
export function hostFieldMatches(hosts: string, name: string): boolean {
  if (hosts.startsWith('|1|')) {
    const [, , salt, hash] = hosts.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  let matched = false;
  for (const pattern of hosts.split(',')) {
    const negated = pattern.startsWith('!');
    if (!globMatches(negated ? pattern.slice(1) : pattern, name)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** ssh's pattern match: `*` any run, `?` one character, case-insensitive. */
function globMatches(pattern: string, name: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 'i').test(name);
}

/** Checks `key` (wire format) offered by host:port against every entry of `files`. */
export function checkHostKey(files: string[], host: string, port: number, key: Buffer): HostKeyVerdict {
  const name = lookupName(host, port);
  const entries: KnownHostEntry[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // A missing or unreadable file is skipped, as ssh does.
    }
    entries.push(...parseKnownHosts(text, file).filter((e) => e.marker !== 'cert-authority' && hostFieldMatches(e.hosts, name)));
  }
  const same = entries.filter((e) => e.key.equals(key));
  const revoked = same.find((e) => e.marker === 'revoked');
  if (revoked) return { kind: 'revoked', entry: revoked };
  const known = same.find((e) => e.marker === null);
  if (known) return { kind: 'known', entry: known };
  const other = entries.find((e) => e.marker === null);
  if (other) return { kind: 'changed', entry: other };
  return { kind: 'unknown', files };
}

/** "ssh-ed25519 SHA256:…", as ssh prints a key's fingerprint. */
export function fingerprint(key: Buffer): string {
  let type = 'key';
  if (key.length >= 4) {
    const len = key.readUInt32BE(0);
    if (len > 0 && len < 64 && key.length >= 4 + len) type = key.subarray(4, 4 + len).toString('latin1');
  }
  return `${type} SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}
