/** Korean for the reasons of Swarm, rootless engines, usage and the limits chain (src/core/swarm/*, src/core/rootless.ts, src/core/usage.ts, src/core/chain.ts). */
import { withParticle } from '../i18n';
import type { Rule } from './rule';

/** Ends the sentence of one file that was tried: "; run as root …" belongs to the refusal before it. */
const CONTINUES = /^run as root\b/;

/** The state files RootlessKit's child PID was looked for in, each with why it gave none ("a; b"). */
function triedFiles(s: string, again: (s: string) => string): string {
  if (s === 'no state directory to look in') return '찾아볼 상태 디렉터리가 없습니다';
  const parts: string[] = [];
  for (const p of s.split('; ')) {
    if (parts.length > 0 && CONTINUES.test(p)) parts[parts.length - 1] += `; ${p}`;
    else parts.push(p);
  }
  return parts.map(again).join('; ');
}

const ONLY_MANAGER = '서비스와 태스크는 매니저만 나열합니다';

export const RULES: Rule[] = [
  // swarm/cluster.ts
  [/^this engine is a Swarm worker: only a manager lists services and tasks$/, () => `이 엔진은 Swarm 워커입니다. ${ONLY_MANAGER}`],
  [/^this engine is a Swarm node in state (\S+): only a manager lists services and tasks$/, (m) => `이 엔진은 ${m[1]} 상태의 Swarm 노드입니다. ${ONLY_MANAGER}`],
  [/^the manager did not list its services: (.+)$/, (m, again) => `매니저가 서비스를 나열하지 못했습니다: ${again(m[1])}`],
  // swarm/overlay.ts
  [/^network (.+) has no (\S+) option: the engine lists it so only on a Swarm node where it is in use$/, (m) => `네트워크 ${m[1]}에는 ${m[2]} 옵션이 없습니다. 엔진은 이 네트워크를 쓰는 Swarm 노드에서만 이 옵션을 붙여 나열합니다`],
  [/^the default route leaves by (\S+), not (\S+)$/, (m) => `기본 경로가 나가는 인터페이스는 ${withParticle(m[2], '이', '가')} 아니라 ${m[1]}입니다`],
  [/^the default route on (\S+) has no gateway: it is a route on the link itself$/, (m) => `${m[1]}의 기본 경로에는 게이트웨이가 없습니다. 링크 자체에 걸린 경로입니다`],
  [/^ip -d -j link printed something that is not JSON \((.+)\)$/, (m) => `\`ip -d -j link\`의 출력이 JSON이 아닙니다(${m[1]})`],
  [/^ip -d -j link printed JSON that is not a list of interfaces$/, () => '`ip -d -j link`의 출력은 JSON이지만 인터페이스 목록이 아닙니다'],
  [/^the overlay's namespace is seen only from inside it, and entering it \((.+)\) needs root: run as root to see the peer, br0 and the vxlan device$/, (m) => `오버레이 네임스페이스는 그 안에서만 보입니다. 그 안에 들어가려면(${m[1]}) root가 필요하니, veth 반대쪽 끝과 br0, vxlan 장치를 보려면 root로 실행하세요`],
  [/^nsenter \(util-linux\) is not installed, so the overlay's namespace cannot be entered$/, () => 'nsenter(util-linux)가 설치되어 있지 않아 오버레이 네임스페이스에 들어갈 수 없습니다'],
  [/^(nsenter --net=\S+ ip -d -j link show) did not answer within (\d+) ms$/, (m) => `${withParticle(m[1], '이', '가')} ${m[2]}ms 안에 응답하지 않았습니다`],
  [/^(nsenter --net=\S+ ip -d -j link show) failed: (.+)$/, (m) => `${m[1]} 실패: ${m[2]}`],
  [/^the engine gives no sandbox for this container \(not running\), so the overlay's namespace is not known$/, () => '엔진이 이 컨테이너의 샌드박스를 알려 주지 않습니다(실행 중이 아님). 그래서 오버레이 네임스페이스를 알 수 없습니다'],
  [/^the iflink of (\S+) is unknown \(the container's sysfs needs root\), so its peer cannot be told$/, (m) => `${m[1]}의 iflink를 알 수 없습니다(컨테이너의 sysfs는 root가 필요합니다). 그래서 그 반대쪽 끝을 가려낼 수 없습니다`],
  [/^no interface in (\S+) has ifindex (\d+): the peer of (\S+) is not in this overlay's namespace$/, (m) => `${m[1]}에 ifindex가 ${m[2]}인 인터페이스가 없습니다. ${m[3]}의 반대쪽 끝이 이 오버레이 네임스페이스에 없습니다`],
  [/^(\S+) has no vxlan device(?: on (\S+))?$/, (m) => `${m[1]}에 ${m[2] ? `${m[2]}에 붙은 ` : ''}vxlan 장치가 없습니다`],
  // rootless.ts
  [/^the engine is rootless, so "host" means RootlessKit's namespaces, but RootlessKit's child PID was not found \((.+)\); set DOCKERD_ROOTLESS_ROOTLESSKIT_STATE_DIR to its state directory$/, (m, again) => `엔진이 rootless라서 "호스트"는 RootlessKit의 네임스페이스를 뜻하는데, RootlessKit 자식 프로세스의 PID를 찾지 못했습니다(${triedFiles(m[1], again)}). 환경 변수 DOCKERD_ROOTLESS_ROOTLESSKIT_STATE_DIR에 RootlessKit의 상태 디렉터리를 설정하세요`],
  [/^(\S+) holds no PID$/, (m) => `${m[1]}에 PID가 없습니다`],
  [/^RootlessKit's child process: dockerd and its containers live in its namespaces, so it is what "host" means here$/, () => 'RootlessKit의 자식 프로세스: dockerd와 그 컨테이너가 이 자식 프로세스의 네임스페이스 안에 있으므로, 여기서 "호스트"는 이 자식 프로세스를 뜻합니다'],
  // usage.ts
  [/^cannot read its cgroup directory: the container stopped, or its cgroup is gone$/, () => '컨테이너의 cgroup 디렉터리를 읽을 수 없습니다. 컨테이너가 멈췄거나 그 cgroup이 없어졌습니다'],
  [/^cannot read (\S+): the container stopped, or its cgroup is gone$/, (m) => `${withParticle(m[1], '을', '를')} 읽을 수 없습니다. 컨테이너가 멈췄거나 그 cgroup이 없어졌습니다`],
  // chain.ts
  [/^this snapshot carries no cgroup chain$/, () => '이 스냅샷에는 cgroup 체인이 없습니다'],
  [/^not a cap$/, () => '상한이 아닙니다'],
];
