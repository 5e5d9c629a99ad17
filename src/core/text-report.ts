/**
 * Plain-text rendering of the model for terminals: one block per container, the host, and
 * namespace diffs. Colour is optional (the CLI turns it on only for a TTY).
 */
import { explain, type Lang } from './catalog/index';
import { bindingOf, chainOf, type ChainKey } from './chain';
import { seesConsequence, seesLine } from './evidence-text';
import { describeMaybe, formatLimit, formatLimitValue, type LimitKind } from './format';
import { NOT_READ_YET } from './unread';
import {
  NAMESPACE_TYPES,
  isFact,
  isUnavailable,
  type ContainerAnatomy,
  type Evidence,
  type HostAnatomy,
  type Limit,
  type Maybe,
  type NamespaceDiff,
  type NamespaceType,
} from './model';

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

function pad(s: string, n: number): string {
  return s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length);
}

/** Strip control characters so container data cannot drive the terminal. */
export function safe(s: string): string {
  return s.replace(/[\x00-\x1f\x7f-\x9f]/g, '?');
}

/** "a, b, c and 47 more containers": long lists stay one readable line. */
export function listSome(items: string[], noun: string, sep = ', ', max = 5): string {
  if (items.length <= max) return items.join(sep);
  return `${items.slice(0, max).join(sep)}${sep}and ${items.length - max} more ${noun}s`;
}

function why(m: Maybe<unknown>): string {
  return isUnavailable(m) ? m.unavailable : '';
}

class Lines {
  readonly out: string[] = [];
  constructor(private readonly o: ReportOptions) {}
  row(text: string): void {
    this.out.push(text);
  }
  note(topic: string, vars?: Record<string, string | number>): void {
    if (!this.o.explain) return;
    const e = explain(topic, this.o.lang, vars);
    if (e) this.out.push(`      ${painter(this.o.color)('2', '↳ ' + e.summary)}`);
  }
}

/** "    web-1: 1 process; PID 1 is sleep 3600 (host PID 4321)", or why it could not be read. */
function seesRow(L: Lines, p: Paint, label: string, type: NamespaceType, m: Maybe<unknown> | undefined, lang: Lang): void {
  if (m === undefined) return;
  const text = isUnavailable(m) ? p('90', m.unavailable) : safe(seesLine(type, m, lang));
  L.row(`      ${p('90', `${safe(label)}:`)} ${text}`);
}

