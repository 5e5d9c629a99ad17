import type { Entry } from '../types';

/** 호스트에서 본 컨테이너 init 프로세스. */
export const processTopics: Record<string, Entry> = {
  'process.pid': {
    title: '호스트 PID',
    summary: '컨테이너 init 프로세스의 호스트 쪽 PID입니다. 컨테이너가 자기 PID 네임스페이스를 가지면 안에서는 다른 번호(보통 1)로 보이고, --pid host이면 두 번호가 같습니다.',
    body: 'Docker는 이를 `State.Pid`로 알려 줍니다. 같은 프로세스가 자기 PID 네임스페이스 안에서는 보통 PID 1입니다. 호스트 도구(`/proc/PID/...`, `nsenter -t PID`, `kill`)에는 호스트 PID를 쓰고, 컨테이너 안에서는 안쪽 번호만 의미가 있습니다. 컨테이너가 실행 중이 아니면 0입니다.',
  },
  'process.nspid': {
    title: 'NSpid',
    summary: '프로세스가 속한 각 PID 네임스페이스에서의 PID로, 바깥쪽부터 나열됩니다.',
    body: '`/proc/PID/status`의 `NSpid:` 줄에서 읽습니다(Linux 4.1 이상). `NSpid: 6208 1`은 호스트 PID 6208, 컨테이너 안 PID 1이라는 뜻입니다. 숫자가 하나뿐이면 `--pid host`처럼 읽는 쪽과 같은 PID 네임스페이스에 있는 것입니다. proc(5) 참고.',
  },
  'process.uidmap': {
    title: 'UID 매핑',
    summary: '컨테이너 안의 UID가 바깥의 어떤 UID로 바뀌는지 보여 줍니다.',
    body: '`/proc/PID/uid_map`의 각 줄은 안쪽 시작 ID, 바깥쪽 시작 ID, 개수입니다. `0 0 4294967295`는 호스트 user 네임스페이스의 항등 매핑, 즉 재매핑 없음입니다. `0 231072 65536`(userns-remap)이면 컨테이너 root가 호스트 uid 231072입니다. user_namespaces(7) 참고.',
  },
  'process.gidmap': {
    title: 'GID 매핑',
    summary: '컨테이너 안의 GID가 바깥의 어떤 GID로 바뀌는지 보여 줍니다.',
    body: 'UID 매핑과 같은 형식이며 `/proc/PID/gid_map`에서 읽습니다. 컨테이너가 바인드 마운트에 만든 파일의 호스트 쪽 그룹이 이것으로 정해집니다.',
  },
  'process.rootIsHostRoot': {
    title: '컨테이너 root = 호스트 root',
    summary: '컨테이너의 uid 0이 호스트의 uid 0인지 여부입니다.',
    body: 'UID 매핑이 0을 0으로 보내면 참이며, Docker 기본값입니다. 이때 컨테이너 root를 막는 것은 신원이 아니라 제거된 capability, seccomp, AppArmor/SELinux뿐이고, 바인드 마운트에 쓴 파일은 진짜 root 소유가 됩니다. `userns-remap`이나 rootless Docker면 거짓이 됩니다.',
  },
  'process.hostname': {
    title: '호스트명',
    summary: '컨테이너 안에서 hostname 명령이 보여 주는 이름으로, UTS 네임스페이스에 들어 있습니다.',
    body: '`--hostname`(compose는 `hostname:`)이 없으면 Docker가 컨테이너 ID 앞 12자로 설정합니다. 사용자 정의 네트워크의 다른 컨테이너는 이 호스트명이 아니라 Docker DNS를 통해 컨테이너 이름이나 alias로 찾아옵니다.',
  },
};
