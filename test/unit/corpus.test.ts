/**
 * The Dockerfile and Compose lookups over real files from public repositories
 * (test/fixtures/corpus, sources and licences in its README): every position of every file.
 * No exception, every hit sane (a known topic, a range that holds the cursor, filled in both
 * languages), the cut-out lookups agree with the whole-file ones, and the keys and flags
 * found independently (by the YAML and Dockerfile parsers) get their topics.
 * No timings here: bench/hovers.ts measures them.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DockerfileParser, JSONInstruction, ModifiableInstruction } from 'dockerfile-ast';
import { isMap, isScalar, parseDocument } from 'yaml';
import { hasTopic } from '../../src/core/catalog';
import { composeTopicAt, composeTopicAtWhole, isComposeFileName } from '../../src/core/compose';
import { dockerfileTopicAt, dockerfileTopicAtInstruction, dockerfileTopicAtWhole, type TextPosition } from '../../src/core/dockerfile';
import { assertSaneHit, everyPosition } from './support/lookup';

const ROOT = join(__dirname, '..', 'fixtures', 'corpus');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'LICENSES' ? [] : filesUnder(path);
    return name === 'README.md' ? [] : [path];
  });
}

const all = filesUnder(ROOT);
const dockerfiles = all.filter((f) => /(^|\/)Dockerfile[^/]*$/.test(f));
const composeFiles = all.filter((f) => /\.ya?ml$/.test(f));

function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Service keys with a topic of their own (what the lookup promises to explain). */
const SERVICE_KEYS = ['image', 'build', 'container_name', 'mem_limit', 'cpus', 'pids_limit', 'deploy', 'network_mode', 'networks',
  'ports', 'expose', 'pid', 'ipc', 'privileged', 'cap_add', 'cap_drop', 'security_opt', 'hostname', 'user', 'init', 'volumes', 'read_only'];

describe('corpus of real Dockerfiles and Compose files', function () {
  // Every position of every file, twice: seconds on a loaded machine. Not a timing check.
  this.timeout(120000);

  it('holds the files its README lists, and the README names a source and licence for each', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.ok(dockerfiles.length >= 8 && composeFiles.length >= 15, `${dockerfiles.length} Dockerfiles, ${composeFiles.length} Compose files`);
    for (const f of all) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${relative(ROOT, f)}\``));
      assert.ok(row, `README lacks ${relative(ROOT, f)}`);
      assert.match(row, /\| [0-9a-f]{40} \| (Apache-2\.0|MIT|BSD-3-Clause|CC0-1\.0) \|$/, row);
    }
  });

  it('recognises the Compose files by name', () => {
    for (const f of composeFiles) {
      // docker/compose's x-initialSync.yaml is a Compose file without "compose" in its name: only the language id tells.
      if (!f.endsWith('x-initialSync.yaml')) assert.ok(isComposeFileName(f), f);
    }
  });

  for (const file of dockerfiles) {
    it(`Dockerfile ${relative(ROOT, file)}: every position sane, the line scan agrees with the whole parse, every instruction and known flag explained`, () => {
      const text = readFileSync(file, 'utf8');
      let hits = 0;
      for (const pos of everyPosition(text)) {
        const hit = dockerfileTopicAt(text, pos);
        assert.deepEqual(dockerfileTopicAtInstruction(text, pos), dockerfileTopicAtWhole(text, pos), JSON.stringify(pos));
        if (!hit) continue;
        hits++;
        assertSaneHit(hit, pos, ['en', 'ko']);
      }
      assert.ok(hits > 0);
      for (const instruction of DockerfileParser.parse(text).getInstructions()) {
        const keyword = instruction.getKeyword();
        if (!hasTopic(`dockerfile.${keyword}`)) continue;
        const hit = dockerfileTopicAt(text, instruction.getInstructionRange().start);
        const expected = instruction instanceof JSONInstruction && (keyword === 'CMD' || keyword === 'ENTRYPOINT') ? `dockerfile.${keyword}.` : `dockerfile.${keyword}`;
        assert.ok(hit?.topic.startsWith(expected), `${keyword} at line ${instruction.getRange().start.line}: ${hit?.topic}`);
        if (!(instruction instanceof ModifiableInstruction)) continue;
        for (const flag of instruction.getFlags()) {
          const topic = `dockerfile.${keyword}.--${flag.getName()}`;
          if (hasTopic(topic)) assert.equal(dockerfileTopicAt(text, flag.getRange().start)?.topic, topic, `line ${flag.getRange().start.line}`);
        }
      }
    });
  }

  for (const file of composeFiles) {
    it(`Compose ${relative(ROOT, file)}: every position sane, the cut-out agrees with the whole file, every known service key explained`, () => {
      const text = readFileSync(file, 'utf8');
      for (const pos of everyPosition(text)) {
        const hit = composeTopicAt(text, pos);
        assert.deepEqual(hit, composeTopicAtWhole(text, pos), JSON.stringify(pos));
        if (hit) assertSaneHit(hit, pos, ['en', 'ko']);
      }
      const root = parseDocument(text).contents;
      const services = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === 'services')?.value : null;
      if (!isMap(services)) return;
      for (const svc of services.items) {
        if (!isMap(svc.value) || !isScalar(svc.key)) continue;
        for (const pair of svc.value.items) {
          if (!isScalar(pair.key) || !pair.key.range) continue;
          const key = String(pair.key.value);
          const hit = composeTopicAt(text, positionAt(text, pair.key.range[0]));
          if (key === '<<') assert.equal(hit?.topic, 'compose.merge', `${String(svc.key.value)}.<<`);
          else if (SERVICE_KEYS.includes(key)) {
            assert.deepEqual([hit?.topic, hit?.service, hit?.key], [`compose.${key}`, String(svc.key.value), key], `${String(svc.key.value)}.${key}`);
          }
        }
      }
    });
  }

  it('explains the x- blocks and merges of the real files', () => {
    const temporal = readFileSync(join(ROOT, 'temporalio/docker-compose/docker-compose-multirole.yaml'), 'utf8');
    const block = composeTopicAt(temporal, positionAt(temporal, temporal.indexOf('x-logging')));
    assert.equal(block?.topic, 'compose.extension');
    assert.ok((block?.extension?.services.length ?? 0) >= 8, JSON.stringify(block?.extension));
    const netbox = readFileSync(join(ROOT, 'netbox-community/netbox-docker/docker-compose.yml'), 'utf8');
    const merge = composeTopicAt(netbox, positionAt(netbox, netbox.indexOf('<<: *netbox')));
    assert.deepEqual([merge?.topic, merge?.vars, merge?.service], ['compose.merge', { sources: 'netbox' }, 'netbox-worker']);
    const image = composeTopicAt(netbox, positionAt(netbox, netbox.indexOf('${VERSION')));
    assert.deepEqual([image?.topic, image?.vars?.variables], ['compose.interpolation', 'VERSION']);
    const plex = readFileSync(join(ROOT, 'docker/awesome-compose/plex/compose.yaml'), 'utf8');
    assert.equal(composeTopicAt(plex, positionAt(plex, plex.indexOf('host', plex.indexOf('network_mode'))))?.topic, 'compose.network_mode.host');
    const buildx = readFileSync(join(ROOT, 'docker/buildx/Dockerfile'), 'utf8');
    assert.equal(dockerfileTopicAt(buildx, positionAt(buildx, buildx.indexOf('--chmod=755') + 2))?.topic, 'dockerfile.COPY.--chmod');
  });
});
