/** Korean for the reasons of the helper container and the first look (src/core/helper/*, src/core/unread.ts, src/core/introspect/*, src/core/snapshot.ts). */
import { withParticle } from '../i18n';
import type { Rule } from './rule';

/** The helper's stderr that container.ts adds after a parse error: " (sh: …)", or nothing. */
const STDERR = String.raw`( \([\s\S]*\))?`;

/** "exit code 127" (the helper's State.ExitCode) in Korean; the engine's own State.Error stays as it is. */
function exitWhy(why: string): string {
  const code = /^exit code (\S+)$/.exec(why);
  return code ? `종료 코드 ${code[1]}` : why;
}

export const RULES: Rule[] = [
  // Starting the helper (helper/manager.ts, helper/container.ts).
  [/^the helper container could not be started: ([\s\S]+)$/, (m, again) => `헬퍼 컨테이너를 시작하지 못했습니다: ${again(m[1])}`],
  [/^the helper image (.+) is not on the engine \(nothing is pulled without asking: run "docker pull \1" first\)$/, (m) => `헬퍼 이미지 ${withParticle(m[1], '이', '가')} 엔진에 없습니다(묻지 않고는 아무것도 받아 오지 않습니다. 먼저 "docker pull ${m[1]}" 명령을 실행하세요)`],
  [/^could not look up the helper image (.+?): ([\s\S]+)$/, (m) => `헬퍼 이미지 ${withParticle(m[1], '을', '를')} 조회하지 못했습니다: ${m[2]}`],
  [/^no image with \/bin\/sh for the helper is on the engine \(looked for (.+?); nothing is pulled without asking\): run "docker pull busybox", or name an image in containerAnatomy\.helper\.image \(CLI: --helper-image\)$/, (m) => `엔진에 헬퍼 컨테이너용으로 /bin/sh가 있는 이미지가 없습니다(찾아본 이미지: ${m[1]}. 묻지 않고는 아무것도 받아 오지 않습니다). "docker pull busybox" 명령을 실행하거나, containerAnatomy.helper.image에 이미지 이름을 적으세요(CLI: --helper-image)`],
  [/^could not create the helper container: ([\s\S]+)$/, (m) => `헬퍼 컨테이너를 만들지 못했습니다: ${m[1]}`],
  [/^a container named (\S+) exists and is not a helper container: remove or rename it$/, (m) => `이름이 ${m[1]}인 컨테이너가 있는데 헬퍼 컨테이너가 아닙니다. 그 컨테이너를 삭제하거나 이름을 바꾸세요`],
  [/^the name (\S+) is still held by a stopped helper container$/, (m) => `멈춘 헬퍼 컨테이너가 ${m[1]} 이름을 아직 차지하고 있습니다`],
  [/^the engine refused to start it: ([\s\S]+)$/, (m) => `엔진이 시작을 거부했습니다: ${m[1]}`],
  [/^the helper container stopped right after it started \(([\s\S]+)\)$/, (m) => `헬퍼 컨테이너가 시작하자마자 멈췄습니다(${exitWhy(m[1])})`],
  [/^the helper could not read (\S+): it cannot see the engine's processes$/, (m) => `헬퍼 컨테이너가 ${withParticle(m[1], '을', '를')} 읽지 못했습니다. 헬퍼 컨테이너에는 엔진의 프로세스가 보이지 않습니다`],
  // One batch of reads (helper/container.ts, helper/script.ts).
  [/^the helper container is gone \(([\s\S]*)\)$/, (m) => `헬퍼 컨테이너가 없어졌습니다(${m[1]})`],
  [/^the helper did not answer within (\d+) s$/, (m) => `헬퍼 컨테이너가 ${m[1]}초 안에 응답하지 않았습니다`],
  [/^the helper's answer passed (\d+) MiB and was cut off$/, (m) => `헬퍼 컨테이너의 응답이 ${m[1]} MiB를 넘어 잘렸습니다`],
  [/^reading the helper's answer failed: ([\s\S]+)$/, (m) => `헬퍼 컨테이너의 응답을 읽지 못했습니다: ${m[1]}`],
  [/^the helper container stopped while reading: ([\s\S]+)$/, (m, again) => `헬퍼 컨테이너가 읽는 도중에 멈췄습니다: ${again(m[1])}`],
  [new RegExp(String.raw`^its answer has no (\S+) section \(it stopped midway\)${STDERR}$`), (m) => `응답에 ${m[1]} 부분이 없습니다(도중에 멈췄습니다)${m[2] ?? ''}`],
  [new RegExp(String.raw`^its answer was cut off in the middle of a file \(it stopped midway\)${STDERR}$`), (m) => `응답이 파일 중간에서 끊겼습니다(도중에 멈췄습니다)${m[1] ?? ''}`],
  [new RegExp(String.raw`^its answer was cut off in (\/.*?) \(it stopped midway\)${STDERR}$`), (m) => `응답이 ${m[1]}에서 끊겼습니다(도중에 멈췄습니다)${m[2] ?? ''}`],
  [new RegExp(String.raw`^its compressed answer could not be read \(([\s\S]+?); it stopped midway or passed (\d+) MiB\)${STDERR}$`), (m) => `압축된 응답을 읽지 못했습니다(${m[1]}; 도중에 멈췄거나 ${m[2]} MiB를 넘었습니다)${m[3] ?? ''}`],
  // The helper's files (helper/files.ts).
  [/^(\/\S*) was not read yet$/, (m) => `${withParticle(m[1], '을', '를')} 아직 읽지 않았습니다`],
  [/^(\/\S*) is larger than the helper reads of one file$/, (m) => `${withParticle(m[1], '은', '는')} 헬퍼 컨테이너가 파일 하나에서 읽는 최대 크기보다 큽니다`],
  [/^(\/\S*) was not listed yet$/, (m) => `${m[1]}의 목록을 아직 읽지 않았습니다`],
  [/^not read yet$/, () => '아직 읽지 않았습니다'],
  [/^(\/\S*) is not a namespace link$/, (m) => `${withParticle(m[1], '은', '는')} 네임스페이스 링크가 아닙니다`],
  // Where the kernel facts come from (introspect/where.ts, evidence.ts).
  [/^no process (\d+) on this machine: the engine runs elsewhere \(a VM or another PID namespace\)$/, (m) => `이 머신에 프로세스 ${withParticle(m[1], '이', '가')} 없습니다. 엔진이 다른 곳(VM이나 다른 PID 네임스페이스)에서 실행됩니다`],
  [/^PID (\d+) on this machine is not container (\S+) \(its cgroup does not name it\): the engine runs in a VM \(Docker Desktop\) or another PID namespace$/, (m) => `이 머신의 PID ${withParticle(m[1], '은', '는')} 컨테이너 ${withParticle(m[2], '이', '가')} 아닙니다(그 cgroup에 이 컨테이너 ID가 없음). 엔진이 VM(Docker Desktop)이나 다른 PID 네임스페이스에서 실행됩니다`],
  [/^the engine at (\S+) is Docker Desktop, which runs it in a VM: this machine's \/proc and \/sys do not show its containers$/, (m) => `엔진 ${withParticle(m[1], '은', '는')} Docker Desktop이라 VM 안에서 실행됩니다. 이 머신의 /proc와 /sys에는 그 컨테이너가 보이지 않습니다`],
  [/^reading through the helper container was asked for$/, () => '헬퍼 컨테이너로 읽으라는 요청이 있었습니다'],
  [/^the engine does not run on this machine$/, () => '엔진이 이 머신에서 실행되지 않습니다'],
  // Networks (introspect/network.ts, introspect/podman.ts).
  [/^no interface inside the container carries this network$/, () => '컨테이너 안에 이 네트워크에 연결된 인터페이스가 없습니다'],
  [/^the kernel is read through the helper container, which cannot enter the overlay's namespace: no process lives in it, only its file under the engine's exec root, which the helper does not mount$/, () => '커널 정보는 헬퍼 컨테이너로 읽는데, 헬퍼 컨테이너는 오버레이 네임스페이스에 들어갈 수 없습니다. 그 네임스페이스에는 프로세스가 없고 엔진의 exec root 아래에 파일만 있으며, 헬퍼 컨테이너는 그 파일을 마운트하지 않습니다'],
  [/^Podman names a network's bridge only in GET \/libpod\/networks\/json, which could not be read: ([\s\S]+)$/, (m, again) => `Podman은 네트워크의 브리지 이름을 GET /libpod/networks/json에서만 알려 주는데, 그것을 읽지 못했습니다: ${again(m[1])}`],
  [/^its answer is not a list$/, () => '응답이 목록이 아닙니다'],
  // A container that could not be read (unread.ts, snapshot.ts).
  [/^container (\S+) could not be read: ([\s\S]+); it is read again on its next event or a refresh$/, (m, again) => `컨테이너 ${withParticle(m[1], '을', '를')} 읽지 못했습니다: ${again(m[2])}. 다음 이벤트 때나 새로 고칠 때 다시 읽습니다`],
  [/^reading its \/proc and \/sys files failed: ([\s\S]+)$/, (m, again) => `컨테이너의 /proc와 /sys 파일을 읽지 못했습니다: ${again(m[1])}`],
];
