/**
 * The Limits panel: one per container. Draws each limit's cgroup chain, and samples usage once
 * a second only while the panel is visible (nothing is read while it is hidden).
 */
import * as vscode from 'vscode';
import { isFact } from '../core/model';
import { localizeReason } from '../core/reasons';
import type { AnatomyChange } from '../core/service';
import { cgroupUsageReader, readingFromEngineStats, UsageHistory, type UsageReader } from '../core/usage';
import type { ExtensionToWebview, LimitsViewState } from '../shared/protocol';
import { ContainerPanel, newPanel } from './container-panel';
import type { Navigator, PanelContext } from './context';
import { buildLimitsState } from './limits-state';
import type { Computed } from './panel-base';

export const LIMITS_VIEW_TYPE = 'containerAnatomy.limits';
export const SAMPLE_MS = 1000;

export class LimitsPanel extends ContainerPanel<LimitsViewState> {
  /** The open panels by container id. */
  static readonly open = new Map<string, LimitsPanel>();
  private knownName: string | undefined;
  private readonly history = new UsageHistory();
  private timer: NodeJS.Timeout | undefined;
  private reader: UsageReader | undefined;
  private readerFor = '';
  private sampling = false;
  private lastUnavailable: string | undefined;

  static create(ctx: PanelContext, nav: Navigator, containerId: string): LimitsPanel {
    return new LimitsPanel(newPanel(ctx, LIMITS_VIEW_TYPE, 'Limits'), ctx, nav, containerId);
  }

  constructor(panel: vscode.WebviewPanel, ctx: PanelContext, nav: Navigator, containerId: string) {
    super(panel, ctx, 'limits', nav, containerId, LimitsPanel.open);
    this.update();
    this.onVisibility(panel.visible);
  }

  protected compute(): Computed<LimitsViewState> {
    const state = buildLimitsState({
      containers: this.ctx.service.snapshot().containers,
      unreachable: this.unreachableReason(),
      containerId: this.containerId,
      lang: this.ctx.lang(),
      knownName: this.knownName,
      usageSource: this.reader?.source,
    });
    if (state.status !== 'removed') this.knownName = state.container.name;
    return { state, hasData: state.chains.length > 0 };
  }

  protected affectedBy(change: AnatomyChange): boolean {
    return change.host || change.updated.includes(this.containerId) || change.removed.includes(this.containerId);
  }

  protected onReady(): void {
    this.post({ type: 'usage', samples: this.history.samples, replace: true, unavailable: this.lastUnavailable && localizeReason(this.lastUnavailable, this.ctx.lang()) });
  }

  protected onVisibility(visible: boolean): void {
    if (visible && !this.timer) {
      this.timer = setInterval(() => void this.tick(), SAMPLE_MS);
      void this.tick();
    } else if (!visible && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** The local cgroup files when this machine has them, else the engine's stats. */
  private readerNow(): UsageReader | undefined {
    const c = this.ctx.service.container(this.containerId);
    if (!c) return undefined;
    const key = `${c.state}|${JSON.stringify(isFact(c.cgroup.paths) ? c.cgroup.paths.value : null)}`;
    if (this.reader && key === this.readerFor) return this.reader;
    this.readerFor = key;
    const service = this.ctx.service;
    const id = c.id;
    const engine: UsageReader | undefined = service.engineStats
      ? { source: 'engine', read: async () => readingFromEngineStats(await service.engineStats?.(id)) }
      : undefined;
    const before = this.reader?.source;
    this.reader = cgroupUsageReader(c) ?? engine;
    if (this.reader?.source !== before) this.update();
    return this.reader;
  }

  /** One sample: read, add to the history, post to the webview. */
  async tick(): Promise<void> {
    if (this.sampling) return; // an engine call still out: skip rather than pile up
    this.sampling = true;
    try {
      const c = this.ctx.service.container(this.containerId);
      const reader = c && (c.state === 'running' || c.state === 'paused') ? this.readerNow() : undefined;
      if (!reader) return this.unavailable(c ? `${c.name} is ${c.state}: nothing to sample` : 'the container is gone');
      const r = await reader.read();
      if ('unavailable' in r) return this.unavailable(r.unavailable);
      this.lastUnavailable = undefined;
      this.post({ type: 'usage', samples: [this.history.add(r)], replace: false });
    } catch (err) {
      this.unavailable(err instanceof Error ? err.message : String(err));
    } finally {
      this.sampling = false;
    }
  }

  private unavailable(reason: string): void {
    if (reason === this.lastUnavailable) return;
    this.lastUnavailable = reason;
    this.post({ type: 'usage', samples: [], replace: false, unavailable: localizeReason(reason, this.ctx.lang()) });
  }

  private post(m: ExtensionToWebview): void {
    if (this.listening && this.panel.visible) void this.panel.webview.postMessage(m);
  }

  protected onDisposed(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    super.onDisposed();
  }
}
