import * as assert from 'node:assert/strict';
import { explain, explainFrom, fill, hasTopic, placeholders, resolveLang, topics } from '../../../src/core/catalog';
import { en } from '../../../src/core/catalog/en';
import { ko } from '../../../src/core/catalog/ko';
import type { Entry } from '../../../src/core/catalog';

const NS = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'];
const INSTRUCTIONS = ['FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'USER', 'EXPOSE', 'ENV', 'ARG', 'WORKDIR', 'VOLUME', 'COPY', 'ADD',
  'LABEL', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'ONBUILD', 'MAINTAINER'];

/** Every topic id the rest of the extension is promised. */
const REQUIRED: string[] = [
  ...NS.flatMap((t) => [`ns.${t}`, `ns.${t}.own`, `ns.${t}.host`, `ns.${t}.container`, `sharing.own`, `diff.${t}.same`, `diff.${t}.different`]),
  'diff.unknown', 'diff.notRunning',
  'process.pid', 'process.nspid', 'process.uidmap', 'process.gidmap', 'process.rootIsHostRoot', 'process.hostname',
  'cgroup.version.v1', 'cgroup.version.v2', 'cgroup.version.hybrid', 'cgroup.driver.cgroupfs', 'cgroup.driver.systemd',
  'cgroup.declared', 'cgroup.kernel', 'cgroup.effective', 'cgroup.unlimited', 'cgroup.memory.limit',
  'cgroup.memory.reservation', 'cgroup.memory.swap', 'cgroup.memory.usage', 'cgroup.memory.oom', 'cgroup.cpu.cpus',
  'cgroup.cpu.shares', 'cgroup.cpu.weight', 'cgroup.cpu.usage', 'cgroup.cpu.throttled', 'cgroup.cpuset.cpus',
  'cgroup.cpuset.mems', 'cgroup.pids.max', 'cgroup.pids.current', 'cgroup.io.weight',
  'net.bridge', 'net.veth', 'net.veth.container', 'net.veth.host', 'net.subnet', 'net.gateway', 'net.ip', 'net.mac', 'net.ipv6', 'net.nat', 'net.ports', 'net.dns',
  'net.mode.bridge', 'net.mode.host', 'net.mode.none', 'net.mode.container', 'net.mode.macvlan', 'net.mode.ipvlan',
  'net.mode.overlay', 'net.mode.null', 'net.mode.other', 'net.userDefinedBridge',
  'docker.engine', 'docker.registry', 'docker.image', 'docker.container', 'docker.compose', 'docker.context',
  'docker.machine', 'docker.swarm', 'docker.desktop',
  ...INSTRUCTIONS.map((i) => `dockerfile.${i}`),
  'dockerfile.CMD.exec', 'dockerfile.CMD.shell', 'dockerfile.ENTRYPOINT.exec', 'dockerfile.ENTRYPOINT.shell',
  'dockerfile.RUN.--network', 'dockerfile.RUN.--mount', 'dockerfile.RUN.--security', 'dockerfile.FROM.--platform',
  'dockerfile.COPY.--chown', 'dockerfile.COPY.--from', 'dockerfile.ADD.--chown', 'dockerfile.HEALTHCHECK.--interval',
  ...['mem_limit', 'mem_reservation', 'memswap_limit', 'cpus', 'cpu_shares', 'cpuset', 'pids_limit', 'deploy.resources',
    'deploy.resources.limits', 'deploy.resources.reservations', 'network_mode', 'pid', 'ipc', 'uts', 'userns_mode',
    'cgroup_parent', 'cgroup', 'ports', 'expose', 'networks', 'privileged', 'cap_add', 'cap_drop', 'hostname', 'user',
    'shm_size', 'services', 'image', 'build', 'pid.host', 'network_mode.host', 'network_mode.none',
    'network_mode.service', 'ipc.host', 'ipc.shareable'].map((k) => `compose.${k}`),
  'sharing.own', 'sharing.host', 'sharing.joined', 'sharing.joinedBy', 'sharing.shared', 'sharing.unknown',
  'sharing.declared.own', 'sharing.declared.host', 'sharing.declared.joined', 'live.limit', 'live.limit.noUsage', 'ui.namespaces',
  'cgroup.effective.limit', 'cgroup.effective.cpus', 'cgroup.effective.chain', 'cgroup.effective.soft', 'cgroup.effective.weight', 'cgroup.effective.weight.io', 'cgroup.effective.cpuset', 'cgroup.effective.mems',
  'ui.compare.title', 'ui.removed', 'ui.unreachable',
  'swarm.service', 'swarm.task', 'swarm.task.elsewhere', 'swarm.overlay', 'swarm.vxlan', 'swarm.vip', 'swarm.vip.ipvs', 'swarm.vip.noIpvs',
  'swarm.ingress', 'swarm.gwbridge',
];

