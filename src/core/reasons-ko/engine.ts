/** Korean for the reasons of connecting to engines (src/core/engine/*, src/core/engines.ts). */
import { withParticle } from '../i18n';
import type { Rule } from './rule';

/** Where a Docker context name came from (endpoint.ts fromContext's chosenBy). */
function chosenBy(s: string): string {
  return s === 'setting' ? '설정' : s;
}

/** Who gave an endpoint parseHost refused: DOCKER_HOST, the setting, or a context. */
function hostFrom(s: string): string {
  if (s === 'the engine host setting') return '엔진 호스트 설정';
  const ctx = /^context (".*")$/.exec(s);
  return ctx ? `컨텍스트 ${ctx[1]}` : s;
}

/** Why parseHost refused an endpoint. */
function badHost(s: string, again: (s: string) => string): string {
  if (s === 'no host after ssh://') return 'ssh:// 뒤에 호스트 없음';
  if (s === 'not a valid ssh URL') return '올바른 ssh URL이 아님';
  if (s === 'not a valid tcp address') return '올바른 tcp 주소가 아님';
  if (s === 'no host') return '호스트 없음';
  const scheme = /^unsupported scheme (\S+)$/.exec(s);
  return scheme ? `지원하지 않는 스킴 ${scheme[1]}` : again(s);
}

/** "<known_hosts file> line <n>" (options.ts hostKeyError). */
function knownHostsLine(file: string, line: string): string {
  return `${file} ${line}번째 줄`;
}

