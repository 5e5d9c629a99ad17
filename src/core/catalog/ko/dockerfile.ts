import type { Entry } from '../types';

/** Dockerfile 명령어, 형식, 플래그와 실행 시점의 의미. */
export const dockerfile: Record<string, Entry> = {
  'dockerfile.FROM': {
    title: 'FROM',
    summary: '베이스 이미지로 빌드 스테이지를 시작합니다.',
    body: '베이스 이미지의 레이어가 컨테이너 루트 파일시스템의 맨 아래층이 되고, 기본 설정(사용자, 명령, 환경 변수)도 물려받습니다. `FROM ... AS name`으로 스테이지 이름을 붙이면 `COPY --from`에서 쓸 수 있으며, 최종 이미지에는 마지막 스테이지만 남습니다.',
  },
  'dockerfile.FROM.--platform': {
    title: 'FROM --platform',
    summary: '베이스 이미지의 어느 아키텍처 변형을 쓸지 고릅니다.',
    body: '예를 들어 `--platform=$BUILDPLATFORM`으로 네이티브 도구로 빌드한 뒤 크로스 컴파일합니다. 다른 아키텍처 이미지로 만든 컨테이너는 에뮬레이션(binfmt/QEMU)으로만 돌며 느립니다.',
  },
  'dockerfile.RUN': {
    title: 'RUN',
    summary: '빌드 시점에 명령을 실행하고 파일시스템 변경분을 새 레이어로 저장합니다.',
    body: 'RUN은 각자 네임스페이스를 가진 임시 컨테이너에서 실행되며, 남는 것은 파일뿐입니다. 프로세스, 환경 변수 변경, 마운트는 남지 않습니다. 관련 명령은 RUN 하나로 묶어야 레이어가 작아집니다.',
  },
  'dockerfile.RUN.--network': {
    title: 'RUN --network',
    summary: '빌드 단계의 network 네임스페이스를 default, none, host 중에서 고릅니다.',
    body: '`--network=none`이면 루프백만 있는 network 네임스페이스에서 실행되어 아무것도 내려받을 수 없으므로, 오프라인 빌드를 보장하는 데 좋습니다. `--network=host`는 호스트 network 네임스페이스를 쓰며, 빌더가 `network.host`를 허용해야 합니다.',
  },
  'dockerfile.RUN.--mount': {
    title: 'RUN --mount',
    summary: '이 명령 동안에만 빌드 단계의 mount 네임스페이스에 마운트를 추가합니다.',
    body: '종류: `cache`(패키지 캐시 같은 영구 캐시 디렉터리), `bind`(컨텍스트나 다른 스테이지의 파일), `secret`·`ssh`(레이어에 남지 않는 자격 증명), `tmpfs`. 이렇게 마운트한 것은 이미지에 저장되지 않습니다.',
  },
  'dockerfile.RUN.--security': {
    title: 'RUN --security',
    summary: '빌드 단계를 추가 권한(insecure)으로, 또는 기본 샌드박스로 실행합니다.',
    body: '`--security=insecure`는 한 단계만 `docker run --privileged`처럼 돌리는 것으로, 모든 capability가 주어지고 seccomp가 꺼집니다. 빌더가 `security.insecure`를 허용해야 합니다. 커널 모듈 빌드나 loop 장치처럼 꼭 필요한 단계에만 쓰세요.',
  },
  'dockerfile.CMD': {
    title: 'CMD',
    summary: '컨테이너 시작 시 기본 명령(또는 ENTRYPOINT의 기본 인자)입니다.',
    body: '`docker run`에서 이미지 이름 뒤에 준 인자가 이를 대체합니다. 마지막 CMD만 유효합니다. 바로 실행되는지 `/bin/sh -c`를 거치는지는 형식에 따라 다르며, 이것이 누가 PID 1이 되는지를 정합니다.',
  },
  'dockerfile.CMD.exec': {
    title: 'CMD (exec 형식)',
    summary: '셸 없는 JSON 배열 형식입니다. ENTRYPOINT가 없으면 프로그램이 바로 PID 1로 실행되고, 있으면 그 인자가 됩니다.',
    body: 'ENTRYPOINT가 없을 때 `CMD ["nginx", "-g", "daemon off;"]`이면 nginx가 컨테이너 PID 네임스페이스의 PID 1이 되어 `docker stop`의 SIGTERM을 직접 받습니다. 셸이 없으므로 `$VAR` 치환은 되지 않습니다. PID 1에는 기본 시그널 핸들러가 없으니, 프로그램이 SIGTERM을 직접 처리하거나 `docker run --init` 같은 init 아래에서 돌아야 합니다.',
  },
  'dockerfile.CMD.shell': {
    title: 'CMD (shell 형식)',
    summary: '문자열 형식으로, /bin/sh -c 아래에서 실행되므로 (ENTRYPOINT가 없으면) 셸이 PID 1이 됩니다.',
    body: '`sh`가 PID 1이고 프로그램은 그 자식입니다. `sh -c`는 SIGTERM을 전달하지 않으므로 `docker stop`은 유예 시간(기본 10초)을 기다린 뒤 SIGKILL을 보냅니다. 정상 종료가 안 됩니다. exec 형식을 쓰거나, 명령 앞에 `exec`를 붙여 셸을 대체하세요.',
  },
  'dockerfile.ENTRYPOINT': {
    title: 'ENTRYPOINT',
    summary: '컨테이너가 항상 실행하는 실행 파일이며, CMD가 기본 인자를 줍니다.',
    body: '`docker run`의 인자는 이를 대체하지 않고 뒤에 붙으며, 바꾸려면 `--entrypoint`를 씁니다. 형식에 따라 누가 PID 1이 되는지, 시그널이 프로그램에 닿는지가 정해집니다.',
  },
  'dockerfile.ENTRYPOINT.exec': {
    title: 'ENTRYPOINT (exec 형식)',
    summary: 'JSON 배열 형식으로, 프로그램이 PID 1이 되어 docker stop의 SIGTERM을 받습니다.',
    body: 'CMD와 `docker run` 인자가 추가 인자로 붙습니다. PID 1이므로 프로그램이 SIGTERM을 직접 처리하거나(핸들러 없는 시그널은 커널이 무시) `--init`/tini 아래에서 시작되어야 합니다. 래퍼 스크립트라면 마지막에 `exec "$@"`로 실제 프로그램이 PID 1을 넘겨받게 하세요.',
  },
  'dockerfile.ENTRYPOINT.shell': {
    title: 'ENTRYPOINT (shell 형식)',
    summary: '문자열 형식으로, /bin/sh -c가 PID 1이 되고 CMD와 run 인자는 무시됩니다.',
    body: '`sh -c`가 SIGTERM을 프로그램에 전달하지 않으므로 `docker stop`은 타임아웃까지 기다렸다가 SIGKILL로 모두 죽입니다. CMD나 `docker run`의 인자는 조용히 버려집니다. exec 형식을 쓰거나 문자열 안에서 `exec program`으로 실행하세요.',
  },
  'dockerfile.USER': {
    title: 'USER',
    summary: '이후 RUN 단계와 컨테이너 프로세스가 실행될 사용자 ID(와 그룹)를 정합니다.',
    body: 'ID는 컨테이너의 user 네임스페이스 기준입니다. `userns-remap`이 없으면 거기서 uid 0은 호스트 uid 0이고, 다른 uid도 호스트에서 같은 번호이므로 바인드 마운트에 쓴 파일의 소유자가 그 번호가 됩니다. root가 아닌 사용자로 실행하는 것은 가장 손쉬운 보안 강화 방법 중 하나입니다.',
  },
  'dockerfile.EXPOSE': {
    title: 'EXPOSE',
    summary: '프로그램이 listen하는 포트를 기록하는 메타데이터일 뿐, 아무것도 publish하지 않습니다.',
    body: '컨테이너 network 네임스페이스도 바뀌지 않고 NAT 규칙도 생기지 않습니다. 외부에서 닿게 하려면 `-p`/`ports:`(또는 expose된 포트를 모두 임의 호스트 포트로 publish하는 `-P`)가 필요합니다.',
  },
  'dockerfile.ENV': {
    title: 'ENV',
    summary: '이후 빌드 단계와 실행 중인 컨테이너에 환경 변수를 설정합니다.',
    body: '값이 이미지에 저장되어 `docker inspect`로 누구나 볼 수 있으니 비밀값은 넣지 마세요. `docker run -e`로 덮어쓸 수 있습니다.',
  },
  'dockerfile.ARG': {
    title: 'ARG',
    summary: '--build-arg로 값을 주는 빌드 시점 변수를 선언합니다.',
    body: '빌드 중에만 존재하고 실행 중인 컨테이너의 환경에는 없지만, 값이 이미지 history에 남을 수는 있습니다. FROM 앞의 ARG는 스테이지 안에서 다시 선언하지 않으면 FROM 줄에서만 쓸 수 있습니다.',
  },
  'dockerfile.WORKDIR': {
    title: 'WORKDIR',
    summary: '이후 명령어와 컨테이너 프로세스의 작업 디렉터리를 정합니다.',
    body: '경로는 컨테이너 mount 네임스페이스 안, 즉 컨테이너 자신의 루트 파일시스템 기준이며 없으면 만들어집니다. 한 단계에서만 유효한 `RUN cd ...`보다 이것을 쓰세요.',
  },
  'dockerfile.VOLUME': {
    title: 'VOLUME',
    summary: '경로를 마운트 지점으로 표시하여, 컨테이너마다 그곳에 볼륨이 마운트되게 합니다.',
    body: '실행 시 Docker가 컨테이너 mount 네임스페이스의 그 경로에 익명 볼륨(또는 `-v`로 준 볼륨)을 마운트하므로, 그 아래 데이터는 컨테이너의 쓰기 레이어 밖에 저장됩니다. 빌드 중에는 이후 RUN이 그 경로 아래에 만든 변경이 버려집니다.',
  },
  'dockerfile.COPY': {
    title: 'COPY',
    summary: '빌드 컨텍스트(또는 다른 스테이지)의 파일을 이미지로 복사합니다.',
    body: '`--chown`을 주지 않으면 파일 소유자는 root입니다. ADD의 부가 기능이 필요 없다면 COPY를 쓰세요.',
  },
  'dockerfile.COPY.--chown': {
    title: 'COPY --chown',
    summary: '복사한 파일의 소유자를 이름이나 숫자 ID로 지정합니다.',
    body: 'ID는 컨테이너 user 네임스페이스 기준입니다. 프로세스가 root 아닌 `USER`로 돈다면 이 파일에 쓰려면 소유권이 필요합니다. userns-remap 환경에서는 호스트에서 보이는 소유자가 매핑만큼 밀려 있습니다.',
  },
  'dockerfile.COPY.--from': {
    title: 'COPY --from',
    summary: '빌드 컨텍스트 대신 앞 빌드 스테이지나 다른 이미지에서 파일을 복사합니다.',
    body: '멀티 스테이지 빌드의 핵심입니다. 큰 스테이지에서 컴파일하고 결과물만 작은 스테이지로 복사하면, 원본 스테이지의 나머지 파일은 최종 이미지에 들어가지 않습니다.',
  },
  'dockerfile.COPY.--link': {
    title: 'COPY --link',
    summary: '아래 레이어에 의존하지 않는 독립 레이어로 파일을 복사합니다.',
    body: '베이스 이미지가 바뀌어도 BuildKit이 이 레이어를 재사용할 수 있습니다. 대상 경로에서 이전 레이어의 심볼릭 링크를 따라가지 못합니다.',
  },
  'dockerfile.COPY.--chmod': {
    title: 'COPY --chmod',
    summary: '복사한 파일과 디렉터리의 이미지 안 권한 비트를 정합니다.',
    body: '8진수(`--chmod=755`, `644`) 또는 Dockerfile 문법 1.14부터는 기호 표기(`+x`, `u=rwX,go=rX`)를 씁니다. 복사와 같은 단계에서 적용되므로 `RUN chmod` 레이어가 파일을 한 번 더 담지 않습니다. 컨테이너 프로세스가 보는 권한은 이 값이며, 빌드 컨텍스트의 파일 권한과 무관합니다. Windows 컨테이너에서는 지원하지 않습니다.',
  },
  'dockerfile.COPY.--parents': {
    title: 'COPY --parents',
    summary: '소스의 마지막 부분만 복사하지 않고 상위 디렉터리 구조를 대상 아래에 그대로 둡니다.',
    body: '`COPY --parents ./x/a.txt ./y/a.txt /app/`은 `/app/x/a.txt`와 `/app/y/a.txt`를 만듭니다. 이 플래그가 없으면 둘 다 `/app/a.txt`로 가서 하나가 말없이 덮어씁니다. 소스 경로 안의 `./` 뒤쪽 디렉터리만 남기며, `**`는 깊이와 상관없이 맞습니다. Dockerfile 문법 1.20이 필요합니다(그 전에는 `-labs` 문법에만 있었습니다).',
  },
  'dockerfile.COPY.--exclude': {
    title: 'COPY --exclude',
    summary: '소스 패턴에 맞더라도 이 패턴에 맞는 파일은 빼고 복사합니다.',
    body: '패턴은 소스와 같은 와일드카드(Go `filepath.Match`)를 쓰고 여러 번 줄 수 있습니다: `COPY --exclude=*.txt --exclude=*.md hom* /mydir/`. `.dockerignore`와 달리 이 명령 하나에만 적용됩니다. Dockerfile 문법 1.19가 필요합니다(그 전에는 `-labs` 문법에만 있었습니다).',
  },
  'dockerfile.ADD': {
    title: 'ADD',
    summary: 'COPY와 같지만 URL을 내려받고 로컬 tar 아카이브를 풀어 주기도 합니다.',
    body: '자동 압축 해제가 의외의 결과를 낼 수 있습니다. 일반 파일은 COPY로, 체크섬과 통제가 필요한 다운로드는 별도 단계로 하세요.',
  },
  'dockerfile.ADD.--chown': {
    title: 'ADD --chown',
    summary: '추가한 파일의 소유자를 이름이나 숫자 ID로 지정합니다.',
    body: '`COPY --chown`과 마찬가지로 ID는 컨테이너 user 네임스페이스 기준이며, userns-remap이 없으면 호스트에서도 같은 번호입니다.',
  },
  'dockerfile.ADD.--checksum': {
    title: 'ADD --checksum',
    summary: '원격 소스를 검증합니다: HTTP 다운로드는 SHA-256 다이제스트로, Git 소스는 커밋으로.',
    body: 'HTTP(S) 소스는 `sha256:` 뒤에 다이제스트를 씁니다(SHA-256만 지원). Git 저장소는 커밋 SHA 또는 그 앞부분입니다. 내용이 다르면 빌드가 실패하므로, 바뀌었거나 변조된 다운로드를 막아 줍니다. Dockerfile 문법 1.6이 필요합니다.',
  },
  'dockerfile.ADD.--chmod': {
    title: 'ADD --chmod',
    summary: '추가한 파일과 디렉터리의 이미지 안 권한 비트를 정합니다.',
    body: '`COPY --chmod`와 같이 8진수(`755`) 또는 문법 1.14부터 기호 표기(`+x`)를 씁니다. 내려받은 실행 파일은 이 플래그가 없으면 실행 비트 없이(600) 들어오므로 유용합니다. Windows 컨테이너에서는 지원하지 않습니다.',
  },
  'dockerfile.ADD.--link': {
    title: 'ADD --link',
    summary: '아래 레이어에 의존하지 않는 독립 레이어로 파일을 추가합니다.',
    body: '`COPY --link`와 같습니다. 파일을 빈 디렉터리에 쓰고 그것을 앞 레이어 위에 얹으므로, 앞 단계나 베이스 이미지가 바뀌어도 BuildKit이 이 레이어를 재사용할 수 있습니다. 대상 경로는 이전 레이어의 심볼릭 링크를 따라가지 못하고 일반 디렉터리로 만들어집니다. Dockerfile 문법 1.4가 필요합니다.',
  },
  'dockerfile.ADD.--keep-git-dir': {
    title: 'ADD --keep-git-dir',
    summary: '소스가 Git 저장소일 때 .git 디렉터리를 남깁니다.',
    body: '소스가 Git URL(`https://…/repo.git#ref` 또는 SSH)이면 BuildKit은 기본으로 `.git` 없이 체크아웃된 파일만 넣습니다. `--keep-git-dir=true`는 `git describe`처럼 이력이 필요한 빌드를 위해 이를 남깁니다. 그러면 이력도 이미지 레이어에 들어갑니다.',
  },
  'dockerfile.ADD.--exclude': {
    title: 'ADD --exclude',
    summary: '소스 패턴에 맞더라도 이 패턴에 맞는 파일은 빼고 추가합니다.',
    body: '`COPY --exclude`와 같이 Go `filepath.Match` 와일드카드를 쓰고, 여러 번 줄 수 있으며, 이 명령에만 적용됩니다. Dockerfile 문법 1.19가 필요합니다(그 전에는 `-labs` 문법에만 있었습니다).',
  },
  'dockerfile.ADD.--unpack': {
    title: 'ADD --unpack',
    summary: 'tar 아카이브를 대상에 풀지 여부를 정합니다.',
    body: '기본으로 로컬 tar 아카이브(gzip, bzip2, xz 포함)는 풀고, 원격 아카이브(URL)는 파일 그대로 저장합니다. `--unpack=true`는 내려받은 것을 풀고, `--unpack=false`는 로컬 아카이브를 파일로 둡니다. Dockerfile 문법 1.17이 필요합니다.',
  },
  'dockerfile.LABEL': {
    title: 'LABEL',
    summary: '이미지에 키-값 메타데이터를 붙입니다.',
    body: '라벨은 `docker inspect`에 보이고 필터에 쓸 수 있습니다. 컨테이너에도 라벨이 있으며, compose는 이것으로 각 컨테이너의 프로젝트와 서비스를 기억합니다.',
  },
  'dockerfile.STOPSIGNAL': {
    title: 'STOPSIGNAL',
    summary: 'docker stop이 SIGTERM 대신 처음 보낼 시그널입니다.',
    body: '컨테이너 PID 네임스페이스의 PID 1에 보내지며, 유예 시간이 지나면 Docker가 SIGKILL을 보냅니다. 프로그램이 정상 종료에 기대하는 시그널로 맞추세요(예: nginx의 graceful 종료는 `SIGQUIT`).',
  },
  'dockerfile.HEALTHCHECK': {
    title: 'HEALTHCHECK',
    summary: 'Docker가 컨테이너 안에서 주기적으로 실행해 정상 여부를 판단하는 명령입니다.',
    body: '검사는 컨테이너의 네임스페이스와 cgroup 안에서 돌므로 컨테이너의 CPU와 메모리를 씁니다. 종료 코드 0은 healthy, 1은 unhealthy입니다. 상태는 `docker ps`에 보이지만, Docker 자체는 unhealthy 컨테이너를 재시작하지 않습니다(Swarm은 재시작).',
  },
  'dockerfile.HEALTHCHECK.--interval': {
    title: 'HEALTHCHECK --interval',
    summary: '헬스체크 사이 간격입니다(기본 30초).',
    body: '간격이 짧으면 장애를 빨리 알지만 컨테이너 cgroup의 CPU를 더 씁니다.',
  },
  'dockerfile.HEALTHCHECK.--timeout': {
    title: 'HEALTHCHECK --timeout',
    summary: '검사 한 번이 실패로 처리되기 전까지 허용되는 시간입니다(기본 30초).',
    body: '네트워크 호출 등에서 멈춘 검사는 이 시간이 지나면 실패로 처리됩니다.',
  },
  'dockerfile.HEALTHCHECK.--start-period': {
    title: 'HEALTHCHECK --start-period',
    summary: '시작 직후 실패를 세지 않는 유예 시간입니다(기본 0초).',
    body: '이 기간에 한 번이라도 성공하면 바로 healthy가 됩니다.',
  },
  'dockerfile.HEALTHCHECK.--retries': {
    title: 'HEALTHCHECK --retries',
    summary: 'unhealthy로 표시되기까지 필요한 연속 실패 횟수입니다(기본 3).',
    body: '한 번 느리거나 실패했다고 상태가 바뀌지는 않습니다.',
  },
  'dockerfile.HEALTHCHECK.--start-interval': {
    title: 'HEALTHCHECK --start-interval',
    summary: '시작 유예 기간 동안의 검사 간격입니다.',
    body: '시작 직후에는 자주 검사해 빨리 healthy로 만들고, 이후에는 드물게 검사할 수 있습니다. 최신 Docker Engine이 필요합니다.',
  },
  'dockerfile.SHELL': {
    title: 'SHELL',
    summary: 'shell 형식의 RUN, CMD, ENTRYPOINT가 쓸 셸을 바꿉니다(기본 ["/bin/sh", "-c"]).',
    body: '예를 들어 `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`이면 파이프라인 중 하나만 실패해도 전체가 실패합니다. shell 형식 CMD와 ENTRYPOINT에서는 여기서 고른 셸이 PID 1이 됩니다.',
  },
  'dockerfile.ONBUILD': {
    title: 'ONBUILD',
    summary: '다른 이미지가 이 이미지를 FROM으로 빌드할 때 실행할 명령어를 저장해 둡니다.',
    body: '트리거는 자식 이미지 빌드의 맨 처음에 실행되므로 이미지를 쓰는 사람이 놀랄 수 있습니다. 선언한 이미지 자체에는 영향이 없습니다.',
  },
  'dockerfile.MAINTAINER': {
    title: 'MAINTAINER (폐기됨)',
    summary: '이미지 작성자 필드를 설정하며, 라벨로 대체되어 폐기되었습니다.',
    body: '대신 `LABEL org.opencontainers.image.authors="..."`를 쓰세요. 컨테이너 실행 방식에는 영향이 없습니다.',
  },
};
