/** What the panels of one container share: one panel per container id, opened again by revealing it. */
import * as vscode from 'vscode';
import type { PanelKind, ViewState, WebviewToExtension } from '../shared/protocol';
import type { Navigator, PanelContext } from './context';
import { PanelBase, webviewOptions } from './panel-base';

/** A new webview panel in the active column, with the panels' options. */
export function newPanel(ctx: PanelContext, viewType: string, title: string): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, webviewOptions(ctx.extensionUri));
}

/** Reveals the open panel of this container from `registry`, or makes one with `create`. */
export function showContainerPanel<P extends ContainerPanel<ViewState>>(
  ctx: PanelContext,
  containerId: string,
  registry: ReadonlyMap<string, P>,
  create: (id: string) => P,
): P {
  const id = ctx.service.container(containerId)?.id ?? containerId;
  const existing = registry.get(id);
  if (!existing) return create(id);
  existing.panel.reveal();
  existing.update();
  return existing;
}

export abstract class ContainerPanel<S extends ViewState> extends PanelBase<S> {
  protected constructor(
    panel: vscode.WebviewPanel,
    ctx: PanelContext,
    kind: PanelKind,
    private readonly nav: Navigator,
    readonly containerId: string,
    /** The open panels of this kind by container id; a new one replaces the old. */
    private readonly registry: Map<string, ContainerPanel<S>>,
  ) {
    super(panel, ctx, kind);
    registry.get(containerId)?.dispose();
    registry.set(containerId, this);
  }

  protected missingId(): string {
    return this.containerId;
  }

  protected navigate(m: Extract<WebviewToExtension, { type: 'openTopology' | 'compareWith' }>): void {
    if (m.type === 'openTopology') this.nav.topology(m.id);
    else this.nav.compare(m.left, m.right);
  }

  protected async refresh(): Promise<void> {
    await this.ctx.service.refreshContainer(this.containerId);
  }

  protected onDisposed(): void {
    if (this.registry.get(this.containerId) === this) this.registry.delete(this.containerId);
  }
}
