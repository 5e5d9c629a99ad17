import * as assert from 'node:assert/strict';
import { localizeReason } from '../../src/core/reasons';
import { HELPER_NAME, IMAGE_CANDIDATES } from '../../src/core/helper/container';
import { HelperFiles } from '../../src/core/helper/files';
import { OUTPUT_LIMIT, parseBatch, type BatchAnswer } from '../../src/core/helper/script';
import { readFailureReason } from '../../src/core/unread';

const ID = '3f9a1c2e7b4d5a6f8e0c1d2b3a4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3';
const MIB = OUTPUT_LIMIT / 1024 / 1024;

/** The message parseBatch throws for `raw`. */
function parseError(raw: string | Buffer): string {
  try {
    parseBatch(typeof raw === 'string' ? Buffer.from(raw) : raw);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`parseBatch accepted ${JSON.stringify(raw)}`);
}

function ko(en: string): string {
  return localizeReason(en, 'ko');
}

describe('core/reasons in Korean: starting the helper container', () => {
  const noImage =
    `no image with /bin/sh for the helper is on the engine (looked for ${IMAGE_CANDIDATES.join(', ')}; nothing is pulled without asking): ` +
    'run "docker pull busybox", or name an image in containerAnatomy.helper.image (CLI: --helper-image)';
  const noImageKo =
    '엔진에 헬퍼 컨테이너용으로 /bin/sh가 있는 이미지가 없습니다(찾아본 이미지: busybox, alpine, debian, ubuntu. 묻지 않고는 아무것도 받아 오지 않습니다). ' +
    '"docker pull busybox" 명령을 실행하거나, containerAnatomy.helper.image에 이미지 이름을 적으세요(CLI: --helper-image)';

  it('could not be started, with a system message as the cause', () => {
    assert.equal(ko('the helper container could not be started: connect ECONNREFUSED /var/run/docker.sock'), '헬퍼 컨테이너를 시작하지 못했습니다: connect ECONNREFUSED /var/run/docker.sock');
  });

  it('the named image is not on the engine, bare and as the cause of a failed start', () => {
    const en = 'the helper image alpine:3.20 is not on the engine (nothing is pulled without asking: run "docker pull alpine:3.20" first)';
    const want = '헬퍼 이미지 alpine:3.20이 엔진에 없습니다(묻지 않고는 아무것도 받아 오지 않습니다. 먼저 "docker pull alpine:3.20" 명령을 실행하세요)';
    assert.equal(ko(en), want);
    assert.equal(ko(`the helper container could not be started: ${en}`), `헬퍼 컨테이너를 시작하지 못했습니다: ${want}`);
  });

  it('the named image could not be looked up', () => {
    assert.equal(
      ko('could not look up the helper image alpine:3.20: (HTTP code 500) server error - layer does not exist'),
      '헬퍼 이미지 alpine:3.20을 조회하지 못했습니다: (HTTP code 500) server error - layer does not exist',
    );
  });

  it('no image with /bin/sh is on the engine', () => {
    assert.equal(ko(noImage), noImageKo);
  });

  it('a remote engine\'s reason joined to an image refusal: both parts', () => {
    const remote = "the engine at tcp://10.0.0.5:2376 runs on another machine, so this machine's /proc and /sys do not show its containers";
    assert.equal(ko(`${remote}; ${noImage}`), `${ko(remote)}. ${noImageKo}`);
    assert.match(ko(`${remote}; ${noImage}`), /^엔진 tcp:\/\/10\.0\.0\.5:2376은 다른 머신에서/);
  });

  it('the helper container could not be created', () => {
    assert.equal(
      ko('the helper container could not be started: could not create the helper container: (HTTP code 500) server error - invalid mount config'),
      '헬퍼 컨테이너를 시작하지 못했습니다: 헬퍼 컨테이너를 만들지 못했습니다: (HTTP code 500) server error - invalid mount config',
    );
  });

  it('another container holds the helper\'s name', () => {
    assert.equal(
      ko(`the helper container could not be started: a container named ${HELPER_NAME} exists and is not a helper container: remove or rename it`),
      '헬퍼 컨테이너를 시작하지 못했습니다: 이름이 container-anatomy-helper인 컨테이너가 있는데 헬퍼 컨테이너가 아닙니다. 그 컨테이너를 삭제하거나 이름을 바꾸세요',
    );
  });

  it('a stopped helper still holds the name', () => {
    assert.equal(
      ko(`the helper container could not be started: the name ${HELPER_NAME} is still held by a stopped helper container`),
      '헬퍼 컨테이너를 시작하지 못했습니다: 멈춘 헬퍼 컨테이너가 container-anatomy-helper 이름을 아직 차지하고 있습니다',
    );
  });

  it('the helper container could not be started by the engine', () => {
    assert.equal(
      ko('the helper container could not be started: the engine refused to start it: (HTTP code 500) server error - OCI runtime create failed: unable to apply apparmor profile'),
      '헬퍼 컨테이너를 시작하지 못했습니다: 엔진이 시작을 거부했습니다: (HTTP code 500) server error - OCI runtime create failed: unable to apply apparmor profile',
    );
  });

  it('the helper stopped right after it started: an exit code, or the engine\'s own error', () => {
    assert.equal(
      ko('the helper container could not be started: the helper container stopped right after it started (exit code 127)'),
      '헬퍼 컨테이너를 시작하지 못했습니다: 헬퍼 컨테이너가 시작하자마자 멈췄습니다(종료 코드 127)',
    );
    assert.equal(
      ko('the helper container stopped right after it started (OCI runtime exec failed: exec failed)'),
      '헬퍼 컨테이너가 시작하자마자 멈췄습니다(OCI runtime exec failed: exec failed)',
    );
  });

  it('the helper cannot see the engine\'s processes', () => {
    assert.equal(
      ko('the helper container could not be started: the helper could not read /proc/4242/status: it cannot see the engine\'s processes'),
      '헬퍼 컨테이너를 시작하지 못했습니다: 헬퍼 컨테이너가 /proc/4242/status을(를) 읽지 못했습니다. 헬퍼 컨테이너에는 엔진의 프로세스가 보이지 않습니다',
    );
  });
});

