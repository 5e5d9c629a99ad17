import type { Entry } from '../types';

/** compose 키(대부분 services.<이름> 아래)와 의미를 바꾸는 값. */
export const compose: Record<string, Entry> = {
  'compose.services': {
    title: 'services',
    summary: '항목 하나가 이 프로젝트의 컨테이너 하나 이상이 됩니다.',
    body: '서비스 이름은 컨테이너 이름의 일부가 되고, 프로젝트 네트워크에서 DNS 이름이 됩니다. 컨테이너에는 `com.docker.compose.service` 라벨이 붙으므로 실행 중인 컨테이너를 여기 서비스와 다시 연결할 수 있습니다.',
  },
  'compose.extension': {
    title: '확장 블록 {block}',
    summary: 'x-로 시작하는 최상위 키입니다. Compose가 무시하므로 서비스가 YAML 앵커로 가져다 쓸 설정을 둘 수 있습니다.',
    body: '설정을 앵커와 함께 한 번 쓰고(`x-defaults: &defaults`), 서비스에서 병합 키(`<<: *defaults`)로 가져오거나 한 키의 값으로(`logging: *default-logging`) 씁니다. 병합은 얕습니다: 서비스가 직접 정한 키는 병합된 값을 통째로 대신하며, `deploy` 같은 중첩 맵도 마찬가지입니다. 앵커는 한 파일 안에서만 통합니다.',
  },
  'compose.extension.users': {
    title: '{block}에서 가져옴',
    summary: '이 설정을 {block}에서 가져오는 이 파일의 서비스({count}개): {services}.',
    body: '블록을 병합하지만 같은 키를 직접 정한 서비스는 목록에 없습니다. 그 서비스 자신의 값이 병합된 값을 대신합니다.',
  },
  'compose.extension.aliased': {
    title: '{block} 사용',
    summary: '{block|을/를} 쓰는 이 파일의 서비스({count}개): {services}.',
    body: '블록 앵커를 `*별칭`으로 가리키는 서비스를 찾았습니다. 서비스가 너무 많아 각 서비스가 직접 덮어쓴 키는 확인하지 않았습니다.',
  },
  'compose.extension.unused': {
    title: '{block}에서 가져오지 않음',
    summary: '이 파일에서 이 설정을 {block}에서 가져오는 서비스는 없습니다.',
    body: '블록의 이 부분을 병합하거나 별칭으로 쓰는 서비스가 없거나, 쓰는 서비스가 모두 이 키를 직접 정했습니다. 앵커는 한 파일 안에서만 통하므로 다른 Compose 파일은 쓸 수 없습니다.',
  },
  'compose.merge': {
    title: 'YAML 병합 키',
    summary: '가리키는 앵커 맵({sources})의 키를 이 맵에 복사합니다. 이 맵이 직접 정한 키는 빼고요.',
    body: '목록(`<<: [*a, *b]`)이면 앞쪽 맵이 뒤쪽보다 우선합니다. 병합은 얕습니다: 이 맵이 `deploy`나 `environment`를 직접 정하면 병합된 값은 합쳐지지 않고 대체됩니다. Compose가 파일을 읽을 때 적용하며, `docker compose config`로 결과를 볼 수 있습니다.',
  },
  'compose.interpolation': {
    title: '값 안의 변수',
    summary: 'Compose가 파일을 읽을 때(docker compose up, config, run) {variables|을/를} 치환합니다. 컨테이너는 결과만 봅니다.',
    body: '값은 `docker compose` 명령의 환경 변수에서, 그다음 프로젝트 디렉터리의 `.env` 파일(또는 `--env-file`)에서 옵니다. `${VAR:-default}`는 변수가 없거나 비면 기본값을, `${VAR:?message}`는 오류로 멈추며, `$$`는 글자 그대로의 달러 기호입니다. 이 값이 가리키는 것(서비스, 컨테이너, 경로)은 치환 뒤에야 정해집니다: `docker compose config`로 확인하세요.',
  },
  'compose.image': {
    title: 'image',
    summary: '서비스 컨테이너가 시작할 이미지입니다.',
    body: '`build:`도 있으면 빌드한 이미지에 이 이름이 붙습니다. 이미지가 주는 기본값(사용자, 명령, expose 포트)은 여기 다른 키로 덮어씁니다.',
  },
  'compose.build': {
    title: 'build',
    summary: '이미지를 받아 오지 않고 Dockerfile로 빌드합니다.',
    body: '컨텍스트 디렉터리가 빌더로 전송되고, Dockerfile의 `USER`, `EXPOSE`, `CMD`가 컨테이너의 기본값이 됩니다.',
  },
  'compose.container_name': {
    title: 'container_name',
    summary: '컨테이너 이름을 project-service-N 대신 고정합니다.',
    body: '이름이 고정되면 서비스를 컨테이너 두 개 이상으로 늘릴 수 없습니다.',
  },
  'compose.mem_limit': {
    title: 'mem_limit',
    summary: '컨테이너의 하드 메모리 제한입니다(docker run --memory).',
    body: '`memory.limit_in_bytes`(v1) 또는 `memory.max`(v2)에 기록됩니다. 한도에 닿으면 호스트에 여유 메모리가 얼마나 있든 커널이 컨테이너 안의 프로세스를 OOM kill합니다. `deploy.resources.limits.memory`와 같은 설정이니 둘을 다른 값으로 함께 쓰지 마세요.',
  },
  'compose.mem_reservation': {
    title: 'mem_reservation',
    summary: '호스트 메모리가 부족할 때 쓰이는 소프트 메모리 목표입니다(--memory-reservation).',
    body: '`memory.soft_limit_in_bytes`(v1) 또는 `memory.low`(v2)에 기록됩니다. 사용량에 상한을 두지는 않습니다.',
  },
  'compose.memswap_limit': {
    title: 'memswap_limit',
    summary: '컨테이너가 쓸 수 있는 메모리와 스왑의 합계입니다(--memory-swap).',
    body: '스왑 양이 아니라 합계입니다. `mem_limit`만 있고 이 값이 없으면 Docker가 같은 양만큼 스왑을 더 허용합니다(합계는 메모리의 두 배). `mem_limit`과 같게 주면 스왑이 꺼지고, `-1`이면 스왑이 무제한입니다.',
  },
  'compose.cpus': {
    title: 'cpus',
    summary: 'CPU 개수로 나타낸 CPU 제한이며(--cpus), throttling으로 적용됩니다.',
    body: '`cpus: 0.5`는 100 ms period마다 50 ms quota를 줍니다. quota를 넘으면 프로세스는 스로틀링되어 다음 period까지 기다리며, 죽는 것은 없습니다.',
  },
  'compose.cpu_shares': {
    title: 'cpu_shares',
    summary: '경합 시의 상대 CPU 가중치입니다(기본 1024).',
    body: 'v1에서는 `cpu.shares`에 기록되고 v2에서는 `cpu.weight`로 변환됩니다. CPU가 한가할 때는 아무 효과가 없습니다.',
  },
  'compose.cpu_quota': {
    title: 'cpu_quota',
    summary: 'period마다 컨테이너가 쓸 수 있는 CPU 시간(마이크로초)입니다(--cpu-quota).',
    body: '`cpu_period`와 함께 `cpus`와 같은 제한을 겁니다. `cpus`와 함께 쓸 수 없습니다.',
  },
  'compose.cpu_period': {
    title: 'cpu_period',
    summary: 'CPU 스케줄링 period의 길이(마이크로초)입니다(기본 100000).',
    body: '`cpu_quota`와 함께 씁니다. period가 짧으면 throttling으로 멈추는 시간은 짧아지지만 스케줄러 부담은 커집니다.',
  },
  'compose.cpuset': {
    title: 'cpuset',
    summary: '컨테이너가 실행될 수 있는 CPU입니다. 예: "0-1"(--cpuset-cpus).',
    body: '`cpuset.cpus`에 기록됩니다. 시간을 제한하는 것이 아니라 프로세스를 특정 코어에 고정합니다.',
  },
  'compose.pids_limit': {
    title: 'pids_limit',
    summary: '컨테이너의 최대 프로세스·스레드 수입니다(--pids-limit).',
    body: '`pids.max`에 기록됩니다. 한도에 닿으면 새 fork가 EAGAIN으로 실패할 뿐 죽는 프로세스는 없습니다. `-1`이나 `0`이면 무제한입니다.',
  },
  'compose.oom_kill_disable': {
    title: 'oom_kill_disable',
    summary: '이 컨테이너에 대해 OOM killer를 끕니다(cgroup v1 전용).',
    body: '그러면 메모리 한도에서 프로세스가 죽는 대신 메모리를 기다리며 멈춥니다. 메모리 제한 없이 쓰면 호스트 OOM killer가 다른 프로세스를 고를 수 있어 위험합니다.',
  },
  'compose.shm_size': {
    title: 'shm_size',
    summary: '컨테이너 /dev/shm의 크기입니다(기본 64 MiB).',
    body: '`/dev/shm`은 컨테이너 IPC·mount 네임스페이스 안의 tmpfs이며, 여기 쓴 페이지는 메모리 제한에 포함됩니다. 브라우저나 DB는 기본값보다 많이 필요한 경우가 많습니다.',
  },
  'compose.deploy': {
    title: 'deploy',
    summary: '배포 설정입니다. replicas, 재시작·업데이트 정책, 리소스를 담습니다.',
    body: 'Docker Compose는 `resources`와 `replicas`를 로컬 컨테이너에도 적용하며, 나머지는 Swarm에서만 의미가 있습니다.',
  },
  'compose.deploy.resources': {
    title: 'deploy.resources',
    summary: '서비스 컨테이너의 리소스 제한과 예약입니다.',
    body: '`limits`는 cgroup 제한(메모리, CPU, 프로세스 수)이 되고 `reservations`는 소프트 보장입니다. `mem_limit`, `cpus`, `pids_limit`과 같은 cgroup 파일에 기록됩니다.',
  },
  'compose.deploy.resources.limits': {
    title: 'deploy.resources.limits',
    summary: '하드 상한인 memory, cpus, pids로, 컨테이너 cgroup에 기록됩니다.',
    body: '`memory`는 `mem_limit`처럼(한도에서 OOM kill), `cpus`는 `cpus`처럼(throttling), `pids`는 `pids_limit`처럼(fork 실패) 동작합니다. 상위 cgroup 때문에 실효 제한이 더 낮을 수 있습니다.',
  },
  'compose.deploy.resources.reservations': {
    title: 'deploy.resources.reservations',
    summary: '소프트 보장입니다. memory는 예약값이 되고, GPU 같은 장치도 여기서 요청합니다.',
    body: '`memory`는 `mem_reservation`처럼 기록됩니다(`memory.soft_limit_in_bytes` 또는 `memory.low`). Swarm에서는 어느 노드가 태스크를 받을지도 예약값으로 정합니다.',
  },
  'compose.network_mode': {
    title: 'network_mode',
    summary: '컨테이너의 network 네임스페이스를 고릅니다. 전용, 호스트, 없음, 다른 컨테이너 것 중 하나입니다.',
    body: '값: `bridge`, `host`, `none`, `service:<이름>`, `container:<이름>`. `networks:`와 함께 쓸 수 없습니다.',
  },
  'compose.network_mode.host': {
    title: 'network_mode: host',
    summary: '컨테이너가 호스트의 network 네임스페이스를 씁니다. 격리도 포트 매핑도 없습니다.',
    body: '서버가 호스트 포트에 바로 bind하며 `ports:`는 무시됩니다. 안의 `localhost`가 곧 호스트입니다.',
  },
  'compose.network_mode.none': {
    title: 'network_mode: none',
    summary: '컨테이너가 루프백만 있는 network 네임스페이스를 가집니다.',
    body: '네트워크로 나갈 수도 들어올 수도 없습니다.',
  },
  'compose.network_mode.bridge': {
    title: 'network_mode: bridge',
    summary: '컨테이너가 프로젝트 네트워크 대신 Docker 기본 브리지(docker0)에 붙습니다.',
    body: '기본 브리지에서는 서비스 이름으로 DNS 조회가 되지 않아, 다른 서비스는 IP로만 접근할 수 있습니다.',
  },
  'compose.network_mode.service': {
    title: 'network_mode: service:{name}',
    summary: '컨테이너가 서비스 {name}의 network 네임스페이스에 합류합니다.',
    body: '인터페이스, IP, 포트가 {name|과/와} 같고 둘은 `localhost`로 서로 닿습니다. compose가 {name|을/를} 먼저 시작합니다. VPN이나 프록시 사이드카에서 흔히 씁니다.',
  },
  'compose.network_mode.container': {
    title: 'network_mode: container:{name}',
    summary: '컨테이너가 이미 있는 컨테이너 {name}의 network 네임스페이스에 합류합니다.',
    body: '인터페이스, IP, 포트가 {name|과/와} 같습니다. {name|이/가} 다시 만들어지면 이 컨테이너는 네트워크가 사라진 네임스페이스에 남습니다.',
  },
  'compose.networks': {
    title: 'networks',
    summary: '이 서비스의 컨테이너가 붙을 네트워크이며, 하나마다 인터페이스가 하나씩 늘어납니다.',
    body: '네트워크마다 컨테이너는 veth 하나, 그 네트워크 서브넷의 IP 하나, 서비스 이름(과 `aliases`)의 DNS 항목을 받습니다. 이 키가 없으면 프로젝트의 `default` 네트워크에 붙습니다.',
  },
  'compose.networks.toplevel': {
    title: 'networks (최상위)',
    summary: '프로젝트 네트워크를 선언하며, 브리지 네트워크마다 br-와 네트워크 ID로 된 호스트 브리지가 생깁니다.',
    body: 'compose는 이를 내장 DNS가 있는 사용자 정의 네트워크로 만듭니다. `external: true`면 새로 만들지 않고 기존 네트워크를 씁니다.',
  },
  'compose.networks.internal': {
    title: 'internal',
    summary: '내부 네트워크입니다. 그 안의 컨테이너끼리, 그리고 호스트와는 닿지만, 호스트 너머에는 닿지 못합니다.',
    body: 'Docker는 이 네트워크에 NAT도 밖으로 나가는 길도 두지 않고, 포트도 이 네트워크로는 게시하지 않습니다. 다른 네트워크에도 연결된 컨테이너는 밖으로 나가는 길과 게시된 `ports`를 그 네트워크에서 얻습니다.',
  },
  'compose.ports': {
    title: 'ports',
    summary: '컨테이너 포트를 호스트에 publish합니다(-p).',
    body: '`"8080:80"`은 호스트의 모든 주소의 8080 포트를 NAT 규칙으로 컨테이너 80 포트에 넘기고, `"127.0.0.1:8080:80"`은 로컬에서만 열어 둡니다. 게시된 포트는 호스트 INPUT 방화벽 규칙을 우회합니다.',
  },
  'compose.expose': {
    title: 'expose',
    summary: '다른 서비스를 위해 포트를 문서화할 뿐, 호스트에 아무것도 publish하지 않습니다.',
    body: '같은 네트워크의 다른 컨테이너는 여기 적혀 있든 없든 listen 중인 포트에 접근할 수 있습니다. 호스트 주소에서 닿게 하는 것은 `ports:`뿐입니다.',
  },
  'compose.pid': {
    title: 'pid',
    summary: 'PID 네임스페이스를 고릅니다. 호스트, 다른 서비스, 다른 컨테이너 중 하나입니다.',
    body: '값이 없으면 컨테이너는 자기 PID 네임스페이스를 가지고 자기 프로세스만 봅니다.',
  },
  'compose.pid.host': {
    title: 'pid: host',
    summary: '컨테이너가 호스트의 모든 프로세스를 보고 시그널을 보낼 수 있습니다.',
    body: '안의 PID가 곧 호스트 PID이고, user 네임스페이스 없는 root라면 호스트 프로세스를 kill하거나 trace할 수 있습니다. 모니터링·디버깅 도구용입니다.',
  },
  'compose.pid.service': {
    title: 'pid: service:{name}',
    summary: '컨테이너가 서비스 {name}의 PID 네임스페이스를 공유합니다.',
    body: '{name}의 프로세스를 보고 trace하고 시그널을 보낼 수 있어 디버깅 사이드카에 알맞습니다.',
  },
  'compose.pid.container': {
    title: 'pid: container:{name}',
    summary: '컨테이너가 컨테이너 {name}의 PID 네임스페이스를 공유합니다.',
    body: '{name}의 프로세스를 보고 시그널을 보낼 수 있습니다.',
  },
  'compose.ipc': {
    title: 'ipc',
    summary: 'IPC 네임스페이스를 고릅니다. private(기본), shareable, host, 또는 다른 컨테이너 것입니다.',
    body: 'IPC 네임스페이스에는 System V 공유 메모리, 세마포어, 메시지 큐가 들어 있으며 `/dev/shm`도 이를 따라갑니다.',
  },
  'compose.ipc.host': {
    title: 'ipc: host',
    summary: '컨테이너가 호스트의 공유 메모리, 세마포어, 메시지 큐를 씁니다.',
    body: '권한이 허락하면 호스트 프로세스의 IPC 객체에 붙거나 지울 수 있습니다.',
  },
  'compose.ipc.shareable': {
    title: 'ipc: shareable',
    summary: '다른 컨테이너가 합류할 수 있는 전용 IPC 네임스페이스입니다.',
    body: '다른 서비스가 `ipc: service:<이름>`이나 `container:<이름>`으로 공유하려면 제공하는 쪽이 이 값이어야 합니다. 기본값 `private`인 컨테이너는 거부됩니다.',
  },
  'compose.ipc.private': {
    title: 'ipc: private',
    summary: '다른 컨테이너가 합류할 수 없는 전용 IPC 네임스페이스입니다.',
    body: '기본값입니다. 다른 컨테이너와 공유하려면 `shareable`을 쓰세요.',
  },
  'compose.ipc.service': {
    title: 'ipc: service:{name}',
    summary: '컨테이너가 서비스 {name}의 IPC 네임스페이스에 합류합니다.',
    body: '둘이 같은 공유 메모리를 쓸 수 있습니다. 서비스 {name|이/가} `ipc: shareable`로 선언되어 있지 않으면 Docker가 이 컨테이너의 시작을 거부합니다.',
  },
  'compose.ipc.container': {
    title: 'ipc: container:{name}',
    summary: '컨테이너가 컨테이너 {name}의 IPC 네임스페이스에 합류합니다.',
    body: '컨테이너 {name|이/가} `ipc: shareable`로 시작되어 있어야 합니다.',
  },
  'compose.uts': {
    title: 'uts',
    summary: 'UTS 네임스페이스(호스트명)를 고르며, host만 허용됩니다.',
    body: '값이 없으면 컨테이너는 자기 호스트명을 가집니다.',
  },
  'compose.uts.host': {
    title: 'uts: host',
    summary: '컨테이너가 호스트의 호스트명을 씁니다.',
    body: '권한 있는 프로세스는 안에서 호스트명을 바꿀 수도 있습니다. `hostname:`과 함께 쓸 수 없습니다.',
  },
  'compose.userns_mode': {
    title: 'userns_mode',
    summary: 'host로 설정하면 이 서비스만 데몬의 user 네임스페이스 재매핑에서 빠집니다.',
    body: '데몬이 `userns-remap`으로 돌 때만 의미가 있으며, 이때 `host`면 이 서비스의 컨테이너 root가 다시 진짜 호스트 root가 됩니다.',
  },
  'compose.userns_mode.host': {
    title: 'userns_mode: host',
    summary: '컨테이너가 호스트의 user 네임스페이스를 씁니다. 컨테이너 root가 곧 호스트 root입니다.',
    body: '이 서비스에 한해 `userns-remap`을 해제합니다. 보통 호스트 소유 파일이 필요하거나 privileged 모드가 필요한 컨테이너에 씁니다.',
  },
  'compose.cgroup': {
    title: 'cgroup',
    summary: 'cgroup 네임스페이스를 host 또는 private 중에서 고릅니다.',
    body: 'Docker 기본값은 cgroup v1에서 `host`, cgroup v2에서 `private`입니다. 달라지는 것은 cgroup 경로뿐이며 제한은 어느 쪽이든 적용됩니다.',
  },
  'compose.cgroup.host': {
    title: 'cgroup: host',
    summary: '컨테이너가 docker/ 접두사와 ID가 들어간 전체 cgroup 경로를 봅니다.',
    body: '호스트의 cgroup 네임스페이스를 쓰며, 제한은 달라지지 않습니다.',
  },
  'compose.cgroup.private': {
    title: 'cgroup: private',
    summary: '컨테이너가 자기 cgroup을 루트로 봅니다.',
    body: '전용 cgroup 네임스페이스를 받으며, 상위 cgroup의 제약은 그대로 받습니다.',
  },
  'compose.cgroup_parent': {
    title: 'cgroup_parent',
    summary: '컨테이너 cgroup을 원하는 상위 cgroup 아래에 둡니다.',
    body: 'cgroupfs에서는 `<parent>/<id>`가 되고, systemd에서는 상위가 `myapp.slice` 같은 slice여야 합니다. 상위에 건 제한은 그 아래 모든 컨테이너에 적용되므로, 실효 제한이 컨테이너 자신의 값보다 낮아질 수 있습니다.',
  },
  'compose.privileged': {
    title: 'privileged',
    summary: '컨테이너에 모든 capability와 모든 장치를 주고 seccomp·AppArmor 제약을 없앱니다.',
    body: '네임스페이스는 여전히 있지만, 안의 root가 파일시스템을 마운트하고 커널 모듈을 올리고 호스트 장치에 접근할 수 있어 탈출이 쉽습니다. 필요한 `cap_add`와 `devices`만 지정하는 편이 낫습니다.',
  },
  'compose.cap_add': {
    title: 'cap_add',
    summary: '컨테이너 root(와 이를 유지하는 프로세스)에 Linux capability를 추가합니다.',
    body: '예: 컨테이너 자신의 네트워크 설정을 바꾸는 `NET_ADMIN`. capability는 컨테이너 네임스페이스 안에서 적용되지만, user 네임스페이스가 없으면 `SYS_ADMIN`처럼 호스트에 닿는 것도 있습니다. capabilities(7) 참고.',
  },
  'compose.cap_drop': {
    title: 'cap_drop',
    summary: 'Docker 기본 capability 집합에서 일부를 뺍니다.',
    body: '`cap_drop: [ALL]`로 모두 빼고 필요한 것만 `cap_add`로 넣는 것이 흔히 쓰는 가장 엄격한 구성입니다.',
  },
  'compose.security_opt': {
    title: 'security_opt',
    summary: 'seccomp, AppArmor, SELinux, no-new-privileges 옵션입니다.',
    body: '`no-new-privileges:true`는 setuid 바이너리가 권한을 얻지 못하게 하고, `seccomp=unconfined`는 시스템 콜 필터를 없앱니다.',
  },
  'compose.hostname': {
    title: 'hostname',
    summary: '컨테이너 UTS 네임스페이스 안의 호스트명입니다.',
    body: '다른 서비스는 이 호스트명이 아니라 Docker DNS의 서비스 이름으로 찾아옵니다.',
  },
  'compose.user': {
    title: 'user',
    summary: '컨테이너 프로세스가 실행될 사용자(uid[:gid])로, 이미지의 USER를 덮어씁니다.',
    body: 'ID는 컨테이너 user 네임스페이스 기준입니다. userns-remap이 없으면 uid 0은 호스트 root이고, 다른 uid도 호스트에서 같은 번호입니다.',
  },
  'compose.init': {
    title: 'init',
    summary: '시그널을 전달하고 좀비를 거두는 작은 init(tini)을 PID 1로 실행합니다.',
    body: '흔한 PID 1 문제를 해결합니다. 프로그램이 `docker stop`의 SIGTERM을 받고, 고아가 된 자식 프로세스도 정리됩니다.',
  },
  'compose.stop_signal': {
    title: 'stop_signal',
    summary: '정지할 때 PID 1에 보내는 시그널입니다(기본 SIGTERM).',
    body: '`stop_grace_period`가 지나면 SIGKILL로 컨테이너를 죽입니다.',
  },
  'compose.stop_grace_period': {
    title: 'stop_grace_period',
    summary: '정지 시그널 후 SIGKILL까지 Docker가 기다리는 시간입니다(기본 10초).',
    body: 'PID 1이 정지 시그널을 무시하면(shell 형식 명령이 흔히 그렇습니다) 정지할 때마다 이만큼 걸립니다.',
  },
  'compose.sysctls': {
    title: 'sysctls',
    summary: '컨테이너 네임스페이스 안에서 설정하는 커널 파라미터입니다.',
    body: '네임스페이스 단위인 것만 허용됩니다. 예: 컨테이너 network 네임스페이스의 `net.*`, IPC 네임스페이스의 `kernel.shm*`. 호스트 값은 바뀌지 않습니다.',
  },
  'compose.ulimits': {
    title: 'ulimits',
    summary: 'nofile, nproc 같은 프로세스 단위 리소스 제한(setrlimit)입니다.',
    body: 'cgroup 제한과 달리 컨테이너 전체가 아니라 프로세스마다 적용됩니다. `nproc`은 컨테이너가 아니라 호스트 전체에서 사용자 단위로 세므로, 대신 `pids_limit`을 쓰세요.',
  },
  'compose.volumes': {
    title: 'volumes',
    summary: '볼륨이나 호스트 경로를 컨테이너 mount 네임스페이스에 마운트합니다.',
    body: '바인드 마운트는 호스트 파일을 호스트 소유자 그대로 보여 주며, userns-remap이 없으면 컨테이너 root가 그 파일을 모두 바꿀 수 있습니다.',
  },
  'compose.read_only': {
    title: 'read_only',
    summary: '컨테이너 루트 파일시스템을 읽기 전용으로 마운트합니다.',
    body: '쓰기가 필요한 경로는 볼륨이나 `tmpfs`로 따로 줘야 합니다.',
  },
};
