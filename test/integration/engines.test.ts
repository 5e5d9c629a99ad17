/**
 * Several engines at once, against real engines: the main one and a second dockerd this suite
 * starts beside it (support/second-engine.ts). Each container is under its own engine with facts
 * the kernel confirms; both engines run on this machine's kernel, so a comparison across them
 * compares inodes; a stopped engine says why under its name and the other stays listed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAnatomyService } from '../../src/core/anatomy-service';
import { explain } from '../../src/core/catalog';
import { contextDigest } from '../../src/core/engine/endpoint';
import { diffContainers } from '../../src/core/diff';
import { EngineSet, engineSpecs, isMultiEngine, kernelRelation } from '../../src/core/engines';
import { isUnavailable, NAMESPACE_TYPES, type ContainerAnatomy, type NamespaceDiff, type Snapshot } from '../../src/core/model';
import { engineChildRows, engineRow, plainTranslate, type EngineView, type RowOptions } from '../../src/tree/rows';
import { cleanEnv, ensureCliBuilt, runCli } from './support/cli';
import { TestSuite, waitFor, type Created } from './support/docker';
import { SecondEngine } from './support/second-engine';

const MAIN = 'unix:///var/run/docker.sock';
const OPTS: RowOptions = { showStopped: true, groupByCompose: true, t: plainTranslate };

/** The inode of /proc/PID/ns/TYPE, read here, independently of the code under test. */
function nsInode(pid: number, type: string): number | undefined {
  try {
    return fs.statSync(`/proc/${pid}/ns/${type}`).ino;
  } catch {
    return undefined;
  }
}

function viewsOf(set: EngineSet): EngineView[] {
  return set.engines().map((e) => ({ key: e.key, label: e.label, status: e.service.status, snapshot: e.service.snapshot() }));
}

