/**
 * The Containers tree. Rows come from the pure `rows` module; this class only wraps them in
 * TreeItems, keeps container nodes stable, and refreshes just the containers that changed.
 */
import * as vscode from 'vscode';
import { explain, type Lang } from '../core/catalog';
import { translator } from '../core/i18n';
import type { AnatomyChange, AnatomyService } from '../core/service';
import { tooltipMarkdown } from './markdown';
import { nodeFor, RowNode } from './nodes';
import { isMultiEngine } from '../core/engines';
import { childRows, engineChildRows, engineRow, enginesStructureKey, unreachableRows, type EngineView, type Row, type RowOptions } from './rows';
import { structureKey } from './structure';

/**
 * VS Code redraws a tree once its changes have paused for 200 ms (the extension host
 * debounces them, restarting the wait with each change), except the first change after a
 * quiet spell, which it redraws at once. The first look sends a change every 50 ms while
 * hundreds of containers are read, which held the listed rows back until the last read.
 * Changes go out no closer together than this, so each one is redrawn as it is sent.
 */
export const REDRAW_SPACING_MS = 250;
/** How long VS Code is kept waiting for the top while connecting before it is told there is nothing yet. */
const ROOT_WAIT_MS = 1500;

export interface TreeSettings {
  showStopped: boolean;
  groupByCompose: boolean;
}

