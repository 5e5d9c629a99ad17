import type { Entry } from '../types';

/** 사용자가 만나는 Docker 구성 요소와, 커널 관점에서 각각의 의미. */
export const docker: Record<string, Entry> = {
  'docker.engine': {
    title: 'Docker Engine',
    summary: 'containerd와 runc를 통해 이미지를 빌드하고 컨테이너를 실행하는 데몬(dockerd)입니다.',
    body: '클라이언트는 API 소켓(`/var/run/docker.sock`)으로 통신합니다. 네임스페이스와 cgroup을 실제로 만드는 것은 dockerd가 아니라 runc이고, dockerd는 요청 내용을 컨테이너 HostConfig에 기록합니다. 소켓에 접근할 수 있으면 사실상 호스트 root 권한입니다.',
  },
  'engine.podman': {
    title: 'Podman',
    summary: 'Podman의 Docker 호환 서비스입니다. 컨테이너마다 자기 conmon 아래에서 돌고, cgroup은 libpod_parent 아래, 브리지는 netavark가 만듭니다. 같은 해부도로 읽습니다.',
    body: '공유 데몬이 없습니다. 컨테이너마다 init은 자기 `conmon`의 자식이고, cgroupfs 관리자에서 cgroup은 `/docker/<id>`가 아니라 `/libpod_parent/libpod-<id>`입니다. 네트워크는 netavark가 만듭니다. 기본 네트워크는 `podman`(호환 API에서는 `bridge`)이고 브리지는 `podman0`이며, 브리지는 컨테이너가 붙어 있는 동안만 있습니다. 호환 API는 브리지 이름을 알려 주지 않으므로 Podman 자체 네트워크 목록에서 읽습니다. 모든 컨테이너의 `eth0`은 ifindex 2라서 호스트 veth의 iflink가 모두 2입니다. 그래서 veth 쌍은 컨테이너 쪽에서 맞춥니다(컨테이너 `eth0`의 iflink가 호스트 veth의 ifindex). 모드 `bridge`, `private`, `shareable`은 컨테이너 자신의 네임스페이스를 뜻합니다. 다른 컨테이너의 network 네임스페이스에 든 컨테이너는 API에서 상대의 네트워크와 함께 나오지만, 여기서는 Docker와 같이 자기 연결이 없습니다.',
  },
  'docker.registry': {
    title: '레지스트리',
    summary: 'Docker Hub나 사설 레지스트리처럼 이미지를 저장하고 내려 주는 서버입니다.',
    body: '`docker pull`, `docker push`가 여기에 접속합니다. 컨테이너 실행에는 관여하지 않으며, 한 번 받은 이미지는 로컬에 있습니다.',
  },
  'docker.image': {
    title: '이미지',
    summary: '읽기 전용 파일시스템 레이어 묶음과 기본 설정(명령, 사용자, 환경 변수, expose 포트)입니다.',
    body: '레이어는 컨테이너 overlay 루트 파일시스템의 아래층이 됩니다. `USER`, `EXPOSE`, `CMD` 같은 설정은 기본값일 뿐이며 `docker run` 옵션으로 바꿀 수 있습니다. 이미지에는 프로세스도, 네임스페이스도, cgroup도 없습니다.',
  },
  'docker.container': {
    title: '컨테이너',
    summary: '네임스페이스와 cgroup에 들어간 평범한 호스트 프로세스들이며, 이미지 위에 쓰기 가능한 레이어를 얹은 것입니다.',
    body: '커널에는 "컨테이너"라는 객체가 없습니다. 네임스페이스가 호스트와 다르고 cgroup에 제한이 걸린 프로세스가 있을 뿐입니다. 그래서 호스트의 `ps`에도 컨테이너 프로세스가 호스트 PID로 보입니다.',
  },
  'docker.compose.project': {
    title: 'Compose 프로젝트',
    summary: 'Docker Compose가 한 프로젝트를 위해 만든 컨테이너들입니다. 각 컨테이너의 com.docker.compose.project 라벨에 프로젝트 이름이 있습니다.',
    body: '프로젝트 이름은 `-p`나 Compose 파일 최상위의 `name:`으로 정하고, 없으면 파일이 있는 폴더 이름을 씁니다. 각 서비스는 컨테이너 하나 이상이 되며(Compose v2에서는 `<project>-<service>-<n>` 이름), `com.docker.compose.service`, `com.docker.compose.project.working_dir`, `com.docker.compose.project.config_files` 라벨이 어느 서비스, 폴더, 파일에서 왔는지 알려 줍니다. Compose는 각 서비스의 설정을 엔진의 설정으로 바꿉니다. 제한은 cgroup 파일이 되고, `network_mode`/`pid`/`ipc`는 네임스페이스를 정합니다.',
  },
  'docker.compose': {
    title: 'Docker Compose',
    summary: 'YAML 파일로 프로젝트의 컨테이너, 네트워크, 볼륨을 만드는 도구입니다.',
    body: 'compose는 각 서비스를 `docker run`과 같은 설정으로 바꿉니다. 리소스 제한은 HostConfig를 거쳐 cgroup 파일이 되고, `network_mode`/`pid`/`ipc`는 네임스페이스를 정합니다. 컨테이너에는 `com.docker.compose.project`, `com.docker.compose.service` 라벨이 붙어 파일과 다시 연결됩니다.',
  },
  'docker.context': {
    title: 'Docker context',
    summary: 'CLI가 접속하는 이름 붙은 엔드포인트(로컬 소켓, SSH, TCP)입니다.',
    body: '`docker context use`로 명령을 받을 엔진을 바꿉니다. 현재 context가 다른 머신을 가리키면 컨테이너의 PID, 네임스페이스, cgroup은 그 머신에 있으므로 로컬 `/proc`으로는 볼 수 없습니다.',
  },
  'docker.machine': {
    title: 'Docker Machine',
    summary: 'Docker가 도는 VM을 만들고 CLI를 거기에 연결해 주던, 지금은 지원이 끝난 도구입니다.',
    body: '엔진이 다른 머신에서 돌기 때문에 그 컨테이너는 로컬 `/proc`으로 살펴볼 수 없습니다.',
  },
  'docker.swarm': {
    title: 'Swarm 모드',
    summary: 'Docker 내장 오케스트레이터로, 서비스가 태스크로 실행되고 태스크마다 어떤 노드의 컨테이너가 됩니다.',
    body: '태스크의 컨테이너는 그 노드의 평범한 컨테이너이고, `deploy.resources`가 그곳에서 cgroup 제한이 됩니다. 노드 사이는 오버레이 네트워크로 연결됩니다.',
  },
  'docker.desktop': {
    title: 'Docker Desktop',
    summary: '엔진을 Linux VM 안에서 돌리므로, 이 머신의 /proc으로는 컨테이너가 보이지 않습니다.',
    body: 'PID, 네임스페이스, cgroup 경로는 VM 커널의 것입니다. 설정한 제한, IP, 사용량 통계는 API로 여전히 얻을 수 있지만, 네임스페이스 inode, veth 짝, 실효 제한, NAT 규칙은 VM 안에서 도는 헬퍼 컨테이너가 있어야 볼 수 있습니다.',
  },
};
