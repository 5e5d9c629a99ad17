/**
 * The few interface words the panels need that are not catalog explanations (column
 * headings, verdict badges, button captions). Explanations always come from the catalog.
 */
import type { Lang } from '../core/catalog/index';

export interface PanelLabels {
  /** The language these words are in (reasons are put in it too). */
  lang: Lang;
  compareTitle: string;
  topologyTitle: string;
  host: string;
  namespaces: string;
  namespace: string;
  verdict: string;
  meaning: string;
  same: string;
  different: string;
  unknown: string;
  unavailable: string;
  notApplicable: string;
  /** A container with no process on a network: no interface or address until it starts. */
  noInterfaceYet: string;
  yes: string;
  no: string;
  process: string;
  cgroup: string;
  networks: string;
  network: string;
  bridge: string;
  ipPrefix: string;
  gateway: string;
  mac: string;
  veth: string;
  openTopology: string;
  copy: string;
  refresh: string;
  compareWithHost: string;
  peers: string;
  noNetworks: string;
  hostNetns: string;
  onlyLoopback: string;
  sharesNetnsOf: string;
  netnsSharers: string;
  parentNic: string;
  vethPair: string;
  enslaved: string;
  routed: string;
  /** Beside the gateway of the network that carries the container's default route. */
  defaultRoute: string;
  /** Between an internal network's bridge and the host: the host is reached, nothing is forwarded beyond it. */
  notForwarded: string;
  overlayNamespace: string;
  vxlanTunnel: string;
  gatewayLeg: string;
  usage: string;
  hostTotal: string;
  declaredSuffix: string;
  chain: string;
  setsIt: string;
  ownCgroup: string;
  hostMachine: string;
  inheritsParent: string;
  oomKill: string;
  throttled: string;
  waiting: string;
  lastMinutes: string;
  memoryChart: string;
  pidsChart: string;
  /** A process limit in a sentence. */
  pidsCount: string;
  cpuChart: string;
  limitAt: string;
  noCgroupLimit: string;
  effectiveValue: string;
}

const en: PanelLabels = {
  lang: 'en',
  compareTitle: 'Compare: {left} ↔ {right}',
  topologyTitle: 'Network: {name}',
  host: 'host',
  namespaces: 'Namespaces',
  namespace: 'Namespace',
  verdict: 'Verdict',
  meaning: 'What it means',
  same: 'same',
  different: 'different',
  unknown: 'unknown',
  unavailable: 'unavailable',
  notApplicable: '—',
  noInterfaceYet: 'no interface until it starts',
  yes: 'yes',
  no: 'no',
  process: 'Process',
  cgroup: 'cgroup limits',
  networks: 'Networks',
  network: 'Network',
  bridge: 'Bridge',
  ipPrefix: 'IP/prefix',
  gateway: 'Gateway',
  mac: 'MAC',
  veth: 'Host veth',
  openTopology: 'Show topology',
  copy: 'Copy',
  refresh: 'Refresh',
  compareWithHost: 'Compare with host',
  peers: 'Same network',
  noNetworks: 'No network attachments',
  hostNetns: 'in the host network namespace',
  onlyLoopback: 'lo 127.0.0.1/8 only',
  sharesNetnsOf: 'joined the network of',
  netnsSharers: 'Also in this network namespace',
  parentNic: 'parent NIC',
  vethPair: 'veth pair',
  enslaved: 'bridge port',
  routed: 'routed',
  defaultRoute: 'default route',
  notForwarded: 'host only, not forwarded',
  overlayNamespace: 'overlay namespace',
  vxlanTunnel: 'VXLAN over UDP to other nodes',
  gatewayLeg: 'gateway leg, default route (not in NetworkSettings)',
  usage: 'usage',
  hostTotal: 'host total',
  declaredSuffix: '(declared)',
  chain: 'Where each limit comes from',
  setsIt: 'sets the effective value',
  ownCgroup: 'this container',
  hostMachine: 'host',
  inheritsParent: 'parent\'s',
  oomKill: 'OOM kill',
  throttled: 'throttled periods',
  waiting: 'Waiting for the first sample…',
  lastMinutes: 'last 5 minutes',
  memoryChart: 'Memory',
  pidsChart: 'Processes',
  pidsCount: '{value} processes and threads',
  cpuChart: 'CPU',
  limitAt: 'limit {value}',
  noCgroupLimit: 'no cgroup limit',
  effectiveValue: 'effective {value}',
};

const ko: PanelLabels = {
  lang: 'ko',
  compareTitle: '비교: {left} ↔ {right}',
  topologyTitle: '네트워크: {name}',
  host: '호스트',
  namespaces: '네임스페이스',
  namespace: '네임스페이스',
  verdict: '판정',
  meaning: '의미',
  same: '같음',
  different: '다름',
  unknown: '알 수 없음',
  unavailable: '알 수 없음',
  notApplicable: '—',
  noInterfaceYet: '시작하기 전에는 인터페이스 없음',
  yes: '예',
  no: '아니요',
  process: '프로세스',
  cgroup: 'cgroup 제한',
  networks: '네트워크',
  network: '네트워크',
  bridge: '브리지',
  ipPrefix: 'IP/프리픽스',
  gateway: '게이트웨이',
  mac: 'MAC',
  veth: '호스트 veth',
  openTopology: '토폴로지 보기',
  copy: '복사',
  refresh: '새로 고침',
  compareWithHost: '호스트와 비교',
  peers: '같은 네트워크',
  noNetworks: '연결된 네트워크 없음',
  hostNetns: '호스트 네트워크 네임스페이스 안',
  onlyLoopback: 'lo 127.0.0.1/8 만 있음',
  sharesNetnsOf: '오른쪽 컨테이너의 네트워크에 합류',
  netnsSharers: '이 네트워크 네임스페이스를 함께 쓰는 컨테이너',
  parentNic: '부모 NIC',
  vethPair: 'veth 쌍',
  enslaved: '브리지 포트',
  routed: '라우팅',
  defaultRoute: '기본 경로',
  notForwarded: '호스트까지만, 포워딩 없음',
  overlayNamespace: 'overlay 네임스페이스',
  vxlanTunnel: 'UDP로 감싼 VXLAN, 다른 노드로',
  gatewayLeg: '게이트웨이 갈래, 기본 경로(NetworkSettings에 없음)',
  usage: '사용량',
  hostTotal: '호스트 전체',
  declaredSuffix: '(선언값)',
  chain: '각 제한이 오는 곳',
  setsIt: '실효값을 정함',
  ownCgroup: '이 컨테이너',
  hostMachine: '호스트',
  inheritsParent: '부모 값',
  oomKill: 'OOM kill',
  throttled: '스로틀된 주기',
  waiting: '첫 샘플을 기다리는 중…',
  lastMinutes: '최근 5분',
  memoryChart: '메모리',
  pidsChart: '프로세스',
  pidsCount: '프로세스·스레드 {value}개',
  cpuChart: 'CPU',
  limitAt: '제한 {value}',
  noCgroupLimit: 'cgroup 제한 없음',
  effectiveValue: '실효 {value}',
};

export function labels(lang: Lang): PanelLabels {
  return lang === 'ko' ? ko : en;
}

/** Replaces {name} placeholders; values are inserted as they are (never parsed). */
export function format(template: string, vars: Record<string, string>): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(vars, key) ? vars[key] : whole,
  );
}
