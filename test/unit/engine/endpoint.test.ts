import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { contextDigest, listContexts, parseHost, resolveEndpoint } from '../../../src/core/engine/endpoint';
import { EngineError } from '../../../src/core/engine/errors';
import { FIXTURES } from './helpers';

const home = (name: string): string => path.join(FIXTURES, name);
const CONTEXTS = home('contexts-home');
const EMPTY = home('empty-home');

function throwsEngineError(fn: () => unknown, code: string, re: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof EngineError, `expected EngineError, got ${String(err)}`);
    assert.equal(err.code, code);
    assert.match(err.message, re);
    assert.ok(err.hint.length > 10);
    return true;
  });
}

describe('engine/endpoint: resolveEndpoint', () => {
  it('falls back to the default unix socket with no env and no config', () => {
    assert.deepEqual(resolveEndpoint({}, EMPTY), {
      endpoint: 'unix:///var/run/docker.sock',
      kind: 'unix',
      context: null,
      chosenBy: 'default',
      tls: null,
    });
  });

  it('reads DOCKER_HOST unix:// (and an empty unix:// means the default socket)', () => {
    const c = resolveEndpoint({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }, CONTEXTS);
    assert.equal(c.endpoint, 'unix:///run/user/1000/docker.sock');
    assert.equal(c.kind, 'unix');
    assert.equal(c.chosenBy, 'DOCKER_HOST');
    assert.equal(c.context, null);
    assert.equal(resolveEndpoint({ DOCKER_HOST: 'unix://' }, EMPTY).endpoint, 'unix:///var/run/docker.sock');
  });

  it('DOCKER_HOST beats DOCKER_CONTEXT and currentContext, as in the CLI', () => {
    const c = resolveEndpoint({ DOCKER_HOST: 'tcp://192.0.2.1:2375', DOCKER_CONTEXT: 'builder' }, CONTEXTS);
    assert.equal(c.chosenBy, 'DOCKER_HOST');
    assert.equal(c.endpoint, 'tcp://192.0.2.1:2375');
    assert.equal(c.tls, null);
  });

  it('tcp:// with DOCKER_TLS_VERIFY takes certificates from DOCKER_CERT_PATH', () => {
    const c = resolveEndpoint({ DOCKER_HOST: 'tcp://192.0.2.1:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/etc/docker-certs' }, EMPTY);
    assert.equal(c.kind, 'tcp');
    assert.deepEqual(c.tls, { verify: true, certPath: '/etc/docker-certs' });
  });

  it('tcp:// with DOCKER_TLS_VERIFY and no DOCKER_CERT_PATH uses the config dir (~/.docker, or DOCKER_CONFIG)', () => {
    const c = resolveEndpoint({ DOCKER_HOST: 'tcp://192.0.2.1:2376', DOCKER_TLS_VERIFY: '1' }, EMPTY);
    assert.deepEqual(c.tls, { verify: true, certPath: path.join(EMPTY, '.docker') });
    const d = resolveEndpoint({ DOCKER_HOST: 'tcp://192.0.2.1:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CONFIG: '/cfg' }, EMPTY);
    assert.equal(d.tls?.certPath, '/cfg');
  });

  it('DOCKER_TLS alone means TLS without verification; a missing port gets 2376 with TLS and 2375 without', () => {
    const c = resolveEndpoint({ DOCKER_HOST: 'tcp://192.0.2.1', DOCKER_TLS: '1' }, EMPTY);
    assert.equal(c.endpoint, 'tcp://192.0.2.1:2376');
    assert.deepEqual(c.tls, { verify: false, certPath: path.join(EMPTY, '.docker') });
    assert.equal(resolveEndpoint({ DOCKER_HOST: '192.0.2.1' }, EMPTY).endpoint, 'tcp://192.0.2.1:2375');
  });

  it('reads DOCKER_HOST ssh:// as is', () => {
    const c = resolveEndpoint({ DOCKER_HOST: 'ssh://me@build.example.test:2222' }, EMPTY);
    assert.equal(c.kind, 'ssh');
    assert.equal(c.endpoint, 'ssh://me@build.example.test:2222');
    assert.equal(c.tls, null);
  });

  it('rejects an unsupported scheme with bad-endpoint', () => {
    throwsEngineError(() => resolveEndpoint({ DOCKER_HOST: 'http://192.0.2.1:2375' }, EMPTY), 'bad-endpoint', /DOCKER_HOST.*http:\/\//);
    throwsEngineError(() => parseHost('ssh://', false, 'x'), 'bad-endpoint', /no host/);
  });

  it('uses currentContext from config.json, with TLS material from contexts/tls/<sha256>/docker', () => {
    const c = resolveEndpoint({}, CONTEXTS);
    const digest = contextDigest('remote-tls');
    assert.equal(digest, '23c8f454b38298f642b47a0456a0e58c24d1b48f79c40bd9bddac2451cd459e8');
    assert.deepEqual(c, {
      endpoint: 'tcp://docker.example.test:2376',
      kind: 'tcp',
      context: 'remote-tls',
      chosenBy: 'config.json currentContext',
      tls: { verify: true, certPath: path.join(CONTEXTS, '.docker/contexts/tls', digest, 'docker') },
    });
  });

  it('DOCKER_CONTEXT beats currentContext; SkipTLSVerify without TLS files is TLS without verification', () => {
    const c = resolveEndpoint({ DOCKER_CONTEXT: 'insecure' }, CONTEXTS);
    assert.equal(c.chosenBy, 'DOCKER_CONTEXT');
    assert.equal(c.context, 'insecure');
    assert.deepEqual(c.tls, { verify: false, certPath: null });
  });

  it('a tcp context with neither TLS files nor SkipTLSVerify is plain TCP', () => {
    const c = resolveEndpoint({ DOCKER_CONTEXT: 'plain-tcp' }, CONTEXTS);
    assert.equal(c.endpoint, 'tcp://192.0.2.20:2375');
    assert.equal(c.tls, null);
  });

  it('ssh and unix contexts', () => {
    assert.equal(resolveEndpoint({ DOCKER_CONTEXT: 'builder' }, CONTEXTS).endpoint, 'ssh://deploy@build.example.test');
    const r = resolveEndpoint({ DOCKER_CONTEXT: 'rootless' }, CONTEXTS);
    assert.equal(r.kind, 'unix');
    assert.equal(r.endpoint, 'unix:///run/user/1000/docker.sock');
  });

  it('context "default" is the DOCKER_HOST-less default', () => {
    const c = resolveEndpoint({ DOCKER_CONTEXT: 'default' }, CONTEXTS);
    assert.equal(c.endpoint, 'unix:///var/run/docker.sock');
    assert.equal(c.context, 'default');
    assert.equal(c.chosenBy, 'DOCKER_CONTEXT');
  });

  it('DOCKER_CONFIG moves the config dir', () => {
    const c = resolveEndpoint({ DOCKER_CONFIG: home('custom-config') }, EMPTY);
    assert.equal(c.context, 'rootless');
    assert.equal(c.chosenBy, 'config.json currentContext');
    assert.equal(c.endpoint, 'unix:///run/user/1000/docker.sock');
  });

  it('overrides: host wins over context, and both win over the environment', () => {
    const env = { DOCKER_HOST: 'tcp://192.0.2.1:2375' };
    const h = resolveEndpoint(env, CONTEXTS, { host: 'unix:///tmp/other.sock', context: 'builder' });
    assert.equal(h.endpoint, 'unix:///tmp/other.sock');
    assert.equal(h.chosenBy, 'setting');
    const c = resolveEndpoint(env, CONTEXTS, { context: 'builder' });
    assert.equal(c.endpoint, 'ssh://deploy@build.example.test');
    assert.equal(c.chosenBy, 'setting');
    assert.equal(c.context, 'builder');
  });

  it('a named context that does not exist throws context-missing listing the existing ones', () => {
    throwsEngineError(
      () => resolveEndpoint({ DOCKER_CONTEXT: 'nope' }, CONTEXTS),
      'context-missing',
      /"nope".*DOCKER_CONTEXT.*Existing contexts: default, builder, insecure, plain-tcp, remote-tls, rootless$/,
    );
    throwsEngineError(() => resolveEndpoint({}, home('missing-current-home')), 'context-missing', /"gone".*currentContext.*default, other/);
  });

  it('a broken config.json is reported, not guessed around', () => {
    throwsEngineError(() => resolveEndpoint({}, home('broken-config-home')), 'bad-endpoint', /config\.json is not valid JSON/);
    // DOCKER_HOST does not need the file.
    assert.equal(resolveEndpoint({ DOCKER_HOST: 'unix:///x.sock' }, home('broken-config-home')).endpoint, 'unix:///x.sock');
  });

  it('skips a meta folder whose meta.json is not a context', () => {
    const c = resolveEndpoint({ DOCKER_CONTEXT: 'rootless' }, home('junk-home'));
    assert.equal(c.endpoint, 'unix:///run/user/1000/docker.sock');
  });
});

describe('engine/endpoint: listContexts', () => {
  it('lists default first, then the stored contexts by name, marking the current one', () => {
    assert.deepEqual(listContexts({}, CONTEXTS), [
      { name: 'default', endpoint: 'unix:///var/run/docker.sock', current: false },
      { name: 'builder', endpoint: 'ssh://deploy@build.example.test', current: false },
      { name: 'insecure', endpoint: 'tcp://192.0.2.10:2376', current: false },
      { name: 'plain-tcp', endpoint: 'tcp://192.0.2.20', current: false },
      { name: 'remote-tls', endpoint: 'tcp://docker.example.test:2376', current: true },
      { name: 'rootless', endpoint: 'unix:///run/user/1000/docker.sock', current: false },
    ]);
  });

  it('DOCKER_CONTEXT marks its context; DOCKER_HOST makes default current and shows its endpoint', () => {
    assert.equal(listContexts({ DOCKER_CONTEXT: 'builder' }, CONTEXTS).find((c) => c.current)?.name, 'builder');
    const withHost = listContexts({ DOCKER_HOST: 'tcp://192.0.2.1:2375' }, CONTEXTS);
    assert.deepEqual(withHost[0], { name: 'default', endpoint: 'tcp://192.0.2.1:2375', current: true });
    assert.equal(withHost.filter((c) => c.current).length, 1);
  });

  it('always includes default, even with no config at all or a broken one', () => {
    assert.deepEqual(listContexts({}, EMPTY), [{ name: 'default', endpoint: 'unix:///var/run/docker.sock', current: true }]);
    assert.deepEqual(listContexts({}, home('broken-config-home')), [
      { name: 'default', endpoint: 'unix:///var/run/docker.sock', current: true },
    ]);
  });

  it('a currentContext that does not exist marks none as current (resolveEndpoint reports it)', () => {
    const list = listContexts({}, home('missing-current-home'));
    assert.deepEqual(
      list.map((c) => c.name),
      ['default', 'other'],
    );
    assert.equal(list.some((c) => c.current), false);
  });
});
