import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { diffContainers } from '../../src/core/diff';
import { EngineSet, engineSpecs, isMultiEngine, kernelRelation, overridesOf } from '../../src/core/engines';
import { renderDiff } from '../../src/core/text-report';
import { buildCompareState } from '../../src/panels/compare-state';
import { engineChildRows, engineRow, plainTranslate, type EngineView, type RowOptions } from '../../src/tree/rows';
import { translator } from '../../src/core/i18n';
import { hostOf } from '../fixtures/snapshot';
import { host, sidecar, web } from './tree/fixture';
import { MemoryService } from './tree/memory-service';

const HOME = path.resolve(__dirname, '../fixtures/docker-config/contexts-home');
const OPTS: RowOptions = { showStopped: true, groupByCompose: true, t: plainTranslate };
const hostAt = (endpoint: string, engine: Partial<typeof host.engine> = {}) => hostOf({ engine: { endpoint, ...engine } });

describe('several engines: the list', () => {
  it('reads an entry with a scheme as an endpoint and anything else as a docker context name', () => {
    assert.deepEqual(overridesOf(' tcp://127.0.0.1:2376 '), { host: 'tcp://127.0.0.1:2376' });
    assert.deepEqual(overridesOf('ssh://deploy@build'), { host: 'ssh://deploy@build' });
    assert.deepEqual(overridesOf('remote-tls'), { context: 'remote-tls' });
  });

  it('puts the engine chosen as today first, keys every engine by endpoint and lists each once', () => {
    const specs = engineSpecs({}, ['builder', 'ssh://deploy@build.example.test', 'unix:///var/run/docker.sock', 'nope', ''], {}, HOME);
    assert.deepEqual(
      specs.map((s) => [s.key, s.label]),
      [
        ['tcp://docker.example.test:2376', 'remote-tls'], // the current context of that config
        ['ssh://deploy@build.example.test', 'builder'], // the same endpoint typed again is not a second engine
        ['unix:///var/run/docker.sock', 'unix:///var/run/docker.sock'],
        ['context:nope', 'nope'], // unresolvable: listed, so its service can say why
      ],
    );
  });

  it('with no engines listed there is one engine: the tree keeps its shape', () => {
    const specs = engineSpecs({ host: 'unix:///var/run/docker.sock' }, [], {}, HOME);
    assert.equal(specs.length, 1);
    const set = new EngineSet(specs, (s) => new MemoryService(s.key, [web]));
    assert.equal(isMultiEngine(set), false);
  });
});

describe('several engines: whether two run on one kernel', () => {
  it('is one kernel for one endpoint, or when this machine sees both engines', () => {
    assert.equal(kernelRelation(hostAt('unix:///a.sock'), hostAt('unix:///a.sock', { local: false })), 'same');
    assert.equal(kernelRelation(hostAt('unix:///a.sock'), hostAt('unix:///b.sock')), 'same');
  });

  it('is different kernels when the versions differ, and unknown when nothing tells', () => {
    const remote = { local: false, localReason: 'remote tcp endpoint' };
    assert.equal(kernelRelation(hostAt('unix:///a.sock'), hostAt('tcp://b:2376', { ...remote, kernelVersion: '5.15.0' })), 'different');
    // Same version on a remote machine: maybe two VMs of one image; not proof of one kernel.
    assert.equal(kernelRelation(hostAt('unix:///a.sock'), hostAt('tcp://b:2376', remote)), 'unknown');
  });

  it('across different kernels equal inodes are never "same", and the text says why first', () => {
    // sidecar joined web's net namespace: on one kernel that is "same".
    assert.equal(diffContainers(web, sidecar).rows.find((r) => r.type === 'net')?.verdict, 'same');
    const d = diffContainers(web, sidecar, 'different');
    assert.ok(d.rows.every((r) => r.verdict === 'different' && r.topic === 'diff.kernels.different'));
    assert.deepEqual(d.kernels, { relation: 'different', topic: 'diff.kernels.different' });
    assert.ok(diffContainers(web, sidecar, 'unknown').rows.every((r) => r.verdict === 'unknown'));
    const text = renderDiff(d, { color: false, explain: false, lang: 'en' }).split('\n')[0];
    assert.match(text, /^Different kernels: nothing shared: web and sidecar run on engines with different kernels, and namespaces of different kernels are never shared\.$/);
    const ko = renderDiff(d, { color: false, explain: false, lang: 'ko' }).split('\n')[0];
    assert.match(ko, /서로 다른 커널의 네임스페이스는 절대 공유되지 않습니다/);
  });

  it('the Compare panel says it above the rows, using each side\'s own engine host', () => {
    const a = { ...web, engine: 'unix:///a.sock' };
    const b = { ...sidecar, engine: 'tcp://b:2376' };
    const hosts: Record<string, ReturnType<typeof hostAt>> = {
      [a.id]: hostAt('unix:///a.sock'),
      [b.id]: hostAt('tcp://b:2376', { local: false, kernelVersion: '5.10.0' }),
    };
    const r = buildCompareState({ host, containers: [a, b], left: { kind: 'container', id: a.id }, right: { kind: 'container', id: b.id }, lang: 'en', hostOf: (id) => hosts[id] });
    assert.equal(r.state.kernels?.title, 'Different kernels: nothing shared');
    assert.ok(r.state.namespaces.every((n) => n.verdict === 'different'));
    const same = buildCompareState({ host, containers: [web, sidecar], left: { kind: 'container', id: web.id }, right: { kind: 'container', id: sidecar.id }, lang: 'en' });
    assert.equal(same.state.kernels, undefined, 'one engine: nothing to say about kernels');
  });
});

