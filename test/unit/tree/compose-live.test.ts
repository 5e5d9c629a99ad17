import { strict as assert } from 'node:assert';
import { explain } from '../../../src/core/catalog';
import { COMPOSE_CONFIG_FILES_LABEL, composeProjectName, composeProjectNames, dotEnvValue, extensionLine, liveTopic, serviceContainers } from '../../../src/hovers/live';
import { fillMarkdown } from '../../../src/tree/markdown';
import { plainTranslate } from '../../../src/tree/rows';
import { EVIL_NAME, evil, old, sidecar, tools, web } from './fixture';

const all = [old, evil, sidecar, tools, web];

describe('compose hover: live values', () => {
  it('normalises a folder name the way Compose names projects', () => {
    assert.equal(composeProjectName('My Shop.v2'), 'myshopv2');
    assert.equal(composeProjectName('shop'), 'shop');
  });

  it('finds the running containers of a service in the file\'s project, never in another project', () => {
    const ref = (...projects: string[]): { file: string; projects: string[] } => ({ file: '/src/shop/compose.yaml', projects });
    assert.deepEqual(serviceContainers(all, 'web', ref('shop')).map((c) => c.name), ['web']);
    assert.deepEqual(serviceContainers(all, 'web', ref('elsewhere')), [], 'a service of the same name in another project is not this one');
    assert.deepEqual(serviceContainers(all, 'web', ref('elsewhere', 'shop')).map((c) => c.name), ['web'], 'the first name that has containers');
    assert.deepEqual(serviceContainers(all, 'db', ref('shop')), []);
    const stopped = { ...web, state: 'exited' as const };
    assert.deepEqual(serviceContainers([stopped], 'web', ref('shop')), []);
  });

  it('prefers the containers whose Compose labels name this very file', () => {
    const other = { ...web, name: 'web-other', labels: { ...web.labels, [COMPOSE_CONFIG_FILES_LABEL]: '/elsewhere/shop/compose.yaml' } };
    const mine = { ...web, name: 'web-mine', labels: { ...web.labels, 'com.docker.compose.project': 'renamed', [COMPOSE_CONFIG_FILES_LABEL]: '/src/shop/compose.yaml,/src/shop/compose.override.yaml' } };
    const ref = { file: '/src/shop/compose.override.yaml', projects: ['shop'] };
    assert.deepEqual(serviceContainers([other, mine], 'web', ref).map((c) => c.name), ['web-mine']);
  });

  it('takes the project name as Compose does: environment, .env, top-level name, else the folder', () => {
    assert.deepEqual(composeProjectNames({ folder: 'My Shop.v2' }), ['myshopv2']);
    assert.deepEqual(composeProjectNames({ folder: 'app', topLevelName: 'shop' }), ['shop'], 'name: replaces the folder, not adds to it');
    assert.deepEqual(composeProjectNames({ folder: 'app', topLevelName: 'shop', env: 'ci-42' }), ['ci-42', 'shop']);
    assert.deepEqual(composeProjectNames({ folder: 'app', topLevelName: 'shop', dotEnv: '# x\nCOMPOSE_PROJECT_NAME="Dev"\n' }), ['dev', 'shop']);
    assert.deepEqual(composeProjectNames({ folder: 'app', topLevelName: '${PROJECT:-shop}' }), [], 'an interpolated name is not guessed');
    assert.deepEqual(composeProjectNames({ folder: 'app', topLevelName: '  ' }), ['app']);
  });

  it('lists the services that take a setting from an x- block, ten at most, with their count', () => {
    const hit = { topic: 'compose.image', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, service: null, key: 'image', value: 'a' };
    assert.equal(extensionLine(hit), undefined);
    assert.deepEqual(extensionLine({ ...hit, extension: { block: 'x-d', services: [], takesKey: true } }), { topic: 'compose.extension.unused', vars: { block: 'x-d' } });
    const many = Array.from({ length: 12 }, (_, i) => `s${i}`);
    assert.deepEqual(extensionLine({ ...hit, extension: { block: 'x-d', services: many, takesKey: true } }),
      { topic: 'compose.extension.users', vars: { block: 'x-d', services: 's0, s1, s2, s3, s4, s5, s6, s7, s8, s9, …', count: '12' } });
    assert.equal(extensionLine({ ...hit, extension: { block: 'x-d', services: ['a'], takesKey: false } })?.topic, 'compose.extension.aliased');
  });

  it('reads one key from a .env file', () => {
    assert.equal(dotEnvValue('A=1\nexport COMPOSE_PROJECT_NAME=one # note\nCOMPOSE_PROJECT_NAME=\'two\'\r\n', 'COMPOSE_PROJECT_NAME'), 'two');
    assert.equal(dotEnvValue('COMPOSE_PROJECT_NAME=one # note', 'COMPOSE_PROJECT_NAME'), 'one');
    assert.equal(dotEnvValue('B=2', 'COMPOSE_PROJECT_NAME'), undefined);
    assert.equal(dotEnvValue(null, 'COMPOSE_PROJECT_NAME'), undefined);
  });

  it('words namespace keys from the sharing model: host, own, or whose namespace was joined', () => {
    assert.deepEqual(liveTopic('pid', tools, plainTranslate), { topic: 'sharing.host', vars: { type: 'pid', peer: '', peers: '' } });
    assert.deepEqual(liveTopic('pid', web, plainTranslate), { topic: 'sharing.own', vars: { type: 'pid', peer: '', peers: '' } });
    // network_mode: "service:web" — the sidecar joined web's net namespace; it has none of its own.
    const joined = liveTopic('network_mode', sidecar, plainTranslate);
    assert.deepEqual(joined, { topic: 'sharing.joined', vars: { type: 'net', peer: 'web', peers: 'web' } });
    assert.equal(explain(joined.topic, 'en', joined.vars)?.summary, 'This container joined web\'s net namespace.');
    assert.equal(explain(joined.topic, 'ko', joined.vars)?.summary, '이 컨테이너는 web의 net 네임스페이스에 합류했습니다.');
    assert.equal(liveTopic('image', web, plainTranslate), undefined);
  });

  it('says which networks the container is on, with its address on each, under networks:', () => {
    const ref = liveTopic('networks', web, plainTranslate);
    assert.deepEqual(ref, { topic: 'live.networks', vars: { networks: 'bridge 172.17.0.2/16', name: 'web' } });
    assert.equal(explain(ref.topic, 'en', ref.vars)?.summary, "This service's container is on bridge 172.17.0.2/16.");
    assert.equal(explain(ref.topic, 'ko', ref.vars)?.summary, '이 서비스의 컨테이너가 붙은 네트워크: bridge 172.17.0.2/16.');
    // The sidecar is in web's net namespace and on no network of its own: nothing to say there.
    assert.equal(liveTopic('networks', sidecar, plainTranslate), undefined);
  });

  it('reports limits with declared, effective and usage, also under deploy.resources', () => {
    const expected = { topic: 'live.limit', vars: { what: 'memory', declared: '64 MiB', effective: '32 MiB', usage: '3.1 MiB', name: 'web' } };
    assert.deepEqual(liveTopic('mem_limit', web, plainTranslate), expected);
    assert.deepEqual(liveTopic('deploy.resources.limits.memory', web, plainTranslate), expected);
    assert.equal(liveTopic('deploy.resources.limits.pids', web, plainTranslate)?.vars?.effective, '30');
    assert.equal(liveTopic('deploy.resources.reservations.memory', web, plainTranslate)?.vars?.what, 'memory reservation');
  });

  it('says no "used" for a cpu quota, which has no usage value, in either language', () => {
    const ref = liveTopic('cpus', web, plainTranslate);
    assert.deepEqual(ref, { topic: 'live.limit.noUsage', vars: { what: 'cpu', declared: '0.5 CPU', effective: '0.5 CPU', name: 'web' } });
    assert.equal(explain(ref.topic, 'en', ref.vars)?.summary, "This service's container: cpu 0.5 CPU → effective 0.5 CPU.");
    assert.equal(explain(ref.topic, 'ko', ref.vars)?.summary, '이 서비스의 컨테이너: cpu 0.5 CPU → 실효 0.5 CPU.');
  });

  it('fills the catalog line in both languages with the container name as text', () => {
    const ref = liveTopic('pid', { ...tools, name: EVIL_NAME }, plainTranslate);
    assert.ok(ref);
    for (const lang of ['en', 'ko'] as const) {
      const e = explain(ref.topic, lang);
      assert.ok(e, `${ref.topic} missing in ${lang}`);
      const body = fillMarkdown(e.body, ref.vars);
      assert.ok(!body.includes('{name}') && !body.includes('{type}'), body);
      assert.ok(!/<img/.test(fillMarkdown(e.summary, ref.vars).replace(/`[^`]*`/g, '')), e.summary);
    }
  });
});
