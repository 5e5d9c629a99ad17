import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLIENT_MAX_API, negotiate } from '../../src/core/engine/connection';
import { contextDigest, parseHost, resolveEndpoint, type EndpointChoice } from '../../src/core/engine/endpoint';
import { EngineError, timeoutError, toEngineError } from '../../src/core/engine/errors';
import { fingerprint, knownHostsFiles } from '../../src/core/engine/knownHosts';
import { dockerodeOptions } from '../../src/core/engine/options';
import { localizeReason } from '../../src/core/reasons';

const ko = (s: string): string => localizeReason(s, 'ko');

/** What toEngineError makes of a thrown error with these fields. */
function engineError(fields: Record<string, unknown>, endpoint: string): EngineError {
  return toEngineError(Object.assign(new Error(String(fields.message ?? '')), fields), endpoint);
}

/** The EngineError a call throws. */
function thrown(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof EngineError, String(e));
    return e;
  }
  assert.fail('expected an EngineError');
}

function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'reasons-ko-engine-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('core/reasons in Korean: engine errors (errors.ts)', () => {
  it('translates the timeout of a request (timeoutError) and its hint', () => {
    const e = timeoutError('unix:///var/run/docker.sock', 10_000);
    assert.equal(ko(e.message), '엔진 /var/run/docker.sock이(가) 10초 안에 응답하지 않았습니다');
    assert.equal(ko(timeoutError('tcp://10.0.0.5:2376', 2_500).message), '엔진 tcp://10.0.0.5:2376이 2.5초 안에 응답하지 않았습니다');
    assert.equal(ko(e.hint), 'dockerd가 실행 중이고 멈춰 있지 않은지 확인하세요(sudo systemctl status docker). 원격 엔진이면 엔진까지의 네트워크 경로를 확인하세요.');
  });

  it('translates the tree form "message — hint" of a timeout', () => {
    const e = timeoutError('unix:///var/run/docker.sock', 10_000);
    assert.equal(
      ko(`${e.message} — ${e.hint}`),
      '엔진 /var/run/docker.sock이(가) 10초 안에 응답하지 않았습니다 — dockerd가 실행 중이고 멈춰 있지 않은지 확인하세요(sudo systemctl status docker). 원격 엔진이면 엔진까지의 네트워크 경로를 확인하세요.',
    );
  });

  it('translates the hint of a socket timeout (ETIMEDOUT)', () => {
    const e = engineError({ code: 'ETIMEDOUT', message: 'connect ETIMEDOUT 10.0.0.5:2376' }, 'tcp://10.0.0.5:2376');
    assert.equal(ko(e.hint), 'dockerd가 실행 중이고 연결할 수 있는지 확인하세요. 원격 엔진이면 네트워크 경로와 방화벽을 확인하세요.');
  });

  it('translates the hint of a refused socket', () => {
    const e = engineError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED /var/run/docker.sock', address: '/var/run/docker.sock' }, 'unix:///var/run/docker.sock');
    assert.equal(ko(e.hint), '소켓 파일은 있지만 그 소켓에서 응답하는 엔진이 없습니다. dockerd를 시작하거나(sudo systemctl start docker) 다른 컨텍스트를 고르세요.');
  });

  it('translates the hint of a refused TCP connection', () => {
    const e = engineError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.5:2376' }, 'tcp://10.0.0.5:2376');
    assert.equal(ko(e.hint), '호스트와 포트, dockerd가 그곳에서 연결을 받는지(-H tcp://…), 방화벽이 막고 있지 않은지 확인하세요.');
  });

  it('translates a TLS failure, keeping the system text, and its hint', () => {
    const e = engineError({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }, 'tcp://10.0.0.5:2376');
    assert.equal(ko(e.message), 'tcp://10.0.0.5:2376과 TLS 연결을 맺지 못했습니다: self-signed certificate');
    assert.equal(
      ko(e.hint),
      '인증서를 확인하세요. DOCKER_CERT_PATH(기본값 ~/.docker)에 이 엔진의 ca.pem, cert.pem, key.pem이 있어야 하고, TLS 포트(2376)에는 DOCKER_TLS_VERIFY=1이 필요합니다.',
    );
  });

  it('translates the hint of a host name that does not resolve', () => {
    const e = engineError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND docker.example.internal' }, 'tcp://docker.example.internal:2376');
    assert.equal(ko(e.hint), 'DOCKER_HOST나 컨텍스트에 적힌 호스트 이름을 확인하세요(docker context inspect).');
  });

  it('translates "is not a socket" and its hint', () => {
    const e = engineError({ code: 'ENOTSOCK', message: 'connect ENOTSOCK /home/dev/docker.sock' }, 'unix:///home/dev/docker.sock');
    assert.equal(ko(e.message), '/home/dev/docker.sock은(는) 소켓이 아닙니다');
    assert.equal(ko(e.hint), 'DOCKER_HOST나 컨텍스트가 엔진 소켓(보통 /var/run/docker.sock)을 가리키게 하세요.');
  });

  it('translates the hint of a connection closed before the answer', () => {
    const e = engineError({ code: 'ECONNRESET', message: 'socket hang up' }, 'tcp://10.0.0.5:2376');
    assert.equal(ko(e.hint), '이 주소가 다른 서비스가 아니라 Docker 엔진인지, 그리고 재시작 중이 아닌지 확인하세요.');
  });

  it('translates plain HTTP sent to a TLS port, and its hint', () => {
    const e = engineError({ statusCode: 400, message: 'Client sent an HTTP request to an HTTPS server.' }, 'tcp://10.0.0.5:2376');
    assert.equal(ko(e.message), '엔진 tcp://10.0.0.5:2376은 TLS 연결을 요구합니다');
    assert.equal(
      ko(e.hint),
      'DOCKER_TLS_VERIFY=1을 설정하고 DOCKER_CERT_PATH(기본값 ~/.docker)가 엔진의 클라이언트 인증서를 가리키게 하거나, 그 인증서를 담은 컨텍스트를 쓰세요.',
    );
  });

  it('translates the hint of an engine error status', () => {
    const e = engineError({ statusCode: 500, json: { message: 'driver failed programming external connectivity on endpoint web-1' } }, 'unix:///var/run/docker.sock');
    assert.equal(ko(e.hint), '엔진의 메시지를 보세요. 자세한 내용은 데몬 로그(journalctl -u docker)를 확인하세요.');
  });

  it('translates an SSH failure, keeping the ssh text, and each of its hints', () => {
    const ep = 'ssh://deploy@build-01';
    const auth = engineError({ message: 'All configured authentication methods failed', level: 'client-authentication' }, ep);
    const denied = engineError({ message: 'Host denied (verification failed)' }, ep);
    const refused = engineError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.7:22' }, ep);
    const other = engineError({ message: 'Connection lost before handshake', level: 'protocol' }, ep);
    assert.equal(ko(auth.message), 'SSH로 ssh://deploy@build-01에 연결하지 못했습니다: All configured authentication methods failed');
    assert.equal(ko(refused.message), 'SSH로 ssh://deploy@build-01에 연결하지 못했습니다: connect ECONNREFUSED 10.0.0.7:22');
    assert.equal(ko(other.hint), '이 호스트에 `ssh`로 접속되는지, 그리고 그곳에서 `docker system dial-stdio`가 실행되는지 확인하세요.');
    assert.equal(ko(denied.hint), '호스트 키가 ~/.ssh/known_hosts에 없거나 그 안의 키와 맞지 않습니다. 그 호스트에 `ssh`로 한 번 접속해 키를 확인하고 기록한 다음, 다시 연결하세요.');
    assert.equal(ko(auth.hint), '키를 ssh-agent에 등록해(ssh-add) SSH_AUTH_SOCK이 설정되게 하거나, 암호화하지 않은 키를 ~/.ssh/id_ed25519나 ~/.ssh/id_rsa에 두세요.');
    assert.equal(ko(refused.hint), 'ssh:// 주소의 호스트 이름과 포트, 그리고 그곳에서 sshd가 실행 중인지 확인하세요.');
  });
});

