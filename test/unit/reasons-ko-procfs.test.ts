import * as assert from 'node:assert/strict';
import { localizeReason } from '../../src/core/reasons';

/** One case per sentence of the kernel-file readers: the English reason and its Korean, exactly. */
const CASES: Record<string, [string, string][]> = {
  'src/core/procfs/files.ts': [
    [
      '/sys/fs/cgroup/cpu,cpuacct/docker/3f9a1c2e7b4d/cpu.cfs_quota_us is not where it should be (a parent is not a directory)',
      '/sys/fs/cgroup/cpu,cpuacct/docker/3f9a1c2e7b4d/cpu.cfs_quota_us이(가) 있어야 할 곳에 없습니다(상위 경로 중 하나가 디렉터리가 아닙니다)',
    ],
    [
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/memory.max is a directory, not a file',
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/memory.max은(는) 파일이 아니라 디렉터리입니다',
    ],
    [
      'could not read /sys/fs/cgroup/memory/docker/3f9a1c2e7b4d/memory.stat (EIO: EIO: i/o error, read)',
      '/sys/fs/cgroup/memory/docker/3f9a1c2e7b4d/memory.stat을(를) 읽을 수 없습니다(EIO: EIO: i/o error, read)',
    ],
    [
      'could not read /proc/4242/status (UNKNOWN: unknown error)',
      '/proc/4242/status을(를) 읽을 수 없습니다(UNKNOWN: 알 수 없는 오류)',
    ],
    [
      '/proc/4242/mountinfo was cut short (its last line has no newline)',
      '/proc/4242/mountinfo이(가) 중간에 잘렸습니다(마지막 줄에 줄바꿈이 없습니다)',
    ],
  ],
  'src/core/procfs/ns.ts': [
    [
      'could not stat /proc/4242/ns/net (ELOOP: ELOOP: too many symbolic links encountered, stat \'/proc/4242/ns/net\')',
      '/proc/4242/ns/net을(를) stat할 수 없습니다(ELOOP: ELOOP: too many symbolic links encountered, stat \'/proc/4242/ns/net\')',
    ],
    [
      'could not stat /proc/4242/ns/net (EINVAL: /proc/4242/ns/net is not a namespace link)',
      '/proc/4242/ns/net을(를) stat할 수 없습니다(EINVAL: /proc/4242/ns/net은(는) 네임스페이스 링크가 아닙니다)',
    ],
    [
      'could not stat /proc/4242/ns/net (EAGAIN: not read yet)',
      '/proc/4242/ns/net을(를) stat할 수 없습니다(EAGAIN: 아직 읽지 않았습니다)',
    ],
  ],
  'src/core/procfs/process.ts': [
    [
      '/proc/4242/status has no readable NSpid line (it needs Linux 4.1 or later), or the file was cut short',
      '/proc/4242/status에 읽을 수 있는 NSpid 줄이 없거나(Linux 4.1 이상이 필요합니다) 파일이 중간에 잘렸습니다',
    ],
    [
      '/proc/4242/uid_map is empty: the user namespace has no uid mapping yet',
      '/proc/4242/uid_map이(가) 비어 있습니다. user 네임스페이스에 아직 uid 매핑이 없습니다',
    ],
    [
      '/proc/4242/gid_map is empty: the user namespace has no gid mapping yet',
      '/proc/4242/gid_map이(가) 비어 있습니다. user 네임스페이스에 아직 gid 매핑이 없습니다',
    ],
    [
      '/proc/4242/gid_map is not in the kernel\'s "inside outside length" format (malformed or cut short)',
      '/proc/4242/gid_map이(가) 커널의 "inside outside length" 형식이 아닙니다(형식이 잘못되었거나 중간에 잘렸습니다)',
    ],
    [
      '/proc/meminfo has no readable "MemTotal: N kB" line',
      '/proc/meminfo에 읽을 수 있는 "MemTotal: N kB" 줄이 없습니다',
    ],
    [
      '/sys/devices/system/cpu/online is not a CPU list such as "0-1" (read "")',
      '/sys/devices/system/cpu/online이(가) "0-1" 같은 CPU 목록이 아닙니다(읽은 값: "")',
    ],
  ],
  'src/core/procfs/cgfile.ts': [
    [
      '/sys/fs/cgroup/memory/docker/3f9a1c2e7b4d/memory.limit_in_bytes: expected a number, "max" or -1, read "12G"',
      '/sys/fs/cgroup/memory/docker/3f9a1c2e7b4d/memory.limit_in_bytes: 숫자, "max" 또는 -1이어야 하는데 읽은 값은 "12G"입니다',
    ],
    [
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/pids.current: expected a whole number, read ""',
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/pids.current: 0 이상의 정수여야 하는데 읽은 값은 ""입니다',
    ],
    [
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/io.bfq.weight: expected a weight such as "100" or "default 100", read "default"',
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/io.bfq.weight: "100"이나 "default 100" 같은 가중치여야 하는데 읽은 값은 "default"입니다',
    ],
    [
      '/sys/fs/cgroup/cpuset/docker/3f9a1c2e7b4d/cpuset.cpus: expected a list such as "0-1", read "0-1,x"',
      '/sys/fs/cgroup/cpuset/docker/3f9a1c2e7b4d/cpuset.cpus: "0-1" 같은 목록이어야 하는데 읽은 값은 "0-1,x"입니다',
    ],
    [
      '/sys/fs/cgroup/memory/docker/3f9a1c2e7b4d/memory.oom_control: has no "oom_kill" line (file cut short, or this kernel does not report it)',
      '/sys/fs/cgroup/memory/docker/3f9a1c2e7b4d/memory.oom_control: "oom_kill" 줄이 없습니다(파일이 중간에 잘렸거나, 이 커널이 이 값을 알려 주지 않습니다)',
    ],
    [
      '/sys/fs/cgroup/memory/docker/3f9a1c2e7b4d/memory.stat: has no "hierarchical_memory_limit" line',
      '/sys/fs/cgroup/memory/docker/3f9a1c2e7b4d/memory.stat: "hierarchical_memory_limit" 줄이 없습니다',
    ],
    [
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/cpu.stat: has a "nr_throttled" value that is not a whole number: "-1"',
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/cpu.stat: "nr_throttled" 값이 0 이상의 정수가 아닙니다: "-1"',
    ],
    [
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/cpu.max: expected "max 100000" or "QUOTA PERIOD", read "max"',
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/cpu.max: "max 100000" 또는 "QUOTA PERIOD" 형식이어야 하는데 읽은 값은 "max"입니다',
    ],
  ],
  'src/core/procfs/limits-v1.ts': [
    [
      '/sys/fs/cgroup/cpu,cpuacct/docker/3f9a1c2e7b4d/cpu.cfs_period_us reads 0',
      '/sys/fs/cgroup/cpu,cpuacct/docker/3f9a1c2e7b4d/cpu.cfs_period_us의 값이 0입니다',
    ],
    [
      '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us does not exist: the process sits in the root cgroup of this hierarchy, which has no such file (the root takes no limits) (CFS bandwidth control)',
      '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us 파일이 없습니다: 프로세스가 이 계층의 루트 cgroup에 있고, 루트에는 이 파일이 없습니다(루트에는 제한을 걸 수 없음) (CFS 대역폭 제어)',
    ],
    [
      '/sys/fs/cgroup/memory/docker/3f9a1c2e7b4d/memory.memsw.limit_in_bytes does not exist: this kernel does not account swap per cgroup (built without CONFIG_MEMCG_SWAP, or booted with swapaccount=0), so Docker\'s MemorySwap is not enforced here',
      '/sys/fs/cgroup/memory/docker/3f9a1c2e7b4d/memory.memsw.limit_in_bytes 파일이 없습니다: 이 커널은 cgroup별 스왑을 계산하지 않습니다(CONFIG_MEMCG_SWAP 없이 빌드되었거나 swapaccount=0으로 부팅됨). 그래서 여기서는 Docker의 MemorySwap이 적용되지 않습니다',
    ],
  ],
  'src/core/procfs/limits-v2.ts': [
    [
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/cpu.stat does not exist: cpu.stat is always present in cgroup v2',
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/cpu.stat 파일이 없습니다: cgroup v2에는 cpu.stat이 항상 있습니다',
    ],
    [
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/io.weight does not exist: io.bfq.weight does not exist either: the io controller is not enabled for this cgroup (see cgroup.subtree_control of its parent), or no weight-based I/O control is available',
      '/sys/fs/cgroup/system.slice/docker-3f9a1c2e7b4d.scope/io.weight 파일이 없습니다: io.bfq.weight 파일도 없습니다: 이 cgroup에는 io 컨트롤러가 켜져 있지 않습니다(부모의 cgroup.subtree_control 참고). 또는 가중치 기반 I/O 제어를 쓸 수 없습니다',
    ],
    [
      '/sys/fs/cgroup/io.weight does not exist: io.bfq.weight does not exist either: the process sits in the root cgroup of this hierarchy, which has no such file (the root takes no limits), or no weight-based I/O control is available',
      '/sys/fs/cgroup/io.weight 파일이 없습니다: io.bfq.weight 파일도 없습니다: 프로세스가 이 계층의 루트 cgroup에 있고, 루트에는 이 파일이 없습니다(루트에는 제한을 걸 수 없음). 또는 가중치 기반 I/O 제어를 쓸 수 없습니다',
    ],
  ],
  'src/core/procfs/limits.ts': [
    [
      'no level of the cgroup chain holds the effective value 536870912: it is combined from several levels',
      'cgroup 체인의 어느 단계도 실효값 536870912를 갖고 있지 않습니다. 여러 단계의 값이 합쳐진 값입니다',
    ],
    [
      'no level of the cgroup chain holds the effective value 1.5: it is combined from several levels',
      'cgroup 체인의 어느 단계도 실효값 1.5를 갖고 있지 않습니다. 여러 단계의 값이 합쳐진 값입니다',
    ],
    [
      'no level of the cgroup chain holds the effective set "2-3": it is the overlap of several levels',
      'cgroup 체인의 어느 단계도 실효 집합 "2-3"을(를) 갖고 있지 않습니다. 여러 단계 집합의 교집합입니다',
    ],
    [
      'no level of the cgroup chain holds the effective set null: it is the overlap of several levels',
      'cgroup 체인의 어느 단계도 실효 집합 null을(를) 갖고 있지 않습니다. 여러 단계 집합의 교집합입니다',
    ],
  ],
  'src/core/procfs/cgroup.ts': [
    [
      '/proc/self/mountinfo lists no cgroup or cgroup2 mount: this process cannot see the cgroup filesystem (is /sys/fs/cgroup mounted?)',
      '/proc/self/mountinfo에 cgroup이나 cgroup2 마운트가 없습니다. 이 프로세스는 cgroup 파일 시스템을 볼 수 없습니다(/sys/fs/cgroup이 마운트되어 있습니까?)',
    ],
    [
      '/proc/4242/cgroup has no "ID:controllers:path" line (empty, malformed or cut short)',
      '/proc/4242/cgroup에 "ID:controllers:path" 줄이 없습니다(비어 있거나, 형식이 잘못되었거나, 중간에 잘렸습니다)',
    ],
    [
      '/proc/4242/cgroup marks the cgroup of the cgroup2 hierarchy as deleted: the process is a zombie whose cgroup was removed',
      '/proc/4242/cgroup은(는) cgroup2 계층의 cgroup을 삭제됨으로 표시합니다. 그 프로세스는 cgroup이 제거된 좀비입니다',
    ],
    [
      '/proc/4242/cgroup marks the cgroup of hierarchy 4 (memory) as deleted: the process is a zombie whose cgroup was removed',
      '/proc/4242/cgroup은(는) 계층 4(memory)의 cgroup을 삭제됨으로 표시합니다. 그 프로세스는 cgroup이 제거된 좀비입니다',
    ],
    [
      '/proc/4242/cgroup gives /../../system.slice/docker-3f9a1c2e7b4d.scope for the cgroup2 hierarchy: the process\'s cgroup lies outside this reader\'s cgroup namespace, so its directory cannot be reached from here (read from the host\'s cgroup namespace, or use the helper container)',
      '/proc/4242/cgroup에 적힌 cgroup2 계층의 경로는 /../../system.slice/docker-3f9a1c2e7b4d.scope입니다. 프로세스의 cgroup이 읽는 쪽의 cgroup 네임스페이스 밖에 있어 여기서는 그 디렉터리에 닿을 수 없습니다(호스트의 cgroup 네임스페이스에서 읽거나 헬퍼 컨테이너를 쓰세요)',
    ],
    [
      '/proc/4242/cgroup gives /../docker/3f9a1c2e7b4d for hierarchy 3 (cpu,cpuacct): the process\'s cgroup lies outside this reader\'s cgroup namespace, so its directory cannot be reached from here (read from the host\'s cgroup namespace, or use the helper container)',
      '/proc/4242/cgroup에 적힌 계층 3(cpu,cpuacct)의 경로는 /../docker/3f9a1c2e7b4d입니다. 프로세스의 cgroup이 읽는 쪽의 cgroup 네임스페이스 밖에 있어 여기서는 그 디렉터리에 닿을 수 없습니다(호스트의 cgroup 네임스페이스에서 읽거나 헬퍼 컨테이너를 쓰세요)',
    ],
    [
      'could not place any line of /proc/4242/cgroup under a cgroup mount: none of its hierarchies is mounted in this mount namespace',
      '/proc/4242/cgroup의 어느 줄도 cgroup 마운트 아래에 놓을 수 없습니다: 그 계층 중 어느 것도 이 mount 네임스페이스에 마운트되어 있지 않습니다',
    ],
    [
      'could not place any line of /proc/4242/cgroup under a cgroup mount: the cgroup2 hierarchy: /system.slice/docker-3f9a1c2e7b4d.scope is not below the mount\'s root /user.slice',
      '/proc/4242/cgroup의 어느 줄도 cgroup 마운트 아래에 놓을 수 없습니다: cgroup2 계층: /system.slice/docker-3f9a1c2e7b4d.scope이(가) 마운트의 루트 /user.slice 아래에 있지 않습니다',
    ],
    [
      'could not place any line of /proc/4242/cgroup under a cgroup mount: hierarchy 4 (memory): /docker/3f9a1c2e7b4d is not below the mount\'s root /kubepods; hierarchy 3 (cpu,cpuacct): /docker/3f9a1c2e7b4d is not below the mount\'s root /kubepods',
      '/proc/4242/cgroup의 어느 줄도 cgroup 마운트 아래에 놓을 수 없습니다: 계층 4(memory): /docker/3f9a1c2e7b4d이(가) 마운트의 루트 /kubepods 아래에 있지 않습니다; 계층 3(cpu,cpuacct): /docker/3f9a1c2e7b4d이(가) 마운트의 루트 /kubepods 아래에 있지 않습니다',
    ],
  ],
  'src/core/procfs/kernelside.ts': [
    [
      'cannot read memory limits: the container\'s /proc/PID/cgroup names no cgroup in a cgroup v1 hierarchy with the memory controller that is mounted here',
      '메모리 제한을 읽을 수 없습니다. 컨테이너의 /proc/PID/cgroup에는 여기에 마운트된 memory 컨트롤러가 있는 cgroup v1 계층의 cgroup이 없습니다',
    ],
    [
      'cannot read CPU limits: the container\'s /proc/PID/cgroup names no cgroup in a cgroup v1 hierarchy with the cpu controller that is mounted here',
      'CPU 제한을 읽을 수 없습니다. 컨테이너의 /proc/PID/cgroup에는 여기에 마운트된 cpu 컨트롤러가 있는 cgroup v1 계층의 cgroup이 없습니다',
    ],
    [
      'cannot read CPU usage: the container\'s /proc/PID/cgroup names no cgroup in a cgroup v1 hierarchy with the cpuacct controller that is mounted here',
      'CPU 사용량을 읽을 수 없습니다. 컨테이너의 /proc/PID/cgroup에는 여기에 마운트된 cpuacct 컨트롤러가 있는 cgroup v1 계층의 cgroup이 없습니다',
    ],
    [
      'cannot read the cpuset: the container\'s /proc/PID/cgroup names no cgroup in a cgroup v1 hierarchy with the cpuset controller that is mounted here',
      'cpuset을 읽을 수 없습니다. 컨테이너의 /proc/PID/cgroup에는 여기에 마운트된 cpuset 컨트롤러가 있는 cgroup v1 계층의 cgroup이 없습니다',
    ],
    [
      'cannot read the PID limit: the container\'s /proc/PID/cgroup names no cgroup in a cgroup v1 hierarchy with the pids controller that is mounted here',
      'PID 제한을 읽을 수 없습니다. 컨테이너의 /proc/PID/cgroup에는 여기에 마운트된 pids 컨트롤러가 있는 cgroup v1 계층의 cgroup이 없습니다',
    ],
    [
      'cannot read the block I/O weight: the container\'s /proc/PID/cgroup names no cgroup in a cgroup v1 hierarchy with the blkio controller that is mounted here',
      '블록 I/O 가중치를 읽을 수 없습니다. 컨테이너의 /proc/PID/cgroup에는 여기에 마운트된 blkio 컨트롤러가 있는 cgroup v1 계층의 cgroup이 없습니다',
    ],
    [
      'cannot read cgroup v2 files: the container\'s /proc/PID/cgroup names no cgroup in the cgroup2 hierarchy that is mounted here',
      'cgroup v2 파일을 읽을 수 없습니다. 컨테이너의 /proc/PID/cgroup에는 여기에 마운트된 cgroup2 계층의 cgroup이 없습니다',
    ],
  ],
  'src/core/procfs/net.ts': [
    [
      '/sys/class/net/veth1a2b3c4: ifindex or iflink is missing or not a number',
      '/sys/class/net/veth1a2b3c4: ifindex나 iflink가 없거나 숫자가 아닙니다',
    ],
    [
      '/proc/4242/root/sys/class/net/eth0: ifindex or iflink is missing or not a number; and /proc/4242/net/igmp does not exist',
      '/proc/4242/root/sys/class/net/eth0: ifindex나 iflink가 없거나 숫자가 아닙니다. 그리고 /proc/4242/net/igmp 파일이 없습니다',
    ],
    [
      '/proc/4242/root/sys/class/net lists eth0, lo but /proc/4242/net/dev lists lo, eth0, eth1: that sysfs is not the container\'s network namespace',
      '/proc/4242/root/sys/class/net의 목록은 eth0, lo인데 /proc/4242/net/dev의 목록은 lo, eth0, eth1입니다. 그 sysfs는 컨테이너의 network 네임스페이스가 아닙니다',
    ],
    [
      '/proc/4242/root/sys/class/net lists eth0, lo but /proc/4242/net/dev lists lo, eth0, eth1: that sysfs is not the container\'s network namespace; and /proc/4242/net/igmp and dev_mcast name no interface',
      '/proc/4242/root/sys/class/net의 목록은 eth0, lo인데 /proc/4242/net/dev의 목록은 lo, eth0, eth1입니다. 그 sysfs는 컨테이너의 network 네임스페이스가 아닙니다. 그리고 /proc/4242/net/igmp와 dev_mcast에는 인터페이스가 하나도 없습니다',
    ],
    [
      'permission denied reading /proc/4242/root/sys/class/net; run as root or as the owner of the process; and /proc/4242/net/igmp and dev_mcast name no interface',
      '/proc/4242/root/sys/class/net 읽기 권한이 없습니다. root나 프로세스 소유자로 실행하세요. 그리고 /proc/4242/net/igmp와 dev_mcast에는 인터페이스가 하나도 없습니다',
    ],
    [
      'eth0 is linked to itself (iflink 2 = ifindex): it is not one end of a veth pair',
      'eth0은 자기 자신에 연결되어 있습니다(iflink 2 = ifindex). veth 쌍의 한쪽 끝이 아닙니다',
    ],
    [
      'no host interface has iflink 23: the peer of eth0 is not in the host\'s network namespace (host, none, macvlan or overlay networking)',
      'iflink가 23인 호스트 인터페이스가 없습니다. eth0의 반대쪽 끝이 호스트의 network 네임스페이스에 없습니다(host, none, macvlan 또는 overlay 네트워킹)',
    ],
    [
      'no host interface has iflink 23 and ifindex 3: the peer of eth0 is not in the host\'s network namespace (host, none, macvlan or overlay networking)',
      'iflink가 23이고 ifindex가 3인 호스트 인터페이스가 없습니다. eth0의 반대쪽 끝이 호스트의 network 네임스페이스에 없습니다(host, none, macvlan 또는 overlay 네트워킹)',
    ],
    [
      'no host interface has iflink 23 and ifindex 3: the peer of eth0 is not in the host\'s network namespace (host, none, macvlan or overlay networking); host interface enp3s0 is its parent, as for macvlan or ipvlan',
      'iflink가 23이고 ifindex가 3인 호스트 인터페이스가 없습니다. eth0의 반대쪽 끝이 호스트의 network 네임스페이스에 없습니다(host, none, macvlan 또는 overlay 네트워킹). 호스트 인터페이스 enp3s0이 그 부모입니다(macvlan이나 ipvlan처럼)',
    ],
    [
      'no host interface with iflink 23 is a port of br-5e1f2a3b4c6d: the peer of eth0 cannot be told without the container\'s iflink (readable as root)',
      'iflink가 23인 호스트 인터페이스 중 br-5e1f2a3b4c6d의 포트인 것이 없습니다. 컨테이너의 iflink(root로 읽을 수 있음) 없이는 eth0의 반대쪽 끝을 알 수 없습니다',
    ],
    [
      'veth1a2b3c4, veth9f8e7d6 all have iflink 23: ifindex values repeat across network namespaces and the container\'s iflink is unknown without root, so the peer of eth0 cannot be told apart',
      'veth1a2b3c4, veth9f8e7d6 모두 iflink가 23입니다. ifindex 값은 network 네임스페이스끼리 겹치고 root가 아니면 컨테이너의 iflink를 알 수 없으므로, eth0의 반대쪽 끝을 가려낼 수 없습니다',
    ],
    [
      'not read: the interface was found by its MAC address',
      '읽지 않았습니다: 인터페이스를 MAC 주소로 찾았습니다',
    ],
  ],
};

describe('core/reasons in Korean: the kernel-file readers', () => {
  for (const [file, cases] of Object.entries(CASES)) {
    describe(file, () => {
      for (const [en, ko] of cases) {
        it(en, () => assert.equal(localizeReason(en, 'ko'), ko));
      }
    });
  }
});
