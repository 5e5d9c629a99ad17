import type { Entry } from '../types';

/** 네임스페이스를 누가 함께 쓰는지, 행이 속한 컨테이너 쪽에서 말합니다. */
export const sharing: Record<string, Entry> = {
  'sharing.own': {
    title: '전용',
    summary: '이 컨테이너는 자기만의 {type} 네임스페이스를 가집니다.',
    body: '다른 컨테이너도 호스트도 그 안에 없습니다.',
  },
  'sharing.host': {
    title: '호스트와 공유',
    summary: '이 컨테이너는 호스트의 {type} 네임스페이스 안에 있습니다.',
    body: 'inode가 호스트의 것과 같습니다.',
  },
  'sharing.joined': {
    title: '{peer}에 합류',
    summary: '이 컨테이너는 {peer}의 {type} 네임스페이스에 합류했습니다.',
    body: '그 안의 컨테이너: {peers}.',
  },
  'sharing.joinedBy': {
    title: '합류한 컨테이너: {peers}',
    summary: '{peers} 컨테이너가 이 컨테이너의 {type} 네임스페이스에 합류했습니다.',
    body: '네임스페이스의 주인은 이 컨테이너이고, 다른 컨테이너는 이 컨테이너를 가리키는 `container:` 설정으로 시작되었습니다.',
  },
  'sharing.shared': {
    title: '함께 쓰는 컨테이너: {peers}',
    summary: '이 컨테이너와 {peers} 컨테이너는 같은 {type} 네임스페이스에 있습니다.',
    body: '이 컨테이너의 Docker 설정이 요청한 것은 아닙니다. 이유는 네임스페이스 종류 설명을 보세요.',
  },
  'sharing.unknown': {
    title: '공유 여부 알 수 없음',
    summary: '이 컨테이너의 {type} 네임스페이스가 공유되는지 읽을 수 없었습니다.',
    body: '이유가 함께 표시됩니다.',
  },
  'sharing.declared.own': {
    title: '전용(Docker 설정)',
    summary: '컨테이너가 시작되면 Docker가 자기만의 {type} 네임스페이스를 줍니다.',
    body: '설정만 알 수 있습니다. 컨테이너에 프로세스가 없어 아직 읽을 네임스페이스가 없습니다.',
  },
  'sharing.declared.host': {
    title: '호스트(Docker 설정)',
    summary: '컨테이너가 시작되면 Docker가 호스트의 {type} 네임스페이스에 넣습니다.',
    body: '설정만 알 수 있습니다. 컨테이너에 프로세스가 없어 아직 읽을 네임스페이스가 없습니다.',
  },
  'sharing.default.own': {
    title: '전용(Docker 기본값)',
    summary: '컨테이너가 시작되면 Docker가 자기만의 {type} 네임스페이스를 줍니다.',
    body: '이 컨테이너의 어떤 설정도 달리 요청하지 않았습니다. Docker의 기본 동작입니다. 그것만 알 수 있습니다. 컨테이너에 프로세스가 없어 아직 읽을 네임스페이스가 없습니다.',
  },
  'sharing.default.host': {
    title: '호스트(Docker 기본값)',
    summary: '컨테이너가 시작되면 Docker가 호스트의 {type} 네임스페이스에 그대로 둡니다.',
    body: '이 컨테이너의 어떤 설정도 달리 요청하지 않았습니다. Docker의 기본 동작입니다. 그것만 알 수 있습니다. 컨테이너에 프로세스가 없어 아직 읽을 네임스페이스가 없습니다.',
  },
  'sharing.declared.joined': {
    title: '{peer}에 합류 예정(Docker 설정)',
    summary: '컨테이너가 시작되면 Docker가 {peer}의 {type} 네임스페이스에 넣습니다.',
    body: '설정만 알 수 있습니다. 컨테이너에 프로세스가 없어 아직 읽을 네임스페이스가 없습니다.',
  },
  'sharing.unread.own': {
    title: '전용(Docker 설정)',
    summary: 'Docker 설정에 따라 이 컨테이너는 자기만의 {type} 네임스페이스를 가집니다.',
    body: '컨테이너는 실행 중이지만 네임스페이스 링크를 읽지 못했습니다(이유가 함께 표시됩니다). 그래서 커널의 inode가 아니라 Docker가 컨테이너를 시작할 때 쓴 설정만 알 수 있습니다.',
  },
  'sharing.unread.host': {
    title: '호스트(Docker 설정)',
    summary: 'Docker 설정에 따라 이 컨테이너는 호스트의 {type} 네임스페이스에 있습니다.',
    body: '컨테이너는 실행 중이지만 네임스페이스 링크를 읽지 못했습니다(이유가 함께 표시됩니다). 그래서 커널의 inode가 아니라 Docker가 컨테이너를 시작할 때 쓴 설정만 알 수 있습니다.',
  },
  'sharing.unread.default.own': {
    title: '전용(Docker 기본값)',
    summary: 'Docker 기본값에 따라 이 컨테이너는 자기만의 {type} 네임스페이스를 가집니다.',
    body: '이 컨테이너의 어떤 설정도 달리 요청하지 않았습니다. 컨테이너는 실행 중이지만 네임스페이스 링크를 읽지 못했습니다(이유가 함께 표시됩니다). 그래서 커널의 inode가 아니라 그것만 알 수 있습니다.',
  },
  'sharing.unread.default.host': {
    title: '호스트(Docker 기본값)',
    summary: 'Docker 기본값에 따라 이 컨테이너는 호스트의 {type} 네임스페이스에 있습니다.',
    body: '이 컨테이너의 어떤 설정도 달리 요청하지 않았습니다. 컨테이너는 실행 중이지만 네임스페이스 링크를 읽지 못했습니다(이유가 함께 표시됩니다). 그래서 커널의 inode가 아니라 그것만 알 수 있습니다.',
  },
  'sharing.unread.joined': {
    title: '{peer}에 합류(Docker 설정)',
    summary: 'Docker 설정에 따라 이 컨테이너는 {peer}의 {type} 네임스페이스에 있습니다.',
    body: '컨테이너는 실행 중이지만 네임스페이스 링크를 읽지 못했습니다(이유가 함께 표시됩니다). 그래서 Docker가 컨테이너를 시작할 때 쓴 설정만 알 수 있습니다. {peer}가 아직 그 네임스페이스를 가지고 있는지(그 뒤에 다시 시작했을 수 있습니다)는 커널만 말할 수 있습니다.',
  },
  'sharing.declared.joinedBy': {
    title: '합류할 컨테이너: {peers}(Docker 설정)',
    summary: '{peers} 컨테이너가 이 컨테이너의 {type} 네임스페이스에 합류합니다.',
    body: '설정만 알 수 있습니다.',
  },
  'sharing.declared.shared': {
    title: '함께 쓸 컨테이너: {peers}(Docker 설정)',
    summary: '이 컨테이너와 {peers} 컨테이너는 같은 {type} 네임스페이스에 있게 됩니다.',
    body: '설정만 알 수 있습니다.',
  },
};
