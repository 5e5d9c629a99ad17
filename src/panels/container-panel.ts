/** What the panels of one container share: one panel per container id, opened again by revealing it. */
import type * as vscode from 'vscode';
import type { PanelKind, ViewState, WebviewToExtension } from '../shared/protocol';
import type { Navigator, PanelContext } from './context';
import { PanelBase } from './panel-base';

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
