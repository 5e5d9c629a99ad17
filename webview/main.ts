/**
 * Browser entry of both panels. The shell says which panel this is (body[data-panel]);
 * data arrives only by message after we say `ready`. The last view is kept with setState so
 * a reloaded or re-shown panel draws at once.
 */
import type { CompareViewState, ExtensionToWebview, LimitsViewState, Note, PersistedState, TopologyViewState, UsageSample } from '../src/shared/protocol';
import { onMessage, post, settle, vscode } from './api';
import { noticeBanner } from './common';
import { renderCompare, sideRef } from './compare';
import { clear } from './dom';
import { renderLimits, renderUsage, type UsageView } from './limits';
import { registerToolkit } from './toolkit';
import { renderTopology } from './topology';

registerToolkit();

const app = document.getElementById('app') ?? document.body;
type AnyState = CompareViewState | TopologyViewState | LimitsViewState;
let current: AnyState | undefined;
let activeTab: string | undefined;
/** Last five minutes of usage samples (Limits panel); the extension resends them after a reload. */
const usage: UsageView = { samples: [] };
const USAGE_KEEP = 300;

function persist(): void {
  if (!current) return;
  const state: PersistedState =
    current.kind === 'compare'
      ? { kind: 'compare', left: sideRef(current.left), right: sideRef(current.right), view: current }
      : current.kind === 'topology'
        ? { kind: 'topology', containerId: current.container.id, view: current }
        : { kind: 'limits', containerId: current.container.id, view: current };
  vscode.setState(state);
}

function hasData(state: AnyState): boolean {
  if (state.kind === 'limits') return state.chains.length > 0;
  return state.kind === 'compare' ? state.namespaces.length > 0 : state.lanes.length > 0 || state.container.image !== '';
}

function view(state: AnyState): HTMLElement {
  if (state.kind === 'limits') return renderLimits(state, usage);
  return state.kind === 'compare'
    ? renderCompare(state, activeTab, (id) => {
        activeTab = id;
      })
    : renderTopology(state);
}

function render(state: AnyState): void {
  // A side vanished or the engine went away: keep the last data on screen under the notice.
  if (state.status !== 'ok' && !hasData(state) && current && current.kind === state.kind && hasData(current)) {
    showNotice(state.notice, state.status);
    return;
  }
  current = state;
  document.documentElement.lang = state.lang;
  clear(app);
  app.appendChild(view(state));
  persist();
}

function showNotice(notice: Note | undefined, status: 'removed' | 'unreachable' | 'ok'): void {
  if (!current) return;
  const base = current;
  render({ ...base, status: 'ok', notice: undefined } as typeof base);
  const banner = noticeBanner(notice, status);
  const header = app.querySelector('header');
  if (banner && header) header.after(banner);
  app.classList.toggle('stale', status !== 'ok');
}

function handle(m: ExtensionToWebview): void {
  switch (m.type) {
    case 'compare':
    case 'topology':
    case 'limits':
      app.classList.remove('stale');
      render(m.state);
      return;
    case 'usage':
      addUsage(m.samples, m.replace, m.unavailable);
      return;
    case 'removed':
      showNotice(m.notice, 'removed');
      return;
    case 'unreachable':
      showNotice(m.notice, 'unreachable');
      return;
    case 'response':
      settle(m.requestId, m.ok);
      return;
  }
}

/** Keeps the samples and redraws only the charts. */
function addUsage(samples: UsageSample[], replace: boolean, unavailable: string | undefined): void {
  if (replace) usage.samples.length = 0;
  usage.samples.push(...samples);
  if (usage.samples.length > USAGE_KEEP) usage.samples.splice(0, usage.samples.length - USAGE_KEEP);
  usage.unavailable = unavailable;
  const box = document.getElementById('usage');
  if (current?.kind === 'limits' && box) box.replaceWith(renderUsage(current, usage));
}

const saved = vscode.getState();
if (saved?.view) render(saved.view);
onMessage(handle);
post({ type: 'ready' });
