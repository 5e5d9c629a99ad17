/**
 * What both panels share: the webview options and shell, message validation, live updates
 * from the anatomy service (only while visible), and language changes.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { AnatomyChange } from '../core/service';
import {
  isWebviewMessage,
  type ExtensionToWebview,
  type Note,
  type PanelKind,
  type ViewState,
  type WebviewToExtension,
} from '../shared/protocol';
import { buildShellHtml } from './html';
import type { PanelContext } from './context';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function renderShell(webview: vscode.Webview, extensionUri: vscode.Uri, kind: PanelKind): string {
  return buildShellHtml({
    cspSource: webview.cspSource,
    nonce: randomBytes(16).toString('base64'),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panels.css')).toString(),
    kind,
  });
}

export interface Computed<S extends ViewState> {
  state: S;
  /** False when the state has nothing to show but a notice (side removed, engine down). */
  hasData: boolean;
}

export abstract class PanelBase<S extends ViewState> {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private dirty = false;
  private lastPosted = '';
  private lastHadData = false;
  private disposed = false;

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly ctx: PanelContext,
    private readonly kind: PanelKind,
  ) {
    panel.webview.options = webviewOptions(ctx.extensionUri);
    panel.webview.html = renderShell(panel.webview, ctx.extensionUri, kind);
    const unsubscribe = ctx.service.onDidChange((change) => {
      if (this.affectedBy(change)) this.update();
    });
    this.disposables.push(
      { dispose: unsubscribe },
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      panel.onDidChangeViewState(() => {
        ctx.demand?.set(this, panel.visible);
        if (panel.visible && this.dirty) this.update();
        this.onVisibility(panel.visible);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('containerAnatomy.explanations.language')) this.update(true);
      }),
      panel.onDidDispose(() => this.dispose()),
      { dispose: () => ctx.demand?.set(this, false) },
    );
    ctx.demand?.set(this, panel.visible);
  }

  /** The current state from the service. */
  protected abstract compute(): Computed<S>;
  /** Whether a service change concerns this panel. */
  protected abstract affectedBy(change: AnatomyChange): boolean;
  protected abstract onDisposed(): void;
  /** Told when the panel is shown or hidden (after the state above caught up). */
  protected onVisibility(_visible: boolean): void {}
  /** Told when the webview (re)loaded and has the current state. */
  protected onReady(): void {}

  /** True once the webview said it is ready (and until it reloads). */
  protected get listening(): boolean {
    return this.ready;
  }

  protected unreachableReason(): string | undefined {
    const s = this.ctx.service.status;
    return s.kind === 'unreachable' ? s.reason : undefined;
  }

  /** Recomputes, retitles, and posts to the webview when it is listening and something changed. */
  update(force = false): Computed<S> {
    const computed = this.compute();
    this.panel.title = computed.state.title;
    // Right after a reload the service may not have listed yet: wait instead of saying "removed".
    const loading = !computed.hasData && this.ctx.service.status.kind === 'connecting';
    if (loading || !this.ready || !this.panel.visible) {
      this.dirty = true;
      return computed;
    }
    this.dirty = false;
    const message = this.messageFor(computed);
    const json = JSON.stringify(message);
    if (force || json !== this.lastPosted) {
      this.lastPosted = json;
      void this.panel.webview.postMessage(message);
    }
    this.lastHadData = computed.hasData || (this.lastHadData && message.type !== this.kind);
    return computed;
  }

  /** Keeps the last data on screen with a notice when a side vanished or the engine went away. */
  private messageFor(computed: Computed<S>): ExtensionToWebview {
    const { state } = computed;
    if (!computed.hasData && this.lastHadData && state.notice) {
      const notice: Note = state.notice;
      if (state.status === 'removed') return { type: 'removed', id: this.missingId(), notice };
      if (state.status === 'unreachable') return { type: 'unreachable', reason: this.unreachableReason() ?? '', notice };
    }
    if (state.kind === 'compare') return { type: 'compare', state };
    return state.kind === 'topology' ? { type: 'topology', state } : { type: 'limits', state };
  }

  protected abstract missingId(): string;

  private receive(raw: unknown): void {
    if (!isWebviewMessage(raw)) return;
    void this.handle(raw).catch((err: unknown) => {
      void vscode.window.showErrorMessage(String(err instanceof Error ? err.message : err));
    });
  }

  private async handle(m: WebviewToExtension): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.lastPosted = '';
        this.lastHadData = false;
        this.update(true);
        this.onReady();
        return;
      case 'copy':
        await vscode.env.clipboard.writeText(m.text);
        return;
      case 'request':
        try {
          await this.refresh();
          void this.panel.webview.postMessage({ type: 'response', requestId: m.requestId, ok: true } satisfies ExtensionToWebview);
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          void this.panel.webview.postMessage({ type: 'response', requestId: m.requestId, ok: false, error } satisfies ExtensionToWebview);
        }
        this.update();
        return;
      default:
        this.navigate(m);
    }
  }

  /** openTopology / compareWith: handled by the module that knows both panels. */
  protected abstract navigate(m: Extract<WebviewToExtension, { type: 'openTopology' | 'compareWith' }>): void;
  protected abstract refresh(): Promise<void>;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.onDisposed();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