describe('core/reasons in Korean: a batch of reads through the helper container', () => {
  it('the helper container is gone', () => {
    assert.equal(
      ko('the helper container is gone ((HTTP code 409) unexpected - Container 9c1e2d3f4a5b is not running)'),
      '헬퍼 컨테이너가 없어졌습니다((HTTP code 409) unexpected - Container 9c1e2d3f4a5b is not running)',
    );
  });

  it('the helper did not answer in time', () => {
    assert.equal(ko('the helper did not answer within 60 s'), '헬퍼 컨테이너가 60초 안에 응답하지 않았습니다');
  });

  it('the answer passed the limit', () => {
    assert.equal(ko(`the helper's answer passed ${MIB} MiB and was cut off`), '헬퍼 컨테이너의 응답이 64 MiB를 넘어 잘렸습니다');
  });

  it('reading the answer failed', () => {
    assert.equal(ko('reading the helper\'s answer failed: read ECONNRESET'), '헬퍼 컨테이너의 응답을 읽지 못했습니다: read ECONNRESET');
  });

  it('the answer has no section: parseBatch\'s message, with and without the helper\'s stderr', () => {
    const why = parseError('sh: 1: gzip: not found\n');
    assert.equal(why, 'its answer has no @@ls section (it stopped midway)');
    assert.equal(ko(`the helper container stopped while reading: ${why}`), '헬퍼 컨테이너가 읽는 도중에 멈췄습니다: 응답에 @@ls 부분이 없습니다(도중에 멈췄습니다)');
    assert.equal(
      ko(`the helper container stopped while reading: ${why} (sh: xargs: not found)`),
      '헬퍼 컨테이너가 읽는 도중에 멈췄습니다: 응답에 @@ls 부분이 없습니다(도중에 멈췄습니다) (sh: xargs: not found)',
    );
  });

  it('the answer was cut off in the middle of a file', () => {
    const why = parseError('@@ls\n@@list\n@@read\nhalf a header');
    assert.equal(why, 'its answer was cut off in the middle of a file (it stopped midway)');
    assert.equal(
      ko(`the helper container stopped while reading: ${why} (sh: xargs: not found)`),
      '헬퍼 컨테이너가 읽는 도중에 멈췄습니다: 응답이 파일 중간에서 끊겼습니다(도중에 멈췄습니다) (sh: xargs: not found)',
    );
  });

  it('the answer was cut off in a named file', () => {
    const why = parseError('@@ls\n@@list\n@@read\n0 100 /proc/4242/mountinfo\nshort');
    assert.equal(why, 'its answer was cut off in /proc/4242/mountinfo (it stopped midway)');
    assert.equal(ko(`the helper container stopped while reading: ${why}`), '헬퍼 컨테이너가 읽는 도중에 멈췄습니다: 응답이 /proc/4242/mountinfo에서 끊겼습니다(도중에 멈췄습니다)');
  });

  it('the compressed answer could not be read', () => {
    assert.equal(
      ko(`the helper container stopped while reading: its compressed answer could not be read (unexpected end of file; it stopped midway or passed ${MIB} MiB)`),
      '헬퍼 컨테이너가 읽는 도중에 멈췄습니다: 압축된 응답을 읽지 못했습니다(unexpected end of file; 도중에 멈췄거나 64 MiB를 넘었습니다)',
    );
  });

  it('the compressed answer parseBatch rejects is translated whole', () => {
    const why = parseError(Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not gzip at all')]));
    assert.match(why, /^its compressed answer could not be read \(.+; it stopped midway or passed 64 MiB\)$/);
    assert.match(ko(`the helper container stopped while reading: ${why}`), /^헬퍼 컨테이너가 읽는 도중에 멈췄습니다: 압축된 응답을 읽지 못했습니다\(.+; 도중에 멈췄거나 64 MiB를 넘었습니다\)$/);
  });
});

describe('core/reasons in Korean: the helper\'s files', () => {
  const pending = (): HelperFiles => new HelperFiles((p) => p);
  const answered = (requests: string[], a: Partial<BatchAnswer>): HelperFiles => {
    const f = pending();
    f.add(requests, { ls: new Map(), dirs: new Map(), dirErrors: new Map(), reads: new Map(), ...a });
    return f;
  };

  it('a file not read yet', () => {
    const r = pending().readText(`/sys/fs/cgroup/memory/docker/${ID}/memory.stat`);
    assert.ok(!r.ok);
    assert.equal(ko(r.reason), `/sys/fs/cgroup/memory/docker/${ID}/memory.stat을(를) 아직 읽지 않았습니다`);
  });

  it('a file larger than the helper reads', () => {
    const r = answered(['r/proc/4242/mountinfo'], { reads: new Map([['/proc/4242/mountinfo', { status: 2, text: '' }]]) }).readText('/proc/4242/mountinfo');
    assert.ok(!r.ok);
    assert.equal(ko(r.reason), '/proc/4242/mountinfo은(는) 헬퍼 컨테이너가 파일 하나에서 읽는 최대 크기보다 큽니다');
  });

  it('a directory not listed yet', () => {
    const r = pending().listDir('/sys/class/net');
    assert.ok(!r.ok);
    assert.equal(ko(r.reason), '/sys/class/net의 목록을 아직 읽지 않았습니다');
  });

  it('a link not read yet', () => {
    const r = pending().statInode('/proc/4242/ns/net');
    assert.ok(!r.ok);
    assert.equal(ko(r.message), '아직 읽지 않았습니다');
  });

  it('a link that is not a namespace link', () => {
    const entry = { exists: true, dir: false, target: '/bin/sh', code: null, message: null };
    const r = answered(['l/proc/4242/ns/net'], { ls: new Map([['/proc/4242/ns/net', entry]]) }).statInode('/proc/4242/ns/net');
    assert.ok(!r.ok);
    assert.equal(ko(r.message), '/proc/4242/ns/net은(는) 네임스페이스 링크가 아닙니다');
  });
});

describe('core/reasons in Korean: where the kernel facts come from', () => {
  it('no such process here', () => {
    assert.equal(
      ko('no process 4242 on this machine: the engine runs elsewhere (a VM or another PID namespace)'),
      '이 머신에 프로세스 4242가 없습니다. 엔진이 다른 곳(VM이나 다른 PID 네임스페이스)에서 실행됩니다',
    );
  });

  it('the PID here is another container\'s', () => {
    assert.equal(
      ko(`PID 4242 on this machine is not container ${ID.slice(0, 12)} (its cgroup does not name it): the engine runs in a VM (Docker Desktop) or another PID namespace`),
      '이 머신의 PID 4242는 컨테이너 3f9a1c2e7b4d이(가) 아닙니다(그 cgroup에 이 컨테이너 ID가 없음). 엔진이 VM(Docker Desktop)이나 다른 PID 네임스페이스에서 실행됩니다',
    );
  });

  it('Docker Desktop', () => {
    assert.equal(
      ko("the engine at unix:///home/dev/.docker/desktop/docker.sock is Docker Desktop, which runs it in a VM: this machine's /proc and /sys do not show its containers"),
      '엔진 unix:///home/dev/.docker/desktop/docker.sock은(는) Docker Desktop이라 VM 안에서 실행됩니다. 이 머신의 /proc와 /sys에는 그 컨테이너가 보이지 않습니다',
    );
  });

  it('the helper was asked for', () => {
    assert.equal(ko('reading through the helper container was asked for'), '헬퍼 컨테이너로 읽으라는 요청이 있었습니다');
  });

  it('the engine does not run here', () => {
    assert.equal(ko('the engine does not run on this machine'), '엔진이 이 머신에서 실행되지 않습니다');
  });
});

describe('core/reasons in Korean: networks', () => {
  it('no interface carries this network', () => {
    assert.equal(ko('no interface inside the container carries this network'), '컨테이너 안에 이 네트워크에 연결된 인터페이스가 없습니다');
  });

  it('the helper cannot enter an overlay\'s namespace', () => {
    assert.equal(
      ko("the kernel is read through the helper container, which cannot enter the overlay's namespace: no process lives in it, only its file under the engine's exec root, which the helper does not mount"),
      '커널 정보는 헬퍼 컨테이너로 읽는데, 헬퍼 컨테이너는 오버레이 네임스페이스에 들어갈 수 없습니다. 그 네임스페이스에는 프로세스가 없고 엔진의 exec root 아래에 파일만 있으며, 헬퍼 컨테이너는 그 파일을 마운트하지 않습니다',
    );
  });

  it('Podman\'s network list could not be read: its cause translated too', () => {
    assert.equal(
      ko("Podman names a network's bridge only in GET /libpod/networks/json, which could not be read: its answer is not a list"),
      'Podman은 네트워크의 브리지 이름을 GET /libpod/networks/json에서만 알려 주는데, 그것을 읽지 못했습니다: 응답이 목록이 아닙니다',
    );
    assert.equal(
      ko("Podman names a network's bridge only in GET /libpod/networks/json, which could not be read: connect ECONNRESET /run/podman/podman.sock"),
      'Podman은 네트워크의 브리지 이름을 GET /libpod/networks/json에서만 알려 주는데, 그것을 읽지 못했습니다: connect ECONNRESET /run/podman/podman.sock',
    );
  });
});

describe('core/reasons in Korean: a container that could not be read', () => {
  it('the engine\'s message inside', () => {
    assert.equal(
      ko(readFailureReason(ID, `No such container: ${ID.slice(0, 12)}`)),
      '컨테이너 3f9a1c2e7b4d을(를) 읽지 못했습니다: No such container: 3f9a1c2e7b4d. 다음 이벤트 때나 새로 고칠 때 다시 읽습니다',
    );
  });

  it('its /proc and /sys files failed', () => {
    assert.equal(
      ko(readFailureReason(ID, "reading its /proc and /sys files failed: Cannot read properties of undefined (reading 'value')")),
      "컨테이너 3f9a1c2e7b4d을(를) 읽지 못했습니다: 컨테이너의 /proc와 /sys 파일을 읽지 못했습니다: Cannot read properties of undefined (reading 'value'). 다음 이벤트 때나 새로 고칠 때 다시 읽습니다",
    );
  });

  it('a helper error inside', () => {
    assert.equal(
      ko(readFailureReason(ID, 'reading its /proc and /sys files failed: the helper did not answer within 60 s')),
      '컨테이너 3f9a1c2e7b4d을(를) 읽지 못했습니다: 컨테이너의 /proc와 /sys 파일을 읽지 못했습니다: 헬퍼 컨테이너가 60초 안에 응답하지 않았습니다. 다음 이벤트 때나 새로 고칠 때 다시 읽습니다',
    );
  });
});
