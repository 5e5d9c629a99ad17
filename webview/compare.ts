/** Renders a CompareViewState: namespace table, side-by-side sections, networks. */
import type { CompareViewState, EvidenceView, NetworkTableView, PairSection, SideRef, SideView } from '../src/shared/protocol';
import { post, request } from './api';
import { button, cellEl, noticeBanner } from './common';
import { h } from './dom';

export function sideRef(s: SideView): SideRef {
  return s.kind === 'host' || s.id === undefined ? { kind: 'host' } : { kind: 'container', id: s.id };
}

/** Under a verdict: what it means given what each side sees, then one line per side. */
function evidenceBlock(state: CompareViewState, e: EvidenceView | undefined): HTMLElement | null {
  if (!e) return null;
  const side = (label: string, cell: EvidenceView['left']): HTMLElement =>
    h('div', { class: 'sees' }, h('span', { class: 'sees-side' }, `${label}: `), cellEl('span', cell, 'mono'));
  return h(
    'div',
    { class: 'evidence' },
    e.consequence ? h('div', { class: 'consequence' }, e.consequence) : null,
    side(state.left.label, e.left),
    side(state.right.label, e.right),
  );
}

function namespaceTable(state: CompareViewState): HTMLElement {
  const L = state.labels;
  const head = h('tr', {}, h('th', {}, L.namespace), h('th', {}, state.left.label), h('th', {}, state.right.label), h('th', {}, L.verdict), h('th', {}, L.meaning));
  const body = state.namespaces.map((row) =>
    h(
      'tr',
      { class: `verdict-${row.verdict}` },
      h('th', { scope: 'row', title: row.typeNote.summary || undefined }, h('span', { class: 'mono' }, row.type), h('div', { class: 'sub' }, row.typeNote.title)),
      cellEl('td', row.left, 'mono nowrap'),
      cellEl('td', row.right, 'mono nowrap'),
      h('td', {}, h('span', { class: `tag verdict verdict-${row.verdict}` }, row.verdictLabel)),
      h('td', {}, h('div', { class: 'meaning-title' }, row.meaning.title), h('div', { class: 'sub' }, row.meaning.summary), evidenceBlock(state, row.evidence)),
    ),
  );
  return h('table', { class: 'grid' }, h('thead', {}, head), h('tbody', {}, ...body));
}

function pairTable(state: CompareViewState, section: PairSection): HTMLElement {
  const head = h('tr', {}, h('th', {}, ''), h('th', {}, state.left.label), h('th', {}, state.right.label));
  const rows = section.rows.map((row) =>
    h(
      'tr',
      { class: row.differs ? 'differs' : undefined },
      h('th', { scope: 'row', title: row.hint || undefined }, row.label),
      cellEl('td', row.left, 'mono pre'),
      cellEl('td', row.right, 'mono pre'),
    ),
  );
  return h('table', { class: 'grid pairs' }, h('thead', {}, head), h('tbody', {}, ...rows));
}

function networkTable(state: CompareViewState, t: NetworkTableView): HTMLElement {
  const head = h('tr', {}, h('th', {}, ''), ...t.headers.map((c) => cellEl('th', c)), h('th', {}, ''));
  const rows = t.rows.map((row) => {
    let action: HTMLElement | null = null;
    if (row.topologyId !== undefined) {
      const id = row.topologyId;
      action = h('vscode-link', { href: '#' }, state.labels.openTopology);
      action.addEventListener('click', (e) => {
        e.preventDefault();
        post({ type: 'openTopology', id });
      });
    }
    return h('tr', { class: `side-${row.side}` }, h('th', { scope: 'row' }, row.sideLabel), ...row.cells.map((c) => cellEl('td', c, 'mono pre')), h('td', {}, action));
  });
  return h('div', { class: 'scroll' }, h('table', { class: 'grid nets' }, h('thead', {}, head), h('tbody', {}, ...rows)));
}

function namespacesAsText(state: CompareViewState): string {
  const lines = [[state.labels.namespace, state.left.label, state.right.label, state.labels.verdict].join('\t')];
  for (const r of state.namespaces) lines.push([r.type, r.left.text, r.right.text, r.verdictLabel].join('\t'));
  return lines.join('\n');
}

/** Builds the whole Compare view. `activeTab` keeps the user's tab across updates. */
export function renderCompare(state: CompareViewState, activeTab: string | undefined, onTab: (id: string) => void): HTMLElement {
  const L = state.labels;
  const header = h(
    'header',
    {},
    h('h1', {}, state.title),
    h(
      'div',
      { class: 'actions' },
      button(L.copy, () => post({ type: 'copy', text: namespacesAsText(state) })),
      button(L.refresh, () => void request('refresh')),
    ),
  );
  const root = h('div', { class: 'compare' }, header, noticeBanner(state.notice, state.status), noticeBanner(state.kernels, 'kernels'));
  if (state.namespaces.length === 0) return root;

  const tabs: [string, string, HTMLElement][] = [
    ['ns', L.namespaces, namespaceTable(state)],
    ...state.sections.map((s): [string, string, HTMLElement] => [s.id, s.title, pairTable(state, s)]),
    ['net', state.networks.title, networkTable(state, state.networks)],
  ];
  const panels = h('vscode-panels', { 'activeid': `tab-${activeTab ?? 'ns'}`, 'aria-label': state.title });
  for (const [id, title] of tabs) panels.appendChild(h('vscode-panel-tab', { id: `tab-${id}` }, title));
  for (const [id, , content] of tabs) panels.appendChild(h('vscode-panel-view', { id: `view-${id}` }, content));
  panels.addEventListener('change', () => {
    const active = (panels as HTMLElement & { activeid?: string }).activeid;
    if (typeof active === 'string' && active.startsWith('tab-')) onTab(active.slice(4));
  });
  root.appendChild(panels);
  return root;
}
