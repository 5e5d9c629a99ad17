/**
 * The Compare panel's view state, computed from the model and the catalog. vscode-free:
 * unit tests build it from a hand-made snapshot.
 */
import type { Lang } from '../core/catalog/index';
import { containerSide, diffNamespaces, hostSide, type DiffSide, type KernelRelation } from '../core/diff';
import { kernelRelation } from '../core/engines';
import { withEvidence } from '../core/evidence';
import { idMapText, seesConsequence, seesLine } from '../core/evidence-text';
import { formatBytes, formatCpus } from '../core/format';
import {
  isUnavailable,
  type ContainerAnatomy,
  type Evidence,
  type HostAnatomy,
  type IdMapRange,
  type NamespaceDiff,
} from '../core/model';
import type {
  Cell,
  CompareViewState,
  NamespaceRowView,
  NetworkRowView,
  NetworkTableView,
  PairRow,
  PairSection,
  SideRef,
  SideView,
} from '../shared/protocol';
import { format, labels, type PanelLabels } from './labels';
import { findContainer } from './lookup';
import { differs, limitCell, maybeCell, naCell, note } from './text';
import { translator } from '../core/i18n';
import { localizeReason } from '../core/reasons';
import { limitSpec } from '../core/limit-words';
import type { LimitKey } from '../core/limit-words';

export interface CompareInput {
  host: HostAnatomy | undefined;
  containers: readonly ContainerAnatomy[];
  /** Set while the engine cannot be reached: the reason, shown over the last known data. */
  unreachable?: string;
  left: SideRef;
  right: SideRef;
  lang: Lang;
  /** Names last seen for container ids, to label a side after its container is gone. */
  knownNames?: Readonly<Record<string, string>>;
  /** What each side sees, when it has been read for these sides. */
  evidence?: { left: Evidence; right: Evidence };
  /** With several engines: the host side of the engine a container is on. */
  hostOf?: (id: string) => HostAnatomy | undefined;
}

export interface CompareResult {
  state: CompareViewState;
  /** The diff shown; undefined when a side is missing. */
  diff: NamespaceDiff | undefined;
  /** The two sides of the diff, to read their evidence from. */
  sides?: [DiffSide, DiffSide];
}

type Resolved = { ref: SideRef; host?: HostAnatomy; container?: ContainerAnatomy };

function resolve(ref: SideRef, input: CompareInput): Resolved {
  if (ref.kind === 'host') return { ref, host: input.host };
  return { ref, container: findContainer(input.containers, ref.id) };
}

/** The host of the engine a container side is on (the input's host for one engine or the host side). */
function engineHost(r: Resolved, input: CompareInput): HostAnatomy | undefined {
  return r.container && input.hostOf ? input.hostOf(r.container.id) : input.host;
}

/** For two containers on different engines: whether those engines run on one kernel. */
export function kernelsOf(l: Resolved, r: Resolved, input: CompareInput): KernelRelation | undefined {
  const a = l.container?.engine;
  const b = r.container?.engine;
  if (!a || !b || a === b) return undefined;
  const ha = engineHost(l, input);
  const hb = engineHost(r, input);
  return ha && hb ? kernelRelation(ha, hb) : 'unknown';
}

function sideView(r: Resolved, L: PanelLabels, known: Readonly<Record<string, string>>): SideView {
  if (r.ref.kind === 'host') return { kind: 'host', label: L.host, present: r.host !== undefined };
  const c = r.container;
  const id = c ? c.id : r.ref.id;
  const label = c ? c.name : Object.prototype.hasOwnProperty.call(known, id) ? known[id] : id;
  return { kind: 'container', label, id, present: c !== undefined };
}

function diffSide(r: Resolved, L: PanelLabels): DiffSide | undefined {
  if (r.host) return { ...hostSide(r.host), label: L.host };
  if (r.container) return containerSide(r.container);
  return undefined;
}


function pair(topic: string, lang: Lang, left: Cell, right: Cell): PairRow {
  const n = note(topic, lang);
  return { label: n.title, hint: n.summary, left, right, differs: differs(left, right) };
}

function processSection(l: Resolved, r: Resolved, L: PanelLabels, lang: Lang): PairSection {
  type Pick = (s: Resolved) => Cell;
  const c = (fn: (c: ContainerAnatomy) => Cell, hostFn?: (h: HostAnatomy) => Cell): Pick => (s) =>
    s.container ? fn(s.container) : s.host && hostFn ? hostFn(s.host) : naCell(L);
  const yesNo = (b: boolean): string => (b ? L.yes : L.no);
  const mapText = (ranges: IdMapRange[]): string => idMapText(ranges, lang, '\n');
  const rows: [string, Pick][] = [
    // The host side is this process, read the same way (absent from snapshots that predate it).
    ['process.pid', c((x) => maybeCell(x.process.hostPid, String, L), (h) => maybeCell(h.process?.hostPid, String, L))],
    ['process.nspid', c((x) => maybeCell(x.process.nspid, (v) => v.join(' → '), L), (h) => maybeCell(h.process?.nspid, (v) => v.join(' → '), L))],
    ['process.uidmap', c((x) => maybeCell(x.process.uidMap, mapText, L), (h) => maybeCell(h.process?.uidMap, mapText, L))],
    ['process.gidmap', c((x) => maybeCell(x.process.gidMap, mapText, L), (h) => maybeCell(h.process?.gidMap, mapText, L))],
    ['process.rootIsHostRoot', c((x) => maybeCell(x.process.rootIsHostRoot, yesNo, L), (h) => maybeCell(h.process?.rootIsHostRoot, yesNo, L))],
    ['process.hostname', c((x) => maybeCell(x.process.hostname, String, L), (h) => maybeCell(h.hostname, String, L))],
  ];
  return { id: 'process', title: L.process, rows: rows.map(([t, pick]) => pair(t, lang, pick(l), pick(r))) };
}