describe('core/reasons in Korean: API version negotiation (connection.ts)', () => {
  it('translates an engine that reports no API version, and its hint', () => {
    const e = thrown(() => negotiate('tcp://10.0.0.5:2376', { Version: '1.13.1' }));
    assert.equal(ko(e.message), '엔진 tcp://10.0.0.5:2376이 GET /version에서 API 버전을 알려 주지 않았습니다');
    assert.equal(ko(e.hint), '이 주소가 프록시나 다른 서비스가 아니라 Docker 엔진인지 확인하세요.');
  });

  it('translates an engine that needs a newer API, and its hint', () => {
    const e = thrown(() => negotiate('tcp://10.0.0.5:2376', { ApiVersion: '1.52', MinAPIVersion: '1.50' }));
    assert.equal(ko(e.message), `엔진 tcp://10.0.0.5:2376은 API 1.50 이상이 필요하지만, 이 확장은 API ${CLIENT_MAX_API}까지만 지원합니다`);
    assert.equal(ko(e.hint), 'Container Anatomy를 업데이트하거나, 이 API 버전을 아직 받아들이는 엔진을 쓰세요.');
  });

  it('translates the libpod refusal of an engine that is not Podman', () => {
    assert.equal(ko('the engine at unix:///var/run/docker.sock is not Podman: it has no libpod endpoints'), '엔진 unix:///var/run/docker.sock은(는) Podman이 아닙니다. libpod 엔드포인트가 없습니다');
  });
});

