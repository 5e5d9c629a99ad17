import type { Entry } from '../types';

/** cgroup 버전, 드라이버, 제한값의 세 가지 관점, 개별 제한. */
export const cgroups: Record<string, Entry> = {
  'cgroup.version.v1': {
    title: 'cgroup v1',
    summary: '컨트롤러(memory, cpu, pids 등)마다 /sys/fs/cgroup 아래에 계층이 따로 있습니다.',
    body: '컨테이너는 `/sys/fs/cgroup/memory/docker/<id>`처럼 컨트롤러마다 디렉터리를 하나씩 가집니다. 제한값은 `memory.limit_in_bytes`, `cpu.cfs_quota_us` 같은 파일에 있습니다. cgroups(7)와 커널 cgroup-v1 문서 참고.',
  },
  'cgroup.version.v2': {
    title: 'cgroup v2',
    summary: '모든 컨트롤러가 하나의 트리를 함께 쓰는 통합 계층입니다.',
    body: '컨테이너는 `/sys/fs/cgroup/system.slice/docker-<id>.scope` 같은 디렉터리 하나를 가지며 `memory.max`, `cpu.max`, `pids.max` 같은 파일이 있습니다. v2에서는 Docker가 기본으로 컨테이너마다 전용 cgroup 네임스페이스를 줍니다. Documentation/admin-guide/cgroup-v2.rst 참고.',
  },
  'cgroup.version.hybrid': {
    title: 'cgroup v1 (hybrid)',
    summary: '컨트롤러는 v1 계층에 있고, 옆에 비어 있는 v2 계층이 마운트되어 있습니다.',
    body: 'systemd가 자체 추적용으로 v2 트리(흔히 `/sys/fs/cgroup/unified`)를 마운트하지만, Docker가 거는 제한은 v1 컨트롤러에 있습니다. 그래서 v2가 아닌데도 `/proc/PID/cgroup`에 `0::` 줄이 나옵니다.',
  },
  'cgroup.driver.cgroupfs': {
    title: 'cgroupfs 드라이버',
    summary: '엔진이 runc를 통해 컨테이너 cgroup 디렉터리를 직접 만듭니다.',
    body: '컨테이너 cgroup은 `docker/<id>`(또는 `--cgroup-parent`, Podman은 `libpod_parent/libpod-<id>`) 아래에 생기며, systemd는 이를 모릅니다. systemd 호스트에서는 트리를 관리하는 주체가 하나가 되도록 Docker가 systemd 드라이버를 권장합니다.',
  },
  'cgroup.driver.systemd': {
    title: 'systemd 드라이버',
    summary: 'Docker가 컨테이너마다 systemd에 scope 유닛 생성을 요청합니다.',
    body: '각 컨테이너는 `system.slice`(또는 cgroup parent로 지정한 slice) 아래의 `docker-<id>.scope`가 되고, `systemctl status`에 나타납니다. 제한은 systemd 속성으로 설정됩니다.',
  },
  'cgroup.declared': {
    title: '선언값',
    summary: 'Docker에 요청된 제한으로, 컨테이너 HostConfig에 저장된 값입니다.',
    body: '`docker run` 옵션이나 compose 파일이 요구한 값입니다. 커널이 실제로 적용하는 값이라는 보장은 없으니 커널 값, 실효값과 비교해 보세요.',
  },
  'cgroup.kernel': {
    title: '커널 파일',
    summary: '컨테이너 자신의 cgroup 파일(memory.limit_in_bytes, memory.max 등)에 들어 있는 값입니다.',
    body: 'runc가 쓴 값입니다. `docker update`, 페이지 크기 단위 반올림, 수동 변경 등으로 선언값과 다를 수 있습니다. 상위 cgroup에 걸린 제한은 반영하지 않습니다.',
  },
  'cgroup.effective': {
    title: '실효값',
    summary: '상위 cgroup과 머신 자체까지 반영해 컨테이너에 실제로 적용되는 값입니다.',
    body: '계산 방법은 설정 종류에 따라 다릅니다. 하드 제한은 조상들 가운데 가장 작은 값이고, 가중치는 형제 cgroup과의 상대값이며, CPU 세트는 부모와 온라인 CPU가 허용하는 범위입니다. 제한 행마다 어떤 규칙인지 적혀 있습니다.',
  },
  'cgroup.effective.limit': {
    title: '실효값(하드 제한)',
    summary: '루트 cgroup까지 올라가며 본 제한 중 가장 작은 값이며, 머신의 메모리를 넘지 않습니다.',
    body: 'cgroup은 어떤 조상이 허용하는 것보다 더 쓸 수 없으므로, 부모(`--cgroup-parent`, systemd slice)에 더 빡빡한 제한이 있으면 컨테이너 자신의 파일보다 그것이 우선합니다. 여기서 "무제한"도 머신의 메모리 크기의 제약은 받습니다.',
  },
  'cgroup.effective.cpus': {
    title: '실효값(하드 제한)',
    summary: '루트 cgroup까지 올라가며 본 quota 중 가장 작은 값이며, 온라인 CPU 수와 컨테이너 cpuset의 CPU 수를 넘지 않습니다.',
    body: 'cgroup은 어떤 조상이 허용하는 것보다 CPU 시간을 더 쓸 수 없으므로, 부모의 quota가 더 빡빡하면 그것이 우선합니다. quota가 얼마이든 cpuset에 CPU가 N개인 컨테이너(`--cpuset-cpus`)는 최대 CPU N개만큼의 시간만 쓸 수 있습니다.',
  },
  'cgroup.effective.chain': {
    title: '실효값(하드 제한)',
    summary: '루트 cgroup까지 올라가며 본 제한 중 가장 작은 값입니다.',
    body: 'cgroup은 어떤 조상이 허용하는 것보다 더 쓸 수 없으므로, 부모(`--cgroup-parent`, systemd slice)에 더 빡빡한 제한이 있으면 컨테이너 자신의 파일보다 그것이 우선합니다. 여기서 "무제한"은 그 경로의 어떤 cgroup도 제한을 두지 않았다는 뜻입니다.',
  },
  'cgroup.effective.soft': {
    title: '실효값(소프트 목표)',
    summary: '컨테이너 자신의 값입니다. 회수 목표일 뿐이라 조상이 더 좁히지 않습니다.',
    body: '예약값(v1의 `memory.soft_limit_in_bytes`, v2의 `memory.low`)은 메모리가 부족할 때 누가 먼저 돌려줄지만 정하므로, 적용되는 값은 컨테이너 자신의 값입니다.',
  },
  'cgroup.effective.weight': {
    title: '실효값(상대 가중치)',
    summary: '컨테이너 자신의 가중치입니다. 형제 cgroup의 가중치와 비교되며, 서로 경쟁할 때만 의미가 있습니다.',
    body: '가중치는 상한이 아니므로 "트리에서 가장 작은 값" 같은 규칙이 없습니다. 컨테이너는 부모 cgroup이 받는 몫 가운데 자기 가중치만큼을 받고, 부모도 같은 방식으로 자기 형제와 경쟁합니다. 한가한 머신에서는 어떤 가중치든 CPU를 모두 쓸 수 있습니다.',
  },
  'cgroup.effective.weight.io': {
    title: '실효값(상대 가중치)',
    summary: '컨테이너 자신의 가중치입니다. 형제 cgroup의 가중치와 비교되며, 디스크를 두고 서로 경쟁할 때만 의미가 있습니다.',
    body: '가중치는 상한이 아니므로 "트리에서 가장 작은 값" 같은 규칙이 없습니다. 컨테이너는 부모 cgroup이 받는 디스크 시간 가운데 자기 가중치만큼을 받고, 부모도 같은 방식으로 자기 형제와 경쟁합니다. 디스크가 바쁘지 않으면 어떤 가중치든 디스크를 모두 쓸 수 있습니다.',
  },
  'cgroup.effective.cpuset': {
    title: '실효값(CPU 세트)',
    summary: '부모의 집합과 온라인 CPU로 좁힌 뒤 남는 CPU입니다.',
    body: '커널이 직접 계산합니다(v1의 `cpuset.effective_cpus`, v2의 `cpuset.cpus.effective`). 컨테이너의 목록을 부모가 허용하는 범위와 온라인인 것으로 좁힌 결과이며, 자기 목록이 비어 있으면 "부모의 것"이라는 뜻입니다.',
  },
  'cgroup.effective.mems': {
    title: '실효값(메모리 노드)',
    summary: '부모의 집합과 메모리가 온라인인 노드로 좁힌 뒤 남는 메모리 노드입니다.',
    body: '커널이 직접 계산합니다(v1의 `cpuset.effective_mems`, v2의 `cpuset.mems.effective`). 컨테이너의 목록을 부모가 허용하는 범위와 메모리가 온라인인 노드로 좁힌 결과이며, 자기 목록이 비어 있으면 "부모의 것"이라는 뜻입니다.',
  },
  'cgroup.unlimited': {
    title: '무제한',
    summary: '이 단계에는 제한이 걸려 있지 않습니다.',
    body: 'v2 파일은 `max`, v1 메모리 파일은 아주 큰 수(예: 9223372036854771712), CPU quota는 `-1`로 읽힙니다. 그래도 상위 cgroup과 호스트 자체의 한계는 받습니다.',
  },
  'cgroup.memory.limit': {
    title: '메모리 제한',
    summary: '컨테이너 메모리 사용량이 이 값에 닿으면, 호스트에 여유가 얼마나 있든 커널이 회수를 시도한 뒤 컨테이너 안에서 OOM kill을 합니다.',
    body: '`--memory`로 설정합니다(v1 `memory.limit_in_bytes`, v2 `memory.max`). 페이지 캐시도 포함되며 먼저 회수됩니다. 회수가 안 되면 OOM killer가 이 cgroup 안에서 프로세스를 고르므로, 64 MiB로 제한한 컨테이너는 호스트에 24 GiB가 남아 있어도 64 MiB에서 죽습니다. 이때 Docker에는 `OOMKilled: true`, 종료 코드 137이 남습니다.',
  },
  'cgroup.memory.limit.none': {
    title: '자체 메모리 제한 없음',
    summary: '컨테이너의 cgroup에는 메모리 제한이 없습니다. 이 컨테이너를 묶는 것은 실효값, 곧 부모 cgroup의 제한이나 그것도 없으면 호스트의 메모리입니다.',
    body: '`--memory` 없이 만들면 Docker는 제한을 두지 않습니다. 그러면 컨테이너는 같은 부모 아래의 모든 것과 메모리를 나눠 씁니다. 부모의 제한이나 호스트의 메모리가 바닥나면 커널은 회수를 시도한 뒤 그 전체에서 고른 프로세스를 OOM kill하며, 이 컨테이너의 프로세스가 아닐 수도 있습니다. `--memory`를 주면 제한에 닿았을 때 잘리는 것은 이 컨테이너입니다.',
  },
  'cgroup.memory.reservation': {
    title: '메모리 예약',
    summary: '호스트 메모리가 부족할 때 커널이 회수 목표로 삼는 소프트 제한입니다.',
    body: '`--memory-reservation`으로 설정합니다(v1 `memory.soft_limit_in_bytes`, v2 `memory.low`). 더 쓰는 것을 막지는 않고, 메모리 압박 시 누가 먼저 내놓을지만 정합니다. 메모리 제한보다 작아야 합니다.',
  },
  'cgroup.memory.swap': {
    title: '메모리 + 스왑 제한',
    summary: '컨테이너가 쓸 수 있는 메모리와 스왑의 합계입니다.',
    body: 'Docker의 `--memory-swap`은 스왑만이 아니라 메모리+스왑입니다. `--memory`만 주면 Docker는 그 두 배를 저장하므로 같은 양만큼 더 스왑할 수 있습니다. `--memory`와 같게 주면 스왑 없음, `-1`이면 스왑 무제한입니다. v2 커널 파일 `memory.swap.max`에는 스왑만(차이값) 들어갑니다.',
  },
  'cgroup.memory.usage': {
    title: '메모리 사용량',
    summary: '현재 컨테이너 cgroup에 청구된 메모리로, 페이지 캐시를 포함합니다.',
    body: '`memory.usage_in_bytes`(v1, 근삿값) 또는 `memory.current`(v2)에서 읽습니다. 파일 읽기/쓰기로 생긴 페이지 캐시는 회수될 때까지 포함되므로, 사용량이 제한에 가깝다고 해서 그 자체로 문제는 아닙니다.',
  },
  'cgroup.memory.oom': {
    title: 'OOM kill 횟수',
    summary: '커널 OOM killer가 이 cgroup의 프로세스를 죽인 횟수입니다.',
    body: '`memory.oom_control`(v1) 또는 `memory.events`(v2)의 `oom_kill`에서 읽습니다. 0이 아니면 메모리 제한에 닿았고 회수로 충분히 확보하지 못했다는 뜻입니다. 죽은 것이 자식 프로세스라면 컨테이너는 계속 실행될 수 있습니다.',
  },
  'cgroup.cpu.cpus': {
    title: 'CPU 제한',
    summary: '컨테이너가 쓸 수 있는 CPU 시간을 CPU 개수로 나타낸 값으로, quota를 period로 나눈 것입니다.',
    body: '`--cpus`(또는 `--cpu-quota`/`--cpu-period`)로 설정합니다. `--cpus 0.5`는 100000 µs period마다 quota 50000 µs를 씁니다. quota를 다 쓴 컨테이너는 다음 period까지 throttling되어 느려질 뿐, CPU 때문에 죽지는 않습니다. Documentation/scheduler/sched-bwc.rst 참고.',
  },
  'cgroup.cpu.shares': {
    title: 'CPU shares',
    summary: 'CPU가 바쁠 때만 의미가 있는 상대 가중치입니다.',
    body: '`--cpu-shares`(기본 1024)로 설정하며 v1에서는 `cpu.shares`에 기록됩니다. 둘 다 가용량보다 많이 원할 때 512인 컨테이너는 1024인 컨테이너의 절반을 받습니다. 호스트가 한가하면 어느 쪽이든 CPU를 전부 쓸 수 있습니다.',
  },
  'cgroup.cpu.weight': {
    title: 'CPU weight',
    summary: 'cgroup v2의 상대 CPU 가중치로, 1~10000(기본 100)입니다.',
    body: 'runc가 Docker의 CPU shares를 `cpu.weight`로 변환하는데, 변환식이 runc 버전마다 다릅니다(1024가 구버전에서는 39, 신버전에서는 100). 계산하지 말고 파일을 읽으세요. shares처럼 경합이 있을 때만 의미가 있습니다.',
  },
  'cgroup.cpu.usage': {
    title: 'CPU 사용 시간',
    summary: '컨테이너 시작 이후 프로세스들이 쓴 CPU 시간의 합계입니다.',
    body: '`cpuacct.usage`(v1, 나노초) 또는 `cpu.stat`의 `usage_usec`(v2)에서 읽습니다. 변화량을 경과 시간으로 나누면 사용 중인 CPU 개수가 됩니다.',
  },
  'cgroup.cpu.throttled': {
    title: 'throttling된 period',
    summary: '컨테이너가 CPU quota를 다 써 버린 채 끝난 스케줄링 period의 수입니다.',
    body: '`cpu.stat`의 `nr_throttled`에서 읽습니다. 계속 늘어나면 CPU 제한 때문에 컨테이너가 느려지고 있는 것이며, 최대 한 period(기본 100 ms)의 지연 스파이크가 전형적인 증상입니다.',
  },
  'cgroup.cpuset.cpus': {
    title: 'CPU 세트',
    summary: '컨테이너 프로세스가 실행될 수 있는 CPU 목록입니다.',
    body: '`--cpuset-cpus`(예: `0-1`, `0,2`)로 설정합니다. `--cpus`와 달리 특정 코어에 고정합니다. 실효 목록(v1 `cpuset.effective_cpus`, v2 `cpuset.cpus.effective`)은 상위 cgroup과 오프라인 CPU까지 이미 반영한 값입니다.',
  },
  'cgroup.cpuset.mems': {
    title: '메모리 노드',
    summary: '컨테이너가 메모리를 할당할 수 있는 NUMA 노드입니다.',
    body: '`--cpuset-mems`로 설정합니다. NUMA 노드가 하나인 머신에서는 항상 `0`이며 실질적인 효과가 없습니다.',
  },
  'cgroup.pids.max': {
    title: '프로세스 수 제한',
    summary: '컨테이너가 동시에 가질 수 있는 프로세스와 스레드의 최대 개수입니다.',
    body: '`--pids-limit`(`pids.max`)로 설정합니다. 한도에 닿으면 `fork()`와 `clone()`이 EAGAIN("Resource temporarily unavailable")으로 실패할 뿐, 죽는 프로세스는 없습니다. fork 폭탄에서 호스트를 지켜 줍니다. 프로세스뿐 아니라 스레드도 셉니다.',
  },
  'cgroup.pids.current': {
    title: '현재 프로세스 수',
    summary: '지금 컨테이너 cgroup에 있는 프로세스와 스레드 수입니다.',
    body: '`pids.current`에서 읽습니다. 프로세스 수 제한과 비교하면 fork 실패까지 얼마나 남았는지 알 수 있습니다.',
  },
  'cgroup.io.weight': {
    title: '블록 I/O 가중치',
    summary: '경합 시 디스크 대역폭을 나누는 상대 비율입니다.',
    body: '`--blkio-weight`(10~1000)로 설정합니다. 가중치를 지원하는 I/O 스케줄러(BFQ, v2의 `io.weight`)가 필요하며, 커널에 해당 파일이 없으면 Docker가 경고와 함께 설정을 버리고 선언값은 0으로 읽힙니다.',
  },
};