describe('several engines: the set and the tree', () => {
  function twoEngines(): { set: EngineSet; one: MemoryService; two: MemoryService } {
    const made: MemoryService[] = [];
    const set = new EngineSet(engineSpecs({ host: 'unix:///one.sock' }, ['unix:///two.sock'], {}, HOME), (s) => {
      const m = new MemoryService(s.key, made.length ? [sidecar] : [web], hostAt(s.key));
      made.push(m);
      return m;
    });
    return { set, one: made[0], two: made[1] };
  }

  it('finds a container on whichever engine has it, marked with that engine, with that engine\'s host', async () => {
    const { set, one, two } = twoEngines();
    await set.start();
    assert.ok(isMultiEngine(set));
    assert.equal(set.container(sidecar.id)?.engine, 'unix:///two.sock');
    assert.equal(set.hostOf(sidecar.id)?.engine.endpoint, 'unix:///two.sock');
    assert.deepEqual(set.snapshot().containers.map((c) => [c.name, c.engine]).sort(), [['sidecar', 'unix:///two.sock'], ['web', 'unix:///one.sock']]);
    await set.refreshContainer(sidecar.id);
    assert.deepEqual([one.calls, two.calls], [['start'], ['start', `refreshContainer ${sidecar.id}`]]);
  });

  it('is ready while any engine is, and unreachable only when all are, with each reason', async () => {
    const { set, one, two } = twoEngines();
    await set.start();
    two.status = { kind: 'unreachable', endpoint: two.endpoint, reason: 'connection refused', code: 'refused' };
    assert.equal(set.status.kind, 'ready');
    one.status = { kind: 'unreachable', endpoint: one.endpoint, reason: 'no socket', code: 'no-socket' };
    assert.deepEqual(set.engines().length && { ...set.status }, {
      kind: 'unreachable',
      endpoint: 'unix:///one.sock, unix:///two.sock',
      reason: 'unix:///one.sock: no socket; unix:///two.sock: connection refused',
      code: 'no-socket',
    });
  });

  it('shows one row per engine with its status, and under it that engine\'s rows with their own ids', async () => {
    const { set, two } = twoEngines();
    await set.start();
    two.status = { kind: 'unreachable', endpoint: two.endpoint, reason: 'connection refused', code: 'refused' };
    const views: EngineView[] = set.engines().map((e) => ({ key: e.key, label: e.label, status: e.service.status, snapshot: e.service.snapshot() }));
    const [r1, r2] = views.map((v) => engineRow(v, OPTS));
    assert.equal(r1.description, 'reachable · cgroup hybrid · 1 container');
    assert.equal(r2.description, 'unreachable: connection refused');
    assert.equal(engineRow(views[0], { ...OPTS, t: translator('ko') }).description, '연결됨 · cgroup hybrid · 컨테이너 1개');
    const under = engineChildRows(views[0], r1, OPTS);
    assert.ok(under.every((r) => r.engine === 'unix:///one.sock' && r.id.startsWith('engine:unix:///one.sock/')));
    const why = engineChildRows(views[1], r2, OPTS);
    assert.deepEqual(why.map((r) => [r.kind, r.label]), [['message', 'connection refused']]);
    // An added engine that cannot be reached says how to take it out of the tree.
    const added = engineChildRows({ ...views[1], added: true }, r2, OPTS);
    assert.deepEqual(added.map((r) => r.label), ['connection refused', 'This engine was added with Add Engine…; Remove Engine takes it out of the tree.']);
    assert.equal(engineChildRows({ ...views[1], added: true }, r2, { ...OPTS, t: translator('ko') })[1].label, '엔진 추가…로 더한 엔진입니다. 엔진 빼기로 트리에서 뺄 수 있습니다.');
  });
});
