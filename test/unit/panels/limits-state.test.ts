import { strict as assert } from 'assert';
import { fact, unavailable, type ContainerAnatomy } from '../../../src/core/model';
import { buildShellHtml } from '../../../src/panels/html';
import { buildLimitsState } from '../../../src/panels/limits-state';
import { isPersistedState } from '../../../src/shared/protocol';
import { containerOf, declaredOnly, limit } from '../../fixtures/snapshot';
import { cgroupAnatomyOf, IDS, PIDS } from '../procfs/fixtures';

/** The v2 slices fixture as a running container of a snapshot. */
async function sliced(): Promise<ContainerAnatomy> {
  const cgroup = await cgroupAnatomyOf('v2-slices', PIDS.v2Slices);
  return { ...containerOf({ id: IDS.v2Slices, name: 'shop-web' }), cgroup };
}

describe('panels/limits-state', () => {
  it('draws each chain top-down and highlights the level that binds, in words', async () => {
    const c = await sliced();
    const st = buildLimitsState({ containers: [c], containerId: c.id, lang: 'en' });
    assert.equal(st.title, 'Limits: shop-web');
    const mem = st.chains.find((x) => x.key === 'memory');
    assert.ok(mem);
    assert.equal(mem.file, 'memory.max');
    assert.deepEqual(mem.levels.map((l) => [l.path.replace(IDS.v2Slices, 'ID'), l.value, l.binding, l.own]), [
      ['/', 'Unlimited', false, false],
      ['/shop.slice', '50 MiB', true, false],
      ['/shop.slice/shop-web.slice', 'Unlimited', false, false],
      ['/shop.slice/shop-web.slice/docker-ID.scope', '100 MiB', false, true],
    ]);
    assert.equal(mem.meaning.summary, 'Memory limit: this container can use at most 50 MiB because its parent cgroup /shop.slice caps it; its own file says 100 MiB.');
    const io = st.chains.find((x) => x.key === 'ioWeight');
    assert.ok(io?.relative && io.levels.every((l) => !l.binding), 'weights have no binding level');
    // A weight is no cap, and it counts only under a scheduler that reads it.
    assert.match(io.meaning.summary, /not a cap\. Only under the BFQ \(or CFQ\) disk scheduler/);
    assert.equal(io.file, 'io.weight', 'a v2 fixture');
    const cpuset = st.chains.find((x) => x.key === 'cpusetCpus');
    assert.match(cpuset?.meaning.summary ?? '', /may run only on 1 because cgroup \/shop\.slice\/shop-web\.slice restricts it/);
    // A process limit in a sentence says what it counts; the levels keep the bare number.
    const pids = st.chains.find((x) => x.key === 'pids');
    assert.match(pids?.meaning.summary ?? '', /at most 20 processes and threads/);
    assert.ok(pids?.levels.some((l) => l.value === '20'));
    const pidsKo = buildLimitsState({ containers: [c], containerId: c.id, lang: 'ko' }).chains.find((x) => x.key === 'pids');
    assert.match(pidsKo?.meaning.summary ?? '', /프로세스·스레드 20개/);
    // Memory and pids charts carry the effective limit set by a cgroup.
    assert.deepEqual(st.charts.map((ch) => [ch.key, ch.limit, ch.limitLabel]), [
      ['memory', 50 * 1024 * 1024, 'limit 50 MiB'], ['pids', 20, 'limit 20'], ['cpu', 1, 'limit 1 CPU'],
    ]);
  });

  it('speaks Korean from the catalog, and puts the host above the root when only the machine binds', async () => {
    const c = await sliced();
    const ko = buildLimitsState({ containers: [c], containerId: c.id, lang: 'ko' });
    assert.equal(ko.title, '제한: shop-web');
    assert.match(ko.chains[0].meaning.summary, /부모 cgroup \/shop\.slice가 제한하므로/);
    const total = 8 * 1024 ** 3;
    const free = containerOf({ id: 'f'.repeat(64), name: 'free', cgroup: { memory: { limitBytes: { ...limit<number>(null, null, total), boundBy: fact('host', 'procfs') } } } });
    const st = buildLimitsState({ containers: [free], containerId: free.id, lang: 'en' });
    const mem = st.chains.find((x) => x.key === 'memory');
    assert.deepEqual(mem?.levels.map((l) => [l.path, l.value, l.binding]).slice(0, 2), [['host', '8 GiB', true], ['/', 'Unlimited', false]]);
    assert.match(mem?.meaning.summary ?? '', /the host's 8 GiB is all this container can get/);
    assert.equal(st.charts[0].limit, null, 'the machine\'s size is not drawn as a limit');
    const unset = buildLimitsState({ containers: [], containerId: 'gone', lang: 'en', knownName: 'old' });
    assert.equal(unset.status, 'removed');
    assert.equal(unset.chains.length, 0);
  });

  it('a limit with no effective value (stopped container) says why, not "several levels"', () => {
    const why = 'the container is not running';
    const stopped = containerOf({ id: 'e'.repeat(64), name: 'stopped', cgroup: { memory: { limitBytes: { ...declaredOnly<number>(64 * 1024 * 1024, why), boundBy: unavailable(why) } } } });
    for (const lang of ['en', 'ko'] as const) {
      const mem = buildLimitsState({ containers: [stopped], containerId: stopped.id, lang }).chains.find((x) => x.key === 'memory');
      assert.ok(mem);
      assert.ok(mem.meaning.summary.endsWith(why), mem.meaning.summary);
      assert.doesNotMatch(mem.meaning.summary, /single level|어느 한 단계의 자체 값/);
    }
  });

  it('accepts the limits panel in the shell and in persisted state', () => {
    assert.match(buildShellHtml({ cspSource: 'vscode-webview://x', nonce: 'QUJD', scriptUri: 's.js', styleUri: 'p.css', kind: 'limits' }), /data-panel="limits"/);
    assert.ok(isPersistedState({ kind: 'limits', containerId: 'abc' }));
    assert.ok(!isPersistedState({ kind: 'limits' }));
  });
});

describe('panels/limits-state: a CPU limit set by the CPU set', () => {
  it('says the cpuset binds (unlimited quota, cpuset "0" → 1 CPU) and marks no quota level as setting it', () => {
    const own = '/docker/' + 'f1'.repeat(32);
    const levels = ['/', '/docker', own].map((path) => ({ path, value: null, quotaUs: null, periodUs: 100000 }));
    const c = containerOf({
      id: 'f1'.repeat(32), name: 'pinned',
      cgroup: {
        cpu: { cpus: { ...limit<number>(null, null, 1), boundBy: fact(own, 'procfs') } },
        cpuset: { cpus: { ...limit<string>('0'), boundBy: fact(own, 'procfs') } },
        chain: { cpu: fact(levels, 'procfs') },
      },
    });
    for (const [lang, re] of [['en', /at most 1 CPU because its CPU set \(0\)/], ['ko', /CPU 세트\(0\)/]] as const) {
      const cpu = buildLimitsState({ containers: [c], containerId: c.id, lang }).chains.find((x) => x.key === 'cpu');
      assert.ok(cpu);
      assert.match(cpu.meaning.summary, re);
      assert.doesNotMatch(cpu.meaning.summary, /own cgroup file says|자기 cgroup 파일/);
      assert.deepEqual(cpu.levels.map((l) => l.binding), [false, false, false]);
    }
  });

  it('words a CPU set of its own as a list to run on, not as an amount ("at most 0")', () => {
    const own = '/docker/' + 'f2'.repeat(32);
    const c = containerOf({
      id: 'f2'.repeat(32), name: 'pinned',
      cgroup: {
        cpuset: { cpus: { ...limit<string>('0', '0', '0'), boundBy: fact(own, 'procfs') } },
        chain: { cpusetCpus: fact(['/', '/docker', own].map((path, i) => ({ path, value: i === 2 ? '0' : '0-1' })), 'procfs') },
      },
    });
    const en = buildLimitsState({ containers: [c], containerId: c.id, lang: 'en' }).chains.find((x) => x.key === 'cpusetCpus');
    assert.match(en?.meaning.summary ?? '', /may run only on 0, as its own cgroup file says/);
    assert.doesNotMatch(en?.meaning.summary ?? '', /at most/);
    const ko = buildLimitsState({ containers: [c], containerId: c.id, lang: 'ko' }).chains.find((x) => x.key === 'cpusetCpus');
    assert.match(ko?.meaning.summary ?? '', /0에서만 실행될 수 있습니다/);
  });

  it('words a memory-node list no level narrows as the host\'s whole list, not as "the host\'s 0 is all it can get"', () => {
    const own = '/docker/' + 'f3'.repeat(32);
    const c = containerOf({
      id: 'f3'.repeat(32), name: 'anywhere',
      cgroup: {
        cpuset: { mems: { ...limit<string>('0', '0', '0'), boundBy: fact('host', 'procfs') } },
        chain: { cpusetMems: fact(['/', '/docker', own].map((path) => ({ path, value: '0' })), 'procfs') },
      },
    });
    const en = buildLimitsState({ containers: [c], containerId: c.id, lang: 'en' }).chains.find((x) => x.key === 'cpusetMems');
    assert.match(en?.meaning.summary ?? '', /no cgroup on the path narrows it, so this container may use all of the host's: 0\./);
    assert.doesNotMatch(en?.meaning.summary ?? '', /is all this container can get/);
  });

  it('speaks Korean in what it cannot show: a stopped container\'s chains and an unreachable engine', () => {
    const stopped: ContainerAnatomy = { ...containerOf({ id: 'c'.repeat(64), name: 'idle' }), state: 'exited' };
    const ko = buildLimitsState({ containers: [stopped], containerId: stopped.id, lang: 'ko', unreachable: 'No Docker engine socket at /var/run/docker.sock — Check the engine and try again.' });
    assert.equal(ko.notice?.detail, '/var/run/docker.sock에 Docker 엔진 소켓이 없습니다 — 엔진을 확인하고 다시 시도하세요.');
    assert.ok(ko.chains.some((chain) => chain.unavailable !== undefined), 'a stopped container has chains it cannot show');
    for (const chain of ko.chains) if (chain.unavailable !== undefined) assert.match(chain.unavailable, /[가-힣]/, `${chain.key}: ${chain.unavailable}`);
    const gone = buildLimitsState({ containers: [], containerId: 'd'.repeat(64), lang: 'ko', unreachable: 'Nothing is listening on /run/x.sock' });
    assert.equal(gone.notice?.detail, '/run/x.sock에서 연결을 기다리는 것이 없습니다');
  });
});
