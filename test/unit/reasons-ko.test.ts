import { strict as assert } from 'assert';
import { HELPER_OFF_FLAG, HELPER_OFF_NO_TERMINAL } from '../../src/cli';
import { localizeReason } from '../../src/core/reasons';
import { HELPER_PENDING, NOT_READ_YET } from '../../src/core/unread';
import { ASK_AGAIN, DISMISSED } from '../../src/core/helper/manager';

describe('core/reasons in Korean', () => {
  it('names the Select Engine/Context command by its Korean title, as the palette shows it', () => {
    const ko = localizeReason('Start dockerd (sudo systemctl start docker) or pick another context (Container Anatomy: Select Engine/Context, or DOCKER_HOST / DOCKER_CONTEXT).', 'ko');
    assert.match(ko, /Container Anatomy: 엔진\/컨텍스트 선택/);
    assert.doesNotMatch(ko, /Select Engine/);
  });
});

describe('core/reasons in Korean: the network reasons added with the default route and network none', () => {
  it('translates them whole, keeping the interface names', () => {
    const cases: [string, RegExp][] = [
      ["the default route leaves by eth1, and this network's interface is unknown", /^기본 경로가 나가는 곳은 eth1이며/],
      ['no network interface: network none gives the container only the loopback interface lo', /^네트워크 인터페이스 없음: none 네트워크는 컨테이너에 루프백 인터페이스 lo만 줍니다$/],
      ['no gateway: network none gives the container only the loopback interface lo', /^게이트웨이 없음: none 네트워크는/],
    ];
    for (const [en, ko] of cases) assert.match(localizeReason(en, 'ko'), ko);
  });
});

describe('core/reasons in Korean: why the helper container is offered', () => {
  it('translates the refused namespace links whole, naming the link', () => {
    const ko = localizeReason('permission denied reading /proc/7460/ns/net and the other namespace links of containers', 'ko');
    assert.equal(ko, '/proc/7460/ns/net을(를) 비롯한 컨테이너의 네임스페이스 링크를 읽을 권한이 없습니다');
  });
});

describe('core/reasons in Korean: a container listed and not read yet', () => {
  it('translates both reasons whole: being read, and waiting for the helper container', () => {
    assert.equal(localizeReason(NOT_READ_YET, 'ko'), '아직 읽지 않았습니다: 엔진이 나열한 컨테이너이며, 세부 정보를 읽는 중입니다');
    assert.match(localizeReason(HELPER_PENDING, 'ko'), /^아직 읽지 않았습니다: 이 머신은 커널 파일을 읽을 수 없어 헬퍼 컨테이너로/);
  });
});

describe('core/reasons in Korean: every plain reason the readers give has a translation', () => {
  it('leaves none of them in English', () => {
    for (const en of ['the container has no network attachment of its own', 'no chain was read for this limit', 'the container has no default route']) {
      assert.notEqual(localizeReason(en, 'ko'), en, en);
      assert.match(localizeReason(en, 'ko'), /[가-힣]/, en);
    }
  });
});

describe('core/reasons in Korean: why the helper container is not used', () => {
  it('translates each reason, the way to be asked again, and a remote engine\'s reason joined to one', () => {
    const cases: [string, RegExp][] = [
      ['the helper container is turned off (containerAnatomy.helper.mode is "never")', /^헬퍼 컨테이너가 꺼져 있습니다/],
      ['the helper container was refused for unix:///var/run/docker.sock ("Never")', /^unix:\/\/\/var\/run\/docker\.sock에서 헬퍼 컨테이너를 거부했습니다\("허용 안 함"\)$/],
      [`the helper container was refused for tcp://127.0.0.1:2376 ("Never"); ${ASK_AGAIN}`, /거부했습니다\("허용 안 함"\)\. 다시 묻게 하려면 "Container Anatomy: 헬퍼 컨테이너 답변 지우기"를 실행하세요$/],
      [DISMISSED, /^헬퍼 컨테이너를 허용하지 않았습니다\(답하지 않고 질문을 닫았습니다\)\. 다시 묻게 하려면 Container Anatomy 보기에서 새로 고침을 누르세요$/],
      [`permission denied reading /proc/1/ns/net and the other namespace links of containers; ${DISMISSED}`, /^\/proc\/1\/ns\/net을\(를\) 비롯한 .+\. 헬퍼 컨테이너를 허용하지 않았습니다.+새로 고침을 누르세요$/],
      ['the engine at tcp://127.0.0.1:2376 runs on another machine, so this machine\'s /proc and /sys do not show its containers; the helper container was refused for tcp://127.0.0.1:2376 ("Never")', /^엔진 .+ 다른 머신에서 실행되므로.+\. tcp:\/\/127\.0\.0\.1:2376에서 헬퍼 컨테이너를 거부했습니다/],
    ];
    for (const [en, ko] of cases) {
      const got = localizeReason(en, 'ko');
      assert.match(got, ko, got);
      assert.doesNotMatch(got, /helper container|refused|dismissed/, got);
    }
  });
});

