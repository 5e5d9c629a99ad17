/**
 * Plain-text rendering of the model for terminals: one block per container, the host, and
 * namespace diffs. Colour is optional (the CLI turns it on only for a TTY).
 */
import { explain, type Lang } from './catalog/index';
import { describeMaybe, formatTime } from './format';
import { translator, type Translate } from './i18n';
import { formatValue, LIMITS, limitText, limitTopic, type LimitKey } from './limit-words';
import { idMapText, seesConsequence, seesLine } from './evidence-text';
import { bindingOf, chainOf, type ChainKey } from './chain';
import { NOT_READ_YET } from './unread';
import {
  NAMESPACE_TYPES,
  hasProcess,
  isFact,
  isUnavailable,
  portsTopic,
  type ContainerAnatomy,
  type Evidence,
  type HostAnatomy,
  type Maybe,
  type NamespaceDiff,
  type NamespaceType,
  type SwarmAnatomy,
  routeRole,
} from './model';
import { vipTopic } from './swarm/cluster';
import { localizeReason } from './reasons';
import { declaredSharing, sharingOf, sharingMeaningTopic, sharingVars, sharingWords, type Sharing } from './sharing';

export interface ReportOptions {
  color: boolean;
  /** Add the catalog's one-line explanation under each row. */
  explain: boolean;
  lang: Lang;
}

type Paint = (code: string, s: string) => string;

