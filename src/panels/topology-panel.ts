/** The Network Topology panel: one per container. */
import * as vscode from 'vscode';
import { explain } from '../core/catalog';
import type { AnatomyChange } from '../core/service';
import type { TopologyViewState } from '../shared/protocol';
import { ContainerPanel, newPanel } from './container-panel';
import type { Navigator, PanelContext } from './context';
import type { Computed } from './panel-base';
import { buildTopologyState } from './topology-state';

export const TOPOLOGY_VIEW_TYPE = 'containerAnatomy.topology';

export class TopologyPanel extends ContainerPanel<TopologyViewState> {
  /** The open panels by container id. */
  static readonly open = new Map<string, TopologyPanel>();
  private knownName: string | undefined;

  static create(ctx: PanelContext, nav: Navigator, containerId: string): TopologyPanel {
    return new TopologyPanel(newPanel(ctx, TOPOLOGY_VIEW_TYPE, explain('ui.topology.title', ctx.lang())?.title ?? 'Topology'), ctx, nav, containerId);
  }

  constructor(panel: vscode.WebviewPanel, ctx: PanelContext, nav: Navigator, containerId: string) {
    super(panel, ctx, 'topology', nav, containerId, TopologyPanel.open);
    this.update();
  }

  protected compute(): Computed<TopologyViewState> {
    // With several engines: only the container's own engine, its host and its peers.
    const all = this.ctx.service.snapshot().containers;
    const engine = all.find((c) => c.id === this.containerId)?.engine;
    const state = buildTopologyState({
      host: this.ctx.service.hostOf?.(this.containerId) ?? this.ctx.service.host(),
      containers: engine ? all.filter((c) => c.engine === engine) : all,
      unreachable: this.unreachableReason(),
      containerId: this.containerId,
      lang: this.ctx.lang(),
      knownName: this.knownName,
    });
    if (state.status !== 'removed' && state.container.image !== '') this.knownName = state.container.name;
    return { state, hasData: state.container.image !== '' || state.lanes.length > 0 };
  }

  /** Peers on the bridge come and go too: any change may redraw; update() posts only real differences. */
  protected affectedBy(_change: AnatomyChange): boolean {
    return true;
  }
}
