import * as assert from 'node:assert/strict';
import { explain } from '../../../src/core/catalog/index';
import { NAMESPACE_TYPES, fact, unavailable, type Evidence } from '../../../src/core/model';
import { shareSubnet } from '../../../src/core/evidence-text';
import { buildCompareState, type CompareInput } from '../../../src/panels/compare-state';
import { containerOf } from '../../fixtures/snapshot';
import { HOST_NS, HOSTILE, containers, db, host, hostile, hostnet, locked, sidecar, web } from './fixture';

function input(over: Partial<CompareInput>): CompareInput {
  return { host, containers, left: { kind: 'container', id: web.id }, right: { kind: 'host' }, lang: 'en', ...over };
}

describe('compare view state', () => {
  it('lists every namespace type with both inodes and a verdict (container vs host)', () => {
    const { state, diff } = buildCompareState(input({}));
    assert.ok(diff);
    assert.equal(state.status, 'ok');
    assert.equal(state.notice, undefined);
    assert.deepEqual(state.namespaces.map((r) => r.type), [...NAMESPACE_TYPES]);
    const byType = Object.fromEntries(state.namespaces.map((r) => [r.type, r]));
    assert.equal(byType.net.left.text, String(web.namespaces.net.inode && 'value' in web.namespaces.net.inode ? web.namespaces.net.inode.value : ''));
    assert.equal(byType.net.right.text, String(HOST_NS.net));
    assert.equal(byType.net.verdict, 'different');
    assert.equal(byType.time.verdict, 'same');
    assert.equal(byType.user.verdict, 'same');
    assert.equal(byType.pid.verdictLabel, 'different');
    assert.equal(byType.time.verdictLabel, 'same');
    // The diff returned is the one shown.
    assert.deepEqual(diff.rows.map((r) => r.verdict), state.namespaces.map((r) => r.verdict));
    assert.deepEqual(diff.left, { kind: 'container', label: 'web', id: web.id });
    assert.equal(diff.right.kind, 'host');
  });

  it('explains each verdict for these two sides with the catalog text, in English and Korean', () => {
    for (const lang of ['en', 'ko'] as const) {
      const { state } = buildCompareState(input({ lang }));
      const net = state.namespaces.find((r) => r.type === 'net');
      assert.ok(net);
      const hostLabel = lang === 'en' ? 'host' : '호스트';
      const expected = explain('diff.net.different', lang, { left: 'web', right: hostLabel, type: 'net' });
      assert.ok(expected, `catalog has diff.net.different in ${lang}`);
      assert.equal(net.meaning.title, expected.title);
      assert.equal(net.meaning.summary, expected.summary);
      assert.ok(net.meaning.summary.includes('web'));
      assert.equal(net.typeNote.title, explain('ns.net', lang)?.title);
      assert.equal(state.right.label, hostLabel);
    }
    const en = buildCompareState(input({ lang: 'en' })).state;
    const ko = buildCompareState(input({ lang: 'ko' })).state;
    assert.equal(en.title, 'Compare: web ↔ host');
    assert.equal(ko.title, '비교: web ↔ 호스트');
    assert.notEqual(en.namespaces[0].verdictLabel, ko.namespaces[0].verdictLabel);
    assert.notEqual(en.labels.namespaces, ko.labels.namespaces);
  });

  it('compares two containers, including a shared network namespace (container:X)', () => {
    const { state, diff } = buildCompareState(input({ left: { kind: 'container', id: 'sidecar' }, right: { kind: 'container', id: web.id.slice(0, 12) } }));
    assert.ok(diff);
    assert.equal(state.title, 'Compare: sidecar ↔ web');
    assert.equal(state.left.id, sidecar.id);
    assert.equal(state.right.id, web.id);
    const net = state.namespaces.find((r) => r.type === 'net');
    assert.equal(net?.verdict, 'same');
    assert.equal(state.namespaces.find((r) => r.type === 'pid')?.verdict, 'different');
    const sideRow = state.networks.rows.find((r) => r.side === 'left');
    assert.equal(sideRow?.cells[0].text, 'container:web');
  });

  it('marks rows unknown and carries the reason when an inode could not be read', () => {
    const { state } = buildCompareState(input({ left: { kind: 'container', id: locked.id } }));
    for (const row of state.namespaces) {
      assert.equal(row.verdict, 'unknown');
      assert.equal(row.left.text, 'unavailable');
      assert.match(row.left.unavailable ?? '', /permission denied reading \/proc\/6900\/ns\//);
      assert.equal(row.meaning.title, explain('diff.unknown', 'en', { left: 'locked', right: 'host', type: row.type })?.title);
    }
  });

  it('puts process facts and cgroup limits side by side (declared → effective, usage)', () => {
    const { state } = buildCompareState(input({ left: { kind: 'container', id: web.id }, right: { kind: 'container', id: db.id } }));
    const [proc, cg] = state.sections;
    assert.equal(proc.id, 'process');
    assert.equal(cg.id, 'cgroup');
    const row = (s: typeof proc, topic: string) => {
      const title = explain(topic, 'en')?.title ?? topic;
      const r = s.rows.find((x) => x.label === title);
      assert.ok(r, `row ${topic}`);
      return r;
    };
    assert.equal(row(proc, 'process.nspid').left.text, '6208 → 1');
    assert.equal(row(proc, 'process.uidmap').left.text, '0→0 over the whole 32-bit id range (no remapping)');
    assert.equal(row(proc, 'process.hostname').right.text, db.id.slice(0, 12));
    assert.equal(row(proc, 'process.hostname').differs, true);
    const mem = row(cg, 'cgroup.memory.limit');
    assert.equal(mem.left.text, '64 MiB → 32 MiB');
    assert.equal(mem.right.text, 'unlimited', 'the tree\'s word for the same value');
    assert.equal(mem.differs, true);
    assert.match(mem.left.hint ?? '', /64 MiB/);
    assert.equal(row(cg, 'cgroup.memory.usage').left.text, '3.1 MiB');
    assert.equal(row(cg, 'cgroup.cpu.cpus').left.text, '0.5 CPU');
    assert.equal(row(cg, 'cgroup.pids.max').left.text, '50');
    assert.equal(row(cg, 'cgroup.pids.max').differs, false);
    // Unset shares mean the kernel default, not "unlimited"; an unreadable weight says why.
    assert.equal(row(cg, 'cgroup.cpu.shares').left.text, '1024');
    const io = row(cg, 'cgroup.io.weight').left;
    // Same words as the tree: Docker's setting, marked as only declared, and the reason in the hint.
    assert.equal(io.text, 'default (declared)');
    assert.match(io.hint ?? '', /blkio\.bfq\.weight/);
  });

  it('shows the host side as what the host has (hostname, memory total), not as a container', () => {
    const { state } = buildCompareState(input({}));
    const [proc, cg] = state.sections;
    const hostname = proc.rows.find((r) => r.label === explain('process.hostname', 'en')?.title);
    assert.equal(hostname?.right.text, 'refhost');
    const pid = proc.rows.find((r) => r.label === explain('process.pid', 'en')?.title);
    assert.equal(pid?.right.na, true);
    assert.equal(pid?.differs, false);
    const mem = cg.rows.find((r) => r.label === explain('cgroup.memory.limit', 'en')?.title);
    assert.equal(mem?.right.text, '23.5 GiB (host total)');
  });

  it('lists networks of both sides: network, bridge, IP/prefix, gateway, MAC, veth', () => {
    const { state } = buildCompareState(input({ right: { kind: 'container', id: db.id } }));
    assert.equal(state.networks.headers.length, 6);
    const [l, r] = state.networks.rows;
    assert.deepEqual(l.cells.map((c) => c.text), ['bridge', 'docker0', '172.17.0.2/16', '172.17.0.1', '02:42:ac:11:00:02', 'vethc204874 (9)']);
    assert.equal(l.topologyId, web.id);
    assert.equal(r.cells[2].text, '172.17.0.3/16');
    const hostRows = buildCompareState(input({})).state.networks.rows.filter((x) => x.side === 'right');
    assert.deepEqual(hostRows[0].cells.map((c) => c.text), ['bridge', 'docker0', '172.17.0.1/16', '172.17.0.1', '—', 'vethc204874\nveth1a2b3c4']);
    const hostMode = buildCompareState(input({ left: { kind: 'container', id: hostnet.id } })).state;
    assert.equal(hostMode.namespaces.find((x) => x.type === 'net')?.verdict, 'same');
    assert.equal(hostMode.networks.rows[0].cells[2].text, '—');
  });

  it('passes hostile strings through unchanged (they reach the DOM only as text)', () => {
    const { state } = buildCompareState(input({ left: { kind: 'container', id: hostile.id } }));
    assert.equal(state.networks.rows[0].cells[0].text, HOSTILE);
  });

  it('says "removed" (catalog ui.removed) when a side is gone, and returns no diff', () => {
    for (const lang of ['en', 'ko'] as const) {
      const { state, diff } = buildCompareState(input({ lang, containers: containers.filter((c) => c.id !== web.id) }));
      assert.equal(diff, undefined);
      assert.equal(state.status, 'removed');
      assert.equal(state.left.present, false);
      assert.equal(state.left.label, web.id);
      assert.deepEqual(state.namespaces, []);
      const expected = explain('ui.removed', lang, { name: web.id });
      assert.ok(expected, `catalog has ui.removed in ${lang}`);
      assert.deepEqual(state.notice, { title: expected.title, summary: expected.summary, detail: web.id });
    }
  });

  it('says "unreachable" (catalog ui.unreachable) while the engine is down, keeping known data', () => {
    const reason = 'connect ENOENT /var/run/docker.sock';
    const withData = buildCompareState(input({ unreachable: reason }));
    assert.equal(withData.state.status, 'unreachable');
    assert.equal(withData.state.namespaces.length, NAMESPACE_TYPES.length);
    const expected = explain('ui.unreachable', 'en');
    assert.ok(expected);
    assert.deepEqual(withData.state.notice, { title: expected.title, summary: expected.summary, detail: reason });
    const empty = buildCompareState(input({ unreachable: reason, host: undefined, containers: [] }));
    assert.equal(empty.state.status, 'unreachable');
    assert.equal(empty.diff, undefined);
  });
  describe('with what each side sees', () => {
    const maps = { uidMap: [{ inside: 0, outside: 0, length: 4294967295 }], gidMap: [{ inside: 0, outside: 0, length: 4294967295 }] };
    const webSees: Evidence = {
      pid: fact({ processCount: 1, init: { hostPid: 6208, command: 'sleep 3600' } }, 'procfs'),
      net: fact({ interfaces: [{ name: 'lo', addresses: ['127.0.0.1/8'] }, { name: 'eth0', addresses: ['172.17.0.2/16'] }] }, 'procfs'),
      uts: fact({ hostname: 'web-1', domainname: '(none)' }, 'procfs'),
      mnt: fact({ mountCount: 28, root: { fstype: 'overlay', source: 'overlay' } }, 'procfs'),
      ipc: fact({ shm: 2, sem: 1, msg: 0 }, 'procfs'),
      user: fact(maps, 'procfs'),
      cgroup: fact({ path: '/docker/' + 'a'.repeat(64) }, 'procfs'),
      time: unavailable('/proc/6208/timens_offsets does not exist (time namespaces need Linux 5.6 or later)'),
    };
    const hostSees: Evidence = {
      ...webSees,
      pid: fact({ processCount: 212, init: { hostPid: 1, command: '/sbin/init' } }, 'procfs'),
      net: fact({ interfaces: [{ name: 'lo', addresses: ['127.0.0.1/8', '::1/128'] }, { name: 'eth0', addresses: ['192.0.2.2/24', 'fe80::1/64'] }, { name: 'docker0', addresses: ['172.17.0.1/16'] }] }, 'procfs'),
      uts: fact({ hostname: 'host', domainname: '(none)' }, 'procfs'),
      ipc: fact({ shm: 0, sem: 0, msg: 0 }, 'procfs'),
      cgroup: fact({ path: '/' }, 'procfs'),
    };

    it('puts one line per side and the consequence in words under each verdict', () => {
      const { state, diff } = buildCompareState(input({ evidence: { left: webSees, right: hostSees } }));
      const by = Object.fromEntries(state.namespaces.map((r) => [r.type, r.evidence]));
      assert.equal(by.pid?.left.text, '1 process; PID 1 is sleep 3600 (host PID 6208)');
      assert.equal(by.pid?.right.text, '212 processes; PID 1 is /sbin/init (host PID 1)');
      assert.equal(by.pid?.consequence, "ps inside web shows 1 process; the host's ps shows 212 processes, this one's PID 1 as PID 6208.");
      assert.equal(by.uts?.consequence, 'Different hostnames: web-1 / host.');
      assert.equal(by.net?.left.text, 'eth0 172.17.0.2/16, lo 127.0.0.1/8');
      assert.equal(by.net?.right.text, 'eth0 192.0.2.2/24, docker0 172.17.0.1/16, lo 127.0.0.1/8 ::1/128', 'link-local addresses are left out of the short line');
      assert.equal(by.ipc?.left.text, 'shared memory segments: 2, semaphore sets: 1, message queues: 0');
      // Same user namespace: one consequence from the left side's maps.
      assert.equal(by.user?.consequence, 'Both have the uid map 0→0 over the whole 32-bit id range (no remapping): a uid means the same user on both sides.');
      // Unreadable on one side: the reason, and no consequence.
      assert.equal(by.time?.left.text, 'unavailable');
      assert.match(by.time?.left.unavailable ?? '', /timens_offsets does not exist/);
      assert.equal(by.time?.consequence, '');
      // The diff carries the facts themselves (what --json prints).
      assert.deepEqual(diff?.rows.find((r) => r.type === 'uts')?.leftSees, webSees.uts);
    });

    it('says two network namespaces share no network when no address of one is on a subnet of the other', () => {
      const net = (text: Evidence['net']): string | undefined => {
        const { state } = buildCompareState(input({ right: { kind: 'container', id: db.id }, evidence: { left: webSees, right: { ...webSees, net: text } } }));
        const row = state.namespaces.find((r) => r.type === 'net');
        assert.equal(row?.verdict, 'different');
        return row?.evidence?.consequence;
      };
      // The host (docker0 is on web's subnet) and a container on the same bridge reach web.
      const { state } = buildCompareState(input({ evidence: { left: webSees, right: hostSees } }));
      assert.match(state.namespaces.find((r) => r.type === 'net')?.evidence?.consequence ?? '', /they reach each other over the addresses each sees/);
      // Another bridge's subnet, or only lo: nothing in common.
      const otherBridge = fact({ interfaces: [{ name: 'lo', addresses: ['127.0.0.1/8'] }, { name: 'eth0', addresses: ['172.20.0.2/16'] }] }, 'procfs');
      const loOnly = fact({ interfaces: [{ name: 'lo', addresses: ['127.0.0.1/8'] }] }, 'procfs');
      for (const other of [otherBridge, loOnly]) {
        assert.match(net(other) ?? '', /no address of one is on a subnet of the other: they share no network to reach each other over/);
      }
      assert.equal(shareSubnet({ interfaces: [{ name: 'eth0', addresses: ['172.17.0.2/16'] }] }, { interfaces: [{ name: 'eth1', addresses: ['172.17.5.9/16'] }] }), true);
      const ko = buildCompareState(input({ lang: 'ko', right: { kind: 'container', id: db.id }, evidence: { left: webSees, right: { ...webSees, net: loOnly } } })).state;
      assert.match(ko.namespaces.find((r) => r.type === 'net')?.evidence?.consequence ?? '', /서로 닿을 공통 네트워크가 없습니다/);
    });

    it('says it for two containers in a shared network namespace, and in Korean', () => {
      const { state } = buildCompareState(input({ right: { kind: 'container', id: sidecar.id }, evidence: { left: webSees, right: webSees } }));
      const net = state.namespaces.find((r) => r.type === 'net');
      assert.equal(net?.verdict, 'same');
      assert.equal(net?.evidence?.consequence, 'Both see eth0 172.17.0.2/16, lo 127.0.0.1/8: localhost in one reaches the other, and a port can be bound only once.');
      // Separate UTS namespaces holding the same name (Docker gives a joined container its donor's hostname).
      assert.equal(state.namespaces.find((r) => r.type === 'uts')?.evidence?.consequence, 'Both are called web-1, in separate UTS namespaces: changing it on one side does not change the other.');
      const ko = buildCompareState(input({ lang: 'ko', evidence: { left: webSees, right: hostSees } })).state;
      const uts = ko.namespaces.find((r) => r.type === 'uts');
      assert.equal(uts?.evidence?.consequence, '호스트명이 다름: web-1 / host.');
      assert.equal(ko.namespaces.find((r) => r.type === 'pid')?.evidence?.left.text, '프로세스 1개, PID 1은 sleep 3600 (호스트 PID 6208)');
    });

    it('shows no evidence until it has been read', () => {
      const { state } = buildCompareState(input({}));
      assert.ok(state.namespaces.every((r) => r.evidence === undefined));
    });
  });
});

describe('compare with a container that is not running', () => {
  it('says it is not running, not that a namespace could not be read', () => {
    const stopped = containerOf({ id: 'e7'.repeat(32), name: 'stopped', state: 'created' });
    const { state } = buildCompareState(input({ containers: [...containers, stopped], left: { kind: 'container', id: web.id }, right: { kind: 'container', id: stopped.id } }));
    for (const row of state.namespaces) {
      assert.equal(row.verdict, 'unknown');
      assert.equal(row.meaning.title, 'Not running', row.type);
      assert.doesNotMatch(row.meaning.summary, /could not be read/);
    }
  });
});