function cgroupSection(l: Resolved, r: Resolved, L: PanelLabels, lang: Lang): PairSection {
  type Pick = (s: Resolved) => Cell;
  const t = translator(lang);
  const c = (fn: (g: ContainerAnatomy['cgroup']) => Cell, hostFn?: (h: HostAnatomy) => Cell): Pick => (s) =>
    s.container ? fn(s.container.cgroup) : s.host && hostFn ? hostFn(s.host) : naCell(L);
  // Limits in the same words as the tree: one spec per limit, shared with src/tree/rows/limits.ts.
  const lim = (key: LimitKey, hostFn?: (h: HostAnatomy) => Cell): Pick => (s) => {
    const spec = limitSpec(key);
    if (s.container && spec) return limitCell(spec.limit(s.container), spec, t, L, lang);
    return s.host && hostFn ? hostFn(s.host) : naCell(L);
  };
  const hostTotal = (cell: Cell): Cell => (cell.unavailable ? cell : { ...cell, text: `${cell.text} (${L.hostTotal})` });
  const rows: [string, Pick][] = [
    ['cgroup.memory.limit', lim('memory', (h) => hostTotal(maybeCell(h.memTotalBytes, formatBytes, L)))],
    ['cgroup.memory.reservation', lim('memoryReservation')],
    ['cgroup.memory.swap', lim('memorySwap')],
    ['cgroup.memory.usage', c((g) => maybeCell(g.memory.usageBytes, formatBytes, L))],
    ['cgroup.memory.oom', c((g) => maybeCell(g.memory.oomKills, String, L))],
    ['cgroup.cpu.cpus', lim('cpus', (h) => hostTotal(maybeCell(h.onlineCpus, (n: number) => formatCpus(n, t), L)))],
    ['cgroup.cpu.shares', lim('cpuShares')],
    ['cgroup.cpuset.cpus', lim('cpusetCpus')],
    ['cgroup.cpuset.mems', lim('cpusetMems')],
    ['cgroup.pids.max', lim('pids')],
    ['cgroup.pids.current', c((g) => maybeCell(g.pids.current, String, L))],
    ['cgroup.io.weight', lim('ioWeight')],
  ];
  return { id: 'cgroup', title: L.cgroup, rows: rows.map(([topic, pick]) => pair(topic, lang, pick(l), pick(r))) };
}

function networkRows(s: Resolved, side: 'left' | 'right', sv: SideView, L: PanelLabels): NetworkRowView[] {
  const text = (t: string | null | undefined): Cell => (t ? { text: t } : naCell(L));
  if (s.host) {
    const bridges = s.host.bridges;
    if (isUnavailable(bridges)) {
      const cell: Cell = { text: L.unavailable, unavailable: localizeReason(bridges.unavailable, L.lang) };
      return [{ side, sideLabel: sv.label, cells: [cell, cell, cell, cell, cell, cell] }];
    }
    return bridges.value.map((b) => ({
      side,
      sideLabel: sv.label,
      cells: [text(b.networkName), text(b.name), text(b.addresses.join('\n')), text(b.gateway), naCell(L), text(b.ports.join('\n'))],
    }));
  }
  const c = s.container;
  if (!c) return [];
  const rows: NetworkRowView[] = c.networks.map((n) => ({
    side,
    sideLabel: sv.label,
    topologyId: c.id,
    cells: [
      { text: n.name },
      maybeCell(n.bridge, String, L),
      ipCell(n.ipAddress, n.prefixLength, L),
      maybeCell(n.gateway, (v) => v || L.notApplicable, L),
      maybeCell(n.macAddress, (v) => v || L.notApplicable, L),
      maybeCell(n.hostVeth, (v) => `${v.name} (${v.ifindex})`, L),
    ],
  }));
  if (rows.length === 0 && c.network.mode === 'container') {
    const donor = c.network.sharesWith;
    const name = donor ? (donor.name ?? donor.id.slice(0, 12)) : c.network.rawMode;
    rows.push({ side, sideLabel: sv.label, topologyId: c.id, cells: [{ text: `container:${name}` }, naCell(L), naCell(L), naCell(L), naCell(L), naCell(L)] });
  }
  return rows;
}

