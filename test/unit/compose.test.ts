import * as assert from 'node:assert/strict';
import { composeFileProjectName, composeTopicAt, composeTopicAtWhole, ComposeHit, isComposeDocument, isComposeFileName } from '../../src/core/compose';
import type { TextPosition } from '../../src/core/dockerfile';
import { assertSaneHit as assertSane, at, everyPosition, samples, seeded } from './support/lookup';

const read = samples('compose');

function hitAt(text: string, needle: string, delta = 0, nth = 0): ComposeHit | null {
  return composeTopicAt(text, at(text, needle, delta, nth));
}

function topicAt(text: string, needle: string, delta = 0, nth = 0): string | null {
  return hitAt(text, needle, delta, nth)?.topic ?? null;
}

/** Compose explanations are checked in both languages. */
function assertSaneHit(hit: ComposeHit, pos: TextPosition): void {
  assertSane(hit, pos, ['en', 'ko']);
}

describe('isComposeFileName', () => {
  it('accepts the names Compose looks for, and override/environment variants, in any directory', () => {
    for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml',
      'docker-compose.override.yml', 'docker-compose.prod.yaml', 'compose.override.yaml', 'compose.dev.local.yml',
      '/home/me/app/compose.yaml', 'C:\\work\\app\\docker-compose.yml', 'Docker-Compose.YML',
      'docker-compose-dev.yml', 'docker-compose-prod.yaml', 'compose-dev.yaml', 'metricbeat-compose.yml', 'mycompose.yaml']) {
      assert.equal(isComposeFileName(name), true, name);
    }
  });
  it('rejects other files', () => {
    for (const name of ['compose.json', 'docker-compose.yml.bak', 'compose', 'compose.yaml/x.txt', 'composer.json',
      'kustomization.yaml', 'docker-compose', '', 'compose..yml/']) {
      assert.equal(isComposeFileName(name), false, name);
    }
  });
});

describe('isComposeDocument', () => {
  it('trusts the dockercompose language id whatever the name, and the name for plain YAML', () => {
    assert.equal(isComposeDocument('dockercompose', 'stack.yml'), true);
    assert.equal(isComposeDocument('yaml', 'docker-compose-dev.yml'), true);
    assert.equal(isComposeDocument('yaml', 'kustomization.yaml'), false);
  });
});

