import type { Entry } from '../types';

/** 비교할 때 각 쪽이 네임스페이스 안에서 실제로 보는 것: 쪽마다 한 줄과, 판정이 두 쪽에 뜻하는 바. */
export const evidence: Record<string, Entry> = {
  'sees.count.one': {
    title: '프로세스 {n}개',
    summary: '프로세스 {n}개',
    body: '그쪽에서 `ps`가 보여 주는 프로세스 수.',
  },
  'sees.count.many': {
    title: '프로세스 {n}개',
    summary: '프로세스 {n}개',
    body: '그쪽에서 `ps`가 보여 주는 프로세스 수.',
  },
  'sees.idmap.identity': {
    title: '재매핑 없음',
    summary: '{inside}→{outside}, 32비트 ID 전체 범위(재매핑 없음)',
    body: '길이가 4294967295(2³² − 1)인 매핑 줄은 모든 ID를 덮습니다. 어느 ID든 양쪽에서 같은 ID입니다. 호스트 자신의 user 네임스페이스이거나 그 매핑을 그대로 옮긴 것입니다.',
  },
  'sees.idmap.range': {
    title: 'ID 범위',
    summary: '{inside}→{outside} (ID {length}개)',
    body: '`/proc/PID/uid_map`이나 `gid_map`의 한 줄: 안쪽 시작 ID, 바깥쪽 시작 ID, 이어지는 ID 수.',
  },
  'sees.more': {
    title: '외 {n}개',
    summary: '외 {n}개',
    body: '이 짧은 줄에 다 싣지 못한 항목 수.',
  },
  'sees.pid.line': {
    title: '보이는 프로세스',
    summary: '{processes}, PID 1은 {command} (호스트 PID {hostPid})',
    body: '호스트의 `/proc/*/ns/pid`로 세고, 가장 안쪽 `NSpid`가 1인 프로세스를 PID 1로 보아 `cmdline`을 읽습니다.',
  },
  'sees.pid.same': {
    title: '양쪽 ps가 같은 프로세스를 보여 줌',
    summary: '어느 쪽에서 ps를 해도 같은 {processes}가 보이고, PID 1은 {command}입니다.',
    body: 'PID 네임스페이스가 하나: 한쪽에서 시작한 프로세스가 다른 쪽에서도 보이고 시그널을 보낼 수 있습니다.',
  },
  'sees.pid.different.host': {
    title: '호스트 ps는 안을 보고, 컨테이너 ps는 밖을 못 봄',
    summary: '{inner} 안의 ps에는 {innerProcesses}, 호스트의 ps에는 {hostProcesses}가 보이며 이 컨테이너의 PID 1은 PID {hostPid}입니다.',
    body: 'PID 네임스페이스는 아래에 중첩된 네임스페이스만 보고 위쪽은 보지 못합니다. 호스트는 컨테이너 프로세스를 호스트 PID로 보여 주고, 컨테이너는 1부터 번호를 매긴 자기 프로세스만 봅니다.',
  },
  'sees.pid.different.hostns': {
    title: '{outer|은/는} 안을 보고, {inner|은/는} 밖을 못 봄',
    summary: '{inner} 안의 ps에는 {innerProcesses}, 호스트 PID 네임스페이스에 있는 {outer}의 ps에는 {outerProcesses}가 보이며, 그중 {inner}의 PID 1은 PID {hostPid}입니다.',
    body: 'PID 네임스페이스는 아래에 중첩된 네임스페이스만 보고 위쪽은 보지 못합니다. 호스트 PID 네임스페이스에 있는 컨테이너(`--pid host`)는 모든 컨테이너의 프로세스를 호스트 PID로 보여 주고 시그널도 보낼 수 있으며, 다른 쪽은 1부터 번호를 매긴 자기 프로세스만 봅니다.',
  },
  'sees.pid.different': {
    title: '각자 자기 프로세스만 봄',
    summary: '{left}의 ps에는 {leftProcesses}, {right}의 ps에는 {rightProcesses}가 보이며 서로의 프로세스는 보이지 않습니다.',
    body: '나란한 두 PID 네임스페이스: 각각 1부터 번호를 매기며 상대 프로세스를 보거나 시그널을 보낼 수 없습니다.',
  },
  'sees.net.line': {
    title: '보이는 인터페이스',
    summary: '{interfaces}',
    body: '그쪽 네트워크 네임스페이스의 `/proc/PID/net/dev`에서 인터페이스를, `fib_trie`와 `route`에서 IPv4 주소를, `if_inet6`에서 IPv6 주소를 읽습니다.',
  },
  'sees.net.same': {
    title: '양쪽 인터페이스가 같음',
    summary: '양쪽 모두 {interfaces|을/를} 봅니다. 한쪽의 localhost로 다른 쪽에 닿고, 같은 포트는 한 번만 열 수 있습니다.',
    body: '네트워크 네임스페이스가 하나: 인터페이스, 주소, 라우팅, 소켓이 양쪽에 같습니다.',
  },
  'sees.net.different.apart': {
    title: '함께 붙은 네트워크가 없음',
    summary: '{left}의 localhost는 {right}의 localhost가 아니고, 한쪽의 주소가 다른 쪽의 서브넷에 들어 있지 않습니다. 서로 닿을 공통 네트워크가 없습니다. 같은 포트를 둘 다 열 수 있습니다.',
    body: '서로 다른 Docker 네트워크의 컨테이너는 떨어져 있습니다. 엔진의 iptables 규칙이 브리지 사이 트래픽을 버립니다(엔진이 iptables를 끄고 돌지 않는 한). lo만 있는 컨테이너는 아무 데도 닿지 않습니다. 둘이 통신하려면 한 네트워크에 함께 붙이십시오(`docker network connect`).',
  },
  'sees.net.different': {
    title: '각자 인터페이스가 따로',
    summary: '{left}의 localhost는 {right}의 localhost가 아닙니다. 서로 각자 보이는 주소로 닿으며, 같은 포트를 둘 다 열 수 있습니다.',
    body: '네트워크 네임스페이스가 둘: localhost가 서로 다르며, 둘 사이 트래픽은 브리지나 호스트 라우팅을 거칩니다.',
  },
  'sees.uts.line': {
    title: '보이는 호스트명',
    summary: '호스트명 {hostname}{domain}',
    body: '그 UTS 네임스페이스 안에서 읽은 커널 값(`/proc/sys/kernel/hostname`)이며 `/etc/hostname`이 아닙니다.',
  },
  'sees.uts.domain': {
    title: '도메인 이름',
    summary: ', 도메인 {domainname}',
    body: '그 UTS 네임스페이스의 NIS 도메인 이름이며, 정하지 않았으면 `(none)`입니다.',
  },
  'sees.uts.same': {
    title: '호스트명 같음',
    summary: '양쪽 이름이 모두 {hostname}이며, 한쪽에서 바꾸면 다른 쪽도 바뀝니다.',
    body: 'UTS 네임스페이스가 하나: 호스트명과 도메인 이름을 함께 씁니다.',
  },
  'sees.uts.different': {
    title: '호스트명 다름',
    summary: '호스트명이 다름: {leftHostname} / {rightHostname}.',
    body: 'UTS 네임스페이스가 둘: 각자 호스트명을 정할 수 있습니다.',
  },
  'sees.uts.different.equal': {
    title: '이름은 같고 네임스페이스는 따로',
    summary: '양쪽 이름이 모두 {hostname}이지만 UTS 네임스페이스가 따로이므로, 한쪽에서 바꿔도 다른 쪽은 바뀌지 않습니다.',
    body: 'Docker는 다른 컨테이너의 네트워크에 합류한 컨테이너에 그 컨테이너의 호스트명을 주지만, UTS 네임스페이스는 따로 만듭니다.',
  },
  'sees.mnt.line': {
    title: '보이는 마운트',
    summary: '마운트 {count}개, /는 {source}의 {fstype}',
    body: '`/proc/PID/mountinfo`에서 마운트 수와 `/`에 마지막으로 마운트된 파일시스템을 읽습니다.',
  },
  'sees.mnt.same': {
    title: '마운트 같음',
    summary: '양쪽 모두 같은 마운트 {count}개를 보며, /는 {source}의 {fstype}입니다.',
    body: 'mount 네임스페이스가 하나: 한쪽에서 마운트하면 다른 쪽에도 나타납니다.',
  },
  'sees.mnt.different': {
    title: '파일시스템 다름',
    summary: '마운트 테이블이 각자 따로입니다. /는 {left}에서 {leftFstype}, {right}에서 {rightFstype}이며, 새 마운트는 shared나 slave 바인드 마운트를 통해서만 넘어갑니다.',
    body: 'mount 네임스페이스가 둘: 같은 소스를 양쪽이 마운트하지 않는 한, 한쪽의 볼륨이나 마운트는 다른 쪽에 보이지 않습니다.',
  },
  'sees.ipc.line': {
    title: '보이는 IPC 객체',
    summary: '공유 메모리 {shm}개, 세마포어 집합 {sem}개, 메시지 큐 {msg}개',
    body: '그 IPC 네임스페이스 안에서 읽은 `/proc/sysvipc/{shm,sem,msg}`의 줄 수입니다.',
  },
  'sees.ipc.same': {
    title: 'System V IPC 객체 같음',
    summary: '양쪽이 같은 객체({objects})를 보며, 한쪽이 다른 쪽의 공유 메모리에 붙을 수 있습니다.',
    body: 'IPC 네임스페이스가 하나: 공유 메모리, 세마포어, 메시지 큐를 양쪽이 함께 씁니다.',
  },
  'sees.ipc.different': {
    title: 'System V IPC 객체가 따로',
    summary: '서로의 객체에 붙을 수 없습니다. 같은 IPC 키라도 {left|과/와} {right}에서 다른 객체를 가리킵니다.',
    body: 'IPC 네임스페이스가 둘: 같은 IPC 키라도 양쪽에서 다른 객체를 가리킵니다.',
  },
  'sees.user.line': {
    title: '보이는 ID 매핑',
    summary: 'uid {uidMap}; gid {gidMap}',
    body: '`/proc/PID/uid_map`과 `gid_map`: 안 → 밖 (길이).',
  },
  'sees.user.same': {
    title: 'ID 매핑 같음',
    summary: '양쪽 모두 uid 매핑이 같습니다({uidMap}). 같은 uid는 같은 사용자입니다.',
    body: 'user 네임스페이스가 하나: ID와 권한(capability)이 양쪽에서 같은 뜻입니다.',
  },
  'sees.user.different': {
    title: 'ID 매핑 다름',
    summary: '{left|은/는} uid {leftUidMap}, {right|은/는} {rightUidMap}: 같은 uid 번호라도 다른 사용자입니다.',
    body: 'user 네임스페이스가 둘: 매핑이 그렇게 정하지 않는 한 한쪽의 root는 다른 쪽의 root가 아닙니다.',
  },
  'sees.user.different.equal': {
    title: 'ID 매핑은 같고 네임스페이스는 따로',
    summary: '양쪽 모두 uid 매핑이 같습니다({uidMap}). 같은 uid는 호스트에서 같은 사용자이지만, 한쪽의 권한(capability)은 다른 쪽에 통하지 않습니다.',
    body: '매핑이 같은 두 user 네임스페이스: 호스트에서의 소유자는 같고, 권한은 넘어가지 않습니다.',
  },
  'sees.cgroup.line': {
    title: '보이는 cgroup 경로',
    summary: 'cgroup {path}',
    body: '그쪽에서 읽은 `/proc/PID/cgroup`의 경로(전용 cgroup 네임스페이스에서는 `/`).',
  },
  'sees.cgroup.same': {
    title: 'cgroup 루트 같음',
    summary: '양쪽이 같은 루트에서 cgroup 경로를 읽습니다: {left|은/는} {leftPath}, {right|은/는} {rightPath}.',
    body: 'cgroup 네임스페이스가 하나: `/proc/PID/cgroup`의 경로를 양쪽에서 그대로 비교할 수 있습니다.',
  },
  'sees.cgroup.different': {
    title: 'cgroup 루트 다름',
    summary: '{left|은/는} 자기 cgroup을 {leftPath}(으)로, {right|은/는} {rightPath}(으)로 봅니다.',
    body: 'cgroup 네임스페이스가 둘: 각자 자기 루트에서 경로를 읽으며, 상위 cgroup의 제한은 그대로 적용됩니다.',
  },
  'sees.time.line': {
    title: '보이는 시계 오프셋',
    summary: 'monotonic {monotonic}, boottime {boottime}',
    body: '`/proc/PID/timens_offsets`: 그쪽의 monotonic 시계와 부팅 시간 시계가 얼마나 밀려 있는지.',
  },
  'sees.time.same': {
    title: '시계 같음',
    summary: '양쪽이 같은 monotonic·부팅 시간 시계를 봅니다(오프셋 {monotonic}, {boottime}). 가동 시간이 같습니다.',
    body: 'time 네임스페이스가 하나: 타이머와 가동 시간이 양쪽에서 같게 읽힙니다.',
  },
  'sees.time.different': {
    title: '시계가 밀려 있음',
    summary: '시계 오프셋 다름: {left} {leftMonotonic} / {leftBoottime}, {right} {rightMonotonic} / {rightBoottime}.',
    body: 'time 네임스페이스가 둘: 가동 시간과 monotonic 타임스탬프가 이만큼 다르며, 벽시계는 같습니다.',
  },
  'sees.time.different.equal': {
    title: '오프셋은 같고 네임스페이스는 따로',
    summary: '양쪽 시계가 같은 오프셋({monotonic}, {boottime})만큼 밀려 있지만 time 네임스페이스는 따로입니다.',
    body: '지금은 가동 시간이 같게 읽히며, time 네임스페이스의 오프셋은 첫 프로세스가 시작되면 고정됩니다.',
  },
};
