import type { Entry } from '../types';

/** Swarm 서비스, 태스크, 태스크 네트워크의 두 갈래. */
export const swarm: Record<string, Entry> = {
  'swarm.service': {
    title: '서비스',
    summary: 'Swarm 매니저가 계속 실행해 두는 대상으로, 이미지, 복제본 수(또는 노드마다 하나), 네트워크, 게시된 포트로 정해집니다.',
    body: '매니저는 서비스를 저장하고 태스크로 나눌 뿐, 프로세스를 직접 실행하지 않습니다. `docker service ls`는 서비스를, `docker service ps NAME`은 그 태스크를 보여 줍니다. 서비스는 매니저만 알려 주며 워커에서는 보이지 않습니다.',
  },
  'swarm.task': {
    title: '태스크',
    summary: '서비스의 슬롯 하나로, 한 노드에 배치되어 평범한 컨테이너 하나가 됩니다.',
    body: '매니저가 태스크를 노드에 배정하면 그 노드의 엔진이 컨테이너(`service.slot.taskid` 이름)를 만들고 id를 알려 줍니다. 이 컨테이너도 다른 컨테이너처럼 자기 네임스페이스와 cgroup이 있고, 그것을 실행하는 노드에서 읽습니다. 실패한 태스크는 새 태스크와 새 컨테이너로 바뀝니다.',
  },
  'swarm.task.elsewhere': {
    title: '{node} 노드의 태스크',
    summary: '이 태스크는 여기 보이는 엔진이 아니라 {node} 노드에서 실행됩니다. 컨테이너의 네임스페이스, cgroup, 인터페이스는 그 노드의 커널에 있습니다.',
    body: '알 수 있는 것은 매니저가 알려 주는 것뿐입니다: 태스크 상태, 컨테이너 id, 할당된 주소. 구조를 보려면 {node}의 엔진에 연결하세요.',
  },
  'swarm.overlay': {
    title: 'overlay 네임스페이스',
    summary: '엔진이 overlay 네트워크를 쓰는 노드마다 만드는 network 네임스페이스로, 브리지 br0과 vxlan 장치가 들어 있습니다.',
    body: '엔진의 `netns` 폴더(기본 `/run/docker/netns`) 아래 `1-`과 네트워크 id 앞 10글자로 된 파일입니다. 태스크 컨테이너의 overlay 인터페이스는 veth 짝의 한쪽이고, 다른 쪽은 호스트가 아니라 이 네임스페이스의 `br0` 포트입니다. 그래서 호스트의 `ip link`에는 보이지 않고 `nsenter --net=FILE ip -d link`에는 보입니다.',
  },
  'swarm.vxlan': {
    title: 'VXLAN과 VNI',
    summary: 'overlay는 이더넷 프레임을 UDP 패킷에 담아 노드 사이로 나르고, VNI(VXLAN 네트워크 id)로 overlay끼리 구분합니다.',
    body: '`br0`에 붙은 `vxlan0` 장치가 다른 노드로 가는 프레임을 UDP로 감싸고(스웜에 `--data-path-port`를 주지 않았다면 포트 4789) 들어온 것을 풉니다. 엔진은 overlay 네트워크마다 VNI를 따로 주고 옵션 `com.docker.network.driver.overlay.vxlanid_list`에 적습니다. overlay 네임스페이스에서 `ip -d link`를 보면 같은 번호가 `vxlan id`로 나옵니다.',
  },
  'swarm.vip': {
    title: '가상 IP(VIP)',
    summary: '서비스가 네트워크마다 갖는 주소 하나로, 서비스 DNS 이름이 이 주소로 답합니다.',
    body: 'Docker는 컨테이너마다 네임스페이스 안의 IPVS로 VIP를 분산하므로, 커널에 IPVS가 있다면 VIP로 온 연결은 서비스의 실행 중인 태스크 하나로 갑니다. 이 엔진 호스트의 커널에 IPVS가 있는지는 여기서 읽을 수 없었습니다.',
  },
  'swarm.vip.ipvs': {
    title: '가상 IP(VIP)',
    summary: '서비스가 네트워크마다 갖는 주소 하나로, 서비스 DNS 이름이 이 주소로 답하고 커널의 IPVS가 연결을 태스크들에 나눕니다.',
    body: '이 커널에는 IPVS가 있습니다(`/proc/net/ip_vs`가 있음). 엔진이 컨테이너마다 그 네임스페이스 안에 IPVS를 설정하므로, VIP로 온 연결은 서비스의 실행 중인 태스크 하나로 갑니다.',
  },
  'swarm.vip.noIpvs': {
    title: '가상 IP(VIP), 여기서는 분산 안 됨',
    summary: '매니저가 이 VIP를 할당했지만 이 커널에는 IPVS가 없어서, 여기서는 이 주소로 온 연결을 태스크들에 나누는 것이 없습니다.',
    body: 'Docker는 컨테이너마다 네임스페이스 안의 IPVS로 VIP를 분산합니다. 이 머신에는 `/proc/net/ip_vs`가 없으므로 이 주소는 할당일 뿐입니다. 태스크끼리는 각자의 주소로 여전히 닿고, `endpoint_mode: dnsrr`(DNS가 태스크마다 답함)는 IPVS가 필요 없습니다.',
  },
  'swarm.ingress': {
    title: '라우팅 메시(ingress)',
    summary: 'ingress 모드로 공개한 포트는 태스크가 있든 없든 스웜의 모든 노드에서 열립니다.',
    body: '연결을 받은 노드는 그것을 자기 `ingress-sbox` 네임스페이스를 거쳐 `ingress` overlay 네트워크로, 어느 노드에 있든 태스크 하나에 보냅니다(IPVS로 분산). `host` 모드에서는 태스크를 실행하는 노드에서만 포트가 열리고 바로 그 컨테이너로 갑니다.',
  },
  'swarm.gwbridge': {
    title: 'docker_gwbridge',
    summary: '태스크 컨테이너마다 두 번째 인터페이스와 기본 경로를 주는 로컬 브리지로, 스웜 밖으로 나가는 통신에 쓰입니다.',
    body: '엔진은 이 갈래를 컨테이너의 `NetworkSettings.Networks`에서 빼고, `docker network inspect docker_gwbridge`에만 적습니다(엔드포인트 `gateway_`와 샌드박스 id). overlay 갈래와 달리 이 veth 짝은 호스트에서 끝나며, Linux 브리지(네트워크를 다른 이름으로 미리 만들지 않았다면 `docker_gwbridge`)의 포트입니다.',
  },
};