describe('composeTopicAt', () => {
  const good = read('compose.yaml');

  it('explains service keys and names the service', () => {
    assert.deepEqual(hitAt(good, 'mem_limit', 3), {
      topic: 'compose.mem_limit',
      range: { start: { line: 6, character: 4 }, end: { line: 6, character: 13 } },
      service: 'db',
      key: 'mem_limit',
      value: '512m',
    });
    const cases: Array<[string, string, string]> = [
      ['mem_reservation', 'compose.mem_reservation', 'db'], ['memswap_limit', 'compose.memswap_limit', 'db'],
      ['cpus: 1.5', 'compose.cpus', 'db'], ['cpu_shares', 'compose.cpu_shares', 'db'], ['cpuset', 'compose.cpuset', 'db'],
      ['pids_limit', 'compose.pids_limit', 'db'], ['cgroup_parent', 'compose.cgroup_parent', 'db'],
      ['shm_size', 'compose.shm_size', 'db'], ['expose', 'compose.expose', 'db'], ['build', 'compose.build', 'web'],
      ['image: demo', 'compose.image', 'web'], ['user:', 'compose.user', 'web'], ['hostname', 'compose.hostname', 'web'],
      ['ports', 'compose.ports', 'web'], ['cap_drop', 'compose.cap_drop', 'web'], ['cap_add', 'compose.cap_add', 'web'],
      ['privileged', 'compose.privileged', 'web'], ['uts: host', 'compose.uts', 'sidecar'],
      ['userns_mode', 'compose.userns_mode', 'sidecar'],
    ];
    for (const [needle, topic, service] of cases) {
      const hit = hitAt(good, needle, 1);
      assert.equal(hit?.topic, topic, needle);
      assert.equal(hit?.service, service, needle);
    }
    assert.equal(hitAt(good, 'cpus: 1.5')?.value, '1.5');
    assert.equal(hitAt(good, 'cpuset')?.value, '0-1', 'quotes are not part of the value');
    assert.equal(hitAt(good, 'networks:\n      - back')?.topic, 'compose.networks');
    assert.equal(hitAt(good, 'networks:\n      - back')?.value, null, 'a sequence has no scalar value');
  });

  it('maps everything under deploy.resources.limits to the limits topic', () => {
    assert.equal(topicAt(good, 'deploy'), 'compose.deploy');
    assert.equal(topicAt(good, 'resources'), 'compose.deploy.resources');
    assert.equal(topicAt(good, 'limits'), 'compose.deploy.resources.limits');
    const mem = hitAt(good, 'memory: 64m', 2);
    assert.deepEqual([mem?.topic, mem?.service, mem?.key, mem?.value],
      ['compose.deploy.resources.limits', 'web', 'deploy.resources.limits.memory', '64m']);
    assert.equal(hitAt(good, 'pids: 50')?.key, 'deploy.resources.limits.pids');
    assert.equal(topicAt(good, 'reservations'), 'compose.deploy.resources.reservations');
    assert.equal(hitAt(good, 'memory: 32m')?.topic, 'compose.deploy.resources.reservations');
  });

  it('explains values that have their own topic, with the donor name filled in', () => {
    assert.deepEqual(hitAt(good, '"service:web"', 3), {
      topic: 'compose.network_mode.service',
      vars: { name: 'web' },
      range: { start: { line: 42, character: 18 }, end: { line: 42, character: 31 } },
      service: 'sidecar',
      key: 'network_mode',
      value: 'service:web',
    });
    assert.equal(topicAt(good, 'pid: host', 6), 'compose.pid.host');
    assert.equal(topicAt(good, 'ipc: service:db', 6), 'compose.ipc.service');
    assert.deepEqual(hitAt(good, 'ipc: service:db', 6)?.vars, { name: 'db' });
    assert.equal(topicAt(good, 'ipc: shareable', 6), 'compose.ipc.shareable');
    assert.equal(topicAt(good, 'ipc: host', 6), 'compose.ipc.host');
    assert.equal(topicAt(good, 'uts: host', 6), 'compose.uts.host');
    assert.equal(topicAt(good, 'userns_mode: host', 14), 'compose.userns_mode.host');
    assert.equal(topicAt(good, 'network_mode: host', 15), 'compose.network_mode.host');
    assert.equal(topicAt(good, 'network_mode: none', 15), 'compose.network_mode.none');
    assert.equal(topicAt(good, 'cgroup: private', 9), 'compose.cgroup.private');
    assert.equal(topicAt(good, 'cgroup: host', 9), 'compose.cgroup.host');
    const donor = hitAt(good, '"container:legacy"', 5);
    assert.deepEqual([donor?.topic, donor?.vars], ['compose.pid.container', { name: 'legacy' }]);
  });

  it('explains the key, not the value, when the cursor is on the key of a value-specific setting', () => {
    const hit = hitAt(good, 'pid: host', 1);
    assert.deepEqual([hit?.topic, hit?.value], ['compose.pid', 'host']);
  });

  it('explains top-level services and networks', () => {
    assert.deepEqual(hitAt(good, 'services:', 2), {
      topic: 'compose.services', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } },
      service: null, key: 'services', value: null,
    });
    assert.equal(topicAt(good, '\nnetworks:', 1), 'compose.networks.toplevel');
  });

  it('returns null elsewhere', () => {
    assert.equal(topicAt(good, 'name: anatomy'), null, 'unknown top-level key');
    assert.equal(topicAt(good, '  db:', 2), null, 'service name');
    assert.equal(topicAt(good, 'postgres'), null, 'value without its own topic');
    assert.equal(topicAt(good, 'mem_limit: 512m', 9), null, 'colon');
    assert.equal(topicAt(good, 'aliases'), null, 'key below networks');
    assert.equal(topicAt(good, '"127.0.0.1'), null, 'sequence item');
    assert.equal(topicAt(good, '    image: postgres', 1), null, 'indentation');
    assert.equal(composeTopicAt(good, { line: 500, character: 0 }), null, 'past the end');
    assert.equal(composeTopicAt(good, { line: 2, character: 200 }), null, 'past the line end');
    assert.equal(composeTopicAt(good, { line: -1, character: 0 }), null, 'negative');
  });

  it('handles CRLF line endings', () => {
    const crlf = read('compose.crlf.yaml');
    assert.ok(crlf.includes('\r\n'));
    assert.deepEqual(hitAt(crlf, 'host')?.range, { start: { line: 3, character: 9 }, end: { line: 3, character: 13 } });
    assert.equal(topicAt(crlf, 'host'), 'compose.pid.host');
    assert.equal(hitAt(crlf, 'mem_limit')?.value, '64m', 'no \\r in the value');
  });

  it('follows anchors, aliases, merge keys and flow mappings', () => {
    const a = read('docker-compose.anchors.yml');
    const pid = hitAt(a, 'pid: host');
    assert.deepEqual([pid?.topic, pid?.service, pid?.extension], ['compose.pid', null, { block: 'x-common', services: ['a'], takesKey: true }],
      'a key in an x- block reads as the service key it becomes');
    assert.deepEqual(hitAt(a, '<<')?.topic, 'compose.merge', 'merge key');
    assert.deepEqual(hitAt(a, '<<')?.vars, { sources: 'common' });
    const mode = hitAt(a, 'network_mode: *mode');
    assert.deepEqual([mode?.topic, mode?.value], ['compose.network_mode', 'none'], 'alias value resolved');
    assert.equal(topicAt(a, '*mode', 1), 'compose.network_mode.none', 'on the alias itself');
    assert.equal(topicAt(a, 'c: *b', 4), null, 'aliased service');
    const flow = hitAt(a, 'pid: host', 6, 1);
    assert.deepEqual([flow?.topic, flow?.service], ['compose.pid.host', 'flow']);
    assert.equal(hitAt(a, 'memory: 64m')?.key, 'deploy.resources.limits.memory');
  });

  it('copes with broken and unusual files', () => {
    const broken = read('docker-compose.broken.yml');
    assert.equal(topicAt(broken, 'image'), 'compose.image', 'before the unclosed quote');
    assert.equal(topicAt(broken, 'cpus: 3'), null, 'swallowed by the unclosed quote');
    const weird = read('compose.weird.yaml');
    assert.equal(hitAt(weird, 'pid: host')?.service, '123', 'numeric service name');
    assert.equal(hitAt(weird, 'pid:\n')?.value, null, 'empty value');
    assert.equal(topicAt(weird, '"service:"', 2), null, 'service: without a name');
    assert.equal(topicAt(weird, 'container:\n', 2), null, 'container: without a name');
    assert.equal(hitAt(weird, 'mem_limit: 64m')?.service, 'emoji😀');
    assert.equal(topicAt(weird, 'mem_limit: 1g'), null, 'services nested inside a service');
    assert.equal(topicAt(weird, 'replicas'), null);
    assert.equal(topicAt(weird, 'limits: 64m'), 'compose.deploy.resources.limits');
    assert.equal(topicAt(read('docker-compose.odd.yml'), 'pid'), null, 'root is a sequence');
    const multi = read('compose.multi.yaml');
    assert.equal(topicAt(multi, 'pid: host', 6), 'compose.pid.host');
  });

  it('never throws and only returns known topics whose range holds the cursor, at every position of every fixture', () => {
    let hits = 0;
    for (const name of ['compose.yaml', 'compose.crlf.yaml', 'docker-compose.broken.yml', 'docker-compose.anchors.yml',
      'docker-compose.odd.yml', 'compose.multi.yaml', 'compose.weird.yaml', 'compose.empty.yaml', 'compose.comment.yaml']) {
      const text = read(name);
      for (const pos of everyPosition(text)) {
        const hit = composeTopicAt(text, pos);
        if (hit) {
          hits++;
          assertSaneHit(hit, pos);
        }
      }
    }
    assert.ok(hits > 300, `expected many hits, got ${hits}`);
  });

  it('returns null for empty and comment-only files', () => {
    for (const name of ['compose.empty.yaml', 'compose.comment.yaml']) {
      const text = read(name);
      for (const pos of everyPosition(text)) assert.equal(composeTopicAt(text, pos), null, name);
    }
  });

  it('never throws on generated garbage', () => {
    const pieces = ['services:', '\n', '\r\n', '  ', '\t', 'web:', 'pid: ', 'host', '"', "'", '&a ', '*a', '<<: ', '{', '}',
      '[', ']', '- ', ': ', '#', 'network_mode: service:', 'deploy:', 'resources:', 'limits:', '---', '? ', '!!str ', '😀'];
    const rand = seeded(7);
    for (let i = 0; i < 300; i++) {
      let text = '';
      for (let j = rand(40); j > 0; j--) text += pieces[rand(pieces.length)];
      for (let k = 0; k < 10; k++) {
        const pos = { line: rand(6), character: rand(14) };
        const hit = composeTopicAt(text, pos);
        if (hit) assertSaneHit(hit, pos);
      }
    }
  });

  it('answers the minimal cases of real files', () => {
    let t = 'x-d: &d\n  restart: always\nservices:\n';
    for (let i = 0; i < 300; i++) t += `  s${i}:\n    <<: *d\n    image: a\n`;
    const last = composeTopicAt(t, { line: t.split('\n').length - 2, character: 4 });
    assert.deepEqual([last?.topic, last?.service, last?.value], ['compose.image', 's299', 'a']);
    const cr = composeTopicAt('services:\r  web:\r    pid: host\r', { line: 2, character: 4 });
    assert.deepEqual([cr?.topic, cr?.service, cr?.value, cr?.range], ['compose.pid', 'web', 'host',
      { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } }], 'CR-only line ends');
    assert.equal(composeTopicAt('services:\r  web:\r    pid: host\r', { line: 2, character: 10 })?.topic, 'compose.pid.host');
  });

  it('explains ${VAR} in a value as a variable Compose fills in, not as a name', () => {
    const t = 'services:\n  web:\n    ipc: "container:${EXTERNAL_NAME}"\n    image: ${REGISTRY:-docker.io}/app:$TAG\n    ports:\n      - "${PORT}:80"\n    environment:\n      PRICE: $$5\n';
    const ipc = hitAt(t, 'container:', 1);
    assert.deepEqual([ipc?.topic, ipc?.vars], ['compose.interpolation', { variables: 'EXTERNAL_NAME', value: 'container:${EXTERNAL_NAME}' }]);
    assert.deepEqual(hitAt(t, 'REGISTRY')?.vars?.variables, 'REGISTRY, TAG');
    assert.equal(topicAt(t, '${PORT}'), 'compose.interpolation', 'inside a sequence');
    assert.equal(topicAt(t, '$$5'), null, '$$ is a literal dollar');
  });

  it('says which services take a key from an x- block, honouring their own keys and merge order', () => {
    const t = [
      'x-a: &a', '  pid: host', '  mem_limit: 1g', '  deploy:', '    resources:', '      limits:', '        memory: 64m',
      'x-b: &b', '  <<: *a', '  mem_limit: 2g',
      'x-limits: &limits', '  resources:', '    limits:', '      cpus: "0.5"',
      'services:',
      '  one:', '    <<: [*b]',
      '  two:', '    <<: *a', '    pid: private',
      '  three:', '    <<: [*a, *b]',
      '  four:', '    deploy: *limits',
      '',
    ].join('\n');
    const pid = hitAt(t, 'pid: host');
    assert.deepEqual(pid?.extension, { block: 'x-a', services: ['one', 'three'], takesKey: true }, 'two sets pid itself');
    assert.deepEqual(hitAt(t, 'mem_limit: 1g')?.extension?.services, ['two', 'three'], 'one takes mem_limit from x-b; for three *a comes first');
    assert.deepEqual(hitAt(t, 'mem_limit: 2g')?.extension?.services, ['one']);
    const mem = hitAt(t, 'memory: 64m');
    assert.deepEqual([mem?.topic, mem?.key], ['compose.deploy.resources.limits', 'deploy.resources.limits.memory']);
    const cpus = hitAt(t, 'cpus');
    assert.deepEqual([cpus?.topic, cpus?.key, cpus?.extension?.services], ['compose.deploy.resources.limits', 'deploy.resources.limits.cpus', ['four']],
      'a block aliased as deploy: reads as deploy.*');
    assert.equal(topicAt(t, 'host'), 'compose.pid.host', 'a value in the block');
    const block = hitAt(t, 'x-a');
    assert.deepEqual([block?.topic, block?.vars, block?.extension], ['compose.extension', { block: 'x-a' }, { block: 'x-a', services: ['one', 'two', 'three'], takesKey: false }],
      'the block key lists the services that merge it, directly or through x-b');
    assert.equal(hitAt(t, 'x-b: &b', 10)?.extension, undefined);
    const unused = composeTopicAt('x-u: &u\n  pid: host\nservices:\n  a:\n    image: x\n', { line: 1, character: 3 });
    assert.deepEqual(unused?.extension, { block: 'x-u', services: [], takesKey: true });
  });

  it('names the users of an x- block by text when they are too many to read in a hover', function () {
    this.timeout(60000); // a 1000-service file
    let t = 'x-d: &d\n  restart: always\n  image: base\nservices:\n';
    for (let i = 0; i < 1000; i++) t += `  s${i}:\n    <<: *d\n    image: a\n`;
    const hit = composeTopicAt(t, { line: 2, character: 3 });
    assert.equal(hit?.topic, 'compose.image');
    assert.equal(hit?.extension?.takesKey, false);
    assert.equal(hit?.extension?.services.length, 1000);
    assert.equal(hit?.extension?.services[999], 's999');
  });

  it('reads the top-level name: of a file', () => {
    assert.equal(composeFileProjectName('name: shop\nservices:\n  web:\n    image: a\n'), 'shop');
    assert.equal(composeFileProjectName('services:\n  web:\n    image: a\n'), null);
    assert.equal(composeFileProjectName('name: [a]\n'), null);
    assert.equal(composeFileProjectName('name: a\n---\nname: b\n'), 'a');
  });

  it('gives the same answer from the cut-out as from the whole file, at every position of every fixture', function () {
    this.timeout(60000); // every position, twice
    for (const name of ['compose.yaml', 'compose.crlf.yaml', 'docker-compose.anchors.yml', 'compose.multi.yaml', 'compose.weird.yaml',
      'compose.empty.yaml', 'compose.comment.yaml']) {
      const text = read(name);
      for (const pos of everyPosition(text)) assert.deepEqual(composeTopicAt(text, pos), composeTopicAtWhole(text, pos), `${name} ${JSON.stringify(pos)}`);
    }
  });

  it('cuts out blocks of a file that starts with ---, and explains merges nested in a service', () => {
    const t = '# licence\n---\nx-common: &common\n  image: app\n  environment: &env\n    A: "1"\nservices:\n  web:\n    <<: *common\n' +
      '    environment:\n      <<: *env\n      B: "2"\n  worker:\n    <<: *common\n    image: other\n';
    const image = hitAt(t, 'image: app');
    assert.deepEqual([image?.topic, image?.extension], ['compose.image', { block: 'x-common', services: ['web'], takesKey: true }], 'worker sets image itself');
    const nested = hitAt(t, '<<: *env');
    assert.deepEqual([nested?.topic, nested?.vars, nested?.service, nested?.key], ['compose.merge', { sources: 'env' }, 'web', 'environment.<<']);
    assert.equal(hitAt(t, '*env', 1)?.topic, 'compose.merge', 'on the alias after <<');
    for (const pos of everyPosition(t)) assert.deepEqual(composeTopicAt(t, pos), composeTopicAtWhole(t, pos), JSON.stringify(pos));
    const two = 'services:\n  a:\n    pid: host\n---\nservices:\n  b:\n    pid: host\n';
    assert.equal(composeTopicAt(two, { line: 2, character: 5 })?.topic, 'compose.pid', 'a second document: the whole first one is read');
  });

  it('stays linear and answers on hostile files: merges of merges, alias bombs, deep nesting, binary, truncation', function () {
    this.timeout(60000); // large inputs; how long they take is measured in bench/, not here
    let merges = 'x-a: &a\n  pid: host\n';
    for (let i = 1; i < 20; i++) merges += `x-${i}: &l${i}\n  <<: [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]\n`;
    merges += 'services:\n  s:\n    <<: *l19\n    image: x\n';
    assert.deepEqual(hitAt(merges, 'pid')?.extension?.services, ['s'], '9^19 merge paths, each map visited once');
    let bomb = 'x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++) bomb += `x-${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]\n`;
    bomb += 'services:\n  s:\n    image: *l9\n    pid: host\n';
    assert.deepEqual([hitAt(bomb, 'image')?.topic, hitAt(bomb, 'image')?.value], ['compose.image', null], 'an aliased sequence is not expanded');
    const deep = 'services:\n  s:\n    x: ' + '['.repeat(100000) + ']'.repeat(100000) + '\n    pid: host\n';
    assert.equal(composeTopicAt(deep, { line: 3, character: 5 }), null, 'too deep to parse in a hover: nothing, not seconds');
    assert.equal(topicAt('services:\n  a:\n    pid: host\n', 'pid'), 'compose.pid', 'the parser is fine afterwards');
    const binary = Buffer.from(Array.from({ length: 20000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    for (let line = 0; line < 40; line++) composeTopicAt(binary, { line, character: 1 });
    assert.equal(composeTopicAt('services:\n  web:\n    pid: "ho', { line: 2, character: 5 })?.topic, 'compose.pid', 'truncated file');
  });
});

describe('compose lookup: keys of a top-level network', () => {
  it('explains `internal: true` under a network (the demo compose file has one), in the cut-out as in the whole file', () => {
    const text = 'services:\n  web:\n    image: busybox\n    networks: [front, back]\nnetworks:\n  front: {}\n  back:\n    internal: true\n';
    const hit = hitAt(text, 'internal');
    assert.equal(hit?.topic, 'compose.networks.internal');
    assert.equal(hit?.key, 'networks.back.internal');
    assert.equal(hit?.service, null);
    const pos = at(text, 'internal');
    assert.deepEqual(composeTopicAt(text, pos), composeTopicAtWhole(text, pos));
    assert.equal(topicAt(text, 'front: {}'), null, 'a network name alone has no topic of its own');
  });
});
