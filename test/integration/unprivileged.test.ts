/**
 * The CLI run by a user in the `docker` group, not root: the engine answers, cgroup files
 * and /proc/PID/net stay readable, but the kernel's ptrace check refuses root containers'
 * /proc/PID/ns links. The model must say so per field, not fail or guess.
 */
import * as assert from 'node:assert/strict';
import { NAMESPACE_TYPES, type ContainerAnatomy, type NamespaceDiff, type Snapshot } from '../../src/core/model';
import { CLI, cleanEnv, ensureCliBuilt, runCliJson } from './support/cli';
import { TestSuite, type Created } from './support/docker';
import { assertDocumentedShape } from './support/shape';
import { containerLink, nsInode } from './support/truth';
import { assertWorldReadable, ensureDockerGroupUser, requireRoot, TEST_USER } from './support/user';

const MiB = 1024 * 1024;

describe(`CLI as an unprivileged user in the docker group (${TEST_USER})`, function () {
  const suite = new TestSuite('unprivileged').hooks();
  let user: { uid: number; gid: number };
  let plain: Created;
  let limited: Created;
  let snap: Snapshot;
  const find = (c: Created): ContainerAnatomy => {
    const hit = snap.containers.find((x) => x.id === c.id);
    assert.ok(hit, `${c.name} is in the output`);
    return hit;
  };

  before(async function () {
    this.timeout(120000);
    requireRoot('the unprivileged suite');
    user = ensureDockerGroupUser();
    ensureCliBuilt();
    assertWorldReadable(CLI);
    [plain, limited] = await Promise.all([
      suite.createContainer({ name: 'plain' }),
      suite.createContainer({ name: 'limited', hostConfig: { Memory: 64 * MiB, PidsLimit: 50 } }),
    ]);
    snap = await runCliJson<Snapshot>(['--all'], { as: user, env: cleanEnv({ HOME: '/nonexistent' }) });
  });

  it('the engine answers: the test containers are listed with the documented shape', () => {
    assertDocumentedShape(snap);
    for (const c of [plain, limited]) {
      const a = find(c);
      assert.equal(a.state, 'running');
      assert.ok('value' in a.pid, 'the PID comes from the engine');
    }
  });

  it('namespace inodes of root containers are unavailable with "permission denied"', () => {
    for (const c of [plain, limited]) {
      const a = find(c);
      for (const t of NAMESPACE_TYPES) {
        const inode = a.namespaces[t].inode;
        assert.ok('unavailable' in inode, `${c.name} ns.${t} must be unavailable to ${TEST_USER}, got ${JSON.stringify(inode)}`);
        assert.match(inode.unavailable, /permission denied/i);
        assert.ok('unavailable' in a.namespaces[t].sharedWithHost, `${c.name} ns.${t}.sharedWithHost cannot be decided`);
      }
    }
  });

  it('its own namespaces are still readable (the host side)', () => {
    for (const t of NAMESPACE_TYPES) assert.deepEqual(snap.host.namespaces[t].inode, { value: nsInode('self', t), source: 'procfs' });
  });

  it('cgroup limits and IP addresses are still there', () => {
    const l = find(limited);
    assert.deepEqual(l.cgroup.memory.limitBytes.declared, { value: 64 * MiB, source: 'engine' });
    assert.deepEqual(l.cgroup.memory.limitBytes.kernel, { value: 64 * MiB, source: 'procfs' });
    assert.deepEqual(l.cgroup.pids.max.kernel, { value: 50, source: 'procfs' });
    for (const c of [plain, limited]) {
      const a = find(c);
      assert.ok(a.networks.length >= 1, `${c.name} has its bridge attachment`);
      const ip = a.networks[0].ipAddress;
      assert.ok('value' in ip, `${c.name} ipAddress: ${JSON.stringify(ip)}`);
      assert.match(ip.value, /^\d+\.\d+\.\d+\.\d+$/);
    }
  });

  it('the container side of the veth pair is right or unavailable, never a made-up iflink', () => {
    const a = find(plain);
    const pid = (a.pid as { value: number }).value;
    const truth = containerLink(pid, 'eth0');
    const ci = a.networks[0].containerInterface;
    if ('unavailable' in ci) return;
    assert.equal(ci.value.ifindex, truth.ifindex, 'eth0 ifindex');
    assert.equal(ci.value.iflink, truth.iflink, `eth0 iflink: the kernel says ${truth.iflink}`);
    const veth = a.networks[0].hostVeth;
    assert.ok('value' in veth, `hostVeth: ${JSON.stringify(veth)}`);
    assert.equal(veth.value.ifindex, truth.iflink, 'the host veth is eth0 peer');
  });

  it('diff: what the container sees through per-process files is there; what needs its ns links or entering says why', async () => {
    const d = await runCliJson<NamespaceDiff>(['diff', plain.name], { as: user, env: cleanEnv({ HOME: '/nonexistent' }) });
    const row = (t: string) => d.rows.find((r) => r.type === t);
    const pid = (find(plain).pid as { value: number }).value;
    const eth0 = row('net')?.leftSees as { value: { interfaces: { name: string; addresses: string[] }[] } } | undefined;
    assert.ok(eth0 && 'value' in eth0, `net: ${JSON.stringify(row('net')?.leftSees)}`);
    assert.ok(eth0.value.interfaces.some((i) => i.name === 'eth0' && i.addresses.length === 1), JSON.stringify(eth0.value));
    for (const t of ['mnt', 'user']) assert.ok(row(t)?.leftSees && 'value' in (row(t)?.leftSees ?? {}), `${t}: ${JSON.stringify(row(t)?.leftSees)}`);
    for (const t of ['pid', 'uts', 'ipc']) {
      const m = row(t)?.leftSees as { unavailable?: string } | undefined;
      assert.match(m?.unavailable ?? '', new RegExp(`permission denied reading /proc/${pid}/ns/${t}`), t);
    }
    // The host side is this user's own: all of it.
    for (const r of d.rows) assert.ok(r.rightSees && 'value' in r.rightSees, `host ${r.type}: ${JSON.stringify(r.rightSees)}`);
  });
});
