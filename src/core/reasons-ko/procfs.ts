/** Korean for the reasons of the kernel-file readers (src/core/procfs/*). */
import { withParticle } from '../i18n';
import type { Rule } from './rule';

/** A line of /proc/PID/cgroup as cgroup.ts names it: "the cgroup2 hierarchy", "hierarchy 4 (memory)". */
const LABEL = String.raw`(the cgroup2 hierarchy|hierarchy \d+ \([^)]*\))`;

function label(s: string): string {
  const m = /^hierarchy (\d+) \(([^)]*)\)$/.exec(s);
  return m ? `계층 ${m[1]}(${m[2]})` : 'cgroup2 계층';
}

/** What kernelside.ts could not read for want of a cgroup, with its object particle. */
const WHAT: Record<string, string> = {
  'memory limits': '메모리 제한을',
  'CPU limits': 'CPU 제한을',
  'CPU usage': 'CPU 사용량을',
  'the cpuset': 'cpuset을',
  'the PID limit': 'PID 제한을',
  'the block I/O weight': '블록 I/O 가중치를',
  'cgroup v2 files': 'cgroup v2 파일을',
};

/** The hierarchy kernelside.ts looked in. */
function hierarchy(s: string): string {
  const m = /^a cgroup v1 hierarchy with the (\w+) controller$/.exec(s);
  return m ? `${m[1]} 컨트롤러가 있는 cgroup v1 계층` : 'cgroup2 계층';
}

/** What a failed read or stat of the helper container says in its own words, else the system's message. */
function message(s: string): string {
  if (s === 'unknown error') return '알 수 없는 오류';
  if (s === 'not read yet') return '아직 읽지 않았습니다';
  const link = /^(\S+) is not a namespace link$/.exec(s);
  return link ? `${withParticle(link[1], '은', '는')} 네임스페이스 링크가 아닙니다` : s;
}

const PEER_ELSEWHERE = "the peer of (\\S+) is not in the host's network namespace \\(host, none, macvlan or overlay networking\\)";

