import type { Entry } from '../types';

/** 실행 중인 컨테이너의 값(호버)과 패널에 보이는 문구. */
export const ui: Record<string, Entry> = {
  'live.networks': {
    title: '지금 붙은 네트워크',
    summary: '이 서비스의 컨테이너가 붙은 네트워크: {networks}.',
    body: '엔진이 알려 준 값입니다. `{name}`이(가) 붙은 네트워크마다 그곳의 주소를 보여 줍니다.',
  },
  'live.limit': {
    title: '{what}: {declared} → {effective}',
    summary: '이 서비스의 컨테이너: {what} {declared} → 실효 {effective}, 사용 중 {usage}.',
    body: '선언값은 Docker가 `{name}`에 저장한 값이고, 실효값은 상위 cgroup까지 반영해 커널이 실제로 적용하는 값입니다.',
  },
  'live.limit.noUsage': {
    title: '{what}: {declared} → {effective}',
    summary: '이 서비스의 컨테이너: {what} {declared} → 실효 {effective}.',
    body: '선언값은 Docker가 `{name}`에 저장한 값이고, 실효값은 상위 cgroup까지 반영해 커널이 실제로 적용하는 값입니다.',
  },
  'ui.namespaces': {
    title: '네임스페이스',
    summary: '커널의 네임스페이스 여덟 가지 중 이 컨테이너가 자기 것으로 가진 것과, 호스트나 다른 컨테이너와 공유하는 것입니다.',
    body: '두 프로세스의 `/proc/PID/ns/<type>` 링크가 같은 inode를 가리킬 때에만 네임스페이스를 공유하는 것입니다. 각 행이 누구와 공유하는지와 그 의미를 알려 줍니다.',
  },
  'ui.compare.title': {
    title: '컨테이너 비교',
    summary: '두 컨테이너의 네임스페이스, 제한, 네트워크를 나란히 보여 줍니다.',
    body: '양쪽의 네임스페이스 inode가 같은 행은 공유 중이며, 두 쪽이 같은 자원을 봅니다.',
  },
  'ui.topology.title': {
    title: '네트워크 토폴로지',
    summary: '브리지, 호스트 veth, 그리고 거기에 붙은 컨테이너입니다.',
    body: '선 하나가 veth 쌍 하나입니다. 한쪽 끝은 컨테이너 인터페이스, 다른 끝은 브리지에 붙은 호스트 인터페이스입니다.',
  },
  'ui.diff.title': {
    title: '네임스페이스 비교',
    summary: '{left|과/와} {right|이/가} 어떤 네임스페이스를 공유하는지 보여 줍니다.',
    body: '두 프로세스의 `/proc/PID/ns/<type>` 링크가 같은 inode를 가리킬 때에만 네임스페이스를 공유하는 것입니다.',
  },
  'ui.removed': {
    title: '삭제됨',
    summary: '이 컨테이너는 삭제되었습니다.',
    body: '엔진에 더 이상 존재하지 않으며, 보이는 값은 마지막으로 읽은 값입니다.',
  },
  'ui.unreachable': {
    title: '엔진 연결 불가',
    summary: 'Docker Engine에 연결할 수 없습니다.',
    body: 'Docker가 실행 중인지, 그리고 현재 사용자가 소켓(`/var/run/docker.sock` 또는 현재 context의 엔드포인트)을 열 수 있는지 확인하세요. 엔진이 응답하면 화면이 다시 갱신됩니다.',
  },
  'ui.notRunning': {
    title: '실행 중 아님',
    summary: '이 컨테이너는 실행 중이 아니라서 프로세스, 네임스페이스, 활성 cgroup이 없습니다.',
    body: 'Docker에 설정된 값은 계속 보입니다. 커널 값을 보려면 컨테이너를 시작하세요.',
  },
  'ui.unavailable': {
    title: '확인 불가',
    summary: '이 값을 읽지 못했습니다.',
    body: '옆에 이유와 해결 방법이 표시됩니다.',
  },
  'ui.noContainers': {
    title: '컨테이너 없음',
    summary: '엔진에 컨테이너가 없습니다.',
    body: '`docker run`이나 `docker compose up` 등으로 컨테이너를 시작하면 여기에 나타납니다.',
  },
  'ui.remoteEngine': {
    title: '다른 커널에서 도는 엔진',
    summary: '엔진이 VM이나 다른 머신에서 돌고 있어 이 머신의 /proc으로는 컨테이너가 보이지 않습니다.',
    body: '설정, IP, 사용량은 API에서 가져옵니다. 네임스페이스 inode, veth 쌍, 실효 제한을 보려면 헬퍼 컨테이너가 필요하며, 동의한 경우에만 실행됩니다.',
  },
  'ui.helper.ask': {
    title: '{endpoint}에서 헬퍼 컨테이너로 커널 정보를 읽을까요?',
    summary: '이 머신은 이 엔진 컨테이너의 네임스페이스, 제한, veth를 읽을 수 없습니다({reason}). 엔진의 헬퍼 컨테이너가 이를 읽어 Docker API로 돌려줄 수 있습니다. 실행할 명령: {command}',
    body: '헬퍼는 엔진에 이미 있는 이미지({image})로 실행되며, 호스트의 PID·네트워크·UTS·cgroup 네임스페이스, 읽기 전용 파일 시스템, SYS_PTRACE를 뺀 모든 권한 제거, no-new-privileges로 동작합니다. /proc과 /sys 아래 파일만 읽고, 10분간 쓰이지 않으면 스스로 끝나며, VS Code를 닫으면 제거됩니다. containerAnatomy.helper.mode 설정으로 끌 수 있습니다.',
  },
  'ui.helper.once': {
    title: '이번만 허용',
    summary: 'VS Code를 닫을 때까지 이 엔진에서 헬퍼를 실행합니다.',
    body: '다음에 다시 묻습니다.',
  },
  'ui.helper.always': {
    title: '이 엔진에서 항상 허용',
    summary: '필요할 때마다 묻지 않고 이 엔진에서 헬퍼를 실행합니다.',
    body: '이 머신에 이 엔드포인트에 대해 저장됩니다.',
  },
  'ui.helper.never': {
    title: '허용 안 함',
    summary: '이 엔진에서는 헬퍼를 실행하지 않습니다.',
    body: '헬퍼가 읽을 정보는 이유와 함께 "알 수 없음"으로 남습니다. 이 머신에 이 엔드포인트에 대해 저장되며, Container Anatomy: 헬퍼 컨테이너 답변 지우기 명령으로 지웁니다.',
  },
  'ui.engines': {
    title: '여러 엔진',
    summary: '엔진마다 따로 추적합니다: 그 엔진의 컨테이너, 상태, 헬퍼 컨테이너, 그리고 그 헬퍼를 허락할지에 대한 사용자의 답.',
    body: '엔진은 엔드포인트로 구별합니다. 연결할 수 없는 엔진은 이름 아래에 이유를 보여 주며 다른 엔진을 가리지 않습니다. 서로 다른 커널 위 엔진들의 컨테이너는 네임스페이스를 절대 공유하지 않습니다.',
  },
};