/** Markdown text with inline code spans removed: what a renderer would treat as markup. */
function outsideCode(text: string): string {
  return text.replace(/`[^`]*`/g, '');
}

describe('explanation catalog', () => {
  it('has every required topic in English and Korean', () => {
    const missingEn = REQUIRED.filter((t) => !(t in en));
    const missingKo = REQUIRED.filter((t) => !(t in ko));
    assert.deepEqual(missingEn, []);
    assert.deepEqual(missingKo, []);
    for (const t of REQUIRED) assert.ok(hasTopic(t), t);
  });

  it('has the same topics in both languages, so Korean never falls back', () => {
    assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
    for (const t of topics()) assert.equal(explain(t, 'ko')?.lang, 'ko', t);
  });

  it('gives every entry a non-empty title, a one-line summary and a short body', () => {
    for (const [lang, cat] of [['en', en], ['ko', ko]] as const) {
      for (const [t, e] of Object.entries(cat)) {
        const where = `${lang} ${t}`;
        assert.ok(e.title.trim().length > 0, `${where} title`);
        assert.ok(e.summary.trim().length > 0, `${where} summary`);
        assert.ok(e.body.trim().length > 0, `${where} body`);
        assert.ok(!/\n/.test(e.summary) && !/\n/.test(e.title), `${where} title/summary on one line`);
        assert.ok(e.body.length < 900, `${where} body is short (${e.body.length})`);
        assert.ok(e.summary.length <= 220, `${where} summary is short (${e.summary.length})`);
      }
    }
  });

  it('keeps titles and summaries free of Markdown and angle brackets (they are shown as plain text)', () => {
    for (const [lang, cat] of [['en', en], ['ko', ko]] as const) {
      for (const [t, e] of Object.entries(cat)) {
        for (const text of [e.title, e.summary]) assert.ok(!/[`<>*]/.test(text), `${lang} ${t}: ${text}`);
      }
    }
  });

  it('has no raw HTML in any body (angle brackets only inside code spans)', () => {
    for (const [lang, cat] of [['en', en], ['ko', ko]] as const) {
      for (const [t, e] of Object.entries(cat)) {
        assert.equal((e.body.match(/`/g) ?? []).length % 2, 0, `${lang} ${t}: unbalanced backticks`);
        assert.ok(!/<\/?[A-Za-z!][^>]*>/.test(outsideCode(e.body)), `${lang} ${t}: HTML tag`);
        assert.ok(!/[<>]/.test(outsideCode(e.body)), `${lang} ${t}: angle bracket outside code`);
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const t of topics()) assert.deepEqual(placeholders(ko[t]), placeholders(en[t]), t);
  });

  it('fills placeholders everywhere in an entry', () => {
    const x = explain('ns.net.container', 'en', { peers: 'db' });
    assert.ok(x);
    assert.match(x.title, /db/);
    assert.match(x.summary, /Same interfaces, IPs and ports; localhost in one container reaches the other/);
    const j = explain('sharing.joined', 'en', { peer: 'db', peers: 'db', type: 'net' });
    assert.equal(j?.summary, 'This container joined db\'s net namespace.');
    const d = explain('diff.net.same', 'ko', { left: 'web', right: 'api' });
    assert.ok(d);
    assert.ok(d.summary.startsWith('web과(와) api'), d.summary);
    // A word whose reading is known takes the one particle that fits it.
    assert.ok(explain('diff.net.same', 'ko', { left: 'web', right: '호스트' })?.summary.startsWith('web과(와) 호스트가 '));
    assert.ok(explain('diff.net.same', 'ko', { left: '호스트', right: 'web' })?.summary.startsWith('호스트와 web이(가) '));
    const l = explain('live.limit', 'en', { what: 'memory', declared: '64 MiB', effective: '32 MiB', usage: '10 MiB', name: 'web-1' });
    assert.equal(l?.summary, 'This service\'s container: memory 64 MiB → effective 32 MiB, 10 MiB used.');
  });

  it('fills every placeholder of every topic when all values are given', () => {
    for (const t of topics()) {
      const vars = Object.fromEntries(placeholders(en[t]).map((p) => [p, 'X']));
      for (const lang of ['en', 'ko'] as const) {
        const x = explain(t, lang, vars);
        assert.ok(x, t);
        assert.ok(!/\{[A-Za-z_]\w*\}/.test(x.title + x.summary + x.body), `${lang} ${t}`);
      }
    }
  });

  it('leaves placeholders without a value as written, and accepts numbers', () => {
    assert.equal(fill('{a} and {b}', { a: 1 }), '1 and {b}');
    assert.equal(fill('{a}', undefined), '{a}');
    assert.equal(fill('{toString}', {}), '{toString}');
  });

  it('falls back to English when a Korean entry is missing', () => {
    const one: Entry = { title: 'T {x}', summary: 'S.', body: 'B.' };
    const x = explainFrom({ en: { only: one }, ko: {} }, 'only', 'ko', { x: 1 });
    assert.deepEqual(x, { topic: 'only', lang: 'en', title: 'T 1', summary: 'S.', body: 'B.' });
  });

  it('returns undefined for unknown topics, including inherited property names', () => {
    assert.equal(explain('no.such.topic', 'en'), undefined);
    assert.equal(explain('constructor', 'ko'), undefined);
    assert.equal(hasTopic('toString'), false);
  });

  it('lists topics sorted and without duplicates', () => {
    const all = topics();
    assert.deepEqual(all, [...new Set(all)].sort());
    assert.equal(all.length, Object.keys(en).length);
  });

  it('states the facts the reference insists on', () => {
    assert.match(en['ns.time'].body, /never unshares/);
    assert.match(en['ns.ipc.container'].body, /shareable/);
    assert.match(en['cgroup.memory.swap'].body, /twice/);
    assert.match(en['ns.cgroup'].body, /\*\*host\*\* on cgroup v1 and \*\*private\*\* on cgroup v2/);
    assert.match(en['ns.user.host'].summary, /Container root is host root/);
    assert.match(en['cgroup.pids.max'].body, /EAGAIN/);
    assert.match(ko['cgroup.pids.max'].body, /EAGAIN/);
    assert.match(ko['ns.time'].body, /분리하지 않/);
  });
});

describe('resolveLang', () => {
  it('follows an explicit setting', () => {
    assert.equal(resolveLang('ko', 'en-US'), 'ko');
    assert.equal(resolveLang('en', 'ko'), 'en');
    assert.equal(resolveLang(' KO ', undefined), 'ko');
  });
  it('uses the display language for auto or no setting', () => {
    assert.equal(resolveLang('auto', 'ko'), 'ko');
    assert.equal(resolveLang('auto', 'ko-KR'), 'ko');
    assert.equal(resolveLang(undefined, 'KO-kr'), 'ko');
    assert.equal(resolveLang('auto', 'en'), 'en');
    assert.equal(resolveLang('auto', 'ja'), 'en');
    assert.equal(resolveLang('auto', undefined), 'en');
    assert.equal(resolveLang('auto', 'kok'), 'en');
  });
  it('treats unknown settings like auto', () => {
    assert.equal(resolveLang('fr', 'ko'), 'ko');
    assert.equal(resolveLang('', 'en'), 'en');
  });
});

describe('catalog facts', () => {
  it('says a --network container:X joiner gets the owner\'s hostname in its own UTS namespace (as test/integration/evidence.test.ts reads it)', () => {
    const en = explain('ns.net.container', 'en', { peers: 'web' })?.body ?? '';
    assert.doesNotMatch(en, /hostname is not shared/);
    assert.match(en, /own UTS namespace, but Docker gives the joiner the owner's hostname/);
    const ko = explain('ns.net.container', 'ko', { peers: 'web' })?.body ?? '';
    assert.doesNotMatch(ko, /호스트명은 공유되지 않습니다/);
    assert.match(ko, /주인의 호스트명을 그대로 줍니다/);
  });

  it('does not promise the own container id as hostname to a --network container:X joiner, whose hostname is the owner\'s', () => {
    assert.match(explain('ns.uts.own', 'en')?.body ?? '', /--network container:X`\), to that container's hostname/);
    assert.match(explain('ns.uts.own', 'ko')?.body ?? '', /그 컨테이너의 호스트명을 줍니다/);
  });
});

describe('catalog facts: Dockerfile CMD', () => {
  it('does not promise PID 1 to a CMD that is an ENTRYPOINT\'s arguments (the demo Dockerfile has ENTRYPOINT ["/bin/sh", "-c"])', () => {
    for (const topic of ['dockerfile.CMD.exec', 'dockerfile.CMD.shell']) {
      assert.match(explain(topic, 'en')?.summary ?? '', /ENTRYPOINT/, topic);
      assert.match(explain(topic, 'ko')?.summary ?? '', /ENTRYPOINT/, topic);
    }
  });
});

describe('catalog: Korean particles after a value', () => {
  it('puts no particle straight after a limit value ({effective}, {own}) in the chain sentences: "0-1가", "0가", "무제한라고" read wrong', () => {
    const bad: string[] = [];
    for (const [topic, e] of Object.entries(ko)) {
      if (!topic.startsWith('chain.')) continue;
      for (const text of [e.title, e.summary, e.body]) if (/\{(effective|own)\}(가|이|는|은|를|을|라고|이라고)/.test(text)) bad.push(`${topic}: ${text}`);
    }
    assert.deepEqual(bad, []);
  });
});

describe('catalog: the several-engines summary', () => {
  it('says in Korean, as in English, that the answer kept per engine is the user\'s answer about its helper (it read "answers about helper containers")', () => {
    assert.match(explain('ui.engines', 'en')?.summary ?? '', /your answer about it/);
    assert.match(explain('ui.engines', 'ko')?.summary ?? '', /사용자의 답/);
  });
});
