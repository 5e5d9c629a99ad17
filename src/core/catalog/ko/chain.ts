import type { Entry } from '../types';

/** 제한이 어디서 오는지(cgroup 체인)와 시간에 따른 사용량: 제한 패널. */
export const chain: Record<string, Entry> = {
  'chain.panel': {
    title: '제한: {name}',
    summary: '각 제한을 루트에서 컨테이너까지 이어지는 cgroup 체인으로 그리고, 그 값을 정하는 단계를 표시합니다.',
    body: 'cgroup은 조상 중 어느 하나가 허용하는 것보다 더 많이 쓸 수 없습니다. 각 상자는 `/proc/PID/cgroup` 경로의 한 단계이며 그 단계 자체 파일의 값을 보여 줍니다. 강조된 단계의 값이 실제로 적용됩니다.',
  },
  'chain.bound.ancestor': {
    title: '{path}가 정함',
    summary: '{what}: 부모 cgroup {path}가 제한하므로 이 컨테이너는 최대 {effective}까지 쓸 수 있습니다. 자기 파일의 값은 {own}입니다.',
    body: '자식 cgroup은 루트까지의 경로에서 가장 엄격한 값을 따릅니다. {path}가 더 허용하기 전에는 컨테이너 자체 제한을 올려도 달라지지 않습니다.',
  },
  'chain.bound.own': {
    title: '자기 cgroup이 정함',
    summary: '{what}: 자기 cgroup 파일대로 이 컨테이너는 최대 {effective}까지 쓸 수 있습니다. 위 단계 중 더 엄격한 곳은 없습니다.',
    body: '이 값은 Docker가 이 컨테이너에 기록한 값입니다(`docker run` 옵션, compose, `docker update`).',
  },
  'chain.bound.host': {
    title: '호스트가 정함',
    summary: '{what}: 경로의 어떤 cgroup도 제한을 두지 않으므로, 이 컨테이너가 얻을 수 있는 것은 호스트의 {effective}뿐입니다.',
    body: '모든 단계가 "제한 없음"입니다. 컨테이너는 머신의 다른 모든 것과 메모리와 CPU를 두고 경쟁합니다.',
  },
  'chain.bound.none': {
    title: '제한 없음',
    summary: '{what}: 경로의 어떤 cgroup도 제한을 두지 않습니다. 머신 전체의 한도만 적용됩니다.',
    body: '프로세스 수에는 커널의 `kernel.pid_max`와 `kernel.threads-max`(sysctl)가, 메모리와 스왑에는 머신이 가진 양이 한도입니다.',
  },
  'chain.bound.unknown': {
    title: '여러 단계가 정함',
    summary: '{what}: 실효값({effective})은 어느 한 단계의 자체 값이 아닙니다: {reason}',
    body: 'cgroup v2에서는 메모리와 스왑이 서로 다른 파일로 제한되며, 각각 다른 단계가 정할 수 있습니다. v2 cpuset은 모든 단계 집합의 교집합입니다.',
  },
  'chain.bound.unread': {
    title: '알 수 없음',
    summary: '{what}: 실효값이 없어 어느 단계가 정하는지 말할 수 없습니다: {reason}',
    body: '실효값과 그 값을 정하는 단계는 실행 중인 컨테이너의 커널 cgroup 파일에서 읽습니다.',
  },
  'chain.bound.cpusetCount': {
    title: 'CPU 세트가 정함',
    summary: '{what}: CPU 세트({cpus})에 CPU가 그만큼뿐이라 이 컨테이너는 최대 {effective}까지 쓸 수 있습니다. 경로의 어떤 quota도 이보다 엄격하지 않습니다.',
    body: '프로세스는 quota가 얼마이든 실행이 허용된 CPU보다 많은 CPU 시간을 쓸 수 없습니다. 그 CPU들을 어느 단계가 정했는지는 CPU 세트에 보입니다.',
  },
  'chain.bound.cpuset.own': {
    title: '자기 cgroup이 정함',
    summary: '{what}: 자기 cgroup 파일대로 이 컨테이너는 {effective}에서만 실행될 수 있습니다. 위 단계 중 더 좁은 곳은 없습니다.',
    body: '양이 아니라 CPU나 메모리 노드의 목록입니다. 컨테이너의 프로세스는 그곳에서만 스케줄됩니다. Docker가 이 컨테이너에 기록한 값입니다(`--cpuset-cpus`, compose `cpuset`).',
  },
  'chain.bound.cpuset.host': {
    title: '호스트가 정함',
    summary: '{what}: 경로의 어떤 cgroup도 좁히지 않으므로, 이 컨테이너는 호스트의 것을 모두 쓸 수 있습니다: {effective}.',
    body: '양이 아니라 CPU나 메모리 노드의 목록입니다. 모든 단계가 머신이 가진 전체 집합을 가집니다.',
  },
  'chain.bound.cpuset': {
    title: '{path}가 정함',
    summary: '{what}: cgroup {path}가 제한하므로 이 컨테이너는 {effective}에서만 실행될 수 있습니다. 자기 파일의 값은 {own}입니다.',
    body: 'cpuset은 부모의 집합을 좁힐 수만 있습니다. cgroup v1에서는 새 자식이 부모의 집합을 복사하므로, 그 집합을 고른 단계는 그 값을 가진 가장 위 단계입니다.',
  },
  'chain.relative.io': {
    title: '형제 사이의 몫',
    summary: '{what}: 상한이 아닙니다. 디스크 스케줄러가 BFQ(또는 CFQ)일 때만, 경쟁이 있으면 커널이 형제 cgroup들에게 가중치대로 디스크 시간을 나눕니다. 이 컨테이너 자체의 가중치는 {own}입니다.',
    body: '다른 스케줄러(mq-deadline, kyber, none)는 가중치를 무시합니다. `cat /sys/block/<디스크>/queue/scheduler`의 대괄호 안이 쓰이는 스케줄러입니다. cgroup v1에서 runc는 가중치를 blkio.weight(CFQ)에, 그것이 없는 커널에서는 blkio.bfq.weight에 씁니다.',
  },
  'chain.relative': {
    title: '형제 사이의 몫',
    summary: '{what}: 가중치는 상한이 아닙니다. 각 단계에서 커널은 경쟁이 있을 때만 형제 cgroup들에게 가중치에 비례해 시간을 나눕니다. 이 컨테이너 자체의 가중치는 {own}입니다.',
    body: '가중치 100인 형제 옆의 200은 둘 다 바쁠 때 3분의 2를 받습니다. 한가한 머신에서는 어떤 가중치든 전부를 쓸 수 있습니다.',
  },
  'chain.usage': {
    title: '시간에 따른 사용량',
    summary: '이 패널이 보이는 동안 1초에 한 번, 최근 5분을 샘플링합니다. 숨겨져 있는 동안에는 아무것도 읽지 않습니다.',
    body: '메모리와 프로세스 수는 실효 제한과, CPU는 할당량 및 할당량이 바닥난 주기와 함께 그립니다. 빨간 표시는 이 cgroup에서 일어난 OOM kill입니다.',
  },
  'chain.usage.engine': {
    title: '엔진 통계에서',
    summary: '이 머신은 컨테이너의 cgroup 파일을 읽을 수 없으므로, 샘플마다 엔진의 stats API를 한 번 호출합니다.',
    body: '엔진은 자기 쪽에서 같은 cgroup 파일을 읽습니다. OOM kill은 cgroup v2에서만 보고합니다.',
  },
};
