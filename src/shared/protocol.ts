/**
 * The message protocol between the panels (extension side) and webview/ (browser side).
 * Imported by both; it must not import vscode or touch the DOM.
 *
 * View states are pure data computed on the extension side. They already carry the
 * strings of the chosen language, so the webview holds no prose of its own.
 */
import type { CgroupChains, DiffVerdict, NamespaceType, NetworkModeKind, UsageSample } from '../core/model';

export type { UsageSample } from '../core/model';

export type PanelKind = 'compare' | 'topology' | 'limits';

export type SideRef = { kind: 'host' } | { kind: 'container'; id: string };

/** A short catalog explanation (title + one sentence), already in the panel's language. */
export interface Note {
  title: string;
  summary: string;
  /** A fact to show with it verbatim, e.g. the engine's error or the removed container's name. */
  detail?: string;
}

/** One displayed value: text, or the reason it is missing (rendered dimmed, reason as tooltip). */
export interface Cell {
  text: string;
  /** Set when the fact is unavailable: the reason a person can act on. */
  unavailable?: string;
  /** Tooltip: what this value means. */
  hint?: string;
  /** The value does not exist on this side (e.g. a cgroup limit of the host). */
  na?: boolean;
}

export type PanelStatus = 'ok' | 'removed' | 'unreachable';

export interface SideView {
  kind: 'host' | 'container';
  /** Container name or the host's label. */
  label: string;
  id?: string;
  /** False when the container is no longer in the snapshot. */
  present: boolean;
}

export interface NamespaceRowView {
  type: NamespaceType;
  /** "network namespace" and what it is for. */
  typeNote: Note;
  left: Cell;
  right: Cell;
  verdict: DiffVerdict;
  /** "same" / "different" / "unknown" in the panel's language. */
  verdictLabel: string;
  /** What the verdict means for these two sides (catalog diff.<type>.<verdict>). */
  meaning: Note;
  /** What each side sees in this namespace, once read (on demand, when the panel shows). */
  evidence?: EvidenceView;
}

export interface EvidenceView {
  /** One short line per side (catalog sees.<type>.line), or the reason it could not be read. */
  left: Cell;
  right: Cell;
  /** What the verdict means given what each sees ("different hostnames: web-1 / host"); '' if unknown. */
  consequence: string;
}

/** A row of a side-by-side section: label, left value, right value. */
export interface PairRow {
  label: string;
  hint?: string;
  left: Cell;
  right: Cell;
  /** True when both are known and they differ. */
  differs: boolean;
}

export interface PairSection {
  id: 'process' | 'cgroup' | 'hostname';
  title: string;
  rows: PairRow[];
}

export interface NetworkRowView {
  side: 'left' | 'right';
  /** Label of the side this row belongs to. */
  sideLabel: string;
  cells: Cell[];
  /** Container id to open its topology from this row. */
  topologyId?: string;
}

export interface NetworkTableView {
  title: string;
  headers: Cell[];
  rows: NetworkRowView[];
}

export interface CompareLabels {
  namespaces: string;
  namespace: string;
  verdict: string;
  meaning: string;
  openTopology: string;
  copy: string;
  refresh: string;
}

export interface CompareViewState {
  kind: 'compare';
  lang: 'en' | 'ko';
  /** "Compare: left ↔ right". */
  title: string;
  status: PanelStatus;
  /** Set when status is not ok (catalog ui.removed / ui.unreachable). */
  notice?: Note;
  /** Set when the sides are on different engines: whether those share a kernel (catalog diff.kernels.*). */
  kernels?: Note;
  left: SideView;
  right: SideView;
  labels: CompareLabels;
  namespaces: NamespaceRowView[];
  sections: PairSection[];
  networks: NetworkTableView;
}

export type TopologyRole = 'container' | 'veth' | 'bridge' | 'host' | 'parent' | 'peer' | 'donor' | 'network' | 'vxlan';

export interface TopologyNode {
  role: TopologyRole;
  title: string;
  lines: string[];
  /** Tooltip from the catalog. */
  note?: Note;
  /** Clicking opens this container's topology. */
  openId?: string;
}

export type LaneLayout = 'bridge' | 'host' | 'none' | 'container' | 'macvlan' | 'other' | 'overlay';

export interface TopologyLane {
  layout: LaneLayout;
  /** Network name (or mode) this lane draws. */
  heading: string;
  /** Drawn left to right, joined by links. */
  chain: TopologyNode[];
  /** Labels of the links between chain[i] and chain[i + 1]. */
  links: string[];
  /** Other containers on the same bridge, hung below the bridge node. */
  peers: TopologyNode[];
}

export interface TopologyLabels {
  compareWithHost: string;
  peers: string;
  noNetworks: string;
}

export interface TopologyViewState {
  kind: 'topology';
  lang: 'en' | 'ko';
  title: string;
  status: PanelStatus;
  notice?: Note;
  container: { id: string; name: string; image: string; state: string };
  /** The container has processes, so its namespaces can be compared with the host's (as its row menu offers). */
  canCompare: boolean;
  mode: NetworkModeKind;
  /** What the network mode means (catalog net.mode.<kind>). */
  modeNote: Note;
  lanes: TopologyLane[];
  labels: TopologyLabels;
}

