/**
 * The Containers view: starts the engine work when the view is first shown, pauses the event
 * stream after it has been hidden for a while, and keeps the status context key and the
 * view message (the reason text a static welcome view cannot carry) up to date.
 */
import * as vscode from 'vscode';
import { translator } from '../core/i18n';
import { localizeReason } from '../core/reasons';
import type { Lang } from '../core/catalog';
import type { AnatomyService } from '../core/service';
import { Demand } from '../demand';
import type { RowNode } from './nodes';
import { ContainersTreeProvider, type TreeSettings } from './provider';
import { engineLabel, isStopped } from './rows';
import { isMultiEngine } from '../core/engines';

export const VIEW_ID = 'containerAnatomy.views.containers';
export const STATUS_KEY = 'containerAnatomy.status';
export const SHOW_STOPPED_KEY = 'containerAnatomy.showStopped';

export type ViewStatus = 'connecting' | 'ready' | 'unreachable' | 'empty';

/** How long the view may stay hidden before the event stream is paused. */
const PAUSE_AFTER_MS = 60_000;
/** How often usage (memory, CPU, pids) is re-read from /sys while the view or a panel is shown; no engine request. */
const USAGE_EVERY_MS = 5_000;

export class ContainersView implements vscode.Disposable {
  readonly provider: ContainersTreeProvider;
  readonly treeView: vscode.TreeView<RowNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private pauseTimer: NodeJS.Timeout | undefined;
  private usageTimer: NodeJS.Timeout | undefined;
  private shownStatus: ViewStatus | undefined;
  /** The view and the visible panels: the event stream runs while any of them is shown. */
  readonly demand = new Demand(
    () => this.onShown(),
    () => this.onHidden(),
  );

  constructor(
    private readonly service: AnatomyService,
    private readonly settings: () => TreeSettings,
    private readonly lang: () => Lang,
    private readonly log: (message: string) => void,
    /** Engines whose helper container question waits for an answer. */
    private readonly questions: () => string[] = () => [],
  ) {
    this.provider = new ContainersTreeProvider(service, settings, lang);
    this.treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    const off = service.onDidChange((change) => {
      this.provider.onServiceChange(change);
      this.updateStatus();
    });
    this.disposables.push(
      this.provider,
      this.treeView,
      { dispose: off },
      this.treeView.onDidChangeVisibility((e) => this.demand.set(this.treeView, e.visible)),
    );
    this.updateStatus();
    this.demand.set(this.treeView, this.treeView.visible);
  }

  /**
   * Starts the engine work if it is not running (the service coalesces concurrent starts and
   * returns at once when ready); commands await this before reading the model.
   */
  ensureStarted(): Promise<void> {
    this.cancelPause();
    return this.service.start().then(
      () => this.updateStatus(),
      (err: unknown) => {
        this.log(`engine start failed: ${err instanceof Error ? err.message : String(err)}`);
        this.updateStatus();
      },
    );
  }

  /** Connects again (Retry). */
  restart(): Promise<void> {
    return this.ensureStarted();
  }

  /** After the engine connection was replaced: connect again only if someone is looking. */
  reconnected(): void {
    if (this.demand.wanted) void this.ensureStarted();
    else this.updateStatus();
  }

  /** Re-renders after a tree setting changed. */
  settingsChanged(): void {
    void vscode.commands.executeCommand('setContext', SHOW_STOPPED_KEY, this.settings().showStopped);
    this.provider.refreshAll();
    this.updateStatus();
  }

  private onShown(): void {
    void this.ensureStarted();
    this.usageTimer ??= setInterval(() => {
      this.service.refreshUsage().catch((err: unknown) => this.log(`re-reading usage failed: ${err instanceof Error ? err.message : String(err)}`));
    }, USAGE_EVERY_MS);
  }

  private onHidden(): void {
    this.stopUsage();
    this.cancelPause();
    this.pauseTimer = setTimeout(() => {
      this.pauseTimer = undefined;
      if (this.demand.wanted) return;
      this.service.pause();
      this.log('view and panels hidden: event stream paused');
    }, PAUSE_AFTER_MS);
  }

  private stopUsage(): void {
    if (this.usageTimer) clearInterval(this.usageTimer);
    this.usageTimer = undefined;
  }

  private cancelPause(): void {
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.pauseTimer = undefined;
  }

  /** What waits for the person's answer (the rows stay "reading…" until then). */
  private questionMessage(): string | undefined {
    const waiting = this.questions();
    if (!waiting.length) return undefined;
    return translator(this.lang())(
      'Waiting for your answer: may a helper container read the kernel facts of {0}? The question is under the bell in the status bar; the bell button above shows it again.',
      waiting.join(', '),
    );
  }

  /** The status the welcome views key on, and the text shown above the tree. */
  updateStatus(): void {
    const s = this.service.status;
    const containers = this.service.snapshot().containers;
    const hidden = this.settings().showStopped ? 0 : containers.filter(isStopped).length;
    // With several engines each engine's row names it instead.
    const engine = isMultiEngine(this.service) ? undefined : engineLabel(this.service.snapshot().host, translator(this.lang()));
    let status: ViewStatus;
    let message: string | undefined;
    // A message hides the welcome views, so only the states without one may set it.
    if (s.kind === 'unreachable') {
      status = 'unreachable';
      message = translator(this.lang())('The Docker Engine at {0} cannot be reached: {1}', s.endpoint || '?', localizeReason(s.reason, this.lang()));
    } else if (s.kind === 'connecting') {
      status = 'connecting';
    } else if (containers.length - hidden === 0) {
      status = 'empty';
    } else {
      status = 'ready';
      // Which engine, when it is not Docker: the view's description is hidden while it is the
      // only view in its container, so the message says it too.
      const parts = [this.questionMessage(), engine, hidden ? translator(this.lang())(hidden === 1 ? '1 stopped container is hidden.' : '{0} stopped containers are hidden.', hidden) : undefined].filter(Boolean);
      message = parts.length ? parts.join(' · ') : undefined;
    }
    this.treeView.message = message;
    this.treeView.description = engine;
    if (status !== this.shownStatus) {
      this.shownStatus = status;
      void vscode.commands.executeCommand('setContext', STATUS_KEY, status);
    }
  }

  dispose(): void {
    this.stopUsage();
    this.cancelPause();
    for (const d of this.disposables) d.dispose();
  }
}
