/**
 * Reasons (why a fact is unavailable) and engine errors in the chosen language. The readers
 * build reasons in English with the path, PID or value that makes them actionable; this turns
 * the known sentences into Korean, keeping those values, and translates a composite reason
 * ("<file> does not exist: <why>") part by part. A sentence it does not know stays as written.
 */
import type { Lang } from './catalog/types';
import { translator, withParticle, type Translate } from './i18n';
import { RULES as ENGINE } from './reasons-ko/engine';
import { RULES as HELPER } from './reasons-ko/helper';
import { RULES as PROCFS } from './reasons-ko/procfs';
import type { Rule } from './reasons-ko/rule';
import { RULES as SWARM } from './reasons-ko/swarm';

/** Container states and short words that appear inside reasons. */
const word = (t: Translate, w: string): string => t(w);

/** Wrappers, then the sentences of each area (each rule anchored to one whole sentence), then these. */
const KO: Rule[] = [
  // Wrappers a reader puts around another reason: matched by their own ending, before any
  // rule whose last capture would take that ending in.
  [/^(.+) \(time namespaces need Linux 5\.6 or later\)$/, (m, again) => `${again(m[1])}(time 네임스페이스는 Linux 5.6 이상이 필요합니다)`],
  [/^(.+); what it sees is read from inside its namespaces on the engine's machine: run container-anatomy diff there, as root$/, (m, again) => `${again(m[1])}. 이쪽이 보는 것은 엔진 머신에서 그 네임스페이스 안에 들어가 읽습니다. 그곳에서 root로 container-anatomy diff를 실행하세요`],
  ...PROCFS,
  ...ENGINE,
  ...HELPER,
  ...SWARM,
  [/^the container is (\w+): it has no processes, so there is no (.+) to read until it starts( again)?$/, (m, _a, t) => `컨테이너가 ${word(t, m[1])} 상태라 프로세스가 없습니다. ${m[3] ? '다시 ' : ''}시작하기 전에는 읽을 ${withParticle(thing(m[2]), '이', '가')} 없습니다`],
  [/^the container is not running: it has no cgroup until it starts$/, () => '컨테이너가 실행 중이 아닙니다. 시작하기 전에는 cgroup이 없습니다'],
  [/^the container uses the host network namespace: it has no interface of its own$/, () => '컨테이너가 호스트 network 네임스페이스를 씁니다. 자기 인터페이스가 없습니다'],
  [/^no (.+): the container uses the host's network stack$/, (m) => `${thing(m[1])} 없음: 컨테이너가 호스트의 네트워크 스택을 씁니다`],
  [/^no (.+): network none gives the container only the loopback interface lo$/, (m) => `${thing(m[1])} 없음: none 네트워크는 컨테이너에 루프백 인터페이스 lo만 줍니다`],
  [/^no gateway while the container is (\w+): it has no interface until it starts, then it routes through (\S+), network (.+)'s gateway$/, (m, _a, t) => `컨테이너가 ${word(t, m[1])} 상태라 게이트웨이 없음: 시작하기 전에는 인터페이스가 없고, 시작하면 ${m[3]} 네트워크의 게이트웨이 ${withParticle(m[2], '을', '를')} 거칩니다`],
  [/^no (.+) while the container is (\w+): addresses are assigned when it starts$/, (m, _a, t) => `컨테이너가 ${word(t, m[2])} 상태라 ${thing(m[1])} 없음: 주소는 시작할 때 배정됩니다`],
  [/^the engine reports no (.+) for this network$/, (m) => `엔진이 이 네트워크의 ${withParticle(thing(m[1]), '을', '를')} 알려 주지 않습니다`],
  [/^no prefix length without an address$/, () => '주소가 없으므로 프리픽스 길이도 없습니다'],
  [/^network (.+) has no IPv4 subnet$/, (m) => `네트워크 ${m[1]}에는 IPv4 서브넷이 없습니다`],
  [/^network (.+) is unknown to the engine$/, (m) => `엔진이 네트워크 ${withParticle(m[1], '을', '를')} 모릅니다`],
  [/^network (.+) is not in the engine's network list$/, (m) => `네트워크 ${withParticle(m[1], '이', '가')} 엔진의 네트워크 목록에 없습니다`],
  [/^the network is not in the engine's network list$/, () => '네트워크가 엔진의 네트워크 목록에 없습니다'],
  [/^Podman names a network's bridge only in GET \/libpod\/networks\/json, which could not be read: (.+)$/, (m) => `Podman은 네트워크의 브리지 이름을 GET /libpod/networks/json에서만 알려 주는데, 그것을 읽지 못했습니다: ${m[1]}`],
  [/^network (.+) is missing from Podman's own network list \(GET \/libpod\/networks\/json\), which names its bridge$/, (m) => `네트워크 ${withParticle(m[1], '이', '가')} 브리지 이름을 알려 주는 Podman 자체 네트워크 목록(GET /libpod/networks/json)에 없습니다`],
  [/^Podman's network list gives no interface name for network (.+)$/, (m) => `Podman 네트워크 목록에 네트워크 ${m[1]}의 인터페이스 이름이 없습니다`],
  [/^the (\S+) driver uses no Linux bridge$/, (m) => `${m[1]} 드라이버는 리눅스 브리지를 쓰지 않습니다`],
  [/^the (\S+) driver does not put a veth into this machine's network namespace$/, (m) => `${m[1]} 드라이버는 이 머신의 network 네임스페이스에 veth를 두지 않습니다`],
  [/^a (\S+) interface hangs directly off a host NIC(.*); there is no veth pair and no bridge$/, (m) => `${m[1]} 인터페이스는 호스트 NIC${m[2]}에 바로 붙습니다. veth 쌍도 브리지도 없습니다`],
  [/^the default route leaves by (\S+), and this network's interface is unknown$/, (m) => `기본 경로가 나가는 곳은 ${m[1]}이며, 이 네트워크의 인터페이스는 알 수 없습니다`],
  [/^no interface inside the container carries (.+)$/, (m) => `컨테이너 안에 ${withParticle(m[1], '을', '를')} 가진 인터페이스가 없습니다`],
  [/^the engine at (\S+) runs on another machine, so this machine's \/proc and \/sys do not show its containers$/, (m) => `엔진 ${withParticle(m[1], '은', '는')} 다른 머신에서 실행되므로, 이 머신의 /proc와 /sys에는 그 컨테이너가 보이지 않습니다`],
  [/^the engine did not report its cgroup version \(API < 1\.41\)$/, () => '엔진이 cgroup 버전을 알려 주지 않았습니다(API 1.41 미만)'],
  [/^the engine did not report its cgroup driver$/, () => '엔진이 cgroup 드라이버를 알려 주지 않았습니다'],
  [/^the engine did not report a hostname$/, () => '엔진이 호스트명을 알려 주지 않았습니다'],
  [/^not connected to the engine yet$/, () => '아직 엔진에 연결되지 않았습니다'],
  [/^the helper container is turned off \(--helper=never\)$/, () => '헬퍼 컨테이너가 꺼져 있습니다(--helper=never)'],
  [/^the helper container is turned off: --helper=ask asks only on a terminal, and there is none; run with --helper=always to use it$/, () => '헬퍼 컨테이너가 꺼져 있습니다. --helper=ask는 터미널에서만 묻는데 터미널이 없습니다. 쓰려면 --helper=always로 실행하세요'],
  [/^the helper container is turned off \(containerAnatomy\.helper\.mode is "never"\)$/, () => '헬퍼 컨테이너가 꺼져 있습니다(containerAnatomy.helper.mode가 "never")'],
  [/^the helper container was refused for (\S+) \("Never"\)(; to be asked again, run "Container Anatomy: Forget Helper Container Answers")?$/, (m) => `${m[1]}에서 헬퍼 컨테이너를 거부했습니다("허용 안 함")${m[2] ? '. 다시 묻게 하려면 "Container Anatomy: 헬퍼 컨테이너 답변 지우기"를 실행하세요' : ''}`],
  [/^the helper container was not allowed \(the question was closed without an answer\); to be asked again, press Refresh in the Container Anatomy view$/, () => '헬퍼 컨테이너를 허용하지 않았습니다(답하지 않고 질문을 닫았습니다). 다시 묻게 하려면 Container Anatomy 보기에서 새로 고침을 누르세요'],
  [/^the helper container needs consent: allow it when asked, set containerAnatomy\.helper\.mode to "always", or run the CLI with --helper=always$/, () => '헬퍼 컨테이너에는 동의가 필요합니다. 물을 때 허용하거나, containerAnatomy.helper.mode를 "always"로 설정하거나, CLI를 --helper=always로 실행하세요'],
  [/^the container has no network attachment of its own$/, () => '컨테이너에 자기 네트워크 연결이 없습니다'],
  [/^no chain was read for this limit$/, () => '이 제한의 cgroup 체인을 읽지 않았습니다'],
  [/^the container has no default route$/, () => '컨테이너에 기본 경로가 없습니다'],
  [/^not read yet: the container is listed and its details are being read$/, () => '아직 읽지 않았습니다: 엔진이 나열한 컨테이너이며, 세부 정보를 읽는 중입니다'],
  // The Limits panel's usage sampling (panels/limits-panel.ts).
  [/^(.+) is (created|paused|restarting|removing|exited|dead): nothing to sample$/, (m, _a, t) => `${withParticle(m[1], '은', '는')} ${word(t, m[2])} 상태라 측정할 것이 없습니다`],
  [/^the container is gone$/, () => '컨테이너가 없어졌습니다'],
  [/^not read yet: the engine answered, and this machine's side of it is being read$/, () => '아직 읽지 않았습니다: 엔진이 답했고, 이 머신 쪽을 읽는 중입니다'],
  [/^not read yet: this machine cannot read its kernel files, so they come through the helper container, which is asked for and started first$/, () => '아직 읽지 않았습니다: 이 머신은 커널 파일을 읽을 수 없어 헬퍼 컨테이너로 읽으며, 먼저 헬퍼 컨테이너를 요청하고 시작합니다'],
  [/^(.+)'s (\w+) namespace is unreadable: (.+)$/, (m, again) => `${who(m[1])}의 ${m[2]} 네임스페이스를 읽을 수 없습니다: ${again(m[3])}`],
  [/^permission denied reading (\S+): the kernel's ptrace check refuses it; run as root \(or the container's owner\), or let the helper container read it \(even root can be refused, e\.g\. for a supervisor's PID 1 or by a security module\)$/, (m) => `${m[1]} 읽기 권한이 없습니다. 커널의 ptrace 검사가 거부합니다. root(또는 컨테이너 소유자)로 실행하거나 헬퍼 컨테이너가 읽게 하세요(감독 프로세스의 PID 1이나 보안 모듈 때문에 root도 거부될 수 있습니다)`],
  [/^the inode of (\S+) \((\d+)\) is too large to hold exactly$/, (m) => `${m[1]}의 inode(${m[2]})가 너무 커서 정확히 담을 수 없습니다`],
  [/^could not stat (\S+) \((.+)\)$/, (m) => `${m[1]}을(를) stat할 수 없습니다(${m[2]})`],
  [/^the kernel shows this only from inside process (\d+)'s (.+) namespace, and entering it \((.+)\) needs root: run as root to see it$/, (m) => `커널은 이것을 프로세스 ${m[1]}의 ${m[2]} 네임스페이스 안에서만 보여 줍니다. 그 안에 들어가려면(${m[3]}) root가 필요하니, 보려면 root로 실행하세요`],
  [/^(\S+) \(util-linux\) is not installed, so process (\d+)'s (.+) namespace cannot be entered$/, (m) => `${m[1]}(util-linux)가 설치되어 있지 않아 프로세스 ${m[2]}의 ${m[3]} 네임스페이스에 들어갈 수 없습니다`],
  [/^(nsenter -t \d+ [^:]+?) failed: (.+)$/, (m) => `${m[1]} 실패: ${m[2]}`],
  [/^(nsenter -t \d+ .+?) did not answer within (\d+) ms$/, (m) => `${m[1]}이(가) ${m[2]}ms 안에 응답하지 않았습니다`],
  [/^reading (\S+) inside the namespace failed: (.+)$/, (m) => `네임스페이스 안에서 ${m[1]} 읽기에 실패했습니다: ${m[2]}`],
  [/^(\S+) lists no processes$/, (m) => `${m[1]}에 프로세스가 하나도 없습니다`],
  [/^no process in PID namespace (\d+) has PID 1 there \(its init has exited, or its NSpid lines are unreadable\)$/, (m) => `PID 네임스페이스 ${m[1]} 안에서 PID 1인 프로세스가 없습니다(init이 끝났거나 NSpid 줄을 읽을 수 없습니다)`],
  [/^(\d+) processes are in PID namespace (\d+), but (\d+) others could not be checked \(permission denied on their ns\/pid\): run as root to count them all$/, (m) => `PID 네임스페이스 ${m[2]}에 프로세스가 ${m[1]}개 있지만, 다른 ${m[3]}개는 확인하지 못했습니다(ns/pid 읽기 권한 없음). 모두 세려면 root로 실행하세요`],
  [/^(\d+) processes are in PID namespace (\d+), but (\d+) others could not be checked \(the kernel refused their ns\/pid even to root\)$/, (m) => `PID 네임스페이스 ${m[2]}에 프로세스가 ${m[1]}개 있지만, 다른 ${m[3]}개는 확인하지 못했습니다(커널이 root에게도 ns/pid를 거부했습니다)`],
  [/^(\S+) is not in the kernel's format$/, (m) => `${m[1]}이(가) 커널의 형식이 아닙니다`],
  [/^(\S+) is not in the kernel's mountinfo format$/, (m) => `${m[1]}이(가) 커널의 mountinfo 형식이 아닙니다`],
  [/^(\S+) lists no mount on \/$/, (m) => `${m[1]}에 / 마운트가 없습니다`],
  [/^(\S+) is not in the kernel's "clock seconds nanoseconds" format$/, (m) => `${m[1]}이(가) 커널의 "clock seconds nanoseconds" 형식이 아닙니다`],
  [/^(\S+) or (\S+) came back empty$/, (m) => `${m[1]} 또는 ${m[2]}이(가) 비어 있습니다`],
  [/^(.+) are not in the kernel's format \(no header line\)$/, (m) => `${m[1]}이(가) 커널의 형식이 아닙니다(머리글 줄 없음)`],
  [/^(\S+) is not in the kernel's "id:controllers:path" format$/, (m) => `${m[1]}이(가) 커널의 "id:controllers:path" 형식이 아닙니다`],
  [/^the (\w+) namespace was not read$/, (m) => `${m[1]} 네임스페이스를 읽지 않았습니다`],
  [/^permission denied reading (\S+): the kernel's ptrace check refuses it even to root here, as it can for a supervisor's PID 1 or under a security module$/, (m) => `${m[1]} 읽기 권한이 없습니다. 커널의 ptrace 검사가 여기서는 root도 거부합니다(감독 프로세스의 PID 1이나 보안 모듈이 있으면 그럴 수 있습니다)`],
  [/^permission denied reading (\S+): the kernel's ptrace check refuses it even to the helper container \(root on the engine's host\), as it can for a supervisor's PID 1 or under a security module$/, (m) => `${m[1]} 읽기 권한이 없습니다. 커널의 ptrace 검사가 헬퍼 컨테이너(엔진 호스트의 root)도 거부합니다(감독 프로세스의 PID 1이나 보안 모듈이 있으면 그럴 수 있습니다)`],
  [/^permission denied reading (\S+) even to root \(a security module, or capabilities this process lacks\)$/, (m) => `${m[1]} 읽기 권한이 없습니다. root에게도 거부됩니다(보안 모듈, 또는 이 프로세스에 없는 capability 때문)`],
  [/^permission denied reading (\S+) even to the helper container \(root on the engine's host\)$/, (m) => `${m[1]} 읽기 권한이 없습니다. 헬퍼 컨테이너(엔진 호스트의 root)에게도 거부됩니다`],
  [/^permission denied reading (\S+) and the other namespace links of containers$/, (m) => `${m[1]}을(를) 비롯한 컨테이너의 네임스페이스 링크를 읽을 권한이 없습니다`],
  [/^permission denied reading (\S+); run as root or as the owner of the process$/, (m) => `${m[1]} 읽기 권한이 없습니다. root나 프로세스 소유자로 실행하세요`],
  [/^permission denied reading (\S+)(.*)$/, (m) => `${m[1]} 읽기 권한이 없습니다${m[2] ? ` ${m[2].replace(/^\s*[—-]\s*PID 1 belongs to another user$/, '— PID 1은 다른 사용자의 프로세스입니다')}` : ''}`],
  [/^(\S+) does not exist: process (\d+) has exited \(or is not visible from this PID namespace\)$/, (m) => `${m[1]} 파일이 없습니다. 프로세스 ${withParticle(m[2], '이', '가')} 끝났습니다(또는 이 PID 네임스페이스에서 보이지 않습니다)`],
  [/^(\S+) does not exist: process (\d+) has exited$/, (m) => `${m[1]} 파일이 없습니다. 프로세스 ${withParticle(m[2], '이', '가')} 끝났습니다`],
  [/^(\S+) does not exist: this kernel has no (\w+) namespace \(it needs Linux (\S+) or later, built with it\)$/, (m) => `${m[1]} 파일이 없습니다. 이 커널에는 ${m[2]} 네임스페이스가 없습니다(Linux ${m[3]} 이상, 해당 기능 포함 빌드 필요)`],
  [/^process (\d+) exited while (\S+) was being read; refresh to read the container again$/, (m) => `${withParticle(m[2], '을', '를')} 읽는 동안 프로세스 ${withParticle(m[1], '이', '가')} 끝났습니다. 새로 고치면 컨테이너를 다시 읽습니다`],
  [/^the process behind (\S+) exited while it was being read$/, (m) => `${withParticle(m[1], '을', '를')} 읽는 동안 해당 프로세스가 끝났습니다`],
  [/^(\S+) does not exist$/, (m) => `${m[1]} 파일이 없습니다`],
  [/^no process (\d+) on this machine: the engine runs elsewhere \(a VM or another PID namespace\), or the container just stopped$/, (m) => `이 머신에 프로세스 ${withParticle(m[1], '이', '가')} 없습니다. 엔진이 다른 곳(VM이나 다른 PID 네임스페이스)에서 실행되거나, 컨테이너가 방금 멈췄습니다`],
  [/^PID (\d+) on this machine is not this container \(its cgroup does not name (\S+)\): the engine probably runs in a VM \(Docker Desktop\) or another PID namespace$/, (m) => `이 머신의 PID ${withParticle(m[1], '은', '는')} 이 컨테이너가 아닙니다(cgroup에 ${withParticle(m[2], '이', '가')} 없음). 엔진이 VM(Docker Desktop)이나 다른 PID 네임스페이스에서 실행되는 것 같습니다`],
  [/^cgroup v1 has no cpu\.weight; the kernel holds cpu\.shares instead$/, () => 'cgroup v1에는 cpu.weight가 없습니다. 커널은 대신 cpu.shares를 씁니다'],
  [/^cgroup v2 has no cpu\.shares; the kernel holds cpu\.weight instead \(see weight\)$/, () => 'cgroup v2에는 cpu.shares가 없습니다. 커널은 대신 cpu.weight를 씁니다(weight 참고)'],
  [/^the (\w+) controller of this kernel does not provide it$/, (m) => `이 커널의 ${m[1]} 컨트롤러는 이 파일을 제공하지 않습니다`],
  [/^the (\w+) controller of this kernel does not provide it \(CFS bandwidth control\)$/, (m) => `이 커널의 ${m[1]} 컨트롤러는 이 파일을 제공하지 않습니다(CFS 대역폭 제어)`],
  [/^the (\w+) controller is not enabled for this cgroup \(see cgroup\.subtree_control of its parent\)$/, (m) => `이 cgroup에는 ${m[1]} 컨트롤러가 켜져 있지 않습니다(부모의 cgroup.subtree_control 참고)`],
  [/^this kernel does not account swap per cgroup.*$/, () => '이 커널은 cgroup별 스왑을 계산하지 않습니다(CONFIG_MEMCG_SWAP 없음 또는 swapaccount=0)'],
  [/^the kernel reports OOM kills per cgroup only from Linux 4\.13$/, () => '커널은 Linux 4.13부터 cgroup별 OOM 종료 횟수를 알려 줍니다'],
  [/^no CFQ weight$/, () => 'CFQ 가중치 없음'],
  [/^this kernel has only blkio\.bfq\.weight$/, () => '이 커널에는 blkio.bfq.weight만 있습니다'],
  [/^neither blkio\.weight nor blkio\.bfq\.weight exists in (\S+): no I\/O scheduler with weights \(CFQ or BFQ\) is available$/, (m) => `${m[1]}에 blkio.weight도 blkio.bfq.weight도 없습니다. 가중치를 쓰는 I/O 스케줄러(CFQ, BFQ)가 없습니다`],
  [/^the process sits in the root cgroup of this hierarchy, which has no such file \(the root takes no limits\)$/, () => '프로세스가 이 계층의 루트 cgroup에 있고, 루트에는 이 파일이 없습니다(루트에는 제한을 걸 수 없음)'],
  [/^cannot read (.+): the container's \/proc\/PID\/cgroup names no cgroup in (.+) that is mounted here$/, (m) => `${withParticle(m[1], '을', '를')} 읽을 수 없습니다. 컨테이너의 /proc/PID/cgroup이 가리키는 cgroup이 이 머신에 마운트된 ${m[2]}에 없습니다`],
  [/^cannot read (\S+): (.+)$/, (m) => `${withParticle(m[1], '을', '를')} 읽을 수 없습니다: ${m[2]}`],
  // Engine errors (src/core/engine/errors.ts): message, then the hint.
  [/^No Docker engine socket at (\S+)$/, (m) => `${m[1]}에 Docker 엔진 소켓이 없습니다`],
  [/^Start dockerd \(sudo systemctl start docker\) or pick another context.*$/, () => 'dockerd를 시작하거나(sudo systemctl start docker) 다른 컨텍스트를 고르세요(Container Anatomy: 엔진/컨텍스트 선택, 또는 DOCKER_HOST / DOCKER_CONTEXT).'],
  [/^Permission denied on (\S+)$/, (m) => `${m[1]}에 접근할 권한이 없습니다`],
  [/^Add your user to the docker group.*$/, () => '사용자를 docker 그룹에 추가하거나(sudo usermod -aG docker $USER 후 다시 로그인) rootless Docker 컨텍스트를 쓰세요.'],
  [/^The engine at (\S+) did not answer in time \((.+)\)$/, (m) => `엔진 ${withParticle(m[1], '이', '가')} 제때 응답하지 않았습니다(${m[2]})`],
  [/^Nothing is listening on (\S+)$/, (m) => `${m[1]}에서 연결을 기다리는 것이 없습니다`],
  [/^The engine at (\S+) refused the connection$/, (m) => `엔진 ${withParticle(m[1], '이', '가')} 연결을 거부했습니다`],
  [/^Cannot resolve the host of (\S+)$/, (m) => `${m[1]}의 호스트 이름을 찾을 수 없습니다`],
  [/^The connection to (\S+) closed before the engine answered$/, (m) => `엔진이 응답하기 전에 ${m[1]} 연결이 닫혔습니다`],
  [/^Talking to the engine at (\S+) failed: (.+)$/, (m) => `엔진 ${withParticle(m[1], '과', '와')} 통신하지 못했습니다: ${m[2]}`],
  [/^The engine answered (\d+): (.+)$/, (m) => `엔진 응답 코드 ${m[1]}: ${m[2]}`],
  [/^Check the engine and try again\.$/, () => '엔진을 확인하고 다시 시도하세요.'],
  [/^It may have been removed; refresh the view\.$/, () => '삭제되었을 수 있습니다. 뷰를 새로 고치세요.'],
];

/** Names that come first in reasons: "this process", "PID 1". */
function who(s: string): string {
  return s === 'this process' ? '이 프로세스' : s;
}

/** What could not be read: "/proc/PID/ns/net", "process", "cgroup", "network interface", "process ID". */
function thing(s: string): string {
  const known: Record<string, string> = {
    process: '프로세스',
    cgroup: 'cgroup',
    'network interface': '네트워크 인터페이스',
    'process ID': '프로세스 ID',
    gateway: '게이트웨이',
    'MAC address': 'MAC 주소',
    'IP address': 'IP 주소',
    'IPv4 address': 'IPv4 주소',
  };
  return known[s] ?? s;
}

function localizeKo(reason: string, t: Translate, depth: number): string {
  const again = (s: string): string => (depth < 4 ? localizeKo(s, t, depth + 1) : s);
  const dash = reason.split(' — ');
  if (dash.length === 2) return `${again(dash[0])} — ${again(dash[1])}`;
  // Several engines' "<label>: <message> — <hint>" joined by "; " (engines.ts): each whole.
  if (dash.length > 2) {
    const each = reason.split(/; (?=[^;—]+: )/);
    if (each.length > 1) return each.map(again).join('; ');
  }
  // "<one>; and <other>": two reasons, each whole (before the patterns, whose catch-alls would
  // take the first one's words for the whole).
  const and = reason.indexOf('; and ');
  if (and > 0) return `${again(reason.slice(0, and))}. 그리고 ${again(reason.slice(and + 6))}`;
  // "<why not here>; <why no helper>": two reasons, each whole (before the patterns, whose
  // catch-alls would take the first one's words for the whole).
  const helper = reason.indexOf('; the helper container ');
  if (helper > 0) return `${again(reason.slice(0, helper))}. ${again(reason.slice(helper + 2))}`;
  for (const [re, make] of KO) {
    const m = reason.match(re);
    if (m) return make(m, again, t);
  }
  // "<one>; <other>" (why not here; why no helper): each part whole, when either is known.
  const semi = reason.indexOf('; ');
  if (semi > 0) {
    const [a, b] = [reason.slice(0, semi), reason.slice(semi + 2)];
    const [la, lb] = [again(a), again(b)];
    if (la !== a || lb !== b) return `${la}. ${lb}`;
  }
  // "<what failed>: <why>": translate each part.
  const colon = reason.indexOf(': ');
  if (colon > 0) {
    const [a, b] = [reason.slice(0, colon), reason.slice(colon + 2)];
    const [la, lb] = [again(a), again(b)];
    if (la !== a || lb !== b) return `${la}: ${lb}`;
  }
  return reason;
}

/** `reason` in `lang`; English reasons are returned as they are. */
export function localizeReason(reason: string, lang: Lang): string {
  if (lang !== 'ko' || !reason) return reason;
  return localizeKo(reason, translator(lang), 0);
}
