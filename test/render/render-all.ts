/**
 * Renders every explanation a person can see for a snapshot, in one language: each tree row's
 * label, description and tooltip, each compose hover's live line, the Compare and Topology
 * panels' text, and the CLI's --explain report. The render tests check it and keep it as
 * golden files, so a wording change is a visible diff. No vscode, no engine: a snapshot in.
 */
import { explain, type Lang } from '../../src/core/catalog';
import { diffContainerWithHost, diffContainers } from '../../src/core/diff';
import { translator } from '../../src/core/i18n';
import type { ContainerAnatomy, Snapshot } from '../../src/core/model';
import { renderContainer, renderDiff, renderHost } from '../../src/core/text-report';
import { liveTopic } from '../../src/hovers/live';
import { buildCompareState } from '../../src/panels/compare-state';
import { buildTopologyState } from '../../src/panels/topology-state';
import { fillMarkdown, tooltipMarkdown } from '../../src/tree/markdown';
import { childRows, type Row, type RowOptions } from '../../src/tree/rows';

export interface Rendered {
  /** The container the text is about ('' for the host). */
  container: ContainerAnatomy | undefined;
  /** Where it is shown, e.g. "tree web › Namespaces › net · tooltip". */
  where: string;
  text: string;
}

/** Compose keys whose hover adds a live line from a running container. */
export const HOVER_KEYS = ['pid', 'network_mode', 'ipc', 'uts', 'userns_mode', 'cgroup', 'mem_limit', 'mem_reservation', 'memswap_limit', 'cpus', 'cpu_shares', 'cpuset', 'pids_limit'];

/** Keys of panel state that hold words a person reads (not ids, kinds or flags). */
const SHOWN = new Set(['title', 'summary', 'text', 'hint', 'unavailable', 'label', 'sideLabel', 'detail', 'verdictLabel', 'lines', 'headers', 'links']);

/** Every readable string in a panel state, with the path it sits at. */
function panelStrings(value: unknown, path: string, out: { path: string; text: string }[], shown = false): void {
  if (typeof value === 'string') {
    if (shown && value) out.push({ path, text: value });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => panelStrings(v, `${path}[${i}]`, out, shown));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) panelStrings(v, path ? `${path}.${k}` : k, out, shown || SHOWN.has(k));
  }
}

function treeRows(snapshot: Snapshot, c: ContainerAnatomy, opts: RowOptions): { row: Row; path: string }[] {
  const top = childRows(snapshot, undefined, { ...opts, groupByCompose: false }).find((r) => r.containerId === c.id);
  if (!top) return [];
  const out: { row: Row; path: string }[] = [];
  const walk = (row: Row, path: string): void => {
    out.push({ row, path });
    for (const child of childRows(snapshot, row, opts)) walk(child, `${path} › ${child.label}`);
  };
  walk(top, c.name);
  return out;
}

export function renderAll(snapshot: Snapshot, lang: Lang, only: (c: ContainerAnatomy) => boolean = () => true): Rendered[] {
  const t = translator(lang);
  const opts: RowOptions = { showStopped: true, groupByCompose: false, t };
  const out: Rendered[] = [];
  const containers = snapshot.containers.filter(only).sort((a, b) => a.name.localeCompare(b.name));
  const say = (c: ContainerAnatomy | undefined, where: string, text: string): void => {
    if (text) out.push({ container: c, where, text });
  };
  for (const c of containers) {
    for (const { row, path } of treeRows(snapshot, c, opts)) {
      say(c, `tree ${path} · label`, row.label);
      say(c, `tree ${path} · description`, row.description ?? '');
      say(c, `tree ${path} · tooltip`, tooltipMarkdown(row.tooltip, (topic) => explain(topic, lang)));
    }
    for (const key of c.state === 'running' ? HOVER_KEYS : []) {
      const ref = liveTopic(key, c, t);
      const e = ref && explain(ref.topic, lang);
      if (ref && e) say(c, `hover ${key}`, fillMarkdown(e.summary, ref.vars));
    }
    const compare = buildCompareState({ host: snapshot.host, containers: snapshot.containers, left: { kind: 'container', id: c.id }, right: { kind: 'host' }, lang }).state;
    const strings: { path: string; text: string }[] = [];
    panelStrings(compare, '', strings);
    for (const s of strings) say(c, `compare with host ${s.path}`, s.text);
    const topo: { path: string; text: string }[] = [];
    panelStrings(buildTopologyState({ host: snapshot.host, containers: snapshot.containers, containerId: c.id, lang }), '', topo);
    for (const s of topo) say(c, `topology ${s.path}`, s.text);
    say(c, 'cli --explain', renderContainer(c, { color: false, explain: true, lang }));
    say(c, 'cli diff (host)', renderDiff(diffContainerWithHost(c, snapshot.host), { color: false, explain: true, lang }));
    const donor = c.network.sharesWith && snapshot.containers.find((x) => x.id === c.network.sharesWith?.id);
    if (donor) say(c, `cli diff ${donor.name}`, renderDiff(diffContainers(c, donor), { color: false, explain: true, lang }));
  }
  say(undefined, 'cli host', renderHost(snapshot.host, { color: false, explain: true, lang }));
  return out;
}

/** The rendered text as one reviewable document. */
export function asDocument(items: Rendered[], normalise: (s: string) => string = (s) => s): string {
  return items.map((i) => `## ${normalise(i.where)}\n${normalise(i.text)}\n`).join('\n');
}