/** One level of a limit's chain, top (root cgroup) first. */
export interface ChainLevelView {
  path: string;
  /** This level's own file value, formatted ("50 MiB", "no limit"). */
  value: string;
  /** This level's value is the effective one. */
  binding: boolean;
  /** The container's own cgroup (the last level). */
  own: boolean;
}

export interface ChainView {
  key: keyof CgroupChains;
  /** "Memory limit" (catalog title). */
  title: string;
  /** The file each level holds, e.g. memory.max. */
  file: string;
  /** A weight: shares among siblings, drawn without a binding level. */
  relative: boolean;
  levels: ChainLevelView[];
  /** Why the chain could not be read. */
  unavailable?: string;
  /** "effective 50 MiB". */
  effective: string;
  /** In words: who sets it and what that means (catalog chain.bound.*). */
  meaning: Note;
}

export type UsageChartKey = 'memory' | 'pids' | 'cpu';

export interface UsageChartView {
  key: UsageChartKey;
  title: string;
  kind: 'bytes' | 'count' | 'cpus';
  /** The effective limit drawn as a line; null = none. */
  limit: number | null;
  /** "limit 50 MiB" or "no limit". */
  limitLabel: string;
}

export interface LimitsLabels {
  chain: string;
  usage: string;
  setsIt: string;
  own: string;
  oomKill: string;
  throttled: string;
  waiting: string;
  lastMinutes: string;
  refresh: string;
}

export interface LimitsViewState {
  kind: 'limits';
  lang: 'en' | 'ko';
  title: string;
  status: PanelStatus;
  notice?: Note;
  container: { id: string; name: string; state: string };
  /** What the panel shows (catalog chain.panel). */
  intro: Note;
  chains: ChainView[];
  charts: UsageChartView[];
  /** How usage is sampled (catalog chain.usage, or chain.usage.engine). */
  usageNote: Note;
  labels: LimitsLabels;
}

export type ViewState = CompareViewState | TopologyViewState | LimitsViewState;

// ---- webview -> extension ----

export type RequestMethod = 'refresh';

export type WebviewToExtension =
  | { type: 'ready' }
  | { type: 'openTopology'; id: string }
  | { type: 'compareWith'; left: SideRef; right: SideRef }
  | { type: 'copy'; text: string }
  | { type: 'request'; requestId: number; method: RequestMethod };

// ---- extension -> webview ----

export type ExtensionToWebview =
  | { type: 'compare'; state: CompareViewState }
  | { type: 'topology'; state: TopologyViewState }
  | { type: 'limits'; state: LimitsViewState }
  /** New samples; `replace` sends the whole history (after the webview loaded). `unavailable`: why sampling stopped. */
  | { type: 'usage'; samples: UsageSample[]; replace: boolean; unavailable?: string }
  | { type: 'removed'; id: string; notice: Note }
  | { type: 'unreachable'; reason: string; notice: Note }
  | { type: 'response'; requestId: number; ok: boolean; error?: string };

/** What the webview keeps with setState, and the serializer restores from. */
export type PersistedState =
  | { kind: 'compare'; left: SideRef; right: SideRef; view?: CompareViewState }
  | { kind: 'topology'; containerId: string; view?: TopologyViewState }
  | { kind: 'limits'; containerId: string; view?: LimitsViewState };

// ---- validation (extension side: never trust what a webview sends) ----

const MAX_TEXT = 1 << 16;
const MAX_ID = 256;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isId(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= MAX_ID;
}

export function isSideRef(x: unknown): x is SideRef {
  if (!isRecord(x)) return false;
  if (x.kind === 'host') return Object.keys(x).length === 1;
  return x.kind === 'container' && isId(x.id) && Object.keys(x).length === 2;
}

function hasOnly(x: Record<string, unknown>, keys: string[]): boolean {
  return Object.keys(x).every((k) => keys.includes(k));
}

/** True only for a well-formed message of a known type with no extra fields. */
export function isWebviewMessage(x: unknown): x is WebviewToExtension {
  if (!isRecord(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'ready':
      return hasOnly(x, ['type']);
    case 'openTopology':
      return hasOnly(x, ['type', 'id']) && isId(x.id);
    case 'compareWith':
      return hasOnly(x, ['type', 'left', 'right']) && isSideRef(x.left) && isSideRef(x.right);
    case 'copy':
      return hasOnly(x, ['type', 'text']) && typeof x.text === 'string' && x.text.length <= MAX_TEXT;
    case 'request':
      return (
        hasOnly(x, ['type', 'requestId', 'method']) &&
        typeof x.requestId === 'number' &&
        Number.isSafeInteger(x.requestId) &&
        x.requestId >= 0 &&
        x.method === 'refresh'
      );
    default:
      return false;
  }
}

/** Validates what a serializer gets back from a reloaded webview (only the refs matter). */
export function isPersistedState(x: unknown): x is PersistedState {
  if (!isRecord(x)) return false;
  if (x.kind === 'compare') return isSideRef(x.left) && isSideRef(x.right);
  if (x.kind === 'topology' || x.kind === 'limits') return isId(x.containerId);
  return false;
}