export class ContainersTreeProvider implements vscode.TreeDataProvider<RowNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RowNode | RowNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /**
   * Container nodes by container id (and engine, when several: one dockerd reached by two
   * endpoints lists the same ids twice), so an update refreshes the node VS Code already has.
   */
  private readonly containerNodes = new Map<string, RowNode>();
  /** The "cgroup limits" section of each container as last handed out: usage is shown below it. */
  private readonly limitSections = new Map<string, RowNode>();
  /** The rows last handed out under each row VS Code asked about (an expanded one), by its id. */
  private readonly shownChildren = new Map<string, RowNode[]>();
  private shownStructure = '';
  /** What the top of the tree last handed out was empty (connecting): a change that keeps it empty redraws nothing. */
  private rootShownEmpty = false;
  /** Whether VS Code has asked for the top of the tree yet: until it has, there is nothing to redraw. */
  private rootAsked = false;
  /** Rows to redraw at the next send, or the whole tree. */
  private pending: Set<RowNode> | 'all' | undefined;
  private lastSent = Number.NEGATIVE_INFINITY;
  private sendTimer: NodeJS.Timeout | undefined;
  private waitTimer: NodeJS.Timeout | undefined;
  /** getChildren() calls for the top made while connecting, answered when the status moves on. */
  private rootWaiters: ((rows: RowNode[] | Promise<RowNode[]>) => void)[] = [];

  constructor(
    private readonly service: AnatomyService,
    private readonly settings: () => TreeSettings,
    private readonly lang: () => Lang,
  ) {}

  private options(): RowOptions {
    return { ...this.settings(), t: translator(this.lang()) };
  }

  getTreeItem(node: RowNode): vscode.TreeItem {
    return node;
  }

  getParent(node: RowNode): RowNode | undefined {
    return node.parent;
  }

  /** performance.now() when the tree first listed the engine's containers. */
  firstRenderAt: number | undefined;

  /** With several engines: each engine's name, status and snapshot. */
  private engineViews(): EngineView[] | undefined {
    if (!isMultiEngine(this.service)) return undefined;
    return this.service.engines().map((e, i) => ({ key: e.key, label: e.label, status: e.service.status, snapshot: e.service.snapshot(), added: i > 0 }));
  }

  /** The rows under `parent` (the top when undefined), with one level per engine when there are several. */
  private rowsUnder(parent: Row | undefined, views = this.engineViews()): Row[] {
    if (!views) return childRows(this.service.snapshot(), parent, this.options());
    if (!parent) return views.map((v) => engineRow(v, this.options()));
    const view = views.find((v) => v.key === parent.engine);
    return view ? engineChildRows(view, parent, this.options()) : [];
  }

  private structure(views = this.engineViews()): string {
    const settings = this.settings();
    return views ? enginesStructureKey(views, (s) => structureKey(s, settings)) : structureKey(this.service.snapshot(), settings);
  }

  getChildren(parent?: RowNode): RowNode[] | Promise<RowNode[]> {
    const views = this.engineViews();
    if (!parent) {
      this.rootAsked = true;
      // With several engines one that cannot be reached never hides the others: each says why under its name.
      const status = this.service.status;
      if (!views && status.kind === 'unreachable') return unreachableRows(status.reason, this.options().t).map((row) => nodeFor(row, undefined));
      // While connecting VS Code is told the rows are on their way (it shows its progress bar)
      // and gets them with the list, without a redraw and its round trip through the window.
      // A slow engine gets the welcome view ("Connecting…", Select Engine/Context) after a while.
      if (!views && status.kind === 'connecting') {
        this.waitTimer ??= setTimeout(() => this.answerWaiters(), ROOT_WAIT_MS);
        return new Promise((resolve) => this.rootWaiters.push(resolve));
      }
      if (!views && status.kind !== 'ready') {
        this.rootShownEmpty = true;
        return [];
      }
      this.rootShownEmpty = false;
      this.shownStructure = this.structure(views);
      if (status.kind === 'ready') this.firstRenderAt ??= performance.now();
    } else if (parent.row.kind === 'container' && parent.row.containerId) {
      this.readFirst(parent.row.containerId);
    }
    const nodes = this.rowsUnder(parent?.row, views).map((row) => {
      if (row.kind === 'section' && row.containerId && row.children?.kind === 'section' && row.children.section === 'limits') {
        const node = nodeFor(row, parent);
        this.limitSections.set(nodeKey(row.engine, row.containerId), node);
        return node;
      }
      if (row.kind !== 'container' || !row.containerId) return nodeFor(row, parent);
      const key = nodeKey(row.engine, row.containerId);
      const known = this.containerNodes.get(key);
      if (known && known.parent === parent) {
        known.apply(row);
        return known;
      }
      const node = nodeFor(row, parent);
      this.containerNodes.set(key, node);
      return node;
    });
    if (parent) this.shownChildren.set(parent.row.id, nodes);
    return nodes;
  }

  /**
   * Brings the rows shown under `node` up to date without redrawing `node`, and collects the
   * rows that must be redrawn. VS Code forgets every row under a redrawn row until it asks for
   * them again; a context menu opened on one of them meanwhile runs its command with no row
   * ("Show Limits" on a "cgroup limits" section did nothing while its container was re-read).
   * So only a row whose own text changed is redrawn; when the rows below changed in number or
   * order, `node` is.
   */
  private refreshBelow(node: RowNode, redraw: RowNode[]): void {
    const shown = this.shownChildren.get(node.row.id);
    if (!shown) return;
    const rows = this.rowsUnder(node.row);
    if (rows.length !== shown.length || rows.some((r, i) => r.id !== shown[i].row.id)) {
      redraw.push(node);
      return;
    }
    rows.forEach((row, i) => {
      const child = shown[i];
      if (sameRow(child.row, row)) {
        child.row = row; // its tooltip is resolved from the row on hover
        this.refreshBelow(child, redraw);
      } else {
        child.apply(row);
        redraw.push(child);
      }
    });
  }

  /** Containers whose read an expanded row asked for, until it ends. */
  private readonly asked = new Set<string>();

  /** An expanded container that is listed but not read yet is read now, ahead of the others. */
  private readFirst(id: string): void {
    if (!this.service.container(id)?.reading || this.asked.has(id)) return;
    this.asked.add(id);
    // Its row is updated through onServiceChange when the read lands; a failure is shown on the row.
    void this.service.refreshContainer(id).catch(() => undefined).finally(() => this.asked.delete(id));
  }

  resolveTreeItem(item: vscode.TreeItem, node: RowNode): vscode.TreeItem {
    const lang = this.lang();
    const md = new vscode.MarkdownString(tooltipMarkdown(node.row.tooltip, (topic, vars) => explain(topic, lang, vars)));
    md.isTrusted = false;
    md.supportHtml = false;
    item.tooltip = md;
    return item;
  }

  /** Refreshes only what changed: the whole tree when its top-level shape moved, else the changed containers. */
  onServiceChange(change: AnatomyChange): void {
    if (change.usage) {
      // Only the limits sections show usage: the rows below them change, the section stays put.
      const redraw: RowNode[] = [];
      for (const section of change.updated.flatMap((id) => this.nodesOf(this.limitSections, id))) this.refreshBelow(section, redraw);
      if (redraw.length) this.send(redraw);
      return;
    }
    for (const id of change.removed) {
      for (const key of this.keysOf(id)) {
        this.containerNodes.delete(key);
        this.limitSections.delete(key);
      }
      for (const key of this.shownChildren.keys()) if (key.includes(`c:${id}`)) this.shownChildren.delete(key);
    }
    if (this.rootWaiters.length) {
      // The top is still being asked for: answering it shows everything, once connecting is over.
      if (!isMultiEngine(this.service) && this.service.status.kind === 'connecting') return;
      this.answerWaiters();
      return;
    }
    if (!this.rootAsked) return;
    if (change.host || change.removed.length || this.structure() !== this.shownStructure) {
      // Still connecting, with nothing shown: the top stays empty (the welcome view says why).
      const status = this.service.status.kind;
      if (this.rootShownEmpty && !isMultiEngine(this.service) && status !== 'ready' && status !== 'unreachable') return;
      this.refreshAll();
      return;
    }
    const nodes: RowNode[] = [];
    // The rows under each parent are built once per change, not once per updated container
    // (the first look updates containers in bunches of dozens among hundreds).
    const views = this.engineViews();
    const byParent = new Map<Row | undefined, Map<string, Row>>();
    for (const id of change.updated) {
      for (const node of this.nodesOf(this.containerNodes, id)) {
        const parent = node.parent?.row;
        let rows = byParent.get(parent);
        if (!rows) {
          rows = new Map();
          for (const r of this.rowsUnder(parent, views)) if (r.kind === 'container' && r.containerId && !rows.has(r.containerId)) rows.set(r.containerId, r);
          byParent.set(parent, rows);
        }
        const row = rows.get(id);
        if (!row || !sameRow(node.row, row)) {
          if (row) node.apply(row);
          nodes.push(node);
        } else {
          node.row = row;
          this.refreshBelow(node, nodes);
        }
      }
    }
    if (nodes.length) this.send(nodes);
  }

  /** Answers the pending asks for the top: the rows, or nothing yet (still connecting: the welcome view shows). */
  private answerWaiters(): void {
    if (this.waitTimer) clearTimeout(this.waitTimer);
    this.waitTimer = undefined;
    const waiters = this.rootWaiters.splice(0);
    if (!waiters.length) return;
    const connecting = !isMultiEngine(this.service) && this.service.status.kind === 'connecting';
    if (connecting) this.rootShownEmpty = true;
    for (const resolve of waiters) resolve(connecting ? [] : this.getChildren());
  }

  /** Sends `nodes` (or, undefined, the whole tree) to be redrawn: now, or when REDRAW_SPACING_MS has passed since the last send. */
  private send(nodes: RowNode[] | undefined): void {
    if (nodes === undefined) this.pending = 'all';
    else if (this.pending !== 'all') {
      this.pending ??= new Set();
      for (const n of nodes) this.pending.add(n);
    }
    const wait = this.lastSent + REDRAW_SPACING_MS - performance.now();
    if (wait <= 0) this.flush();
    else this.sendTimer ??= setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    if (this.sendTimer) clearTimeout(this.sendTimer);
    this.sendTimer = undefined;
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    this.lastSent = performance.now();
    this.changed.fire(pending === 'all' ? undefined : [...pending]);
  }

  /** The map keys a container id may have: the id alone for one engine, one per engine for several. */
  private keysOf(id: string): string[] {
    return isMultiEngine(this.service) ? this.service.engines().map((e) => nodeKey(e.key, id)) : [id];
  }

  private nodesOf(map: Map<string, RowNode>, id: string): RowNode[] {
    return this.keysOf(id).flatMap((k) => map.get(k) ?? []);
  }

  refreshAll(): void {
    this.containerNodes.clear();
    this.limitSections.clear();
    this.shownChildren.clear();
    this.send(undefined);
  }

  dispose(): void {
    if (this.sendTimer) clearTimeout(this.sendTimer);
    if (this.waitTimer) clearTimeout(this.waitTimer);
    for (const resolve of this.rootWaiters.splice(0)) resolve([]);
    this.changed.dispose();
  }
}

function nodeKey(engine: string | undefined, containerId: string): string {
  return engine ? `${engine}\u0000${containerId}` : containerId;
}

/** Whether a row looks the same in the tree (and offers the same menu) as before. */
function sameRow(a: Row, b: Row): boolean {
  return a.label === b.label && a.description === b.description && a.contextValue === b.contextValue &&
    a.icon?.id === b.icon?.id && a.icon?.color === b.icon?.color && !!a.children === !!b.children;
}
