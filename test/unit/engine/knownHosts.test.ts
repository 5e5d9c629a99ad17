import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkHostKey, fingerprint, hostFieldMatches, knownHostsFiles, lookupName, parseKnownHosts } from '../../../src/core/engine/knownHosts';
import { REPO_ROOT } from './helpers';

const DIR = path.join(REPO_ROOT, 'test/fixtures/known-hosts');
const FILE = path.join(DIR, 'known_hosts');
const [A, B, C] = readFileSync(path.join(DIR, 'keys.pub'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => Buffer.from(l.split(' ')[1], 'base64'));
const check = (host: string, port: number, key: Buffer) => checkHostKey([path.join(DIR, 'missing'), FILE], host, port, key);

describe('known_hosts host key checking', () => {
  it('looks hosts up as ssh does: the bare name on port 22, [host]:port otherwise', () => {
    assert.equal(lookupName('h.example', 22), 'h.example');
    assert.equal(lookupName('127.0.0.1', 2222), '[127.0.0.1]:2222');
  });

  it('reads entries, markers and line numbers, skipping comments and lines it cannot parse', () => {
    const entries = parseKnownHosts(readFileSync(FILE, 'utf8'), FILE);
    assert.deepEqual(
      entries.map((e) => [e.line, e.marker, e.hosts.slice(0, 20)]),
      [
        [2, null, 'plain.example,192.0.'],
        [3, null, '[ported.example]:222'],
        [4, null, '*.wild.example,!bad.'],
        [5, null, '|1|AAECAwQFBgcICQoLD'],
        [7, 'revoked', '*'],
        [8, 'cert-authority', 'ca.example'],
      ],
    );
    assert.ok(entries[0].key.equals(A));
  });

  it('matches plain names and addresses, port forms, patterns with negation, and hashed names', () => {
    assert.equal(hostFieldMatches('plain.example,192.0.2.10', '192.0.2.10'), true);
    assert.equal(hostFieldMatches('plain.example,192.0.2.10', 'PLAIN.example'), true);
    assert.equal(hostFieldMatches('plain.example', 'plain.example.org'), false);
    assert.equal(hostFieldMatches('[ported.example]:2222', '[ported.example]:2222'), true);
    assert.equal(hostFieldMatches('[ported.example]:2222', 'ported.example'), false);
    assert.equal(hostFieldMatches('*.wild.example,!bad.wild.example', 'a.wild.example'), true);
    assert.equal(hostFieldMatches('*.wild.example,!bad.wild.example', 'bad.wild.example'), false);
    assert.equal(hostFieldMatches('h?.example', 'h1.example'), true);
    assert.equal(hostFieldMatches('a.b', 'aXb'), false, 'a dot is a dot, not any character');
    // The hashed entry was checked with `ssh-keygen -F '[hashed.example]:2200' -f known_hosts`.
    assert.equal(hostFieldMatches('|1|AAECAwQFBgcICQoLDA0ODxAREhM=|hSFSvuKf1hy9w7FMrzcSzCIqBzM=', '[hashed.example]:2200'), true);
    assert.equal(hostFieldMatches('|1|AAECAwQFBgcICQoLDA0ODxAREhM=|hSFSvuKf1hy9w7FMrzcSzCIqBzM=', 'hashed.example'), false);
  });

  it('the recorded key is known; another key for a recorded host has changed, naming the line', () => {
    assert.deepEqual(
      [check('plain.example', 22, A).kind, check('ported.example', 2222, A).kind, check('x.wild.example', 22, A).kind, check('hashed.example', 2200, A).kind],
      ['known', 'known', 'known', 'known'],
    );
    const changed = check('ported.example', 2222, C);
    assert.equal(changed.kind, 'changed');
    assert.ok(changed.kind === 'changed' && changed.entry.file === FILE && changed.entry.line === 3);
  });

  it('a host on another port, a negated name or one known only through a CA is unknown, listing the files read', () => {
    assert.equal(check('ported.example', 22, A).kind, 'unknown');
    assert.equal(check('bad.wild.example', 22, A).kind, 'unknown');
    const viaCa = check('ca.example', 22, C);
    assert.deepEqual(viaCa, { kind: 'unknown', files: [path.join(DIR, 'missing'), FILE] });
  });

  it('a revoked key is refused even for a host it would otherwise match', () => {
    const r = check('plain.example', 22, B);
    assert.equal(r.kind, 'revoked');
    assert.ok(r.kind === 'revoked' && r.entry.line === 7);
  });

  it('reads the files OpenSSH reads, and prints fingerprints as ssh-keygen -l does', () => {
    assert.deepEqual(knownHostsFiles('/home/u'), ['/home/u/.ssh/known_hosts', '/home/u/.ssh/known_hosts2', '/etc/ssh/ssh_known_hosts']);
    // ssh-keygen -lf test/fixtures/known-hosts/keys.pub prints this for the first key.
    assert.equal(fingerprint(A), 'ssh-ed25519 SHA256:rtZJC96ragi3LILmmauX81P4Z6d/+9PgNVoBOoQv3MQ');
  });
});