describe('core/reasons in Korean: a read refused to root or to the helper container', () => {
  it('translates each whole, with no advice to run as root', () => {
    const cases: [string, string][] = [
      [`permission denied reading /proc/1/ns/net: the kernel's ptrace check refuses it even to root here, as it can for a supervisor's PID 1 or under a security module`, '/proc/1/ns/net 읽기 권한이 없습니다. 커널의 ptrace 검사가 여기서는 root도 거부합니다(감독 프로세스의 PID 1이나 보안 모듈이 있으면 그럴 수 있습니다)'],
      [`permission denied reading /proc/1/ns/net: the kernel's ptrace check refuses it even to the helper container (root on the engine's host), as it can for a supervisor's PID 1 or under a security module`, '/proc/1/ns/net 읽기 권한이 없습니다. 커널의 ptrace 검사가 헬퍼 컨테이너(엔진 호스트의 root)도 거부합니다(감독 프로세스의 PID 1이나 보안 모듈이 있으면 그럴 수 있습니다)'],
      ['permission denied reading /proc/42/uid_map even to root (a security module, or capabilities this process lacks)', '/proc/42/uid_map 읽기 권한이 없습니다. root에게도 거부됩니다(보안 모듈, 또는 이 프로세스에 없는 capability 때문)'],
      ["permission denied reading /proc/42/status even to the helper container (root on the engine's host)", '/proc/42/status 읽기 권한이 없습니다. 헬퍼 컨테이너(엔진 호스트의 root)에게도 거부됩니다'],
    ];
    for (const [en, ko] of cases) assert.equal(localizeReason(en, 'ko'), ko);
  });
});

describe('core/reasons in Korean: why a side\'s view (evidence) is missing', () => {
  it('translates every reason the evidence readers give, keeping paths, PIDs and commands', () => {
    const cases: [string, string][] = [
      ["the kernel shows this only from inside process 42's uts, ipc namespace, and entering it (nsenter -t 42 -u -i) needs root: run as root to see it", 'nsenter -t 42 -u -i'],
      ["nsenter (util-linux) is not installed, so process 42's uts namespace cannot be entered", 'nsenter(util-linux)'],
      ['nsenter -t 42 -u -i failed: nsenter: cannot open /proc/42/ns/uts: No such file or directory', 'nsenter: cannot open /proc/42/ns/uts'],
      ['nsenter -t 42 -u did not answer within 5000 ms', '5000ms'],
      ['reading /proc/sys/kernel/hostname inside the namespace failed: grep: /proc/sys/kernel/hostname: Permission denied', '/proc/sys/kernel/hostname'],
      ['12 processes are in PID namespace 4026532, but 3 others could not be checked (permission denied on their ns/pid): run as root to count them all', '4026532'],
      ['12 processes are in PID namespace 4026532, but 3 others could not be checked (the kernel refused their ns/pid even to root)', 'root에게도'],
      ['/proc lists no processes', '/proc'],
      ['no process in PID namespace 4026 has PID 1 there (its init has exited, or its NSpid lines are unreadable)', 'NSpid'],
      ['the net namespace was not read', 'net'],
      ["/proc/42/net/dev is not in the kernel's format", '/proc/42/net/dev'],
      ["/proc/42/mountinfo is not in the kernel's mountinfo format", 'mountinfo'],
      ['/proc/42/mountinfo lists no mount on /', '/proc/42/mountinfo'],
      ['/proc/42/timens_offsets does not exist (time namespaces need Linux 5.6 or later)', 'Linux 5.6'],
      ['/proc/42/timens_offsets is not in the kernel\'s "clock seconds nanoseconds" format', '"clock seconds nanoseconds"'],
      ['/proc/sys/kernel/hostname or /proc/sys/kernel/domainname came back empty', '/proc/sys/kernel/domainname'],
      ["/proc/sysvipc/shm, /proc/sysvipc/sem, /proc/sysvipc/msg are not in the kernel's format (no header line)", '/proc/sysvipc/msg'],
      ['/proc/self/cgroup is not in the kernel\'s "id:controllers:path" format', '"id:controllers:path"'],
      ["the engine at tcp://127.0.0.1:2376 runs on another machine, so this machine's /proc and /sys do not show its containers; what it sees is read from inside its namespaces on the engine's machine: run container-anatomy diff there, as root", 'container-anatomy diff'],
    ];
    for (const [en, kept] of cases) {
      const ko = localizeReason(en, 'ko');
      assert.match(ko, /[가-힣]/, en);
      assert.ok(ko.includes(kept), `${ko} keeps ${kept}`);
      assert.doesNotMatch(ko, /\b(the|is|are|run as|could not)\b/, ko);
    }
  });
});