function ipCell(ip: ContainerAnatomy['networks'][number]['ipAddress'], prefix: ContainerAnatomy['networks'][number]['prefixLength'], L: PanelLabels): Cell {
  if (isUnavailable(ip)) return { text: L.unavailable, unavailable: localizeReason(ip.unavailable, L.lang) };
  if (!ip.value) return naCell(L);
  return { text: isUnavailable(prefix) ? ip.value : `${ip.value}/${prefix.value}` };
}

function networkTable(l: Resolved, r: Resolved, lv: SideView, rv: SideView, L: PanelLabels, lang: Lang): NetworkTableView {
  const head = (text: string, topic: string): Cell => ({ text, hint: note(topic, lang).summary });
  return {
    title: L.networks,
    headers: [
      { text: L.network },
      head(L.bridge, 'net.bridge'),
      head(L.ipPrefix, 'net.ip'),
      head(L.gateway, 'net.gateway'),
      head(L.mac, 'net.mac'),
      head(L.veth, 'net.veth'),
    ],
    rows: [...networkRows(l, 'left', lv, L), ...networkRows(r, 'right', rv, L)],
  };
}

function seesCell(type: NamespaceDiff['rows'][number]['type'], m: NamespaceDiff['rows'][number]['leftSees'], L: PanelLabels, lang: Lang): Cell {
  return maybeCell(m, () => seesLine(type, m, lang), L);
}

function namespaceRows(diff: NamespaceDiff, L: PanelLabels, lang: Lang): NamespaceRowView[] {
  const vars = { left: diff.left.label, right: diff.right.label };
  return diff.rows.map((row) => {
    const view: NamespaceRowView = {
      type: row.type,
      typeNote: note(row.nsTopic, lang),
      left: maybeCell(row.left, String, L),
      right: maybeCell(row.right, String, L),
      verdict: row.verdict,
      verdictLabel: L[row.verdict],
      meaning: note(row.topic, lang, { ...vars, type: row.type }),
    };
    if (row.leftSees !== undefined && row.rightSees !== undefined) {
      view.evidence = {
        left: seesCell(row.type, row.leftSees, L, lang),
        right: seesCell(row.type, row.rightSees, L, lang),
        consequence: seesConsequence(row, diff.left, diff.right, lang),
      };
    }
    return view;
  });
}

/** Builds what the Compare panel shows for two sides, in one language. */
export function buildCompareState(input: CompareInput): CompareResult {
  const L = labels(input.lang);
  const l = resolve(input.left, input);
  const r = resolve(input.right, input);
  // The host side is the host of the other side's engine.
  const other = l.container ?? r.container;
  if (other && input.hostOf) {
    const h = input.hostOf(other.id);
    if (h) for (const side of [l, r]) if (side.ref.kind === 'host') side.host = h;
  }
  const kernels = kernelsOf(l, r, input);
  const lv = sideView(l, L, input.knownNames ?? {});
  const rv = sideView(r, L, input.knownNames ?? {});
  const ld = diffSide(l, L);
  const rd = diffSide(r, L);
  const bare = ld && rd ? diffNamespaces(ld, rd, kernels) : undefined;
  const diff = bare && input.evidence ? withEvidence(bare, input.evidence.left, input.evidence.right) : bare;
  const missing = [lv, rv].find((s) => !s.present);
  const base = {
    kind: 'compare' as const,
    lang: input.lang,
    title: format(L.compareTitle, { left: lv.label, right: rv.label }),
    left: lv,
    right: rv,
    labels: {
      namespaces: L.namespaces,
      namespace: L.namespace,
      verdict: L.verdict,
      meaning: L.meaning,
      openTopology: L.openTopology,
      copy: L.copy,
      refresh: L.refresh,
    },
  };
  if (!diff) {
    // Without the engine a missing side may just not be loaded yet: say unreachable, not removed.
    const unreachable = input.unreachable !== undefined;
    const notice = unreachable
      ? { ...note('ui.unreachable', input.lang), detail: localizeReason(input.unreachable ?? '', input.lang) }
      : { ...note('ui.removed', input.lang, { name: missing?.label ?? '' }), detail: missing?.label ?? '' };
    return {
      state: {
        ...base,
        status: unreachable ? 'unreachable' : 'removed',
        notice,
        namespaces: [],
        sections: [],
        networks: { title: L.networks, headers: [], rows: [] },
      },
      diff: undefined,
    };
  }
  const state: CompareViewState = {
    ...base,
    status: input.unreachable !== undefined ? 'unreachable' : 'ok',
    namespaces: namespaceRows(diff, L, input.lang),
    sections: [processSection(l, r, L, input.lang), cgroupSection(l, r, L, input.lang)],
    networks: networkTable(l, r, lv, rv, L, input.lang),
  };
  if (diff.kernels) state.kernels = note(diff.kernels.topic, input.lang, { left: lv.label, right: rv.label });
  if (input.unreachable !== undefined) state.notice = { ...note('ui.unreachable', input.lang), detail: localizeReason(input.unreachable ?? '', input.lang) };
  return { state, diff, sides: ld && rd ? [ld, rd] : undefined };
}
