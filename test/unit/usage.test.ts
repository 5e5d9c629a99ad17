import { strict as assert } from 'assert';
import { fact, isFact, unavailable } from '../../src/core/model';
import { readCgroupLayout, resolveCgroupDirs } from '../../src/core/procfs/cgroup';
import { cgroupUsageReader, HISTORY, readingFromEngineStats, sampleOf, UsageHistory, type UsageReading } from '../../src/core/usage';
import { containerOf, cgroupOf } from '../fixtures/snapshot';
import { IDS, PIDS, scenario } from './procfs/fixtures';

const reading = (t: number, over: Partial<UsageReading> = {}): UsageReading => ({ t, memoryBytes: 1, pids: 1, cpuNs: 0, throttledPeriods: 0, oomKills: 0, ...over });

describe('core/usage', () => {
  it('reads a v2 scope: memory.current, pids.current, cpu.stat and memory.events', async () => {
    const dir = `${scenario('v2-slices').root}/sys/fs/cgroup/shop.slice/shop-web.slice/docker-${IDS.v2Slices}.scope`;
    const c = containerOf({ id: IDS.v2Slices, name: 'shop-web', cgroup: { paths: fact({ unified: dir }, 'procfs') } });
    const reader = cgroupUsageReader(c);
    assert.ok(reader);
    assert.equal(reader.source, 'procfs');
    const r = await reader.read();
    assert.ok(!('unavailable' in r));
    assert.deepEqual({ ...r, t: 0 }, { t: 0, memoryBytes: 41943040, pids: 3, cpuNs: 123456000, throttledPeriods: 7, oomKills: 1 });
  });

  it('reads a v1 container from each controller\'s directory', async () => {
    const f = scenario('v1-cgroupfs');
    const layout = await readCgroupLayout(f.proc, f.root);
    assert.ok(isFact(layout));
    const paths = await resolveCgroupDirs(f.proc, PIDS.v1Limited, layout.value);
    const c = containerOf({ id: IDS.v1Limited, name: 'limited', cgroup: { paths } });
    const r = await cgroupUsageReader(c)?.read();
    assert.ok(r && !('unavailable' in r));
    assert.equal(r.memoryBytes, 319488);
    assert.equal(r.pids, 1);
    assert.equal(r.cpuNs, 37179917);
    assert.equal(r.oomKills, 0);
  });

  it('has no local reader without cgroup paths, and says so when the files are gone', async () => {
    const remote = containerOf({ id: 'a'.repeat(64), name: 'remote', cgroup: { paths: unavailable('the engine runs in a VM') } });
    assert.equal(cgroupUsageReader(remote), undefined);
    const gone = containerOf({ id: 'b'.repeat(64), name: 'gone', cgroup: cgroupOf('/nonexistent/memory/x', true, { paths: fact({ unified: '/nonexistent/x' }, 'procfs') }) });
    const r = await cgroupUsageReader(gone)?.read();
    assert.ok(r && 'unavailable' in r);
    assert.match(r.unavailable, /\/nonexistent\/x\/memory.current: the container stopped, or its cgroup is gone/);
  });

  it('turns two readings into levels and rates, and the engine\'s stats into a reading', () => {
    const s = sampleOf(reading(1000, { cpuNs: 0, throttledPeriods: 2 }), reading(2000, { cpuNs: 500_000_000, throttledPeriods: 5, oomKills: 1 }));
    assert.deepEqual(s, { t: 2000, memoryBytes: 1, pids: 1, cpus: 0.5, throttled: 3, oomKills: 1 });
    assert.deepEqual(sampleOf(undefined, reading(5)), { t: 5, memoryBytes: 1, pids: 1, cpus: null, throttled: null, oomKills: 0 });
    const e = readingFromEngineStats({
      read: '2026-11-30T03:00:00.5Z',
      memory_stats: { usage: 2048, stats: { oom_kill: 2 } },
      pids_stats: { current: 4 },
      cpu_stats: { cpu_usage: { total_usage: 99 }, throttling_data: { throttled_periods: 3 } },
    });
    assert.deepEqual(e, { t: Date.parse('2026-11-30T03:00:00.5Z'), memoryBytes: 2048, pids: 4, cpuNs: 99, throttledPeriods: 3, oomKills: 2 });
    assert.equal(readingFromEngineStats({}, 7).memoryBytes, null);
  });

  it('keeps five minutes, and starts rates afresh after a gap (the panel was hidden)', () => {
    const h = new UsageHistory();
    for (let i = 0; i < HISTORY + 20; i++) h.add(reading(i * 1000, { cpuNs: i * 1e9 }));
    assert.equal(h.samples.length, HISTORY);
    assert.equal(h.samples[HISTORY - 1].cpus, 1);
    const after = h.add(reading((HISTORY + 100) * 1000, { cpuNs: 0 }));
    assert.equal(after.cpus, null);
  });
});