function painter(color: boolean): Paint {
  return (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
}

/** Columns a string takes on a terminal: escape codes take none, Hangul and other wide characters two. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s.replace(/\x1b\[[0-9;]*m/g, '')) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60) ? 2 : 1;
  }
  return w;
}

function pad(s: string, n: number): string {
  const w = width(s);
  return w >= n ? s + ' ' : s + ' '.repeat(n - w);
}

/** Strip control characters so container data cannot drive the terminal. */
export function safe(s: string): string {
  return s.replace(/[\x00-\x1f\x7f-\x9f]/g, '?');
}

/** "a, b, c and 47 more": long lists stay one readable line. */
export function listSome(items: string[], t: Translate, sep = ', ', max = 5): string {
  if (items.length <= max) return items.join(sep);
  return `${items.slice(0, max).join(sep)}${sep}${t('and {0} more', items.length - max)}`;
}

function why(m: Maybe<unknown>, lang: Lang = 'en'): string {
  return isUnavailable(m) ? localizeReason(m.unavailable, lang) : '';
}

class Lines {
  readonly out: string[] = [];
  readonly lang: Lang;
  constructor(private readonly o: ReportOptions) {
    this.lang = o.lang;
  }
  row(text: string): void {
    this.out.push(text);
  }
  note(topic: string, vars?: Record<string, string | number>): void {
    if (!this.o.explain) return;
    const e = explain(topic, this.o.lang, vars);
    if (e) this.out.push(`      ${painter(this.o.color)('2', '↳ ' + e.summary)}`);
  }
}

/** Colour of a sharing marker: yellow for the host's, cyan for another container's, green for own. */
function sharingColor(s: Sharing): string {
  switch (s.kind) {
    case 'host': return '33';
    case 'own': return '32';
    case 'unknown': return '90';
    default: return '36';
  }
}

/** The stopped container's one line per section: why there is nothing to read, and what Docker declared. */
function stoppedLines(c: ContainerAnatomy, L: Lines, t: Translate, p: Paint): void {
  const state = t(c.state);
  // An exited container has run before: it gets namespaces and a cgroup again when it starts again.
  const again = c.state !== 'created';
  L.row(p('1', `  ${t('Namespaces')}`) + p('90', `  ${t(again ? '{0}: no namespaces until it starts again' : '{0}: no namespaces until it starts', state)}`));
  const declared = declaredSharing(c, L.lang);
  L.row(`    ${declared.length ? declared.map((x) => `${x.type} ${safe(x.label)}`).join(' · ') : t('no sharing requested (Docker setting)')}`);
  L.note('ui.notRunning');
  L.row(p('1', `  ${t('cgroup limits')}`) + p('90', `  ${t(again ? '{0}: no cgroup until it starts again' : '{0}: no cgroup until it starts', state)}`));
  const limits = LIMITS.flatMap((spec) => {
    const d = spec.limit(c).declared;
    return isFact(d) && d.value !== null && d.value !== 0 ? [`${spec.label(t)} ${limitText({ declared: d, kernel: d, effective: d }, spec, t)}`] : [];
  });
  L.row(`    ${limits.length ? t('declared: {0}', limits.join(', ')) : t('nothing declared: unlimited')}`);
}

/** "    web-1: 1 process; PID 1 is sleep 3600 (host PID 4321)", or why it could not be read. */
function seesRow(L: Lines, p: Paint, label: string, type: NamespaceType, m: Maybe<unknown> | undefined, lang: Lang): void {
  if (m === undefined) return;
  const text = isUnavailable(m) ? p('90', localizeReason(m.unavailable, lang)) : safe(seesLine(type, m, lang));
  L.row(`      ${p('90', `${safe(label)}:`)} ${text}`);
}

export function renderContainer(c: ContainerAnatomy, o: ReportOptions, evidence?: Evidence): string {
  const p = painter(o.color);
  const t = translator(o.lang);
  const L = new Lines(o);
  const stateColor = c.state === 'running' ? '32' : c.state === 'paused' ? '33' : '90';
  const pid = isFact(c.pid) ? ` · PID ${c.pid.value}` : '';
  L.row(`${p('1', safe(c.name))} ${p('90', c.id.slice(0, 12))} ${p(stateColor, t(c.state))} · ${safe(c.image)}${pid}`);
  if (c.compose) L.row(`  compose: ${safe(c.compose.project)}/${safe(c.compose.service)}`);
  if (c.exit) L.row(`  ${Date.parse(c.exit.finishedAt) > 0 ? t('exited with code {0} at {1}', c.exit.code, formatTime(c.exit.finishedAt, t)) : t('exited with code {0}', c.exit.code)}${c.exit.oomKilled ? p('31', ` (${t('OOM-killed')})`) : ''}`);
  if (c.readFailure) {
    L.row(`  ${p('31', safe(localizeReason(c.readFailure, o.lang)))}`);
    if (c.readAt === null) return L.out.join('\n');
    L.row(p('90', `  ${t('the facts below were read at {0}', formatTime(c.readAt, t))}`));
  }
  if (c.reading) {
    L.row(p('90', `  ${localizeReason(NOT_READ_YET, o.lang)}`));
    return L.out.join('\n');
  }
  if (!hasProcess(c.state)) {
    stoppedLines(c, L, t, p);
  } else {
    namespaceLines(c, L, t, p, evidence);
    limitLines(c, L, t, p);
  }
  networkLines(c, L, t, p);
  return L.out.join('\n');
}

function namespaceLines(c: ContainerAnatomy, L: Lines, t: Translate, p: Paint, evidence: Evidence | undefined): void {
  L.row(p('1', `  ${t('Namespaces')}`));
  // One reason for all eight (e.g. the engine runs elsewhere) is said once, under the table.
  const reasons = new Set(NAMESPACE_TYPES.map((type) => why(c.namespaces[type].inode, L.lang).replace(/\/ns\/\w+/, '/ns/*')));
  const commonReason = reasons.size === 1 ? [...reasons][0] : '';
  for (const type of NAMESPACE_TYPES) {
    const ns = c.namespaces[type];
    const s = sharingOf(ns);
    const ino = isFact(ns.inode) ? String(ns.inode.value) : p('90', t('unavailable'));
    const shown: Sharing = s.peers.length > 5 ? { ...s, peers: [listSome(s.peers.map(safe), t)] } : { ...s, peers: s.peers.map(safe) };
    const marker = p(sharingColor(s), sharingWords(type, shown, L.lang, true).label); // only containers with a process get here
    const mode = ns.mode.field && ns.mode.value ? p('90', ` (${ns.mode.field}=${safe(ns.mode.sharesWith ? `container:${ns.mode.sharesWith.name ?? ns.mode.sharesWith.id.slice(0, 12)}` : ns.mode.value)})`) : '';
    L.row(`    ${pad(type, 7)}${pad(ino, 12)}${marker}${mode}`);
    if (isUnavailable(ns.inode) && !commonReason) L.row(`      ${p('90', why(ns.inode, L.lang))}`);
    else if (s.kind === 'unknown' && s.reason && isFact(ns.inode)) L.row(`      ${p('90', localizeReason(s.reason, L.lang))}`);
    if (isFact(ns.inode) && evidence) seesRow(L, p, t('sees'), type, evidence[type], L.lang);
    L.note(sharingMeaningTopic(type, s, ns.mode), sharingVars(type, s));
  }
  if (commonReason) L.row(`    ${p('90', commonReason)}`);
  const pr = c.process;
  if (isFact(pr.nspid)) L.row(`    NSpid ${pr.nspid.value.join(' → ')}${isFact(pr.rootIsHostRoot) ? `; ${pr.rootIsHostRoot.value ? p('33', t('container root is host root')) : p('32', t('container root is not host root'))}` : ''}`);
  if (isFact(pr.uidMap)) L.row(`    uid_map ${idMapText(pr.uidMap.value, L.lang)}`);
}

/** The limits whose effective value an ancestor can set, and the chain that says which one. */
const CHAINS: Partial<Record<LimitKey, ChainKey>> = { memory: 'memory', memorySwap: 'memorySwap', cpus: 'cpu', cpusetCpus: 'cpusetCpus', cpusetMems: 'cpusetMems', pids: 'pids' };

function limitLines(c: ContainerAnatomy, L: Lines, t: Translate, p: Paint): void {
  L.row(p('1', `  ${t('cgroup limits')}`) + p('90', `  ${t('declared → effective')}`));
  const cg = c.cgroup;
  const extra: Partial<Record<string, string | undefined>> = {
    memory: isFact(cg.memory.usageBytes) ? `${t('{0} used', describeMaybe(cg.memory.usageBytes, 'bytes'))}${isFact(cg.memory.oomKills) && cg.memory.oomKills.value ? `, ${t('{0} OOM kills', cg.memory.oomKills.value)}` : ''}` : undefined,
    cpus: isFact(cg.cpu.throttledPeriods) && cg.cpu.throttledPeriods.value ? t('throttled {0} periods', cg.cpu.throttledPeriods.value) : undefined,
    pids: isFact(cg.pids.current) ? t('{0} running', cg.pids.current.value) : undefined,
  };
  for (const spec of LIMITS) {
    const l = spec.limit(c);
    const used = extra[spec.key];
    L.row(`    ${pad(spec.label(t), 20)}${pad(limitText(l, spec, t), 28)}${used ? p('90', used) : ''}`);
    if (isUnavailable(l.effective) && isFact(l.declared)) L.row(`      ${p('90', why(l.effective, L.lang))}`);
    const chain = CHAINS[spec.key];
    const setBy = chain && isFact(l.effective) ? setByText(bindingOf(l, chainOf(c, chain)), formatValue(l.effective.value, spec, t), t) : '';
    if (setBy) L.row(`      ${p('36', setBy)}`);
    L.note(limitTopic(c, spec));
  }
}

function networkLines(c: ContainerAnatomy, L: Lines, t: Translate, p: Paint): void {
  const net = c.network;
  const donor = net.sharesWith ? safe(net.sharesWith.name ?? net.sharesWith.id.slice(0, 12)) : '';
  L.row(p('1', `  ${t('Network')}`) + p('90', ` (${net.mode === 'container' ? t('joined {0}', donor) : net.mode})`));
  // A created or exited container has no network namespace yet: say so, not what the mode gives.
  if (hasProcess(c.state)) L.note(`net.mode.${net.mode === 'other' ? 'bridge' : net.mode}`, { peer: donor });
  if (net.networks.length === 0 && net.mode !== 'host' && net.mode !== 'none') L.row(`    ${p('90', net.mode === 'container' ? t('same interfaces, IP addresses and ports') : t('no network attached'))}`);
  if (net.mode === 'host') L.row(`    ${p('90', t("no interface of its own: it uses the host's interfaces, addresses and ports"))}`);
  if (net.mode === 'none') L.row(`    ${p('90', t('only the loopback interface lo'))}`);
  for (const n of net.mode === 'host' || net.mode === 'none' ? [] : net.networks) {
    const ip = isFact(n.ipAddress) ? `${n.ipAddress.value}/${describeMaybe(n.prefixLength)}` : p('90', t('no IP'));
    const gw = isFact(n.gateway) ? ` gw ${n.gateway.value}${routeRole(net, n)?.kind === 'this' ? ` (${t('default route')})` : ''}` : '';
    const mac = isFact(n.macAddress) ? ` mac ${n.macAddress.value}` : '';
    L.row(`    ${pad(safe(n.name), 14)}${ip}${gw}${mac}`);
    if (!hasProcess(c.state)) continue;
    const iface = isFact(n.containerInterface) ? `${n.containerInterface.value.name} (if ${n.containerInterface.value.ifindex})` : '?';
    const bridge = isFact(n.bridge) ? n.bridge.value : describeMaybe(n.driver);
    const veth = isFact(n.hostVeth) ? `${n.hostVeth.value.name} (if ${n.hostVeth.value.ifindex})` : p('90', why(n.hostVeth, L.lang));
    if (n.overlay) {
      const o = n.overlay;
      const peer = isFact(o.peer) ? `${o.peer.value.name} (if ${o.peer.value.ifindex}) ⇄ ${o.peer.value.master ?? '?'}` : p('90', why(o.peer, L.lang));
      const vx = isFact(o.vxlan) ? `${o.vxlan.value.name} VNI ${o.vxlan.value.vni}` : `VNI ${describeMaybe(o.vni)}`;
      L.row(`      ${iface} ⇄ ${peer} ⇄ ${vx}${isFact(o.namespace) ? p('90', `  ${t('in {0}', safe(o.namespace.value))}`) : ''}`);
      L.note('swarm.overlay');
      continue;
    }
    L.row(`      ${iface} ⇄ ${veth} ⇄ ${bridge}${isFact(n.subnet) ? ` ${n.subnet.value}` : ''}`);
    if (n.swarmGateway) L.note('swarm.gwbridge');
  }
  for (const port of net.ports) L.row(`    ${t('published {0} → {1}', `${port.hostIp || '0.0.0.0'}:${port.hostPort}`, `${port.containerPort}/${port.protocol}`)}`);
  if (net.ports.length) L.note(portsTopic(net.ports));
}

/**
 * "effective 50 MiB, set by /orc-parent" when an ancestor binds. Nothing when the container's
 * own file does, or when no cgroup sets a limit (the row already reads "unlimited → 2 CPUs").
 */
function setByText(b: ReturnType<typeof bindingOf>, effective: string, t: Translate): string {
  return b.kind === 'ancestor' ? t('effective {0}, set by {1}', effective, safe(b.path)) : '';
}

/** The swarm as a manager lists it: services, their VIPs (balanced or not) and tasks with their node. */
export function renderSwarm(s: SwarmAnatomy, o: ReportOptions): string {
  const p = painter(o.color);
  const t = translator(o.lang);
  const L = new Lines(o);
  const ipvs = isFact(s.ipvs) ? (s.ipvs.value ? t('IPVS in this kernel') : t('no IPVS in this kernel')) : why(s.ipvs, o.lang);
  L.row(`${p('1', 'swarm')} ${s.manager ? t('manager') : t('worker')} · ${t('node {0}', `${s.nodeId} (${s.nodeAddr})`)} · ${ipvs}`);
  L.note('docker.swarm');
  if (isUnavailable(s.services)) {
    L.row(`  ${p('90', localizeReason(s.services.unavailable, o.lang))}`);
    return L.out.join('\n');
  }
  for (const svc of s.services.value) {
    const running = svc.tasks.filter((x) => x.state === 'running').length;
    L.row(`  ${p('1', safe(svc.name))} ${svc.mode} ${svc.replicas !== null ? `${running}/${svc.replicas}` : running} · ${safe(svc.image)}`);
    for (const v of svc.virtualIps) {
      L.row(`    VIP ${v.address} ${safe(v.network ?? v.networkId)}${isFact(s.ipvs) && !s.ipvs.value ? p('33', `  ${t('not balanced: no IPVS in this kernel')}`) : ''}`);
      L.note(vipTopic(s.ipvs));
    }
    for (const port of svc.ports) L.row(`    ${t('published {0} → {1}', String(port.publishedPort ?? '?'), `${port.targetPort}/${port.protocol}`)} (${port.publishMode})`);
    for (const task of svc.tasks) {
      const where = task.onThisEngine ? t('on this engine') : t('on node {0}', safe(task.node ?? task.nodeId));
      L.row(`    ${safe(svc.name)}.${task.slot ?? safe(task.node ?? task.nodeId)}  ${task.state} · ${where} · ${task.containerId ? task.containerId.slice(0, 12) : t('no container yet')}${task.error ? p('31', `  ${safe(task.error)}`) : ''}`);
    }
  }
  return L.out.join('\n');
}

export function renderHost(h: HostAnatomy, o: ReportOptions): string {
  const p = painter(o.color);
  const t = translator(o.lang);
  const L = new Lines(o);
  const engine = h.engine.kind === 'podman' ? t('Podman {0} (Docker API {1}) at {2}', h.engine.serverVersion, h.engine.apiVersion, h.engine.endpoint) : t('engine {0} (API {1}) at {2}', h.engine.serverVersion, h.engine.apiVersion, h.engine.endpoint);
  L.row(`${p('1', t('host'))} ${isFact(h.hostname) ? safe(h.hostname.value) : ''} · ${engine}`);
  if (h.engine.kind === 'podman') L.note('engine.podman');
  L.row(`  ${t('cgroup {0}, driver {1}', describeMaybe(h.cgroup.version), describeMaybe(h.cgroup.driver))}`);
  if (!h.engine.local && h.engine.localReason) L.row(`  ${p('33', localizeReason(h.engine.localReason, o.lang))}`);
  if (h.engine.helper) L.row(`  ${p('90', t("kernel files read by the helper container {0} ({1}) on the engine's host", h.engine.helper.container.slice(0, 12), safe(h.engine.helper.image)))}`);
  if (h.engine.helperReason && h.engine.helperReason !== h.engine.localReason) L.row(`  ${p('33', localizeReason(h.engine.helperReason, o.lang))}`);
  const rk = h.engine.rootless?.hostNamespacesOf;
  if (rk) L.row(`  ${p('33', isFact(rk) ? t('rootless engine: "host" is {0} (PID {1})', localizeReason(rk.value.what, o.lang), rk.value.pid) : localizeReason(rk.unavailable, o.lang))}`);
  L.row(p('1', `  ${t('Namespaces')}`) + p('90', `  ${rk && isFact(rk) ? t('RootlessKit · PID 1') : t('this process · PID 1')}`));
  // Why PID 1's namespaces could not be read, once: the eight reasons differ only in the file.
  const pid1Unread = NAMESPACE_TYPES.map((type) => h.namespaces[type].pid1Inode).filter(isUnavailable);
  for (const reason of new Set(pid1Unread.map((m) => m.unavailable.replace(/\/proc\/1\/ns\/\w+/g, '/proc/1/ns/*')))) {
    if (reason && reason !== h.engine.localReason) L.row(`    ${p('90', t('PID 1 unreadable: {0}', localizeReason(reason, o.lang)))}`);
  }
  const somePid1 = pid1Unread.length < NAMESPACE_TYPES.length;
  for (const type of NAMESPACE_TYPES) {
    const ns = h.namespaces[type];
    const pid1 = !somePid1 ? '' : p('90', isFact(ns.pid1Inode) ? String(ns.pid1Inode.value) : t('PID 1 unreadable'));
    L.row(`    ${pad(type, 7)}${pad(isFact(ns.inode) ? String(ns.inode.value) : t('unavailable'), 12)}${pid1}`.trimEnd());
    L.note(`ns.${type}`);
  }
  L.row(p('1', `  ${t('Bridges')}`));
  if (isUnavailable(h.bridges)) L.row(`    ${p('90', why(h.bridges, o.lang))}`);
  else
    for (const b of h.bridges.value) {
      L.row(`    ${pad(safe(b.name), 16)}${pad(b.addresses.join(' ') || '-', 18)}${b.networkName ? safe(b.networkName) : ''}${b.ports.length ? p('90', `  ${t('ports: {0}', listSome(b.ports, t, ' '))}`) : ''}`);
    }
  return L.out.join('\n');
}

export function renderDiff(d: NamespaceDiff, o: ReportOptions): string {
  const p = painter(o.color);
  const t = translator(o.lang);
  const L = new Lines(o);
  const label = (s: NamespaceDiff['left']): string => (s.kind === 'host' ? t('host') : safe(s.label));
  const [left, right] = [label(d.left), label(d.right)];
  // Two engines: whether their kernels are one comes first, since it decides every row.
  const kernels = d.kernels ? explain(d.kernels.topic, o.lang, { left, right }) : undefined;
  if (kernels) L.row(`${p('1', kernels.title)}: ${kernels.summary}`);
  const cell = (m: NamespaceDiff['rows'][number]['left']): string => (isFact(m) ? String(m.value) : t('unavailable'));
  // Each column is as wide as its widest cell (a long container name, "unavailable" in Korean),
  // so the inodes stay under their heading.
  const [w0, w1, w2] = [
    Math.max(11, width(t('namespace')) + 1),
    Math.max(14, width(left) + 1, ...d.rows.map((r) => width(cell(r.left)) + 1)),
    Math.max(14, width(right) + 1, ...d.rows.map((r) => width(cell(r.right)) + 1)),
  ];
  L.row(`${p('1', pad(t('namespace'), w0))}${pad(left, w1)}${pad(right, w2)}`);
  for (const r of d.rows) {
    const v = r.verdict === 'same' ? p('33', t('same')) : r.verdict === 'different' ? p('32', t('different')) : p('90', t('unknown'));
    L.row(`${pad(r.type, w0)}${pad(cell(r.left), w1)}${pad(cell(r.right), w2)}${v}`);
    seesRow(L, p, left, r.type, r.leftSees, o.lang);
    seesRow(L, p, right, r.type, r.rightSees, o.lang);
    L.note(r.topic, { left, right });
    const consequence = o.explain ? seesConsequence(r, d.left, d.right, o.lang) : '';
    if (consequence) L.row(`      ${p('2', '↳ ' + safe(consequence))}`);
  }
  return L.out.join('\n');
}