describe('core/reasons in Korean: choosing the endpoint (endpoint.ts)', () => {
  let tmp: { dir: string; cleanup: () => void };
  let docker: string;
  beforeEach(() => {
    tmp = tempDir();
    docker = path.join(tmp.dir, '.docker');
    for (const [name, host] of [['colima', 'unix:///home/dev/.colima/docker.sock'], ['build', 'tcp://[bad']]) {
      const meta = path.join(docker, 'contexts', 'meta', contextDigest(name));
      mkdirSync(meta, { recursive: true });
      writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }));
    }
  });
  afterEach(() => tmp.cleanup());

  it('translates a missing context, naming where its name came from, and its hint', () => {
    const contexts = path.join(docker, 'contexts');
    const fromEnv = thrown(() => resolveEndpoint({ DOCKER_CONTEXT: 'staging' }, tmp.dir));
    assert.equal(ko(fromEnv.message), `Docker 컨텍스트 "staging"(DOCKER_CONTEXT에서 지정)이(가) ${contexts}에 없습니다. 있는 컨텍스트: default, build, colima`);
    const fromSetting = thrown(() => resolveEndpoint({}, tmp.dir, { context: 'stage2' }));
    assert.equal(ko(fromSetting.message), `Docker 컨텍스트 "stage2"(설정에서 지정)가 ${contexts}에 없습니다. 있는 컨텍스트: default, build, colima`);
    writeFileSync(path.join(docker, 'config.json'), JSON.stringify({ currentContext: 'staging' }));
    const fromConfig = thrown(() => resolveEndpoint({}, tmp.dir));
    assert.equal(ko(fromConfig.message), `Docker 컨텍스트 "staging"(config.json currentContext에서 지정)이(가) ${contexts}에 없습니다. 있는 컨텍스트: default, build, colima`);
    assert.equal(ko(fromEnv.hint), '있는 컨텍스트 중 하나를 고르거나(docker context ls / docker context use NAME), docker context create로 그 컨텍스트를 만드세요.');
  });

  it('translates an endpoint parseHost refuses, for each reason and each source, and its hint', () => {
    const bad = (raw: string, from = 'DOCKER_HOST'): EngineError => thrown(() => parseHost(raw, false, from));
    assert.equal(ko(bad('ssh://').message), 'DOCKER_HOST에 이 확장이 쓸 수 없는 주소가 있습니다: "ssh://"(ssh:// 뒤에 호스트 없음)');
    assert.equal(ko(bad('ssh://deploy@[::1').message), 'DOCKER_HOST에 이 확장이 쓸 수 없는 주소가 있습니다: "ssh://deploy@[::1"(올바른 ssh URL이 아님)');
    assert.equal(ko(bad('tcp://:2376').message), 'DOCKER_HOST에 이 확장이 쓸 수 없는 주소가 있습니다: "tcp://:2376"(올바른 tcp 주소가 아님)');
    assert.equal(ko(bad('tcp://').message), 'DOCKER_HOST에 이 확장이 쓸 수 없는 주소가 있습니다: "tcp://"(호스트 없음)');
    const context = thrown(() => resolveEndpoint({ DOCKER_CONTEXT: 'build' }, tmp.dir));
    assert.equal(ko(context.message), '컨텍스트 "build"에 이 확장이 쓸 수 없는 주소가 있습니다: "tcp://[bad"(올바른 tcp 주소가 아님)');
    const setting = thrown(() => resolveEndpoint({}, tmp.dir, { host: 'http://10.0.0.5:2375' }));
    assert.equal(ko(setting.message), '엔진 호스트 설정에 이 확장이 쓸 수 없는 주소가 있습니다: "http://10.0.0.5:2375"(지원하지 않는 스킴 http://)');
    assert.equal(ko(setting.hint), 'unix:///path/to/docker.sock, tcp://HOST:PORT, ssh://USER@HOST, npipe:////./pipe/docker_engine 중 하나를 쓰세요.');
  });

  it('translates a config.json that is not JSON, keeping the parser\'s text, and its hint', () => {
    const file = path.join(docker, 'config.json');
    writeFileSync(file, '{"currentContext": ');
    let parserText = '';
    try {
      JSON.parse('{"currentContext": ');
    } catch (err) {
      parserText = (err as Error).message;
    }
    const e = thrown(() => resolveEndpoint({}, tmp.dir));
    assert.equal(ko(e.message), `${file}이(가) 올바른 JSON이 아니므로(${parserText}) currentContext를 읽을 수 없습니다`);
    assert.equal(ko(e.hint), '파일을 고치거나 지우거나, DOCKER_HOST / DOCKER_CONTEXT를 설정해 엔진을 고르세요.');
  });
});

