/** The Compare panel (host vs container, container vs container): one per pair of sides. */
import * as vscode from 'vscode';
import { explain } from '../core/catalog';
import type { DiffSide } from '../core/diff';
import { evidenceOptionsForPair, readEvidence } from '../core/evidence';
import type { Evidence, HostAnatomy, NamespaceDiff } from '../core/model';
import type { AnatomyChange } from '../core/service';
import type { CompareViewState, SideRef, WebviewToExtension } from '../shared/protocol';
import { buildCompareState } from './compare-state';
import type { Navigator, PanelContext } from './context';
import { PanelBase, webviewOptions, type Computed } from './panel-base';

export const COMPARE_VIEW_TYPE = 'containerAnatomy.compare';

export function sideKey(s: SideRef): string {
  return s.kind === 'host' ? 'host' : `container:${s.id}`;
}

export class ComparePanel extends PanelBase<CompareViewState> {
  private static readonly open = new Map<string, ComparePanel>();
  private lastDiff: NamespaceDiff | undefined;
  private readonly knownNames: Record<string, string> = {};
  /** What the two sides see, and for which processes and namespaces it was read. */
  private evidence: { key: string; left: Evidence; right: Evidence } | undefined;
  private readingKey: string | undefined;

  static find(left: SideRef, right: SideRef): ComparePanel | undefined {
    return ComparePanel.open.get(`${sideKey(left)}|${sideKey(right)}`);
  }

  static create(ctx: PanelContext, nav: Navigator, left: SideRef, right: SideRef): ComparePanel {
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, explain('ui.compare.title', ctx.lang())?.title ?? 'Compare', vscode.ViewColumn.Active, webviewOptions(ctx.extensionUri));
    return new ComparePanel(panel, ctx, nav, left, right);
  }

  constructor(
    panel: vscode.WebviewPanel,
    ctx: PanelContext,
    private readonly nav: Navigator,
    readonly left: SideRef,
    readonly right: SideRef,
  ) {
    super(panel, ctx, 'compare');
    ComparePanel.open.get(this.key)?.dispose();
    ComparePanel.open.set(this.key, this);
    this.update();
  }

  private get key(): string {
    return `${sideKey(this.left)}|${sideKey(this.right)}`;
  }

  get diff(): NamespaceDiff | undefined {
    return this.lastDiff;
  }

  protected compute(): Computed<CompareViewState> {
    const snapshot = this.ctx.service.snapshot();
    const result = buildCompareState({
      host: this.ctx.service.host(),
      containers: snapshot.containers,
      unreachable: this.unreachableReason(),
      left: this.left,
      right: this.right,
      lang: this.ctx.lang(),
      knownNames: this.knownNames,
      evidence: this.evidence,
      ...(this.ctx.service.hostOf ? { hostOf: (id: string) => this.ctx.service.hostOf?.(id) } : {}),
    });
    if (result.sides) this.wantEvidence(result.sides[0], result.sides[1]);
    for (const side of [result.state.left, result.state.right]) {
      if (side.present && side.id !== undefined) this.knownNames[side.id] = side.label;
    }
    this.lastDiff = result.diff;
    return { state: result.state, hasData: result.diff !== undefined };
  }

  /**
   * Reads the evidence once per pair of processes and namespaces, only while the panel shows:
   * a restarted container (new PID, new namespaces) is read again, an idle panel is not.
   */
  private wantEvidence(left: DiffSide, right: DiffSide): void {
    const key = JSON.stringify([left.pid, left.inodes, right.pid, right.inodes]);
    if (!this.panel.visible || this.evidence?.key === key || this.readingKey === key) return;
    if (this.evidence && this.evidence.key !== key) this.evidence = undefined;
    this.readingKey = key;
    const read = this.ctx.evidence ?? ((l: DiffSide, r: DiffSide) => {
      // Each side's engine host: this machine's /proc is read only when it shows both engines.
      const hostOf = (s: DiffSide): HostAnatomy | undefined => (s.id && this.ctx.service.hostOf?.(s.id)) || this.ctx.service.host();
      const hl = hostOf(l);
      const hr = hostOf(r);
      return hl && hr ? readEvidence(l, r, evidenceOptionsForPair(hl, hr)) : Promise.reject(new Error('the host side has not been read yet'));
    });
    read(left, right).then(
      ([l, r]) => {
        if (this.readingKey !== key) return;
        this.readingKey = undefined;
        this.evidence = { key, left: l, right: r };
        this.update();
      },
      () => {
        // Nothing to show yet: the next update tries again.
        if (this.readingKey === key) this.readingKey = undefined;
      },
    );
  }

  protected affectedBy(change: AnatomyChange): boolean {
    if (change.host) return true;
    const ids = new Set([...change.updated, ...change.removed]);
    const state = this.compute().state;
    return [state.left, state.right].some((s) => s.kind === 'container' && s.id !== undefined && ids.has(s.id)) ||
      [this.left, this.right].some((s) => s.kind === 'container' && ids.has(s.id));
  }

  protected missingId(): string {
    const s = [this.left, this.right].find((x) => x.kind === 'container' && !this.ctx.service.container(x.id));
    return s && s.kind === 'container' ? s.id : '';
  }

  protected navigate(m: Extract<WebviewToExtension, { type: 'openTopology' | 'compareWith' }>): void {
    if (m.type === 'openTopology') this.nav.topology(m.id);
    else this.nav.compare(m.left, m.right);
  }

  protected async refresh(): Promise<void> {
    // A refresh re-reads what each side sees too (process counts and addresses move).
    this.evidence = undefined;
    this.readingKey = undefined;
    const ids = [this.left, this.right].flatMap((s) => (s.kind === 'container' ? [s.id] : []));
    if (ids.length === 0 || this.left.kind === 'host' || this.right.kind === 'host') await this.ctx.service.refresh();
    else await Promise.all(ids.map((id) => this.ctx.service.refreshContainer(id)));
  }

  protected onDisposed(): void {
    if (ComparePanel.open.get(this.key) === this) ComparePanel.open.delete(this.key);
  }
}
