import type { Entry } from '../types';

/** 네임스페이스 종류, 컨테이너별 상태, 양쪽 비교 행. */
export const namespaces: Record<string, Entry> = {
  'ns.cgroup': {
    title: 'cgroup 네임스페이스',
    summary: '프로세스가 cgroup 트리의 어느 지점을 루트로 보는지 정합니다.',
    body: 'cgroup 네임스페이스는 `/proc/PID/cgroup`에 나오는 경로와 마운트된 cgroup 파일시스템의 보이는 범위를 가상화합니다. 전용 네임스페이스를 쓰면 컨테이너는 자기 cgroup을 `/`로 보고, 호스트 것을 쓰면 `/docker/<id>`로 봅니다. 경로만 가릴 뿐 제한은 그대로이며, 상위 cgroup의 제한도 계속 적용됩니다. Docker 기본값은 cgroup v1에서 **host**, cgroup v2에서 **private**입니다. cgroup_namespaces(7) 참고.',
  },
  'ns.ipc': {
    title: 'IPC 네임스페이스',
    summary: 'System V IPC 객체와 POSIX 메시지 큐를 격리합니다.',
    body: '공유 메모리 세그먼트, 세마포어, 메시지 큐(Docker에서는 `/dev/shm` tmpfs도 포함)는 IPC 네임스페이스에 속합니다. IPC 네임스페이스가 다르면 서로의 공유 메모리에 붙을 수 없습니다. 프로세스 간 공유 메모리를 쓰는 DB나 브라우저에서 중요합니다. ipc_namespaces(7) 참고.',
  },
  'ns.mnt': {
    title: 'mount 네임스페이스',
    summary: '그 안의 프로세스에 별도의 마운트 목록, 즉 별도의 루트 파일시스템을 줍니다.',
    body: 'mount 네임스페이스마다 마운트 테이블이 따로 있어서, 컨테이너의 `/`는 이미지의 overlay 파일시스템이고 볼륨과 바인드 마운트도 그 안에서만 보입니다. Docker는 항상 새로 만들며 호스트 것을 공유하는 옵션은 없습니다. 호스트에서는 `/proc/PID/root`로 안을 들여다볼 수 있습니다. mount_namespaces(7) 참고.',
  },
  'ns.net': {
    title: 'network 네임스페이스',
    summary: '인터페이스, IP 주소, 라우팅, 방화벽 규칙, 포트 공간을 소유합니다.',
    body: 'network 네임스페이스마다 `lo`, 인터페이스, 라우팅 테이블, iptables 규칙, 소켓이 따로 있어서 두 컨테이너가 모두 80번 포트를 열 수 있습니다. Docker는 보통 veth 쌍을 브리지에 꽂아 호스트와 연결합니다. 안에 들어가지 않고도 호스트에서 `/proc/PID/net/*`로 내용을 읽을 수 있습니다. network_namespaces(7) 참고.',
  },
  'ns.pid': {
    title: 'PID 네임스페이스',
    summary: '그 안의 프로세스에 1부터 시작하는 별도의 PID 번호 체계를 줍니다.',
    body: '새 PID 네임스페이스의 첫 프로세스는 안에서 PID 1이고 호스트에서는 다른 PID를 가집니다. `/proc/PID/status`의 `NSpid`에 둘 다 나옵니다. PID 1은 특별합니다. 고아 좀비를 거둬야 하고, 기본 시그널 핸들러가 없어서 핸들러 없는 SIGTERM은 무시됩니다. PID 1이 끝나면 커널이 네임스페이스 안의 나머지 프로세스를 모두 죽입니다. pid_namespaces(7) 참고.',
  },
  'ns.time': {
    title: 'time 네임스페이스',
    summary: 'monotonic 시계와 boot-time 시계에 오프셋을 줍니다(Linux 5.6 이상).',
    body: 'time 네임스페이스를 쓰면 `CLOCK_MONOTONIC`과 `CLOCK_BOOTTIME` 값을 다르게 볼 수 있습니다. 벽시계(wall clock)는 가상화되지 않습니다. Docker는 time 네임스페이스를 절대 분리하지 않으므로 모든 컨테이너가 호스트 것을 공유하고, uptime도 호스트와 같습니다. time_namespaces(7) 참고.',
  },
  'ns.user': {
    title: 'user 네임스페이스',
    summary: '그 안의 UID/GID를 바깥의 ID로 매핑합니다(호스트 자신의 것은 모든 ID를 그대로 매핑합니다).',
    body: 'user 네임스페이스마다 ID 매핑(`/proc/PID/uid_map`, `gid_map`)과 capability 집합이 따로 있습니다. Docker는 `userns-remap`(또는 rootless)일 때만 새로 만들고, 그 외에는 호스트 것을 공유하므로 안의 uid 0이 바깥의 uid 0입니다. user_namespaces(7) 참고.',
  },
  'ns.uts': {
    title: 'UTS 네임스페이스',
    summary: '호스트명과 NIS 도메인명을 담습니다.',
    body: 'UTS 네임스페이스가 따로 있으면 호스트에 영향 없이 컨테이너만의 호스트명을 가질 수 있습니다. Docker는 `--hostname`이 없으면 짧은 컨테이너 ID로 설정합니다. `--network container:X`는 network 네임스페이스만 공유하고 UTS는 공유하지 않습니다. uts_namespaces(7) 참고.',
  },

  'ns.cgroup.own': {
    title: '전용 cgroup 네임스페이스',
    summary: '컨테이너가 자기 cgroup을 cgroup 트리의 루트로 봅니다.',
    body: '안에서 `/proc/self/cgroup`을 보면 `/docker/<id>` 대신 `/`가 나오고, 상위 cgroup 경로는 보이지 않습니다. 제한은 달라지지 않습니다. 이름을 볼 수 없을 뿐 상위 cgroup이 여전히 제약합니다.',
  },
  'ns.cgroup.host': {
    title: '호스트와 공유하는 cgroup 네임스페이스',
    summary: '컨테이너가 엔진의 접두사와 ID가 들어간 실제 cgroup 경로(docker/ID, Podman에서는 libpod_parent/libpod-ID)를 그대로 봅니다.',
    body: 'cgroup v1에서 Docker의 기본값입니다. 안의 프로세스가 `/proc/self/cgroup`에서 실제 경로를 읽으므로 컨테이너 ID와 호스트의 cgroup 구조가 드러납니다. 그래도 마운트된 `/sys/fs/cgroup`에는 자기 하위 트리만 보이고, privileged가 아니면 제한을 바꿀 수 없습니다.',
  },
  'ns.cgroup.container': {
    title: '{peers} 컨테이너와 공유하는 cgroup 네임스페이스',
    summary: '그 안의 컨테이너들이 같은 cgroup 루트를 봅니다.',
    body: '둘 다 같은 루트 기준으로 cgroup 경로를 읽습니다. 경로가 보이는 방식만 같을 뿐, cgroup과 제한은 각자 따로입니다.',
  },
  'ns.ipc.own': {
    title: '전용 IPC 네임스페이스',
    summary: '공유 메모리와 메시지 큐가 이 컨테이너 전용입니다.',
    body: '밖에서는 이 컨테이너의 System V 공유 메모리나 세마포어에 붙을 수 없고, `/dev/shm`도 전용 tmpfs입니다(기본 64 MiB, `--shm-size`로 변경).',
  },
  'ns.ipc.host': {
    title: '호스트와 공유하는 IPC 네임스페이스',
    summary: '컨테이너가 호스트의 공유 메모리, 세마포어, 메시지 큐에 접근할 수 있습니다.',
    body: '`--ipc host`로 설정됩니다. 안에서 `ipcs`를 실행하면 호스트의 IPC 객체가 보이고, 권한만 맞으면 읽거나 지울 수 있습니다. 공유 메모리로 호스트 프로세스와 통신해야 하는 경우에만 쓰세요.',
  },
  'ns.ipc.container': {
    title: '{peers} 컨테이너와 공유하는 IPC 네임스페이스',
    summary: '그 안의 컨테이너들이 같은 공유 메모리, 세마포어, 메시지 큐를 봅니다.',
    body: '합류한 컨테이너는 `--ipc container:<주인>`으로 시작되었습니다. Docker는 주인 컨테이너가 `--ipc shareable`로 실행 중일 때만 허용하며, 기본값(`private`)인 주인은 "non-shareable IPC" 오류로 거부됩니다.',
  },
  'ns.mnt.own': {
    title: '전용 mount 네임스페이스',
    summary: '컨테이너에 자기 루트 파일시스템과 마운트 테이블이 있습니다.',
    body: 'Docker 컨테이너는 항상 이렇습니다. overlay 루트, 볼륨, `/proc`, `/sys` 같은 마운트는 호스트 마운트 테이블에 보이지 않지만, 호스트에서 `/proc/PID/root`로 탐색할 수 있습니다.',
  },
  'ns.mnt.host': {
    title: '호스트와 공유하는 mount 네임스페이스',
    summary: '프로세스가 호스트 파일시스템을 그대로 봅니다. 전혀 격리되지 않은 상태입니다.',
    body: 'Docker는 컨테이너를 이렇게 만들지 않습니다. 이 상태라면 Docker 격리 밖에서 시작됐거나 `nsenter -m`으로 호스트에 들어온 프로세스입니다.',
  },
  'ns.mnt.container': {
    title: '{peers} 컨테이너와 공유하는 mount 네임스페이스',
    summary: '그 안의 프로세스들이 완전히 같은 파일과 마운트를 봅니다.',
    body: 'Docker에는 이런 모드가 없습니다. 보통 다른 컨테이너에서 `docker exec`로 시작한 프로세스이거나 `nsenter -m`으로 들어간 경우입니다.',
  },
  'ns.net.own': {
    title: '전용 network 네임스페이스',
    summary: '컨테이너에 자기 인터페이스, IP 주소, 라우팅, 포트가 있습니다.',
    body: '외부와는 인터페이스(보통 브리지에 연결된 veth)로 통신합니다. 안에서 `localhost`는 컨테이너 자신이며, 열어 둔 포트는 `-p`로 publish하거나 컨테이너 IP로 접근해야 호스트에서 닿습니다.',
  },
  'ns.net.host': {
    title: '호스트와 공유하는 network 네임스페이스',
    summary: '컨테이너가 호스트의 인터페이스, IP, 포트를 직접 씁니다.',
    body: '`--network host`로 설정됩니다. veth도 NAT도 없어서, 안에서 80번 포트를 열면 곧 호스트의 80번 포트를 여는 것이고 `-p`는 효과가 없습니다. 안의 `localhost`는 호스트의 루프백입니다.',
  },
  'ns.net.container': {
    title: '{peers} 컨테이너와 공유하는 network 네임스페이스',
    summary: '인터페이스, IP, 포트가 같고, 한 컨테이너의 localhost로 다른 컨테이너에 닿습니다.',
    body: '합류한 컨테이너는 `--network container:<주인>`으로 시작되었습니다. Docker는 그 컨테이너의 네트워크를 따로 보고하지 않으며 주소는 주인의 것입니다. 두 컨테이너가 같은 포트를 동시에 열 수 없습니다. UTS 네임스페이스는 각자 따로 가지지만, Docker가 합류한 쪽에 주인의 호스트명을 그대로 줍니다(이 모드에서는 `--hostname`을 거부합니다). 주인이 멈추면 합류한 쪽에는 `lo`만 남습니다.',
  },
  'ns.pid.own': {
    title: '전용 PID 네임스페이스',
    summary: '컨테이너는 1번부터 매겨진 자기 프로세스만 봅니다.',
    body: '안에서 `ps`를 실행하면 컨테이너 프로세스만 나옵니다. init 프로세스는 안에서 PID 1이고 호스트에서는 다른 PID입니다. init이 끝나면 컨테이너의 다른 프로세스도 모두 종료됩니다.',
  },
  'ns.pid.host': {
    title: '호스트와 공유하는 PID 네임스페이스',
    summary: '컨테이너 안의 ps에 호스트 프로세스가 모두 보이고, 시그널도 보낼 수 있습니다.',
    body: '`--pid host`로 설정됩니다. 안의 PID가 곧 호스트 PID이고, 권한이 충분하면(user 네임스페이스 없는 root면 충분) 호스트 프로세스에 시그널을 보내거나 trace할 수 있습니다. 모니터링 에이전트는 일부러 이렇게 쓰지만 일반 서비스에는 쓰지 마세요.',
  },
  'ns.pid.container': {
    title: '{peers} 컨테이너와 공유하는 PID 네임스페이스',
    summary: '그 안의 컨테이너들이 서로의 프로세스를 보고 시그널을 보낼 수 있습니다.',
    body: '합류한 컨테이너는 `--pid container:<주인>`으로 시작되었습니다. 디버깅용 사이드카(`ps`, `strace`, `kill`)에서 흔한 구성입니다. 네임스페이스의 init은 주인 쪽 프로세스이며, 그것이 끝나면 두 컨테이너의 프로세스가 모두 종료됩니다.',
  },
  'ns.time.own': {
    title: '전용 time 네임스페이스',
    summary: '프로세스에 monotonic/boot-time 시계 오프셋이 따로 있습니다.',
    body: 'Docker는 time 네임스페이스를 분리하지 않으므로 컨테이너는 보통 호스트 것을 공유합니다. 전용이라면 다른 무언가가 만든 것입니다. 예: privileged 컨테이너 안에서 `unshare --time` 실행.',
  },
  'ns.time.host': {
    title: '호스트와 공유하는 time 네임스페이스',
    summary: '컨테이너가 호스트의 monotonic 시계와 uptime을 봅니다. 정상적인 상태입니다.',
    body: 'Docker는 time 네임스페이스를 분리하지 않으므로 모든 컨테이너가 이 상태입니다. 벽시계는 어차피 어떤 네임스페이스로도 가상화되지 않습니다.',
  },
  'ns.time.container': {
    title: '{peers} 컨테이너와 공유하는 time 네임스페이스',
    summary: 'monotonic/boot-time 시계가 같습니다.',
    body: 'Docker는 time 네임스페이스를 분리하지 않으므로 모든 컨테이너가 호스트 것을, 따라서 서로의 것을 공유합니다. 누가 설정한 결과가 아닙니다.',
  },
  'ns.user.own': {
    title: '전용 user 네임스페이스',
    summary: '컨테이너 안의 UID가 호스트의 다른 UID로 매핑됩니다.',
    body: '컨테이너 root는 호스트에서 권한 없는 사용자이며(`userns-remap`이면 예: uid 231072), capability도 자기 네임스페이스 안에서만 유효합니다. 정확한 매핑은 uid_map 행을 보세요.',
  },
  'ns.user.host': {
    title: '호스트와 공유하는 user 네임스페이스',
    summary: '컨테이너 root가 곧 호스트 root입니다.',
    body: '`userns-remap`이나 rootless Docker가 아니면 안의 uid 0이 바깥의 uid 0입니다. capability, seccomp, mount 네임스페이스가 할 수 있는 일을 줄일 뿐, 바인드 마운트로 닿는 파일은 진짜 root로 기록되고, 탈출하면 호스트 root가 됩니다.',
  },
  'ns.user.container': {
    title: '{peers} 컨테이너와 공유하는 user 네임스페이스',
    summary: '그 안의 컨테이너들이 같은 ID 매핑을 씁니다.',
    body: '`userns-remap` 환경에서는 모든 컨테이너가 데몬의 매핑된 user 네임스페이스를 공유하므로, 어느 쪽에서든 같은 uid는 호스트에서도 같은 uid입니다.',
  },
  'ns.uts.own': {
    title: '전용 UTS 네임스페이스',
    summary: '컨테이너에 자기 호스트명이 있습니다.',
    body: '안에서 호스트명을 바꿔도 호스트에는 영향이 없습니다. `--hostname`이 없으면 Docker가 짧은 컨테이너 ID로 설정하고, 다른 컨테이너의 network 네임스페이스에 합류한 컨테이너(`--network container:X`)에는 그 컨테이너의 호스트명을 줍니다.',
  },
  'ns.uts.host': {
    title: '호스트와 공유하는 UTS 네임스페이스',
    summary: '컨테이너가 호스트의 호스트명을 쓰며, 권한 있는 프로세스는 이를 바꿀 수도 있습니다.',
    body: '`--uts host`로 설정됩니다. 안에서 `hostname`을 실행하면 호스트명이 나오고, `CAP_SYS_ADMIN`이 있으면 호스트명을 바꿀 수 있습니다.',
  },
  'ns.uts.container': {
    title: '{peers} 컨테이너와 공유하는 UTS 네임스페이스',
    summary: '그 안의 프로세스들이 같은 호스트명을 씁니다.',
    body: 'Docker는 UTS를 다른 컨테이너와 공유할 수 없으므로(`--uts`는 `host`만 허용), 보통 다른 컨테이너에서 `docker exec`로 시작한 프로세스입니다.',
  },

  'diff.cgroup.same': {
    title: 'cgroup 네임스페이스 같음',
    summary: '{left|과/와} {right|이/가} 같은 루트에서 cgroup 트리를 봅니다.',
    body: '`/proc/PID/cgroup`의 경로가 양쪽에서 같은 방식으로 읽힙니다. cgroup과 제한은 각자 따로입니다.',
  },
  'diff.cgroup.different': {
    title: 'cgroup 네임스페이스 다름',
    summary: '{left|과/와} {right|이/가} 서로 다른 루트에서 cgroup 트리를 봅니다.',
    body: '같은 cgroup도 양쪽에서 경로 이름이 다르게 보일 수 있습니다. 제한에는 영향이 없습니다.',
  },
  'diff.ipc.same': {
    title: 'IPC 네임스페이스 같음',
    summary: '{left|과/와} {right|이/가} 공유 메모리, 세마포어, 메시지 큐를 함께 씁니다.',
    body: '한쪽이 만든 공유 메모리 세그먼트에 다른 쪽이 붙을 수 있습니다(파일과 비슷한 권한 검사는 적용).',
  },
  'diff.ipc.different': {
    title: 'IPC 네임스페이스 다름',
    summary: '{left|과/와} {right|은/는} 서로의 공유 메모리나 메시지 큐를 볼 수 없습니다.',
    body: '각자 System V IPC 객체와 `/dev/shm`이 따로 있습니다.',
  },
  'diff.mnt.same': {
    title: 'mount 네임스페이스 같음',
    summary: '{left|과/와} {right|이/가} 같은 파일과 마운트를 봅니다.',
    body: '한쪽에서 한 마운트가 다른 쪽에도 보입니다. Docker 컨테이너 둘 사이에서는 생기지 않는 일이라, 보통 한쪽이 다른 쪽의 `docker exec` 프로세스입니다.',
  },
  'diff.mnt.different': {
    title: 'mount 네임스페이스 다름',
    summary: '{left|과/와} {right|은/는} 각자 루트 파일시스템과 마운트가 있습니다.',
    body: '파일은 양쪽이 모두 마운트한 볼륨이나 바인드 마운트를 통해서만 공유됩니다.',
  },
  'diff.net.same': {
    title: 'network 네임스페이스 같음',
    summary: '{left|과/와} {right|이/가} 인터페이스, IP, 포트를 공유하며, 한쪽의 localhost가 곧 다른 쪽의 localhost입니다.',
    body: '같은 포트를 둘 다 열 수 없고, 둘 사이 트래픽은 루프백 밖으로 나가지 않습니다.',
  },
  'diff.net.different': {
    title: 'network 네임스페이스 다름',
    summary: '{left|과/와} {right|은/는} 인터페이스, IP, 포트가 따로입니다.',
    body: '`localhost`가 아니라 네트워크(공통 브리지나 호스트 라우팅)를 거쳐 통신합니다. 같은 포트 번호를 둘 다 열 수 있습니다.',
  },
  'diff.pid.same': {
    title: 'PID 네임스페이스 같음',
    summary: '{left|과/와} {right|이/가} 서로의 프로세스를 보고 시그널을 보낼 수 있습니다.',
    body: 'PID 번호가 양쪽에서 같은 의미이며, 권한이 있으면 상대 프로세스를 `kill`하거나 `ptrace`할 수 있습니다.',
  },
  'diff.pid.different': {
    title: 'PID 네임스페이스 다름',
    summary: '{left|과/와} {right|은/는} PID 번호 체계가 따로입니다.',
    body: '한쪽의 PID 1은 다른 쪽의 PID 1이 아닙니다. 다만 자기보다 아래에 중첩된 PID 네임스페이스의 프로세스는 보이므로, 호스트에서는 컨테이너 프로세스가 보입니다.',
  },
  'diff.time.same': {
    title: 'time 네임스페이스 같음',
    summary: '{left|과/와} {right|이/가} 같은 monotonic/boot-time 시계를 봅니다.',
    body: '예상된 결과입니다. Docker는 time 네임스페이스를 분리하지 않습니다.',
  },
  'diff.time.different': {
    title: 'time 네임스페이스 다름',
    summary: '{left|과/와} {right}의 monotonic/boot-time 시계가 다를 수 있습니다.',
    body: 'Docker는 time 네임스페이스를 분리하지 않으므로, 한쪽은 `unshare --time` 같은 다른 수단으로 만들어진 것입니다. 벽시계는 어느 쪽이든 같습니다.',
  },
  'diff.user.same': {
    title: 'user 네임스페이스 같음',
    summary: '{left|과/와} {right|이/가} 같은 방식으로 UID를 매핑합니다.',
    body: '같은 uid는 양쪽에서 같은 사용자이므로, 공유 볼륨에 한쪽이 쓴 파일의 소유자가 다른 쪽에서도 맞습니다. 이것이 호스트의 user 네임스페이스라면 양쪽의 root는 진짜 root입니다.',
  },
  'diff.user.different': {
    title: 'user 네임스페이스 다름',
    summary: '{left|과/와} {right|은/는} UID 매핑이 다릅니다.',
    body: '한쪽의 uid 0이 다른 쪽의 uid 0이 아닙니다. 각자 어떤 호스트 ID를 쓰는지는 uid_map 행을 비교해 보세요.',
  },
  'diff.uts.same': {
    title: 'UTS 네임스페이스 같음',
    summary: '{left|과/와} {right|이/가} 호스트명을 공유합니다.',
    body: '한쪽에서 호스트명을 바꾸면 다른 쪽도 바뀝니다.',
  },
  'diff.uts.different': {
    title: 'UTS 네임스페이스 다름',
    summary: '{left|과/와} {right|은/는} 호스트명이 각자 따로입니다.',
    body: '이름은 같을 수 있습니다. Docker는 다른 컨테이너의 네트워크에 합류한 컨테이너(`--network container:X`)에 그 컨테이너의 호스트명을 주고, 이름이 우연히 같을 수도 있습니다. 호스트명을 공유하는지는 네임스페이스 inode로만 알 수 있습니다.',
  },
  'diff.notRunning': {
    title: '실행 중 아님',
    summary: '한쪽이 실행 중이 아닌 컨테이너입니다. 프로세스가 없으므로 시작하기 전에는 비교할 네임스페이스가 없습니다.',
    body: '컨테이너의 네임스페이스는 그 프로세스가 실행되는 동안에만 있습니다. 시작한 뒤(`docker start`) 다시 비교하세요.',
  },
  'diff.unknown': {
    title: '비교 불가',
    summary: '한쪽 네임스페이스를 읽지 못해 공유 여부를 알 수 없습니다.',
    body: '`/proc/PID/ns/*`를 읽으려면 해당 프로세스에 ptrace 수준의 접근 권한이 필요합니다. root나 프로세스 소유자로 실행하거나 헬퍼 컨테이너가 읽도록 허용하세요. root도 거부될 수 있으며(감독 프로세스의 PID 1, 보안 모듈), 누가 거부되었는지는 그쪽의 이유에 나옵니다. 멈춘 컨테이너는 비교할 네임스페이스가 없습니다.',
  },
  'diff.kernels.different': {
    title: '서로 다른 커널: 공유하는 것 없음',
    summary: '{left|과/와} {right|은/는} 커널이 서로 다른 엔진에서 실행되며, 서로 다른 커널의 네임스페이스는 절대 공유되지 않습니다.',
    body: '네임스페이스는 하나의 커널에 속합니다. 두 머신(또는 머신과 VM)의 컨테이너는 inode 번호가 같아도 네임스페이스를 공유하지 않습니다. 초기 네임스페이스는 모든 리눅스 커널에서 같은 고정 번호를 가지며, 다른 번호도 우연히 겹칠 수 있습니다. 공유 여부를 보려면 같은 엔진, 또는 같은 커널 위의 엔진들의 컨테이너를 비교하세요.',
  },
  'diff.kernels.unknown': {
    title: '같은 커널인지 알 수 없음',
    summary: '{left|과/와} {right|은/는} 서로 다른 엔진에 있고, 두 엔진이 같은 커널에서 실행된다는 근거가 없어 공유 여부를 알 수 없습니다.',
    body: '서로 다른 커널의 네임스페이스는 절대 공유되지 않으며, 두 커널에서 온 inode 번호가 같아도 의미가 없습니다. 이 머신의 /proc에서 두 엔진의 컨테이너가 모두 보일 때 두 엔진이 같은 커널을 쓴다고 알 수 있습니다. 여기서는 적어도 한 엔진이 원격이거나 VM 안에 있거나 헬퍼 컨테이너로 읽혔습니다.',
  },
  'diff.kernels.same': {
    title: '엔진 둘, 커널 하나',
    summary: '{left|과/와} {right}의 엔진은 둘 다 이 머신의 커널에서 실행되므로, 두 컨테이너는 네임스페이스를 공유할 수 있고 inode를 비교합니다.',
    body: '한 머신의 dockerd 두 개는 같은 커널 위에서 컨테이너를 시작합니다. 각 엔진의 컨테이너가 호스트의 user, time, cgroup 네임스페이스에 함께 있거나, 둘 다 호스트의 네트워크나 PID 네임스페이스에 들어갈 수 있습니다. 각자 만든 네임스페이스는 한 컨테이너가 다른 쪽에 직접 들어가지 않는 한(예: nsenter) 엔진 사이에서 공유되지 않습니다.',
  },
};