describe('core/reasons in Korean: SSH host keys and TLS files (options.ts)', () => {
  const keys = readFileSync(path.join(__dirname, '../fixtures/known-hosts/keys.pub'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(' ')[1]);
  const [A, B, C] = keys.map((k) => Buffer.from(k, 'base64'));
  let tmp: { dir: string; cleanup: () => void };
  let knownHosts: string;
  beforeEach(() => {
    tmp = tempDir();
    mkdirSync(path.join(tmp.dir, '.ssh'));
    knownHosts = path.join(tmp.dir, '.ssh', 'known_hosts');
    writeFileSync(knownHosts, `[build-01.test]:2222 ssh-ed25519 ${keys[0]}\n@revoked * ssh-ed25519 ${keys[1]}\n`);
  });
  afterEach(() => tmp.cleanup());

  /** The refusal the ssh host key check leaves when `endpoint` offers `key`. */
  function refusal(endpoint: string, key: Buffer): EngineError {
    const choice: EndpointChoice = { endpoint, kind: 'ssh', context: null, chosenBy: 'DOCKER_HOST', tls: null };
    const built = dockerodeOptions(choice, {}, tmp.dir);
    const verify = (built.options.sshOptions as { hostVerifier: (k: Buffer) => boolean }).hostVerifier;
    assert.equal(verify(key), false);
    const e = built.hostKeyRefusal?.();
    assert.ok(e);
    return e;
  }

  it('translates an unknown host key and its hint, on port 22 and on another port', () => {
    const files = knownHostsFiles(tmp.dir).join(', ');
    const other = refusal('ssh://deploy@fresh.test:2222', A);
    assert.equal(ko(other.message), `[fresh.test]:2222의 SSH 호스트 키가 known_hosts(${files})에 없습니다. 호스트가 제시한 키는 ${fingerprint(A)}입니다`);
    assert.equal(
      ko(other.hint),
      '`ssh -p 2222 fresh.test` 명령으로 한 번 접속해 지문을 확인한 뒤 키를 받아들이고(또는 확인한 뒤 `ssh-keyscan -p 2222 fresh.test >> ~/.ssh/known_hosts` 명령으로 추가하고), 다시 연결하세요.',
    );
    const plain = refusal('ssh://deploy@other.test', A);
    assert.equal(ko(plain.message), `other.test의 SSH 호스트 키가 known_hosts(${files})에 없습니다. 호스트가 제시한 키는 ${fingerprint(A)}입니다`);
    assert.equal(
      ko(plain.hint),
      '`ssh other.test` 명령으로 한 번 접속해 지문을 확인한 뒤 키를 받아들이고(또는 확인한 뒤 `ssh-keyscan other.test >> ~/.ssh/known_hosts` 명령으로 추가하고), 다시 연결하세요.',
    );
  });

  it('translates a revoked host key and its hint', () => {
    const e = refusal('ssh://deploy@build-01.test:2222', B);
    assert.equal(ko(e.message), `[build-01.test]:2222의 SSH 호스트 키(${fingerprint(B)})가 ${knownHosts} 2번째 줄에 @revoked로 표시되어 있습니다`);
    assert.equal(ko(e.hint), '연결하지 마세요. 그 호스트의 관리자에게 새 키를 물어보세요.');
  });

  it('translates a changed host key and its hint', () => {
    const e = refusal('ssh://deploy@build-01.test:2222', C);
    assert.equal(ko(e.message), `[build-01.test]:2222의 SSH 호스트 키가 바뀌었습니다. 호스트가 제시한 키 ${fingerprint(C)}은(는) ${knownHosts} 1번째 줄의 키와 맞지 않습니다`);
    assert.equal(
      ko(e.hint),
      "누군가 연결을 가로채고 있다는 뜻일 수 있습니다. 호스트가 다시 설치되었고 그 호스트를 믿는다면, `ssh-keygen -R '[build-01.test]:2222'` 명령으로 옛 키를 지우고 `ssh -p 2222 build-01.test` 명령으로 한 번 접속해 새 키를 기록한 다음, 다시 연결하세요.",
    );
  });

  it('translates a TLS file that cannot be read, keeping the system text, and its hint', () => {
    const key = path.join(tmp.dir, 'key.pem');
    mkdirSync(key);
    const choice: EndpointChoice = { endpoint: 'tcp://10.0.0.5:2376', kind: 'tcp', context: null, chosenBy: 'DOCKER_HOST', tls: { verify: true, certPath: tmp.dir } };
    const e = thrown(() => dockerodeOptions(choice, {}, tmp.dir));
    const systemText = e.message.slice(`Cannot read ${key}: `.length);
    assert.match(e.message, /^Cannot read .+: EISDIR/);
    assert.equal(ko(e.message), `${key}을(를) 읽을 수 없습니다: ${systemText}`);
    assert.equal(ko(e.hint), 'DOCKER_CERT_PATH와 인증서 파일의 권한을 확인하세요.');
  });
});

describe('core/reasons in Korean: the event stream and several engines (watcher.ts, engines.ts)', () => {
  it('translates an event stream the engine closed, and its hint', () => {
    assert.equal(ko('The engine at unix:///var/run/docker.sock closed the event stream'), '엔진 unix:///var/run/docker.sock이(가) 이벤트 스트림을 닫았습니다');
    assert.equal(ko('It may be restarting; reconnecting.'), '재시작 중일 수 있습니다. 다시 연결합니다.');
  });

  it('translates stats asked of a container no engine holds', () => {
    assert.equal(ko('no engine has container web-1'), '컨테이너 web-1을 가진 엔진이 없습니다');
  });
});
