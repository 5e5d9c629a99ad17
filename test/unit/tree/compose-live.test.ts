import { strict as assert } from 'node:assert';
import { explain } from '../../../src/core/catalog';
import { composeProjectName, liveTopic, serviceContainers } from '../../../src/hovers/live';
import { fillMarkdown } from '../../../src/tree/markdown';
import { plainTranslate } from '../../../src/tree/rows';
import { EVIL_NAME, evil, old, sidecar, tools, web } from './fixture';

const all = [old, evil, sidecar, tools, web];

describe('compose hover: live values', () => {
  it('normalises a folder name the way Compose names projects', () => {
    assert.equal(composeProjectName('My Shop.v2'), 'myshopv2');
    assert.equal(composeProjectName('shop'), 'shop');
  });

  it('finds the running containers of a service, preferring the folder project', () => {
    assert.deepEqual(serviceContainers(all, 'web', 'shop').map((c) => c.name), ['web']);
    assert.deepEqual(serviceContainers(all, 'web', 'elsewhere').map((c) => c.name), ['web']);
    assert.deepEqual(serviceContainers(all, 'db', 'shop'), []);
    const stopped = { ...web, state: 'exited' as const };
    assert.deepEqual(serviceContainers([stopped], 'web', 'shop'), []);
  });

  it('words namespace keys from the sharing model: host, own, or whose namespace was joined', () => {
    assert.deepEqual(liveTopic('pid', tools, plainTranslate), { topic: 'sharing.host', vars: { type: 'pid', peer: '', peers: '' } });
    assert.deepEqual(liveTopic('pid', web, plainTranslate), { topic: 'sharing.own', vars: { type: 'pid', peer: '', peers: '' } });
    // network_mode: "service:web" — the sidecar joined web's net namespace; it has none of its own.
    const joined = liveTopic('network_mode', sidecar, plainTranslate);
    assert.deepEqual(joined, { topic: 'sharing.joined', vars: { type: 'net', peer: 'web', peers: 'web' } });
    assert.equal(explain(joined.topic, 'en', joined.vars)?.summary, 'This container joined web\'s net namespace.');
    assert.equal(explain(joined.topic, 'ko', joined.vars)?.summary, '이 컨테이너는 web의 net 네임스페이스에 합류했습니다.');
    // And on web, the owner, the same namespace is the one the sidecar joined.
    assert.equal(liveTopic('networks', web, plainTranslate)?.topic, 'sharing.joinedBy');
    assert.equal(liveTopic('image', web, plainTranslate), undefined);
  });

  it('reports limits with declared, effective and usage, also under deploy.resources', () => {
    const expected = { topic: 'live.limit', vars: { what: 'memory', declared: '64 MiB', effective: '32 MiB', usage: '3.1 MiB', name: 'web' } };
    assert.deepEqual(liveTopic('mem_limit', web, plainTranslate), expected);
    assert.deepEqual(liveTopic('deploy.resources.limits.memory', web, plainTranslate), expected);
    assert.equal(liveTopic('deploy.resources.limits.pids', web, plainTranslate)?.vars?.effective, '30');
    assert.equal(liveTopic('deploy.resources.reservations.memory', web, plainTranslate)?.vars?.what, 'memory reservation');
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