export function renderContainer(c: ContainerAnatomy, o: ReportOptions, evidence?: Evidence): string {
  const p = painter(o.color);
  const L = new Lines(o);
  const stateColor = c.state === 'running' ? '32' : c.state === 'paused' ? '33' : '90';
  const pid = isFact(c.pid) ? ` · PID ${c.pid.value}` : '';
  L.row(`${p('1', safe(c.name))} ${p('90', c.id.slice(0, 12))} ${p(stateColor, c.state)} · ${safe(c.image)}${pid}`);
  if (c.compose) L.row(`  compose: ${safe(c.compose.project)}/${safe(c.compose.service)}`);
  if (c.exit) L.row(`  exited with code ${c.exit.code}${c.exit.oomKilled ? p('31', ' (OOM-killed)') : ''} at ${c.exit.finishedAt}`);
  if (c.readFailure) {
    L.row(`  ${p('31', safe(c.readFailure))}`);
    if (c.readAt === null) return L.out.join('\n');
    L.row(p('90', `  the facts below were read at ${c.readAt}`));
  }
  if (c.reading) {
    L.row(p('90', `  ${NOT_READ_YET}`));
    return L.out.join('\n');
  }

  L.row(p('1', '  Namespaces'));
  // One reason for all eight (e.g. not running) is said once, under the table.
  const reasons = new Set(NAMESPACE_TYPES.map((t) => why(c.namespaces[t].inode).replace(/\/ns\/\w+/, '/ns/*')));
  const commonReason = reasons.size === 1 ? [...reasons][0] : '';
  for (const t of NAMESPACE_TYPES) {
    const ns = c.namespaces[t];
    const ino = isFact(ns.inode) ? String(ns.inode.value) : p('90', 'unavailable');
    let marker: string;
    let topic = `ns.${t}.own`;
    const vars: Record<string, string> = {};
    if (isUnavailable(ns.sharedWithHost)) marker = p('90', ns.inode === ns.sharedWithHost ? '' : why(ns.sharedWithHost));
    else if (ns.sharedWithHost.value) {
      marker = p('33', 'shared with host');
      topic = `ns.${t}.host`;
    } else if (ns.sharedWithContainers.length) {
      marker = p('36', `shared with ${listSome(ns.sharedWithContainers.map(safe), 'container')}`);
      topic = `ns.${t}.container`;
      vars.name = ns.sharedWithContainers.join(', ');
    } else marker = p('32', 'own');
    const mode = ns.mode.field && ns.mode.value ? p('90', ` (${ns.mode.field}=${safe(ns.mode.sharesWith?.name ? `container:${ns.mode.sharesWith.name}` : ns.mode.value)})`) : '';
    L.row(`    ${pad(t, 7)}${pad(ino, 12)}${marker}${mode}`);
    if (isUnavailable(ns.inode) && !commonReason) L.row(`      ${p('90', ns.inode.unavailable)}`);
    else if (evidence) seesRow(L, p, 'sees', t, evidence[t], o.lang);
    L.note(topic, vars);
  }
  if (commonReason) L.row(`    ${p('90', commonReason)}`);
  const pr = c.process;
  if (isFact(pr.nspid)) L.row(`    NSpid ${pr.nspid.value.join(' → ')}${isFact(pr.rootIsHostRoot) ? `; container root is ${pr.rootIsHostRoot.value ? p('33', 'host root') : p('32', 'not host root')}` : ''}`);
  if (isFact(pr.uidMap)) L.row(`    uid_map ${pr.uidMap.value.map((r) => `${r.inside}→${r.outside} (${r.length})`).join(', ')}`);

  L.row(p('1', '  cgroup limits') + p('90', '  declared → effective'));
  const lim = (label: string, l: Limit<number | string>, kind: LimitKind, topic: string, used?: string, nullText?: string, chain?: ChainKey): void => {
    L.row(`    ${pad(label, 14)}${pad(formatLimit(l, kind, nullText), 28)}${used ? p('90', used) : ''}`);
    if (isUnavailable(l.effective) && isFact(l.declared) && c.state === 'running') L.row(`      ${p('90', l.effective.unavailable)}`);
    const setBy = chain && isFact(l.effective) ? setByText(bindingOf(l, chainOf(c, chain)), formatLimitValue(l.effective.value, kind, nullText)) : '';
    if (setBy) L.row(`      ${p('36', setBy)}`);
    L.note(topic);
  };
  const m = c.cgroup.memory;
  lim('memory', m.limitBytes, 'bytes', 'cgroup.memory.limit', isFact(m.usageBytes) ? `${describeMaybe(m.usageBytes, 'bytes')} used${isFact(m.oomKills) && m.oomKills.value ? `, ${m.oomKills.value} OOM kills` : ''}` : undefined, undefined, 'memory');
  lim('reservation', m.reservationBytes, 'bytes', 'cgroup.memory.reservation');
  lim('memory+swap', m.swapLimitBytes, 'bytes', 'cgroup.memory.swap', undefined, undefined, 'memorySwap');
  const cpu = c.cgroup.cpu;
  lim('cpus', cpu.cpus, 'cpus', 'cgroup.cpu.cpus', isFact(cpu.throttledPeriods) && cpu.throttledPeriods.value ? `throttled ${cpu.throttledPeriods.value} periods` : undefined, undefined, 'cpu');
  lim('cpu shares', cpu.shares, 'count', 'cgroup.cpu.shares', undefined, 'default');
  lim('cpuset cpus', c.cgroup.cpuset.cpus, 'string', 'cgroup.cpuset.cpus', undefined, 'all', 'cpusetCpus');
  lim('cpuset mems', c.cgroup.cpuset.mems, 'string', 'cgroup.cpuset.mems', undefined, 'all', 'cpusetMems');
  lim('pids', c.cgroup.pids.max, 'count', 'cgroup.pids.max', isFact(c.cgroup.pids.current) ? `${c.cgroup.pids.current.value} running` : undefined, undefined, 'pids');
  lim('io weight', c.cgroup.io.weight, 'count', 'cgroup.io.weight', undefined, 'default');

  L.row(p('1', '  Network') + p('90', ` (${c.network.mode}${c.network.sharesWith ? `: ${safe(c.network.sharesWith.name ?? c.network.sharesWith.id)}` : ''})`));
  L.note(`net.mode.${c.network.mode === 'other' ? 'bridge' : c.network.mode}`, { name: c.network.sharesWith?.name ?? '' });
  if (c.network.networks.length === 0 && c.network.mode !== 'host') L.row(`    ${p('90', 'no network attached')}`);
  if (c.network.mode === 'host') L.row(`    ${p('90', 'no interface of its own: it uses the host\'s interfaces, addresses and ports')}`);
  if (c.network.mode === 'none') L.row(`    ${p('90', 'only the loopback interface lo')}`);
  for (const n of c.network.mode === 'host' || c.network.mode === 'none' ? [] : c.network.networks) {
    const ip = isFact(n.ipAddress) ? `${n.ipAddress.value}/${describeMaybe(n.prefixLength)}` : p('90', 'no IP');
    const gw = isFact(n.gateway) ? ` gw ${n.gateway.value}` : '';
    const mac = isFact(n.macAddress) ? ` mac ${n.macAddress.value}` : '';
    L.row(`    ${pad(safe(n.name), 14)}${ip}${gw}${mac}`);
    const iface = isFact(n.containerInterface) ? `${n.containerInterface.value.name} (if ${n.containerInterface.value.ifindex})` : '?';
    const bridge = isFact(n.bridge) ? n.bridge.value : describeMaybe(n.driver);
    const veth = isFact(n.hostVeth) ? `${n.hostVeth.value.name} (if ${n.hostVeth.value.ifindex})` : p('90', why(n.hostVeth));
    L.row(`      ${iface} ⇄ ${veth} ⇄ ${bridge}${isFact(n.subnet) ? ` ${n.subnet.value}` : ''}`);
  }
  for (const port of c.network.ports) L.row(`    published ${port.hostIp || '0.0.0.0'}:${port.hostPort} → ${port.containerPort}/${port.protocol}`);
  if (c.network.ports.length) L.note('net.ports');
  return L.out.join('\n');
}

