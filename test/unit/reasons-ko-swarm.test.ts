import assert from 'node:assert/strict';
import { localizeReason } from '../../src/core/reasons';

const NS = '/var/run/docker/netns/1-k3v9x2m8q1';
const HOW = `nsenter --net=${NS} ip -d -j link show`;
const CGROUP = '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/memory.current';
const ROOTLESS = (tried: string): string =>
  `the engine is rootless, so "host" means RootlessKit's namespaces, but RootlessKit's child PID was not found (${tried}); set DOCKERD_ROOTLESS_ROOTLESSKIT_STATE_DIR to its state directory`;
const ROOTLESS_KO = (tried: string): string =>
  `엔진이 rootless라서 "호스트"는 RootlessKit의 네임스페이스를 뜻하는데, RootlessKit 자식 프로세스의 PID를 찾지 못했습니다(${tried}). 환경 변수 DOCKERD_ROOTLESS_ROOTLESSKIT_STATE_DIR에 RootlessKit의 상태 디렉터리를 설정하세요`;

const CASES: [string, string, string][] = [
  // swarm/cluster.ts
  ['a worker', 'this engine is a Swarm worker: only a manager lists services and tasks',
    '이 엔진은 Swarm 워커입니다. 서비스와 태스크는 매니저만 나열합니다'],
  ['a node in another state', 'this engine is a Swarm node in state pending: only a manager lists services and tasks',
    '이 엔진은 pending 상태의 Swarm 노드입니다. 서비스와 태스크는 매니저만 나열합니다'],
  ['the manager\'s failed lists, with the engine\'s answer translated', 'the manager did not list its services: The engine answered 503: This node is not a swarm manager.',
    '매니저가 서비스를 나열하지 못했습니다: 엔진 응답 코드 503: This node is not a swarm manager.'],
  // swarm/overlay.ts
  ['a network without its VNI option', 'network ingress has no com.docker.network.driver.overlay.vxlanid_list option: the engine lists it so only on a Swarm node where it is in use',
    '네트워크 ingress에는 com.docker.network.driver.overlay.vxlanid_list 옵션이 없습니다. 엔진은 이 네트워크를 쓰는 Swarm 노드에서만 이 옵션을 붙여 나열합니다'],
  ['a default route on another interface', 'the default route leaves by eth0, not eth1',
    '기본 경로가 나가는 인터페이스는 eth1이 아니라 eth0입니다'],
  ['a default route without a gateway', 'the default route on eth1 has no gateway: it is a route on the link itself',
    'eth1의 기본 경로에는 게이트웨이가 없습니다. 링크 자체에 걸린 경로입니다'],
  ['ip output that is not JSON', 'ip -d -j link printed something that is not JSON (Unexpected token \'O\', "Object "netns" is unknown" is not valid JSON)',
    '`ip -d -j link`의 출력이 JSON이 아닙니다(Unexpected token \'O\', "Object "netns" is unknown" is not valid JSON)'],
  ['ip output that is not a list', 'ip -d -j link printed JSON that is not a list of interfaces',
    '`ip -d -j link`의 출력은 JSON이지만 인터페이스 목록이 아닙니다'],
  ['entering the overlay\'s namespace needs root', `the overlay's namespace is seen only from inside it, and entering it (${HOW}) needs root: run as root to see the peer, br0 and the vxlan device`,
    `오버레이 네임스페이스는 그 안에서만 보입니다. 그 안에 들어가려면(${HOW}) root가 필요하니, veth 반대쪽 끝과 br0, vxlan 장치를 보려면 root로 실행하세요`],
  ['no nsenter', 'nsenter (util-linux) is not installed, so the overlay\'s namespace cannot be entered',
    'nsenter(util-linux)가 설치되어 있지 않아 오버레이 네임스페이스에 들어갈 수 없습니다'],
  ['nsenter timing out', `${HOW} did not answer within 5000 ms`,
    `${HOW}이(가) 5000ms 안에 응답하지 않았습니다`],
  ['nsenter failing, keeping its own message', `${HOW} failed: nsenter: cannot open ${NS}: No such file or directory`,
    `${HOW} 실패: nsenter: cannot open ${NS}: No such file or directory`],
  ['no sandbox', 'the engine gives no sandbox for this container (not running), so the overlay\'s namespace is not known',
    '엔진이 이 컨테이너의 샌드박스를 알려 주지 않습니다(실행 중이 아님). 그래서 오버레이 네임스페이스를 알 수 없습니다'],
  ['an unknown iflink', 'the iflink of eth0 is unknown (the container\'s sysfs needs root), so its peer cannot be told',
    'eth0의 iflink를 알 수 없습니다(컨테이너의 sysfs는 root가 필요합니다). 그래서 그 반대쪽 끝을 가려낼 수 없습니다'],
  ['a peer missing from the namespace', `no interface in ${NS} has ifindex 31: the peer of eth0 is not in this overlay's namespace`,
    `${NS}에 ifindex가 31인 인터페이스가 없습니다. eth0의 반대쪽 끝이 이 오버레이 네임스페이스에 없습니다`],
  ['no vxlan device on the bridge', `${NS} has no vxlan device on br0`,
    `${NS}에 br0에 붙은 vxlan 장치가 없습니다`],
  ['no vxlan device at all', `${NS} has no vxlan device`,
    `${NS}에 vxlan 장치가 없습니다`],
  // rootless.ts
  ['RootlessKit\'s child not found: a missing state file', ROOTLESS('/run/user/1000/dockerd-rootless/child_pid does not exist'),
    ROOTLESS_KO('/run/user/1000/dockerd-rootless/child_pid 파일이 없습니다')],
  ['RootlessKit\'s child not found: a state file without a PID', ROOTLESS('/run/user/1000/dockerd-rootless/child_pid holds no PID'),
    ROOTLESS_KO('/run/user/1000/dockerd-rootless/child_pid에 PID가 없습니다')],
  ['RootlessKit\'s child not found: several state files, one refused', ROOTLESS('permission denied reading /run/docker/dockerd-rootless/child_pid; run as root or as the owner of the process; /run/user/1000/dockerd-rootless/child_pid does not exist'),
    ROOTLESS_KO('/run/docker/dockerd-rootless/child_pid 읽기 권한이 없습니다. root나 프로세스 소유자로 실행하세요; /run/user/1000/dockerd-rootless/child_pid 파일이 없습니다')],
  ['RootlessKit\'s child not found: no state directory', ROOTLESS('no state directory to look in'),
    ROOTLESS_KO('찾아볼 상태 디렉터리가 없습니다')],
  ['RootlessKit\'s child not found, as the host namespaces\' reason', `RootlessKit's net namespace is unreadable: ${ROOTLESS('no state directory to look in')}`,
    `RootlessKit의 net 네임스페이스를 읽을 수 없습니다: ${ROOTLESS_KO('찾아볼 상태 디렉터리가 없습니다')}`],
  ['what "host" is for a rootless engine', 'RootlessKit\'s child process: dockerd and its containers live in its namespaces, so it is what "host" means here',
    'RootlessKit의 자식 프로세스: dockerd와 그 컨테이너가 이 자식 프로세스의 네임스페이스 안에 있으므로, 여기서 "호스트"는 이 자식 프로세스를 뜻합니다'],
  // usage.ts
  ['usage whose file is gone', `cannot read ${CGROUP}: the container stopped, or its cgroup is gone`,
    `${CGROUP}을(를) 읽을 수 없습니다. 컨테이너가 멈췄거나 그 cgroup이 없어졌습니다`],
  ['usage without a cgroup directory', 'cannot read its cgroup directory: the container stopped, or its cgroup is gone',
    '컨테이너의 cgroup 디렉터리를 읽을 수 없습니다. 컨테이너가 멈췄거나 그 cgroup이 없어졌습니다'],
  // chain.ts
  ['a snapshot without chains', 'this snapshot carries no cgroup chain',
    '이 스냅샷에는 cgroup 체인이 없습니다'],
  ['a limit that is not a cap', 'not a cap',
    '상한이 아닙니다'],
];

describe('core/reasons in Korean: Swarm, rootless engines, usage and the limits chain', () => {
  for (const [what, en, ko] of CASES) {
    it(what, () => assert.equal(localizeReason(en, 'ko'), ko));
  }
  it('leaves the English as it is', () => {
    for (const [, en] of CASES) assert.equal(localizeReason(en, 'en'), en);
  });
});
