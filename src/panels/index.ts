/** The panels' public face: open Compare / Topology panels and restore them after a reload. */
import * as vscode from 'vscode';
import type { NamespaceDiff } from '../core/model';
import { isPersistedState, type SideRef } from '../shared/protocol';
import { COMPARE_VIEW_TYPE, ComparePanel } from './compare-panel';
import { showContainerPanel } from './container-panel';
import type { Navigator, PanelContext } from './context';
import { LIMITS_VIEW_TYPE, LimitsPanel } from './limits-panel';
import { TOPOLOGY_VIEW_TYPE, TopologyPanel } from './topology-panel';

export type { PanelContext } from './context';
export type { SideRef } from '../shared/protocol';
export { COMPARE_VIEW_TYPE } from './compare-panel';
export { TOPOLOGY_VIEW_TYPE } from './topology-panel';
export { LIMITS_VIEW_TYPE, LimitsPanel } from './limits-panel';

/** A container side by its full id when the service knows it, so one pair maps to one panel. */
function canonical(ctx: PanelContext, s: SideRef): SideRef | undefined {
  if (s.kind === 'host') return ctx.service.host() ? s : undefined;
  const c = ctx.service.container(s.id);
  return c ? { kind: 'container', id: c.id } : undefined;
}

function navigator(ctx: PanelContext): Navigator {
  return {
    compare: (left, right) => void showComparePanel(ctx, left, right),
    topology: (id) => showTopologyPanel(ctx, id),
  };
}

/** Opens (or reveals) the Compare panel; returns the diff shown, or undefined if a side is not in the service. */
export function showComparePanel(ctx: PanelContext, left: SideRef, right: SideRef): NamespaceDiff | undefined {
  const l = canonical(ctx, left);
  const r = canonical(ctx, right);
  if (!l || !r) return undefined;
  const existing = ComparePanel.find(l, r);
  if (existing) {
    existing.panel.reveal();
    existing.update();
    return existing.diff;
  }
  return ComparePanel.create(ctx, navigator(ctx), l, r).diff;
}

export function showTopologyPanel(ctx: PanelContext, containerId: string): void {
  showContainerPanel(ctx, containerId, TopologyPanel.open, (id) => TopologyPanel.create(ctx, navigator(ctx), id));
}

/** Opens the Limits panel of a container, or reveals the one already open for it. */
export function showLimitsPanel(ctx: PanelContext, containerId: string): LimitsPanel {
  return showContainerPanel(ctx, containerId, LimitsPanel.open, (id) => LimitsPanel.create(ctx, navigator(ctx), id));
}

/** Restores both kinds of panel after a window reload, from the refs the webview kept with setState. */
export function registerPanelSerializers(ctx: PanelContext): vscode.Disposable[] {
  const nav = navigator(ctx);
  return [
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        if (isPersistedState(state) && state.kind === 'compare') new ComparePanel(panel, ctx, nav, state.left, state.right);
        else panel.dispose();
      },
    }),
    vscode.window.registerWebviewPanelSerializer(TOPOLOGY_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        if (isPersistedState(state) && state.kind === 'topology') new TopologyPanel(panel, ctx, nav, state.containerId);
        else panel.dispose();
      },
    }),
    vscode.window.registerWebviewPanelSerializer(LIMITS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        if (isPersistedState(state) && state.kind === 'limits') new LimitsPanel(panel, ctx, nav, state.containerId);
        else panel.dispose();
      },
    }),
  ];
}
