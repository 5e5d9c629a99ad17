import type { Entry } from '../types';

/** 브리지 네트워크 구성 요소와 네트워크 모드. */
export const network: Record<string, Entry> = {
  'net.internal': {
    title: '내부 네트워크',
    summary: '내부 네트워크입니다. 여기 붙은 컨테이너끼리, 그리고 이 호스트와는 닿지만, 호스트 너머로 나가지도 호스트 너머에서 들어오지도 못합니다.',
    body: 'Docker는 내부 네트워크(`docker network create --internal`, compose `internal: true`)에 바깥으로 나가는 길을 두지 않습니다. 이 네트워크로는 기본 경로가 생기지 않고, 서브넷에 NAT도 없으며, 포트도 여기에는 publish되지 않고, 호스트가 이 네트워크의 트래픽을 포워딩하지도 않습니다. 호스트 자신은 브리지 주소를 통해 컨테이너에 닿고, 컨테이너도 호스트에 닿습니다. 바깥이 필요한 컨테이너는 다른 네트워크에도 함께 붙습니다.',
  },
  'net.bridge': {
    title: '브리지',
    summary: '한 Docker 네트워크의 컨테이너들을 잇는, 호스트 위의 가상 스위치입니다.',
    body: '기본 네트워크는 `docker0`을 쓰고, 사용자 정의 브리지 네트워크는 `br-`에 네트워크 ID 앞 12자를 붙인 이름을 받습니다. 브리지가 네트워크의 게이트웨이 주소를 가지며, 호스트는 이를 통해 컨테이너 트래픽을 라우팅하고, 내부 네트워크이거나 masquerade를 끈 경우가 아니면 호스트 밖으로 나가는 트래픽에 NAT를 합니다.',
  },
  'net.veth': {
    title: 'veth 쌍',
    summary: '가상 랜선입니다. 한쪽 끝은 이 네트워크를 위한 컨테이너 안의 인터페이스(eth0, eth1, …), 다른 끝은 호스트 브리지에 붙은 vethXXXX 인터페이스입니다.',
    body: '한쪽으로 보낸 패킷이 다른 쪽으로 나옵니다. 호스트 쪽 끝은 컨테이너의 `iflink`와 호스트 veth의 `ifindex`를 맞춰 찾습니다. 호스트의 `ip link`에는 `vethabc1234@ifN`으로 보이며, 여기에 `tcpdump -i`를 걸면 이 컨테이너의 트래픽만 보입니다.',
  },
  'net.subnet': {
    title: '서브넷',
    summary: 'Docker가 이 네트워크에서 나눠 주는 주소 범위입니다.',
    body: '`--subnet`으로 만들지 않았다면 기본 풀에서 고릅니다(`docker0`은 172.17.0.0/16, 이후 172.18.0.0/16 순서, 나중에는 192.168.x.0/20). 사내망이나 VPN과 범위가 겹치면 컨테이너에서 그쪽 호스트에 닿지 못합니다.',
  },
  'net.gateway': {
    title: '게이트웨이',
    summary: '이 네트워크에서 브리지 자신의 주소입니다. 이 네트워크가 기본 경로를 가진 경우 컨테이너의 기본 경로가 이 주소를 거칩니다.',
    body: '보통 서브넷의 첫 주소(예: 172.17.0.1)입니다. 여러 네트워크에 붙은 컨테이너의 기본 경로는 하나뿐이며 그중 한 게이트웨이를 거칩니다. 어느 쪽인지는 컨테이너의 `/proc/PID/net/route`(안에서 `ip route`가 보여 주는 것)에 있고, 트리의 게이트웨이 행과 토폴로지가 그쪽에 기본 경로라고 표시합니다. 내부 네트워크는 기본 경로를 주지 않습니다. 호스트의 주소이므로, 호스트 서비스가 이 주소에서 listen하면 컨테이너에서 접근할 수 있습니다.',
  },
  'net.ip': {
    title: 'IP 주소',
    summary: '이 네트워크에서 컨테이너가 쓰는 주소입니다.',
    body: '호스트와 같은 네트워크의 컨테이너에서 접근할 수 있습니다. 재시작하면 주소가 바뀔 수 있으니 고정 IP보다 컨테이너 이름(사용자 정의 네트워크의 DNS)을 쓰세요.',
  },
  'net.mac': {
    title: 'MAC 주소',
    summary: '이 네트워크에 연결된 컨테이너 인터페이스의 하드웨어 주소입니다.',
    body: '구버전 Docker는 IP에서 만들고(172.17.0.3이면 `02:42:ac:11:00:03`), 신버전은 무작위로 정합니다. macvlan처럼 L2가 중요한 경우에만 의미가 있습니다.',
  },
  'net.ipv6': {
    title: 'IPv6 주소',
    summary: '이 네트워크에 IPv6가 켜져 있을 때 컨테이너가 받는 글로벌 IPv6 주소입니다.',
    body: 'Docker 네트워크는 `--ipv6`로 만들지 않으면 IPv4 전용입니다. 그 경우 글로벌 IPv6 주소가 없고, 인터페이스의 IPv6도 보통 꺼져 있습니다(`disable_ipv6` = 1).',
  },
  'net.nat': {
    title: 'NAT',
    summary: '컨테이너가 밖으로 나가고, publish한 포트로 밖에서 들어오게 해 주는 주소 변환입니다.',
    body: '나가는 트래픽은 호스트 주소로 masquerade됩니다(nat 테이블 POSTROUTING 체인의 `MASQUERADE`). publish한 포트는 `DOCKER` 체인의 `DNAT` 규칙(때로는 `docker-proxy` 프로세스)이 호스트 포트를 컨테이너 IP와 포트로 넘겨 줍니다.',
  },
  'net.ports': {
    title: 'publish된 포트',
    summary: '컨테이너로 전달되는 호스트 포트입니다. expose만으로는 아무것도 전달되지 않습니다.',
    body: '`-p 8080:80`(compose `ports:`)은 호스트 8080 포트를 컨테이너 80 포트로 잇습니다. 주소를 지정하지 않으면(`127.0.0.1:8080:80`처럼) 호스트의 모든 주소에 열립니다. `EXPOSE`와 compose `expose:`는 메타데이터에 포트를 적을 뿐입니다. publish된 포트는 `INPUT` 체인보다 앞선 DNAT에서 처리되므로 호스트 방화벽 규칙을 우회합니다.',
  },
  'net.dns': {
    title: '컨테이너 DNS',
    summary: '사용자 정의 네트워크에서는 127.0.0.11의 Docker 내장 DNS로 컨테이너끼리 이름으로 찾습니다.',
    body: '내장 리졸버가 같은 네트워크의 컨테이너 이름, 서비스 이름, alias에 응답하고 나머지 질의는 호스트 리졸버로 넘깁니다. 기본 `bridge` 네트워크에는 내장 DNS가 없어서, 컨테이너가 호스트 `resolv.conf`의 사본을 받고 서로를 이름으로 찾지 못합니다.',
  },
  'net.mode.bridge': {
    title: '브리지 네트워크',
    summary: '컨테이너가 자기 network 네임스페이스를 가지고 veth 쌍으로 호스트 브리지에 연결됩니다.',
    body: 'Docker의 기본 모드로, 기본 `bridge` 네트워크와 사용자 정의 브리지 네트워크 모두 이 모드입니다. 브리지 서브넷의 사설 IP를 받고, NAT로 밖에 나가며, 외부에서는 publish된 포트로만 들어올 수 있습니다.',
  },
  'net.mode.host': {
    title: '호스트 네트워크',
    summary: '컨테이너가 호스트의 network 네임스페이스를 씁니다. veth, NAT, 포트 매핑이 없습니다.',
    body: '안의 서버가 호스트 포트에 바로 bind하므로 이런 컨테이너 둘이 같은 포트를 쓸 수 없고 `-p`는 무시됩니다. 빠르고 단순하지만 네트워크 격리는 없습니다.',
  },
  'net.mode.none': {
    title: '네트워크 없음',
    summary: '컨테이너가 루프백만 있는 자기 network 네임스페이스를 가집니다.',
    body: '네트워크로 들어올 수도, 나갈 수도 없습니다. 네트워크와 통신하면 안 되는 배치 작업에 유용합니다.',
  },
  'net.mode.container': {
    title: '다른 컨테이너의 네트워크',
    summary: '컨테이너가 {peer}의 network 네임스페이스에 합류합니다.',
    body: '인터페이스, IP 주소, 포트가 {peer|과/와} 같고 둘은 `localhost`로 통신합니다. Docker는 이 컨테이너에 별도 네트워크를 보고하지 않습니다. {peer|이/가} 멈추면 이 컨테이너도 네트워크를 잃습니다.',
  },
  'net.mode.macvlan': {
    title: 'macvlan',
    summary: '컨테이너가 호스트 네트워크 인터페이스 위에서 자기 MAC 주소를 직접 받습니다.',
    body: 'LAN에서 별도 머신처럼 보이며 브리지, veth, NAT가 없습니다. 인터페이스는 veth가 아니라 부모 NIC에 연결됩니다. 구조상 호스트 자신은 보통 그 NIC를 통해 자기 macvlan 컨테이너와 통신하지 못합니다.',
  },
  'net.mode.ipvlan': {
    title: 'ipvlan',
    summary: '컨테이너가 호스트 인터페이스 위에서 자기 IP를 받되, MAC 주소는 호스트와 함께 씁니다.',
    body: 'macvlan과 비슷하지만 MAC이 하나뿐이라, 포트당 MAC 수를 제한하는 네트워크에 맞습니다. 브리지나 veth는 없습니다.',
  },
  'net.mode.overlay': {
    title: '오버레이 네트워크',
    summary: '여러 Docker 호스트에 걸친 네트워크로, VXLAN 터널을 씁니다(Swarm).',
    body: '컨테이너 인터페이스의 veth 짝은 호스트가 아니라 overlay 네트워크 자신의 네임스페이스에 있으므로(`vxlan0` 장치 옆, 브리지 `br0`의 포트) 호스트 veth가 없습니다. 외부 통신용 두 번째 인터페이스는 `docker_gwbridge`에 연결되며, 이쪽은 호스트에서 끝납니다.',
  },
  'net.mode.null': {
    title: 'null 드라이버(네트워크 없음)',
    summary: 'Docker 기본 none 네트워크의 드라이버로, 컨테이너에는 루프백만 있습니다.',
    body: '`none`에 붙은 컨테이너는 `lo`만 있는 자기 network 네임스페이스를 가집니다. veth도 브리지도 없고, 어느 네트워크의 IP 주소도 없습니다.',
  },
  'net.mode.other': {
    title: '기타 네트워크 드라이버',
    summary: '플러그인 드라이버처럼 여기서 자세히 설명하지 않는 네트워크 모드나 드라이버입니다.',
    body: '컨테이너의 network 네임스페이스는 네임스페이스 항목에 보이는 그대로입니다. 외부와 어떻게 연결되는지는 드라이버에 달려 있으며, `docker network inspect`로 옵션을 확인할 수 있습니다.',
  },
  'net.userDefinedBridge': {
    title: '사용자 정의 브리지와 기본 브리지',
    summary: 'docker network create(와 compose)로 만든 네트워크는 이름으로 DNS 조회가 되지만, 기본 브리지는 안 됩니다.',
    body: '사용자 정의 브리지에서는 컨테이너끼리 이름과 alias로 서로를 찾고, 다른 네트워크의 컨테이너와 격리되며, 실행 중에 연결하거나 끊을 수 있습니다. 기본 `bridge`(`docker0`)는 IP 주소와 레거시 `--link`만 제공합니다. compose는 프로젝트마다 사용자 정의 네트워크를 만듭니다.',
  },
};
