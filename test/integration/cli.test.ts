/**
 * The bundled CLI (dist/cli.js) against the real engine: the documented JSON paths, exit
 * codes, diff, host, the table and the Korean explanations.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { ContainerAnatomy, NamespaceDiff, Snapshot } from '../../src/core/model';
import { CLI, cleanEnv, ensureCliBuilt, runCli, runCliJson } from './support/cli';
import { TestSuite, type Created } from './support/docker';
import { nsInode } from './support/truth';
import { assertDocumentedShape } from './support/shape';

const MiB = 1024 * 1024;

describe('container-anatomy CLI (dist/cli.js) against the engine', function () {
  const suite = new TestSuite('cli').hooks();
  let donor: Created;
  let joiner: Created;
  let limited: Created;
  let stopped: Created;
  let snap: Snapshot;
  const find = (c: Created): ContainerAnatomy => {
    const hit = snap.containers.find((x) => x.id === c.id);
    assert.ok(hit, `${c.name} is in the --json --all output`);
    return hit;
  };

  before(async function () {
    this.timeout(120000);
    ensureCliBuilt();
    [donor, limited, stopped] = await Promise.all([
      suite.createContainer({ name: 'donor' }),
      suite.createContainer({ name: 'limited', hostConfig: { Memory: 64 * MiB, NanoCpus: 500_000_000, PidsLimit: 50 } }),
      suite.createContainer({ name: 'stopped', start: false }),
    ]);
    joiner = await suite.createContainer({ name: 'joiner', hostConfig: { PidMode: 'host', NetworkMode: `container:${donor.id}` } });
    snap = await runCliJson<Snapshot>(['--all']);
  });

  it('--json --all: every documented path exists, each leaf plain, {value, source} or {unavailable}', () => {
    assertDocumentedShape(snap);
    for (const c of [donor, joiner, limited, stopped]) find(c);
    const d = find(donor);
    assert.equal(d.name, donor.name);
    assert.equal(d.state, 'running');
    assert.ok('value' in d.pid, 'a running container has a pid');
    assert.equal(find(stopped).state, 'created');
    assert.ok('unavailable' in find(stopped).pid, 'a created container has no pid');
    assert.ok(d.networks.length >= 1, 'the donor has its bridge attachment');
    assert.ok(snap.containers.some((c) => c.networks.length > 0), 'at least one network leaf was checked');
  });

  it('--json: values agree with the kernel, limits as numbers and unlimited as null', () => {
    const d = find(donor);
    const pid = (d.pid as { value: number }).value;
    assert.deepEqual(d.namespaces.net.inode, { value: nsInode(pid, 'net'), source: 'procfs' });
    assert.deepEqual(d.namespaces.pid.sharedWithHost, { value: false, source: 'procfs' });
    assert.deepEqual(find(joiner).namespaces.pid.sharedWithHost, { value: true, source: 'procfs' });
    const l = find(limited).cgroup;
    assert.deepEqual(l.memory.limitBytes.kernel, { value: 64 * MiB, source: 'procfs' });
    assert.deepEqual(l.memory.limitBytes.declared, { value: 64 * MiB, source: 'engine' });
    assert.deepEqual(l.cpu.cpus.kernel, { value: 0.5, source: 'procfs' });
    assert.deepEqual(l.pids.max.effective, { value: 50, source: 'procfs' });
    const u = d.cgroup;
    assert.deepEqual(u.memory.limitBytes.declared, { value: null, source: 'engine' });
    assert.deepEqual(u.memory.limitBytes.kernel, { value: null, source: 'procfs' });
    assert.deepEqual(u.pids.max.declared, { value: null, source: 'engine' });
    assert.deepEqual(u.pids.max.kernel, { value: null, source: 'procfs' });
    assert.deepEqual(u.pids.max.effective, { value: null, source: 'procfs' });
    assert.deepEqual(u.cpu.cpus.kernel, { value: null, source: 'procfs' });
    const att = d.networks[0];
    assert.equal(att.name, 'bridge');
    assert.match(String((att.ipAddress as { value: string }).value), /^\d+\.\d+\.\d+\.\d+$/);
    assert.equal((att.bridge as { value: string }).value, 'docker0');
    assert.match(String((att.hostVeth as { value: { name: string } }).value.name), /^veth/);
    for (const t of ['net', 'pid', 'mnt'] as const) assert.equal((snap.host.namespaces[t].inode as { value: number }).value, nsInode('self', t));
  });

  it('naming one container still names the containers it shares a namespace with', async () => {
    const only = await runCliJson<Snapshot>([joiner.name]);
    assert.deepEqual(only.containers.map((c) => c.id), [joiner.id]);
    assert.ok(only.containers[0].namespaces.net.sharedWithContainers.includes(donor.name), 'the donor is named though not shown');
    assert.equal(only.containers[0].namespaces.net.mode.sharesWith?.name, donor.name);
  });

  it('exit code 3 for an unknown container', async () => {
    const [r, diff] = await Promise.all([runCli([suite.fullName('no-such-container')]), runCli(['diff', donor.name, suite.fullName('nope')])]);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /no such container/);
    assert.equal(diff.code, 3, diff.stderr);
    // --lang ko says it in Korean too, as it does the engine's errors.
    const [ko, koDiff] = await Promise.all([runCli([suite.fullName('no-such-container'), '--lang', 'ko']), runCli(['diff', donor.name, suite.fullName('nope'), '--lang', 'ko'])]);
    assert.equal(ko.code, 3, ko.stderr);
    assert.equal(ko.stderr, `container-anatomy: 그런 컨테이너가 없습니다: ${suite.fullName('no-such-container')}\n`);
    assert.equal(koDiff.stderr, `container-anatomy: 그런 컨테이너가 없습니다: ${suite.fullName('nope')}\n`);
  });

  it('a reader that closes stdout early: exit 0, nothing on stderr', async () => {
    const r = await runCli(['--json', '--all'], { close: 'stdout' });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    // The same through a shell pipeline, as a person types it; head leaves after 100 bytes.
    const piped = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$1" --json --all | head -c 100 >/dev/null', process.execPath, CLI], { env: cleanEnv(), encoding: 'utf8' });
    assert.equal(piped.stderr, '');
    assert.equal(piped.status, 0);
  });

  it('stderr closed early: the exit code still says what happened', async () => {
    const r = await runCli(['-H', 'unix:///nonexistent/docker.sock'], { close: 'stderr' });
    assert.equal(r.code, 1);
  });

  it('exit code 5 for diff of a container that is not running, saying why (in the chosen language)', async () => {
    const [r, ko] = await Promise.all([runCli(['diff', stopped.name]), runCli(['diff', stopped.name, donor.name, '--lang', 'ko'])]);
    assert.equal(r.code, 5, r.stderr);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.includes(`${stopped.name} is created: it has no processes, so it has no namespaces to compare until it starts`), r.stderr);
    assert.equal(ko.code, 5, ko.stderr);
    assert.ok(ko.stderr.includes(`${stopped.name} 컨테이너는 생성됨 상태입니다`), ko.stderr);
  });

  it('exit code 2 for a bad option, with the usage', async () => {
    const [r, lang, diff] = await Promise.all([runCli(['--no-such-option']), runCli(['--lang', 'fr']), runCli(['diff'])]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option --no-such-option/);
    assert.match(r.stderr, /Usage:/);
    assert.equal(lang.code, 2, lang.stderr);
    assert.equal(diff.code, 2, diff.stderr);
  });

  it('exit code 1 when the engine socket does not exist, naming the socket', async () => {
    const r = await runCli(['--json'], { env: cleanEnv({ DOCKER_HOST: 'unix:///nonexistent.sock' }) });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /\/nonexistent\.sock/);
    assert.equal(r.stdout, '');
  });

  it('diff A B for two containers sharing a net namespace: net same, pid different (text)', async () => {
    const r = await runCli(['diff', donor.name, joiner.name]);
    assert.equal(r.code, 0, r.stderr);
    const row = (t: string): string => r.stdout.split('\n').find((l) => l.trim().startsWith(`${t} `)) ?? '';
    assert.match(row('net'), /\bsame\b/);
    assert.match(row('pid'), /\bdifferent\b/);
    assert.match(row('uts'), /\bdifferent\b/);
    assert.ok(r.stdout.includes(donor.name) && r.stdout.includes(joiner.name), 'both names in the header');
  });

  it('diff A B --json: net same, pid different, inodes from the kernel', async () => {
    const d = await runCliJson<NamespaceDiff>(['diff', donor.name, joiner.name]);
    assert.equal(d.left.id, donor.id);
    assert.equal(d.right.id, joiner.id);
    const row = (t: string) => d.rows.find((x) => x.type === t);
    assert.equal(row('net')?.verdict, 'same');
    assert.equal(row('pid')?.verdict, 'different');
    const pid = (find(donor).pid as { value: number }).value;
    assert.deepEqual(row('net')?.left, { value: nsInode(pid, 'net'), source: 'procfs' });
    assert.deepEqual(row('pid')?.right, { value: nsInode('self', 'pid'), source: 'procfs' });
  });

  it('diff A (against the host) and host, text and --json', async () => {
    const d = await runCliJson<NamespaceDiff>(['diff', joiner.name]);
    assert.equal(d.right.kind, 'host');
    assert.equal(d.rows.find((x) => x.type === 'pid')?.verdict, 'same');
    assert.equal(d.rows.find((x) => x.type === 'net')?.verdict, 'different');
    const h = await runCli(['host']);
    assert.equal(h.code, 0, h.stderr);
    assert.match(h.stdout, /hybrid/);
    assert.match(h.stdout, /cgroupfs/);
    assert.ok(h.stdout.includes(String(nsInode('self', 'net'))), 'the host net inode is printed');
    assert.match(h.stdout, /docker0/);
    const hj = await runCliJson<{ host: Snapshot['host'] }>(['host']);
    assert.deepEqual(hj.host.namespaces.net.inode, { value: nsInode('self', 'net'), source: 'procfs' });
    assert.deepEqual(hj.host.cgroup.version, { value: 'hybrid', source: 'procfs' });
    assert.equal((await runCli(['host', donor.name])).code, 2);
  });

  it('the table (not a TTY): no escape codes, the test containers, "shared with host" for --pid host', async () => {
    const r = await runCli([]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes('\x1b'), 'no escape codes when stdout is not a TTY');
    for (const c of [donor, joiner, limited]) assert.ok(r.stdout.includes(c.name), `the table mentions ${c.name}`);
    assert.ok(!r.stdout.includes(stopped.name), 'a created container is left out without --all');
    const block = r.stdout.split('\n\n').find((b) => b.startsWith(joiner.name));
    assert.ok(block, `a block for ${joiner.name}`);
    assert.match(block, /^\s+pid\s+\d+\s+shared with host/m);
    const all = await runCli(['--all']);
    assert.ok(all.stdout.includes(stopped.name), '--all lists the created container');
  });

  it('--explain --lang ko: Korean explanations', async () => {
    const r = await runCli(['--explain', '--lang', 'ko', donor.name]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /[\uAC00-\uD7A3]/);
    assert.ok(!r.stdout.includes('\x1b'));
    // The table's own words too, not only the explanations.
    for (const heading of ['네임스페이스', 'cgroup 제한', '네트워크', '선언값 → 실효값']) assert.ok(r.stdout.includes(heading), heading);
    for (const english of ['Namespaces', 'cgroup limits', 'shared with host', 'declared → effective']) assert.ok(!r.stdout.includes(english), english);
  });
});
