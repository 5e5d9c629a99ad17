/**
 * What each side sees, against the real engine: `container-anatomy diff --json` for containers
 * with private namespaces, with the host's pid, uts and ipc namespaces, and one joined to
 * another's network, each `sees` value checked against what the kernel says when asked
 * here independently (nsenter with ip, uname, ipcs and cat; findmnt; lsns).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type Dockerode from 'dockerode';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { Fact, Maybe, NamespaceDiff, NamespaceType, SeesByType } from '../../src/core/model';
import { ensureCliBuilt, runCli, runCliJson } from './support/cli';
import { TestSuite, pidOf, type Created } from './support/docker';

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });

/** Runs a host tool inside PID's namespaces of the given kinds (nsenter flags such as -n, -u). */
const inside = (pid: number, flags: string[], cmd: string[]): string => run('nsenter', ['-t', String(pid), ...flags, '--', ...cmd]);

function sees<T extends NamespaceType>(d: NamespaceDiff, type: T, side: 'left' | 'right'): SeesByType[T] {
  const row = d.rows.find((r) => r.type === type);
  assert.ok(row, `a ${type} row`);
  const m = (side === 'left' ? row.leftSees : row.rightSees) as Maybe<SeesByType[T]> | undefined;
  assert.ok(m && 'value' in m, `${side} ${type}: ${JSON.stringify(m)}`);
  assert.equal((m as Fact<unknown>).source, 'procfs');
  return (m as Fact<SeesByType[T]>).value;
}

/** Processes in the PID namespace `inode`, as lsns counts them (it stats each ns/pid link; the code under test reads the links). */
function membersOf(inode: number): number {
  const out = JSON.parse(run('lsns', ['--json', '-t', 'pid', '-o', 'NS,NPROCS'])) as { namespaces: { ns: number | string; nprocs: number | string }[] };
  return Number(out.namespaces.find((n) => Number(n.ns) === inode)?.nprocs ?? 0);
}

const nsInodeOf = (pid: number | 'self', type: string): number => Number(/\[(\d+)\]/.exec(readlinkSync(`/proc/${pid}/ns/${type}`))?.[1]);

/** `ip -o addr` inside the network namespace: interface -> addresses with prefix. */
function ipAddr(pid: number): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of inside(pid, ['-n'], ['ip', '-o', 'link']).split('\n').filter(Boolean).map((l) => l.split(': ')[1].split('@')[0])) out[name] = [];
  for (const line of inside(pid, ['-n'], ['ip', '-o', 'addr']).split('\n').filter(Boolean)) {
    const f = line.split(/\s+/);
    out[f[1]].push(f[3]);
  }
  return out;
}

function asRecord(v: SeesByType['net']): Record<string, string[]> {
  return Object.fromEntries(v.interfaces.map((i) => [i.name, i.addresses]));
}

const sortAll = (r: Record<string, string[]>): Record<string, string[]> => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v].sort()]));

/** Objects `ipcs` lists inside PID's ipc namespace (or this process's, with 'self'). */
function ipcsCount(pid: number | 'self', kind: '-m' | '-s' | '-q'): number {
  const text = pid === 'self' ? run('ipcs', [kind]) : inside(pid, ['-i'], ['ipcs', kind]);
  return text.split('\n').filter((l) => /^0x[0-9a-f]+\s/.test(l)).length;
}

function idMap(pid: number, file: string): { inside: number; outside: number; length: number }[] {
  return readFileSync(`/proc/${pid}/${file}`, 'utf8').trim().split('\n').map((l) => {
    const [a, b, c] = l.trim().split(/\s+/).map(Number);
    return { inside: a, outside: b, length: c };
  });
}