export const RULES: Rule[] = [
  // files.ts
  [/^(\S+) is not where it should be \(a parent is not a directory\)$/, (m) => `${withParticle(m[1], '이', '가')} 있어야 할 곳에 없습니다(상위 경로 중 하나가 디렉터리가 아닙니다)`],
  [/^(\S+) is a directory, not a file$/, (m) => `${withParticle(m[1], '은', '는')} 파일이 아니라 디렉터리입니다`],
  [/^could not read (\S+) \((\w+): (.*)\)$/, (m) => `${withParticle(m[1], '을', '를')} 읽을 수 없습니다(${m[2]}: ${message(m[3])})`],
  [/^(\S+) was cut short \(its last line has no newline\)$/, (m) => `${withParticle(m[1], '이', '가')} 중간에 잘렸습니다(마지막 줄에 줄바꿈이 없습니다)`],
  // ns.ts
  [/^could not stat (\S+) \((\w+): (.*)\)$/, (m) => `${withParticle(m[1], '을', '를')} stat할 수 없습니다(${m[2]}: ${message(m[3])})`],
  // process.ts
  [/^(\S+) has no readable NSpid line \(it needs Linux 4\.1 or later\), or the file was cut short$/, (m) => `${m[1]}에 읽을 수 있는 NSpid 줄이 없거나(Linux 4.1 이상이 필요합니다) 파일이 중간에 잘렸습니다`],
  [/^(\S+) is empty: the user namespace has no (uid|gid) mapping yet$/, (m) => `${withParticle(m[1], '이', '가')} 비어 있습니다. user 네임스페이스에 아직 ${m[2]} 매핑이 없습니다`],
  [/^(\S+) is not in the kernel's "inside outside length" format \(malformed or cut short\)$/, (m) => `${withParticle(m[1], '이', '가')} 커널의 "inside outside length" 형식이 아닙니다(형식이 잘못되었거나 중간에 잘렸습니다)`],
  [/^(\S+) has no readable "MemTotal: N kB" line$/, (m) => `${m[1]}에 읽을 수 있는 "MemTotal: N kB" 줄이 없습니다`],
  [/^(\S+) is not a CPU list such as "0-1" \(read (".*")\)$/, (m) => `${withParticle(m[1], '이', '가')} "0-1" 같은 CPU 목록이 아닙니다(읽은 값: ${m[2]})`],
  // cgfile.ts and limits-v2.ts: "<file>: <why the parser refused it>"
  [/^(\S+): expected a number, "max" or -1, read (".*")$/, (m) => `${m[1]}: 숫자, "max" 또는 -1이어야 하는데 읽은 값은 ${m[2]}입니다`],
  [/^(\S+): expected a whole number, read (".*")$/, (m) => `${m[1]}: 0 이상의 정수여야 하는데 읽은 값은 ${m[2]}입니다`],
  [/^(\S+): expected a weight such as "100" or "default 100", read (".*")$/, (m) => `${m[1]}: "100"이나 "default 100" 같은 가중치여야 하는데 읽은 값은 ${m[2]}입니다`],
  [/^(\S+): expected a list such as "0-1", read (".*")$/, (m) => `${m[1]}: "0-1" 같은 목록이어야 하는데 읽은 값은 ${m[2]}입니다`],
  [/^(\S+): expected "max 100000" or "QUOTA PERIOD", read (".*")$/, (m) => `${m[1]}: "max 100000" 또는 "QUOTA PERIOD" 형식이어야 하는데 읽은 값은 ${m[2]}입니다`],
  [/^(\S+): has no "([^"]+)" line \(file cut short, or this kernel does not report it\)$/, (m) => `${m[1]}: "${m[2]}" 줄이 없습니다(파일이 중간에 잘렸거나, 이 커널이 이 값을 알려 주지 않습니다)`],
  [/^(\S+): has no "([^"]+)" line$/, (m) => `${m[1]}: "${m[2]}" 줄이 없습니다`],
  [/^(\S+): has a "([^"]+)" value that is not a whole number: (".*")$/, (m) => `${m[1]}: "${m[2]}" 값이 0 이상의 정수가 아닙니다: ${m[3]}`],
  // limits-v1.ts
  [/^(\S+\/cpu\.cfs_period_us) reads 0$/, (m) => `${m[1]}의 값이 0입니다`],
  [/^the process sits in the root cgroup of this hierarchy, which has no such file \(the root takes no limits\) \(CFS bandwidth control\)$/, () => '프로세스가 이 계층의 루트 cgroup에 있고, 루트에는 이 파일이 없습니다(루트에는 제한을 걸 수 없음) (CFS 대역폭 제어)'],
  [/^this kernel does not account swap per cgroup \(built without CONFIG_MEMCG_SWAP, or booted with swapaccount=0\), so Docker's MemorySwap is not enforced here$/, () => '이 커널은 cgroup별 스왑을 계산하지 않습니다(CONFIG_MEMCG_SWAP 없이 빌드되었거나 swapaccount=0으로 부팅됨). 그래서 여기서는 Docker의 MemorySwap이 적용되지 않습니다'],
  // limits-v2.ts
  [/^cpu\.stat is always present in cgroup v2$/, () => 'cgroup v2에는 cpu.stat이 항상 있습니다'],
  [/^io\.bfq\.weight does not exist either: (.+), or no weight-based I\/O control is available$/, (m, again) => `io.bfq.weight 파일도 없습니다: ${again(m[1])}. 또는 가중치 기반 I/O 제어를 쓸 수 없습니다`],
  // limits.ts
  [/^no level of the cgroup chain holds the effective value (\S+): it is combined from several levels$/, (m) => `cgroup 체인의 어느 단계도 실효값 ${withParticle(m[1], '을', '를')} 갖고 있지 않습니다. 여러 단계의 값이 합쳐진 값입니다`],
  [/^no level of the cgroup chain holds the effective set (".*"|null): it is the overlap of several levels$/, (m) => `cgroup 체인의 어느 단계도 실효 집합 ${withParticle(m[1], '을', '를')} 갖고 있지 않습니다. 여러 단계 집합의 교집합입니다`],
  // cgroup.ts
  [/^(\S+) lists no cgroup or cgroup2 mount: this process cannot see the cgroup filesystem \(is \/sys\/fs\/cgroup mounted\?\)$/, (m) => `${m[1]}에 cgroup이나 cgroup2 마운트가 없습니다. 이 프로세스는 cgroup 파일 시스템을 볼 수 없습니다(/sys/fs/cgroup이 마운트되어 있습니까?)`],
  [/^(\S+) has no "ID:controllers:path" line \(empty, malformed or cut short\)$/, (m) => `${m[1]}에 "ID:controllers:path" 줄이 없습니다(비어 있거나, 형식이 잘못되었거나, 중간에 잘렸습니다)`],
  [new RegExp(String.raw`^(\S+) marks the cgroup of ${LABEL} as deleted: the process is a zombie whose cgroup was removed$`), (m) => `${withParticle(m[1], '은', '는')} ${label(m[2])}의 cgroup을 삭제됨으로 표시합니다. 그 프로세스는 cgroup이 제거된 좀비입니다`],
  [
    new RegExp(String.raw`^(\S+) gives (.+?) for ${LABEL}: the process's cgroup lies outside this reader's cgroup namespace, so its directory cannot be reached from here \(read from the host's cgroup namespace, or use the helper container\)$`),
    (m) => `${m[1]}에 적힌 ${label(m[3])}의 경로는 ${m[2]}입니다. 프로세스의 cgroup이 읽는 쪽의 cgroup 네임스페이스 밖에 있어 여기서는 그 디렉터리에 닿을 수 없습니다(호스트의 cgroup 네임스페이스에서 읽거나 헬퍼 컨테이너를 쓰세요)`,
  ],
  [/^could not place any line of (\S+) under a cgroup mount: (.+)$/, (m, again) => `${m[1]}의 어느 줄도 cgroup 마운트 아래에 놓을 수 없습니다: ${m[2].split('; ').map(again).join('; ')}`],
  [/^none of its hierarchies is mounted in this mount namespace$/, () => '그 계층 중 어느 것도 이 mount 네임스페이스에 마운트되어 있지 않습니다'],
  [new RegExp(String.raw`^${LABEL}: (.+?) is not below the mount's root (\S+)$`), (m) => `${label(m[1])}: ${withParticle(m[2], '이', '가')} 마운트의 루트 ${m[3]} 아래에 있지 않습니다`],
  // kernelside.ts
  [
    /^cannot read (memory limits|CPU limits|CPU usage|the cpuset|the PID limit|the block I\/O weight|cgroup v2 files): the container's \/proc\/PID\/cgroup names no cgroup in (the cgroup2 hierarchy|a cgroup v1 hierarchy with the \w+ controller) that is mounted here$/,
    (m) => `${WHAT[m[1]]} 읽을 수 없습니다. 컨테이너의 /proc/PID/cgroup에는 여기에 마운트된 ${hierarchy(m[2])}의 cgroup이 없습니다`,
  ],
  // net.ts
  [/^(\S+): ifindex or iflink is missing or not a number$/, (m) => `${m[1]}: ifindex나 iflink가 없거나 숫자가 아닙니다`],
  [/^(\S+) lists (.*) but (\S+) lists (.*): that sysfs is not the container's network namespace$/, (m) => `${m[1]}의 목록은 ${m[2]}인데 ${m[3]}의 목록은 ${m[4]}입니다. 그 sysfs는 컨테이너의 network 네임스페이스가 아닙니다`],
  [/^(\S+)\/igmp and dev_mcast name no interface$/, (m) => `${m[1]}/igmp와 dev_mcast에는 인터페이스가 하나도 없습니다`],
  [/^(\S+) is linked to itself \(iflink (\d+) = ifindex\): it is not one end of a veth pair$/, (m) => `${withParticle(m[1], '은', '는')} 자기 자신에 연결되어 있습니다(iflink ${m[2]} = ifindex). veth 쌍의 한쪽 끝이 아닙니다`],
  [
    new RegExp(String.raw`^no host interface has iflink (\d+)(?: and ifindex (\d+))?: ${PEER_ELSEWHERE}(?:; host interface (\S+) is its parent, as for macvlan or ipvlan)?$`),
    (m) =>
      `iflink가 ${m[1]}${m[2] ? `이고 ifindex가 ${m[2]}` : ''}인 호스트 인터페이스가 없습니다. ${m[3]}의 반대쪽 끝이 호스트의 network 네임스페이스에 없습니다(host, none, macvlan 또는 overlay 네트워킹)` +
      (m[4] ? `. 호스트 인터페이스 ${withParticle(m[4], '이', '가')} 그 부모입니다(macvlan이나 ipvlan처럼)` : ''),
  ],
  [/^no host interface with iflink (\d+) is a port of (\S+): the peer of (\S+) cannot be told without the container's iflink \(readable as root\)$/, (m) => `iflink가 ${m[1]}인 호스트 인터페이스 중 ${m[2]}의 포트인 것이 없습니다. 컨테이너의 iflink(root로 읽을 수 있음) 없이는 ${m[3]}의 반대쪽 끝을 알 수 없습니다`],
  [
    /^(.+) all have iflink (\d+): ifindex values repeat across network namespaces and the container's iflink is unknown without root, so the peer of (\S+) cannot be told apart$/,
    (m) => `${m[1]} 모두 iflink가 ${m[2]}입니다. ifindex 값은 network 네임스페이스끼리 겹치고 root가 아니면 컨테이너의 iflink를 알 수 없으므로, ${m[3]}의 반대쪽 끝을 가려낼 수 없습니다`,
  ],
  [/^not read: the interface was found by its MAC address$/, () => '읽지 않았습니다: 인터페이스를 MAC 주소로 찾았습니다'],
];
