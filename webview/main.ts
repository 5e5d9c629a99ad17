/**
 * Browser entry of both panels. The shell says which panel this is (body[data-panel]);
 * data arrives only by message after we say `ready`. The last view is kept with setState so
 * a reloaded or re-shown panel draws at once.
 */
import type { CompareViewState, ExtensionToWebview, Note, PersistedState, TopologyViewState } from '../src/shared/protocol';
import { onMessage, post, settle, vscode } from './api';
import { noticeBanner } from './common';
import { renderCompare, sideRef } from './compare';
import { clear } from './dom';
import { registerToolkit } from './toolkit';
import { renderTopology } from './topology';

registerToolkit();

const app = document.getElementById('app') ?? document.body;
let current: CompareViewState | TopologyViewState | undefined;
let activeTab: string | undefined;

function persist(): void {
  if (!current) return;
  const state: PersistedState =
    current.kind === 'compare'
      ? { kind: 'compare', left: sideRef(current.left), right: sideRef(current.right), view: current }
      : { kind: 'topology', containerId: current.container.id, view: current };
  vscode.setState(state);
}

function hasData(state: CompareViewState | TopologyViewState): boolean {
  return state.kind === 'compare' ? state.namespaces.length > 0 : state.lanes.length > 0 || state.container.image !== '';
}

function render(state: CompareViewState | TopologyViewState): void {
  // A side vanished or the engine went away: keep the last data on screen under the notice.
  if (state.status !== 'ok' && !hasData(state) && current && current.kind === state.kind && hasData(current)) {
    showNotice(state.notice, state.status);
    return;
  }
  current = state;
  document.documentElement.lang = state.lang;
  clear(app);
  app.appendChild(
    state.kind === 'compare'
      ? renderCompare(state, activeTab, (id) => {
          activeTab = id;
        })
      : renderTopology(state),
  );
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
      app.classList.remove('stale');
      render(m.state);
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

const saved = vscode.getState();
if (saved?.view) render(saved.view);
onMessage(handle);
post({ type: 'ready' });