/** Every sees value of `side` against the kernel, read for `pid` here. */
function checkAgainstKernel(d: NamespaceDiff, side: 'left' | 'right', pid: number, label: string): void {
  const p = sees(d, 'pid', side);
  const pidNs = nsInodeOf(pid, 'pid');
  if (pidNs === nsInodeOf('self', 'pid')) {
    const all = readdirSync('/proc').filter((e) => /^\d+$/.test(e)).length;
    assert.ok(Math.abs(p.processCount - all) <= Math.max(3, all * 0.05), `${label}: ${p.processCount} processes vs ${all} in /proc`);
    assert.equal(p.init.hostPid, 1, label);
  } else {
    assert.equal(p.processCount, membersOf(pidNs), `${label}: processes in pid:[${pidNs}]`);
    assert.equal(p.init.hostPid, pid, label);
    assert.equal(p.init.command, readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0$/, '').split('\0').join(' '), label);
  }
  assert.deepEqual(sortAll(asRecord(sees(d, 'net', side))), sortAll(ipAddr(pid)), `${label}: interfaces and addresses as ip shows them`);
  assert.deepEqual(sees(d, 'uts', side), {
    hostname: inside(pid, ['-u'], ['uname', '-n']).trim(),
    domainname: inside(pid, ['-u'], ['cat', '/proc/sys/kernel/domainname']).trim(),
  }, label);
  const mounts = run('findmnt', ['-N', String(pid), '-rn', '-o', 'TARGET']).trim().split('\n');
  const root = run('findmnt', ['-N', String(pid), '-rn', '-o', 'FSTYPE,SOURCE,FS-OPTIONS', '--mountpoint', '/']).trim().split('\n').at(-1)?.split(' ');
  // An overlay is named by its writable layer's folder (upperdir without /diff), as findmnt's superblock options give it.
  const upper = root?.[0] === 'overlay' ? /(?:^|,)upperdir=([^,]+)/.exec(root?.[2] ?? '')?.[1]?.replace(/\/diff$/, '') : undefined;
  assert.deepEqual(sees(d, 'mnt', side), { mountCount: mounts.length, root: { fstype: root?.[0], source: upper ?? root?.[1] } }, label);
  assert.deepEqual(sees(d, 'ipc', side), { shm: ipcsCount(pid, '-m'), sem: ipcsCount(pid, '-s'), msg: ipcsCount(pid, '-q') }, label);
  assert.deepEqual(sees(d, 'user', side), { uidMap: idMap(pid, 'uid_map'), gidMap: idMap(pid, 'gid_map') }, label);
  const cg = inside(pid, ['-C'], ['cat', `/proc/${pid}/cgroup`]).split('\n').find((l) => l.startsWith('0::'));
  assert.deepEqual(sees(d, 'cgroup', side), { path: cg?.slice(3) }, label);
  const [mono, boot] = readFileSync(`/proc/${pid}/timens_offsets`, 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  assert.deepEqual(sees(d, 'time', side), { monotonicOffsetNs: mono[1] * 1e9 + mono[2], boottimeOffsetNs: boot[1] * 1e9 + boot[2] }, label);
}