describe('core/reasons in Korean: composites and the Limits panel', () => {
  it('translates each engine of several, each "<message> — <hint>" whole', () => {
    const en = 'desktop: No Docker engine socket at /var/run/docker.sock — Check the engine and try again.; remote: The engine at tcp://127.0.0.1:2376 refused the connection — Check the engine and try again.';
    assert.equal(localizeReason(en, 'ko'), 'desktop: /var/run/docker.sock에 Docker 엔진 소켓이 없습니다 — 엔진을 확인하고 다시 시도하세요.; remote: 엔진 tcp://127.0.0.1:2376이 연결을 거부했습니다 — 엔진을 확인하고 다시 시도하세요.');
  });

  it('translates "<one>; and <other>" part by part, even when the first part alone matches a broader sentence', () => {
    const en = 'permission denied reading /proc/42/root/sys/class/net; run as root or as the owner of the process; and /proc/42/net/igmp does not exist';
    const ko = localizeReason(en, 'ko');
    assert.equal(ko, '/proc/42/root/sys/class/net 읽기 권한이 없습니다. root나 프로세스 소유자로 실행하세요. 그리고 /proc/42/net/igmp 파일이 없습니다');
  });

  it('translates "<why not here>; <why no helper>" part by part whatever the second part is', () => {
    const en = "the engine at tcp://127.0.0.1:2376 runs on another machine, so this machine's /proc and /sys do not show its containers; not connected to the engine yet";
    assert.equal(localizeReason(en, 'ko'), '엔진 tcp://127.0.0.1:2376은 다른 머신에서 실행되므로, 이 머신의 /proc와 /sys에는 그 컨테이너가 보이지 않습니다. 아직 엔진에 연결되지 않았습니다');
  });

  it('translates why the Limits panel has nothing to sample', () => {
    assert.equal(localizeReason('web-1 is exited: nothing to sample', 'ko'), 'web-1은 종료됨 상태라 측정할 것이 없습니다');
    assert.equal(localizeReason('the container is gone', 'ko'), '컨테이너가 없어졌습니다');
  });
});

describe('core/reasons in Korean: a wrapper around a reason whose own rule ends in a free capture', () => {
  it('keeps the wrapper\'s ending out of the inner capture: evidence after a helper failure, the time-namespace note after an odd errno', () => {
    const helper = localizeReason("the engine at tcp://10.0.0.5:2376 runs on another machine, so this machine's /proc and /sys do not show its containers; the helper container could not be started: could not create the helper container: (HTTP code 500) server error - invalid mount config; what it sees is read from inside its namespaces on the engine's machine: run container-anatomy diff there, as root", 'ko');
    assert.match(helper, /invalid mount config\. 이쪽이 보는 것은 엔진 머신에서 그 네임스페이스 안에 들어가 읽습니다\. 그곳에서 root로 container-anatomy diff를 실행하세요$/);
    const time = localizeReason('could not read /proc/4242/timens_offsets (EIO: EIO: i/o error, read) (time namespaces need Linux 5.6 or later)', 'ko');
    assert.match(time, /\(time 네임스페이스는 Linux 5\.6 이상이 필요합니다\)$/);
    assert.doesNotMatch(time, /time namespaces need/);
  });
});

describe('core/reasons in Korean: the helper turned off from the command line', () => {
  it('says so in the command line\'s words, not the VS Code setting\'s', () => {
    assert.equal(localizeReason(HELPER_OFF_FLAG, 'ko'), '헬퍼 컨테이너가 꺼져 있습니다(--helper=never)');
    assert.equal(localizeReason(HELPER_OFF_NO_TERMINAL, 'ko'), '헬퍼 컨테이너가 꺼져 있습니다. --helper=ask는 터미널에서만 묻는데 터미널이 없습니다. 쓰려면 --helper=always로 실행하세요');
    for (const t of [HELPER_OFF_FLAG, HELPER_OFF_NO_TERMINAL]) assert.doesNotMatch(t, /containerAnatomy\.helper\.mode/);
  });
});