/**
 * "effective 50 MiB, set by /orc-parent" when an ancestor binds. Nothing when the container's
 * own file does, or when no cgroup sets a limit (the row already reads "unlimited → 2 CPUs").
 */
function setByText(b: ReturnType<typeof bindingOf>, effective: string): string {
  return b.kind === 'ancestor' ? `effective ${effective}, set by ${safe(b.path)}` : '';
}

export function renderHost(h: HostAnatomy, o: ReportOptions): string {
  const p = painter(o.color);
  const L = new Lines(o);
  L.row(`${p('1', 'host')} ${isFact(h.hostname) ? safe(h.hostname.value) : ''} · engine ${h.engine.serverVersion} (API ${h.engine.apiVersion}) at ${h.engine.endpoint}`);
  L.row(`  cgroup ${describeMaybe(h.cgroup.version)}, driver ${describeMaybe(h.cgroup.driver)}`);
  if (!h.engine.local && h.engine.localReason) L.row(`  ${p('33', h.engine.localReason)}`);
  if (h.engine.helper) L.row(`  ${p('90', `kernel files read by the helper container ${h.engine.helper.container.slice(0, 12)} (${safe(h.engine.helper.image)}) on the engine's host`)}`);
  if (h.engine.helperReason && h.engine.helperReason !== h.engine.localReason) L.row(`  ${p('33', h.engine.helperReason)}`);
  const rk = h.engine.rootless?.hostNamespacesOf;
  if (rk) L.row(`  ${p('33', isFact(rk) ? `rootless engine: "host" is ${rk.value.what} (PID ${rk.value.pid})` : rk.unavailable)}`);
  L.row(p('1', '  Namespaces') + p('90', rk && isFact(rk) ? '  RootlessKit · PID 1' : '  this process · PID 1'));
  for (const t of NAMESPACE_TYPES) {
    const ns = h.namespaces[t];
    L.row(`    ${pad(t, 7)}${pad(describeMaybe(ns.inode), 12)}${p('90', isFact(ns.pid1Inode) ? String(ns.pid1Inode.value) : 'PID 1 unreadable')}`);
    L.note(`ns.${t}`);
  }
  L.row(p('1', '  Bridges'));
  if (isUnavailable(h.bridges)) L.row(`    ${p('90', h.bridges.unavailable)}`);
  else
    for (const b of h.bridges.value) {
      L.row(`    ${pad(safe(b.name), 16)}${pad(b.addresses.join(' ') || '-', 18)}${b.networkName ? safe(b.networkName) : ''}${b.ports.length ? p('90', `  ports: ${listSome(b.ports, 'veth', ' ')}`) : ''}`);
    }
  return L.out.join('\n');
}

export function renderDiff(d: NamespaceDiff, o: ReportOptions): string {
  const p = painter(o.color);
  const L = new Lines(o);
  L.row(`${p('1', 'namespace')}  ${pad(safe(d.left.label), 14)}${pad(safe(d.right.label), 14)}`);
  for (const r of d.rows) {
    const v = r.verdict === 'same' ? p('33', 'same') : r.verdict === 'different' ? p('32', 'different') : p('90', 'unknown');
    L.row(`${pad(r.type, 11)}${pad(describeMaybe(r.left), 14)}${pad(describeMaybe(r.right), 14)}${v}`);
    seesRow(L, p, d.left.label, r.type, r.leftSees, o.lang);
    seesRow(L, p, d.right.label, r.type, r.rightSees, o.lang);
    L.note(r.topic, { left: d.left.label, right: d.right.label });
    const consequence = o.explain ? seesConsequence(r, d.left, d.right, o.lang) : '';
    if (consequence) L.row(`      ${p('2', '↳ ' + safe(consequence))}`);
  }
  return L.out.join('\n');
}