export const RULES: Rule[] = [
  // errors.ts: a request that got no answer in time (timeoutError), and the hints of toEngineError.
  [/^The engine at (\S+) did not answer within (\d+(?:\.\d+)?) s$/, (m) => `엔진 ${withParticle(m[1], '이', '가')} ${m[2]}초 안에 응답하지 않았습니다`],
  [/^Check that dockerd is running and not stuck \(sudo systemctl status docker\); for a remote engine check the network path to it\.$/, () => 'dockerd가 실행 중이고 멈춰 있지 않은지 확인하세요(sudo systemctl status docker). 원격 엔진이면 엔진까지의 네트워크 경로를 확인하세요.'],
  [/^Check that dockerd is running and reachable; for a remote engine check the network path and firewall\.$/, () => 'dockerd가 실행 중이고 연결할 수 있는지 확인하세요. 원격 엔진이면 네트워크 경로와 방화벽을 확인하세요.'],
  [/^The socket file is there but no engine serves it: start dockerd \(sudo systemctl start docker\) or pick another context\.$/, () => '소켓 파일은 있지만 그 소켓에서 응답하는 엔진이 없습니다. dockerd를 시작하거나(sudo systemctl start docker) 다른 컨텍스트를 고르세요.'],
  [/^Check the host and port, that dockerd listens there \(-H tcp:\/\/…\), and that no firewall is in the way\.$/, () => '호스트와 포트, dockerd가 그곳에서 연결을 받는지(-H tcp://…), 방화벽이 막고 있지 않은지 확인하세요.'],
  [/^TLS with (\S+) failed: (.+)$/, (m) => `${withParticle(m[1], '과', '와')} TLS 연결을 맺지 못했습니다: ${m[2]}`],
  [/^Check the certificates: DOCKER_CERT_PATH \(default ~\/\.docker\) must hold ca\.pem, cert\.pem and key\.pem for this engine, and DOCKER_TLS_VERIFY=1 is needed for a TLS port \(2376\)\.$/, () => '인증서를 확인하세요. DOCKER_CERT_PATH(기본값 ~/.docker)에 이 엔진의 ca.pem, cert.pem, key.pem이 있어야 하고, TLS 포트(2376)에는 DOCKER_TLS_VERIFY=1이 필요합니다.'],
  [/^Check the host name in DOCKER_HOST or in the context \(docker context inspect\)\.$/, () => 'DOCKER_HOST나 컨텍스트에 적힌 호스트 이름을 확인하세요(docker context inspect).'],
  [/^(\S+) is not a socket$/, (m) => `${withParticle(m[1], '은', '는')} 소켓이 아닙니다`],
  [/^Point DOCKER_HOST or the context at the engine socket \(usually \/var\/run\/docker\.sock\)\.$/, () => 'DOCKER_HOST나 컨텍스트가 엔진 소켓(보통 /var/run/docker.sock)을 가리키게 하세요.'],
  [/^Check that the endpoint is a Docker engine \(not another service\) and that it is not restarting\.$/, () => '이 주소가 다른 서비스가 아니라 Docker 엔진인지, 그리고 재시작 중이 아닌지 확인하세요.'],
  [/^The engine at (\S+) expects TLS$/, (m) => `엔진 ${withParticle(m[1], '은', '는')} TLS 연결을 요구합니다`],
  [/^Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH \(default ~\/\.docker\) to the engine's client certificates, or use a context that carries them\.$/, () => 'DOCKER_TLS_VERIFY=1을 설정하고 DOCKER_CERT_PATH(기본값 ~/.docker)가 엔진의 클라이언트 인증서를 가리키게 하거나, 그 인증서를 담은 컨텍스트를 쓰세요.'],
  [/^See the engine's message; check the daemon log \(journalctl -u docker\) for more\.$/, () => '엔진의 메시지를 보세요. 자세한 내용은 데몬 로그(journalctl -u docker)를 확인하세요.'],
  [/^SSH to (\S+) failed: (.+)$/, (m) => `SSH로 ${m[1]}에 연결하지 못했습니다: ${m[2]}`],
  [/^Check that `ssh` to this host works and that `docker system dial-stdio` runs there\.$/, () => '이 호스트에 `ssh`로 접속되는지, 그리고 그곳에서 `docker system dial-stdio`가 실행되는지 확인하세요.'],
  [/^The host key was not found in ~\/\.ssh\/known_hosts or did not match it: connect once with `ssh` to that host to check and record its key, then reconnect\.$/, () => '호스트 키가 ~/.ssh/known_hosts에 없거나 그 안의 키와 맞지 않습니다. 그 호스트에 `ssh`로 한 번 접속해 키를 확인하고 기록한 다음, 다시 연결하세요.'],
  [/^Load your key into ssh-agent \(ssh-add\) so SSH_AUTH_SOCK is set, or put an unencrypted key at ~\/\.ssh\/id_ed25519 or ~\/\.ssh\/id_rsa\.$/, () => '키를 ssh-agent에 등록해(ssh-add) SSH_AUTH_SOCK이 설정되게 하거나, 암호화하지 않은 키를 ~/.ssh/id_ed25519나 ~/.ssh/id_rsa에 두세요.'],
  [/^Check the host name and port of the ssh:\/\/ endpoint and that sshd runs there\.$/, () => 'ssh:// 주소의 호스트 이름과 포트, 그리고 그곳에서 sshd가 실행 중인지 확인하세요.'],

  // connection.ts: negotiate, and the libpod calls of an engine that is not Podman.
  [/^The engine at (\S+) did not report its API version in GET \/version$/, (m) => `엔진 ${withParticle(m[1], '이', '가')} GET /version에서 API 버전을 알려 주지 않았습니다`],
  [/^Check that the endpoint is a Docker engine and not a proxy or another service\.$/, () => '이 주소가 프록시나 다른 서비스가 아니라 Docker 엔진인지 확인하세요.'],
  [/^The engine at (\S+) needs API (\S+) or newer, but this extension speaks at most (\S+)$/, (m) => `엔진 ${withParticle(m[1], '은', '는')} API ${m[2]} 이상이 필요하지만, 이 확장은 API ${m[3]}까지만 지원합니다`],
  [/^Update Container Anatomy, or use an engine that still accepts this API version\.$/, () => 'Container Anatomy를 업데이트하거나, 이 API 버전을 아직 받아들이는 엔진을 쓰세요.'],
  [/^the engine at (\S+) is not Podman: it has no libpod endpoints$/, (m) => `엔진 ${withParticle(m[1], '은', '는')} Podman이 아닙니다. libpod 엔드포인트가 없습니다`],

  // endpoint.ts: a missing context, an endpoint parseHost refuses, a broken config.json.
  [/^Docker context "([^"]*)" \(from ([^)]+)\) does not exist in (.+?)\. Existing contexts: (.*)$/, (m) => `Docker 컨텍스트 "${m[1]}"(${chosenBy(m[2])}에서 지정)${withParticle(m[1], '이', '가').slice(m[1].length)} ${m[3]}에 없습니다. 있는 컨텍스트: ${m[4]}`],
  [/^Pick one of the existing contexts \(docker context ls \/ docker context use NAME\), or create it with docker context create\.$/, () => '있는 컨텍스트 중 하나를 고르거나(docker context ls / docker context use NAME), docker context create로 그 컨텍스트를 만드세요.'],
  [/^(DOCKER_HOST|the engine host setting|context "[^"]*") has an endpoint this extension cannot use: "(.*)" \(([^()]+)\)$/, (m, again) => `${hostFrom(m[1])}에 이 확장이 쓸 수 없는 주소가 있습니다: "${m[2]}"(${badHost(m[3], again)})`],
  [/^Use unix:\/\/\/path\/to\/docker\.sock, tcp:\/\/HOST:PORT, ssh:\/\/USER@HOST or npipe:\/\/\/\/\.\/pipe\/docker_engine\.$/, () => 'unix:///path/to/docker.sock, tcp://HOST:PORT, ssh://USER@HOST, npipe:////./pipe/docker_engine 중 하나를 쓰세요.'],
  [/^(.+?) is not valid JSON \((.*)\), so its currentContext cannot be read$/, (m) => `${withParticle(m[1], '이', '가')} 올바른 JSON이 아니므로(${m[2]}) currentContext를 읽을 수 없습니다`],
  [/^Fix or remove the file, or set DOCKER_HOST \/ DOCKER_CONTEXT to choose the engine\.$/, () => '파일을 고치거나 지우거나, DOCKER_HOST / DOCKER_CONTEXT를 설정해 엔진을 고르세요.'],

  // options.ts: the SSH host key check and the TLS files.
  [/^The SSH host key of (\S+) is not in known_hosts \((.+)\); it offered ((?:\S+ )?SHA256:\S+)$/, (m) => `${m[1]}의 SSH 호스트 키가 known_hosts(${m[2]})에 없습니다. 호스트가 제시한 키는 ${m[3]}입니다`],
  [/^Connect once with (`[^`]+`) and accept the key after checking its fingerprint \(or add it with (`[^`]+`) once you have checked it\), then reconnect\.$/, (m) => `${m[1]} 명령으로 한 번 접속해 지문을 확인한 뒤 키를 받아들이고(또는 확인한 뒤 ${m[2]} 명령으로 추가하고), 다시 연결하세요.`],
  [/^The SSH host key of (\S+) \(((?:\S+ )?SHA256:\S+)\) is marked @revoked in (.+) line (\d+)$/, (m) => `${m[1]}의 SSH 호스트 키(${m[2]})가 ${knownHostsLine(m[3], m[4])}에 @revoked로 표시되어 있습니다`],
  [/^Do not connect: ask the administrator of that host for its new key\.$/, () => '연결하지 마세요. 그 호스트의 관리자에게 새 키를 물어보세요.'],
  [/^The SSH host key of (\S+) has changed: it offered ((?:\S+ )?SHA256:\S+), which does not match (.+) line (\d+)$/, (m) => `${m[1]}의 SSH 호스트 키가 바뀌었습니다. 호스트가 제시한 키 ${withParticle(m[2], '은', '는')} ${knownHostsLine(m[3], m[4])}의 키와 맞지 않습니다`],
  [/^This can mean someone is intercepting the connection\. If the host was reinstalled and you trust it, remove the old key with (`[^`]+`), connect once with (`[^`]+`) to record the new one, then reconnect\.$/, (m) => `누군가 연결을 가로채고 있다는 뜻일 수 있습니다. 호스트가 다시 설치되었고 그 호스트를 믿는다면, ${m[1]} 명령으로 옛 키를 지우고 ${m[2]} 명령으로 한 번 접속해 새 키를 기록한 다음, 다시 연결하세요.`],
  [/^Cannot read (.+?\.pem): (.+)$/, (m) => `${withParticle(m[1], '을', '를')} 읽을 수 없습니다: ${m[2]}`],
  [/^Check DOCKER_CERT_PATH and the permissions of the certificate files\.$/, () => 'DOCKER_CERT_PATH와 인증서 파일의 권한을 확인하세요.'],

  // watcher.ts: the event stream ended while the engine still answered.
  [/^The engine at (\S+) closed the event stream$/, (m) => `엔진 ${withParticle(m[1], '이', '가')} 이벤트 스트림을 닫았습니다`],
  [/^It may be restarting; reconnecting\.$/, () => '재시작 중일 수 있습니다. 다시 연결합니다.'],

  // engines.ts: stats asked of a container no engine holds.
  [/^no engine has container (\S+)$/, (m) => `컨테이너 ${withParticle(m[1], '을', '를')} 가진 엔진이 없습니다`],
];