describe('several engines: the main one and a second dockerd', function () {
  const engine2 = new SecondEngine({ name: 'engs' });
  const main = new TestSuite('engines').hooks();
  let other: TestSuite;
  let a: Created;
  let b: Created;
  let set: EngineSet;

  before(async function () {
    this.timeout(180000);
    ensureCliBuilt();
    await engine2.setUp();
    other = new TestSuite('engines', engine2.client);
    [a, b] = await Promise.all([main.createContainer({ name: 'a' }), other.createContainer({ name: 'b' })]);
    const specs = engineSpecs({ host: MAIN }, [engine2.endpoint, MAIN], {}, '/nonexistent');
    set = new EngineSet(specs, (s) => createAnatomyService({ ...s.overrides, env: {}, homeDir: '/nonexistent', timeoutMs: 3000, streamBackoffMs: [200, 500, 1000], onError: () => undefined }));
    await set.start();
    assert.ok(await waitFor(() => !!set.container(a.id) && !!set.container(b.id) && !set.container(a.id)?.reading && !set.container(b.id)?.reading, 30000, 100), 'both containers read');
  });
  after(async function () {
    this.timeout(120000);
    set?.dispose();
    await engine2.tearDown();
  });

  it('follows two engines, keyed by endpoint, each container under its own engine', function () {
    assert.ok(isMultiEngine(set));
    // The main engine listed twice is one engine.
    assert.deepEqual(set.engines().map((e) => e.key), [MAIN, engine2.endpoint]);
    const [e1, e2] = set.engines();
    assert.ok(e1.service.container(a.id) && !e1.service.container(b.id), 'a is on the main engine only');
    assert.ok(e2.service.container(b.id) && !e2.service.container(a.id), 'b is on the second engine only');
    assert.equal(set.container(b.id)?.engine, engine2.endpoint);
    assert.equal(set.engineOf(a.id)?.key, MAIN);
    assert.equal(set.hostOf(b.id)?.engine.endpoint, engine2.endpoint);
    // Both engines report the same host name: the endpoint, not /info, tells them apart.
    assert.equal(e1.service.host()?.hostname && JSON.stringify(e1.service.host()?.hostname), JSON.stringify(e2.service.host()?.hostname));
  });

  it("each engine's container has the namespaces and cgroup the kernel shows for its process", async function () {
    for (const [c, client] of [[a, undefined], [b, engine2.client]] as const) {
      const info = await (client ? client.getContainer(c.id) : c.container).inspect();
      const m = set.container(c.id) as ContainerAnatomy;
      assert.equal(!isUnavailable(m.pid) && m.pid.value, info.State.Pid, `${c.name}: the PID the engine reports`);
      for (const type of NAMESPACE_TYPES) {
        const want = nsInode(info.State.Pid, type);
        if (want === undefined) continue; // a namespace type this kernel lacks
        const got = m.namespaces[type].inode;
        assert.ok(!isUnavailable(got), `${c.name} ${type}: read`);
        assert.equal(got.value, want, `${c.name} ${type}: the inode /proc shows`);
      }
      const cgroup = fs.readFileSync(`/proc/${info.State.Pid}/cgroup`, 'utf8');
      assert.ok(cgroup.includes(c.id), `${c.name}: its cgroup names it (${cgroup.split('\n')[0]})`);
    }
  });

  it('the tree: one row per engine with its status, and under each only its own containers', function () {
    const views = viewsOf(set);
    const tops = views.map((v) => engineRow(v, OPTS));
    assert.deepEqual(tops.map((r) => r.label), [MAIN, engine2.endpoint]);
    for (const [i, v] of views.entries()) {
      const cg = v.snapshot.host.cgroup.version;
      assert.ok(!isUnavailable(cg));
      const n = v.snapshot.containers.length;
      assert.equal(tops[i].description, `reachable · cgroup ${cg.value} · ${n} container${n === 1 ? '' : 's'}`);
    }
    const under = views.map((v, i) => engineChildRows(v, tops[i], OPTS).flatMap((r) => (r.kind === 'group' ? engineChildRows(v, r, OPTS) : [r])));
    const ids = (rows: typeof under[number]) => rows.filter((r) => r.kind === 'container').map((r) => r.containerId);
    assert.ok(ids(under[0]).includes(a.id) && !ids(under[0]).includes(b.id));
    assert.deepEqual(ids(under[1]), [b.id]);
    const all = under.flat().map((r) => r.id);
    assert.equal(new Set(all).size, all.length, 'row ids are unique across engines');
  });

  it('a comparison across the two engines compares inodes: both run on this kernel', function () {
    const ca = set.container(a.id) as ContainerAnatomy;
    const cb = set.container(b.id) as ContainerAnatomy;
    const [h1, h2] = set.engines().map((e) => e.service.host());
    assert.ok(h1 && h2 && h1.engine.local && h2.engine.local);
    assert.equal(kernelRelation(h1, h2), 'same');
    const d = diffContainers(ca, cb, kernelRelation(h1, h2));
    assert.equal(d.kernels?.topic, 'diff.kernels.same');
    const pa = (ca.pid as { value: number }).value;
    const pb = (cb.pid as { value: number }).value;
    for (const row of d.rows) {
      const [x, y] = [nsInode(pa, row.type), nsInode(pb, row.type)];
      if (x === undefined || y === undefined) continue;
      assert.equal(row.verdict, x === y ? 'same' : 'different', `${row.type}: as /proc says`);
    }
    // Two dockerds on one machine: both containers are in the host's user namespace.
    assert.equal(d.rows.find((r) => r.type === 'user')?.verdict, 'same');
    assert.equal(d.rows.find((r) => r.type === 'net')?.verdict, 'different');
  });

  it('across different kernels no row is "same", and it is said plainly in English and Korean', function () {
    const d: NamespaceDiff = diffContainers(set.container(a.id) as ContainerAnatomy, set.container(b.id) as ContainerAnatomy, 'different');
    assert.ok(d.rows.every((r) => r.verdict === 'different' && r.topic === 'diff.kernels.different'));
    assert.match(explain('diff.kernels.different', 'en', { left: 'a', right: 'b' })?.summary ?? '', /namespaces of different kernels are never shared/);
    assert.match(explain('diff.kernels.different', 'ko', { left: 'a', right: 'b' })?.summary ?? '', /서로 다른 커널의 네임스페이스는 절대 공유되지 않습니다/);
    const u = diffContainers(set.container(a.id) as ContainerAnatomy, set.container(b.id) as ContainerAnatomy, 'unknown');
    assert.ok(u.rows.every((r) => r.verdict === 'unknown'));
  });

  it('the CLI: --engine twice groups the output by engine, and diff across them says the kernel is one', async function () {
    this.timeout(60000);
    const r = await runCli(['--json', '--all', '--helper', 'never', '--engine', MAIN, '--engine', engine2.endpoint], { env: cleanEnv() });
    assert.ok([0, 4].includes(r.code ?? -1), r.stderr);
    const out = JSON.parse(r.stdout) as { engines: { endpoint: string; snapshot: Snapshot }[] };
    assert.deepEqual(out.engines.map((e) => e.endpoint), [MAIN, engine2.endpoint]);
    assert.ok(out.engines[0].snapshot.containers.some((c) => c.id === a.id));
    assert.deepEqual(out.engines[1].snapshot.containers.map((c) => c.id), [b.id]);
    const text = await runCli(['diff', a.name, b.name, '--engine', MAIN, '--engine', engine2.endpoint, '--helper', 'never', '--lang', 'en'], { env: cleanEnv() });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Two engines, one kernel/);
  });

  it('the CLI: --all-engines reads every docker context, labelled by its name', async function () {
    this.timeout(60000);
    // A docker config of its own, with the second engine as a context, stored as the docker CLI stores it.
    const config = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-docker-config-'));
    try {
      const meta = path.join(config, 'contexts', 'meta', contextDigest('second'));
      fs.mkdirSync(meta, { recursive: true });
      fs.writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: 'second', Metadata: {}, Endpoints: { docker: { Host: engine2.endpoint, SkipTLSVerify: false } } }));
      fs.writeFileSync(path.join(config, 'config.json'), '{}');
      const r = await runCli(['--json', '--helper', 'never', '--all-engines'], { env: cleanEnv({ DOCKER_CONFIG: config }) });
      assert.ok([0, 4].includes(r.code ?? -1), r.stderr);
      const out = JSON.parse(r.stdout) as { engines: { endpoint: string; label: string; snapshot: Snapshot }[] };
      assert.deepEqual(out.engines.map((e) => [e.label, e.endpoint]), [['default', MAIN], ['second', engine2.endpoint]]);
      assert.deepEqual(out.engines[1].snapshot.containers.map((c) => c.id), [b.id]);
    } finally {
      fs.rmSync(config, { recursive: true, force: true });
    }
  });

  it('one engine stopped: the other is still listed, and the stopped one says why', async function () {
    this.timeout(90000);
    await engine2.stop();
    assert.ok(await waitFor(() => set.engines()[1].service.status.kind === 'unreachable', 30000, 100), 'the second engine is seen unreachable');
    const views = viewsOf(set);
    assert.equal(views[0].status.kind, 'ready');
    assert.ok(set.container(a.id), 'the main engine\'s containers are still there');
    const top = views.map((v) => engineRow(v, OPTS));
    assert.equal(top.length, 2);
    assert.match(top[1].description ?? '', /^unreachable: .+/);
    const why = engineChildRows(views[1], top[1], OPTS);
    assert.equal(why.length, 1);
    assert.equal(why[0].kind, 'message');
    assert.equal(set.status.kind, 'ready', 'the set as a whole is still ready');
    const r = await runCli(['--helper', 'never', '--engine', MAIN, '--engine', engine2.endpoint], { env: cleanEnv() });
    assert.equal(r.code, 4, 'some engines could not be read');
    assert.match(r.stdout, new RegExp(`=== ${MAIN.replace(/[/.]/g, '\\$&')} ===`));
    assert.match(r.stdout, /unreachable: /);
    assert.match(r.stderr, new RegExp(engine2.endpoint.replace(/[/.]/g, '\\$&')));
  });
});