describe('evidence: what each side sees, against the kernel', function () {
  const suite = new TestSuite('evidence').hooks();
  let priv: Created;
  let pidHost: Created;
  let utsIpcHost: Created;
  let joined: Created;
  const pids: Record<string, number> = {};

  before(async function () {
    this.timeout(120000);
    ensureCliBuilt();
    [priv, pidHost, utsIpcHost] = await Promise.all([
      // CgroupnsMode (API 1.41) is missing from dockerode's HostConfig type.
      suite.createContainer({ name: 'private', hostConfig: { CgroupnsMode: 'private' } as Dockerode.HostConfig }),
      suite.createContainer({ name: 'pidhost', hostConfig: { PidMode: 'host' } }),
      suite.createContainer({ name: 'utsipc', hostConfig: { UTSMode: 'host', IpcMode: 'host' } }),
    ]);
    joined = await suite.createContainer({ name: 'joined', hostConfig: { NetworkMode: `container:${priv.id}` } });
    for (const c of [priv, pidHost, utsIpcHost, joined]) pids[c.name] = await pidOf(c.id);
    // System V objects that exist only in the private container's IPC namespace.
    for (const kind of [['-M', '4096'], ['-M', '8192'], ['-S', '2'], ['-Q']]) inside(pids[priv.name], ['-i'], ['ipcmk', ...kind]);
  });

  it('private pid, net, uts, ipc and cgroup namespaces: every value as the kernel says, the host on the other side', async () => {
    const d = await runCliJson<NamespaceDiff>(['diff', priv.name]);
    checkAgainstKernel(d, 'left', pids[priv.name], priv.name);
    checkAgainstKernel(d, 'right', process.pid, 'host');
    assert.equal(sees(d, 'pid', 'left').processCount, 1);
    assert.equal(sees(d, 'pid', 'left').init.command, 'sleep 3600');
    assert.deepEqual(sees(d, 'ipc', 'left'), { shm: 2, sem: 1, msg: 1 });
    assert.deepEqual(sees(d, 'cgroup', 'left'), { path: '/' }, 'a private cgroup namespace sees its own cgroup as /');
    assert.equal(sees(d, 'uts', 'left').hostname, priv.id.slice(0, 12));
    assert.deepEqual(sees(d, 'net', 'left').interfaces.map((i) => i.name).sort(), ['eth0', 'lo']);
  });

  it('--pid host: the host\'s processes and PID 1; --uts host --ipc host: the host\'s hostname and IPC objects', async () => {
    const p = await runCliJson<NamespaceDiff>(['diff', pidHost.name]);
    checkAgainstKernel(p, 'left', pids[pidHost.name], pidHost.name);
    assert.deepEqual(sees(p, 'pid', 'left'), sees(p, 'pid', 'right'), 'the same namespace, read once for both sides');
    // Against a container with its own PID namespace: ps in the --pid host one lists that container's PID 1 (its host PID is in /proc here).
    const both = await runCli(['diff', priv.name, pidHost.name, '--explain']);
    assert.equal(both.code, 0, both.stderr);
    assert.ok(readdirSync('/proc').includes(String(pids[priv.name])), 'the private container\'s PID 1 is in the host\'s /proc');
    assert.ok(both.stdout.includes(`ps in ${pidHost.name}, which is in the host's PID namespace, shows`), both.stdout);
    assert.ok(both.stdout.includes(`${priv.name}'s PID 1 among them as PID ${pids[priv.name]}`), both.stdout);
    assert.ok(!both.stdout.includes("neither lists the other's"), both.stdout);
    const u = await runCliJson<NamespaceDiff>(['diff', utsIpcHost.name]);
    checkAgainstKernel(u, 'left', pids[utsIpcHost.name], utsIpcHost.name);
    assert.equal(sees(u, 'uts', 'left').hostname, run('uname', ['-n']).trim());
    assert.deepEqual(sees(u, 'ipc', 'left'), { shm: ipcsCount('self', '-m'), sem: ipcsCount('self', '-s'), msg: ipcsCount('self', '-q') });
  });

  it('--network container:X: both sides see X\'s interfaces, and the text diff says it in one line per side', async () => {
    const d = await runCliJson<NamespaceDiff>(['diff', joined.name, priv.name]);
    checkAgainstKernel(d, 'left', pids[joined.name], joined.name);
    checkAgainstKernel(d, 'right', pids[priv.name], priv.name);
    assert.equal(d.rows.find((r) => r.type === 'net')?.verdict, 'same');
    assert.deepEqual(sees(d, 'net', 'left'), sees(d, 'net', 'right'));
    const eth0 = sees(d, 'net', 'left').interfaces.find((i) => i.name === 'eth0')?.addresses[0];
    assert.ok(eth0, 'the donor has an eth0 address');
    const text = await runCli(['diff', joined.name, priv.name, '--explain']);
    assert.equal(text.code, 0, text.stderr);
    assert.ok(text.stdout.includes(`${joined.name}: eth0 ${eth0}`), text.stdout);
    assert.ok(text.stdout.includes(`Both see eth0 ${eth0}`), text.stdout);
    assert.ok(text.stdout.includes(`${joined.name}: 1 process; PID 1 is sleep 3600 (host PID ${pids[joined.name]})`), text.stdout);
    // Docker gives the joined container its donor's hostname, in a UTS namespace of its own.
    assert.equal(d.rows.find((r) => r.type === 'uts')?.verdict, 'different');
    assert.ok(text.stdout.includes(`Both are called ${priv.id.slice(0, 12)}, in separate UTS namespaces`), text.stdout);
  });

  it('--evidence on the main command adds what each container sees, and --json carries it by id', async () => {
    const text = await runCli([priv.name, '--evidence']);
    assert.equal(text.code, 0, text.stderr);
    assert.ok(text.stdout.includes('sees: shared memory segments: 2, semaphore sets: 1, message queues: 1'), text.stdout);
    assert.ok(text.stdout.includes('sees: cgroup /'), text.stdout);
    const snap = await runCliJson<{ evidence?: Record<string, Record<string, unknown>> }>([priv.name, '--evidence']);
    assert.deepEqual(snap.evidence?.[priv.id]?.ipc, { value: { shm: 2, sem: 1, msg: 1 }, source: 'procfs' });
    const plain = await runCliJson<{ evidence?: unknown }>([priv.name]);
    assert.equal(plain.evidence, undefined, 'without --evidence nothing is read');
  });
});
