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
    return this.service.engines().map((e) => ({ key: e.key, label: e.label, status: e.service.status, snapshot: e.service.snapshot() }));
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

  getChildren(parent?: RowNode): RowNode[] {
    const views = this.engineViews();
    if (!parent) {
      // With several engines one that cannot be reached never hides the others: each says why under its name.
      const status = this.service.status;
      if (!views && status.kind === 'unreachable') return unreachableRows(status.reason, this.options().t).map((row) => nodeFor(row, undefined));
      if (!views && status.kind !== 'ready') return [];
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
      if (redraw.length) this.changed.fire(redraw);
      return;
    }
    for (const id of change.removed) {
      for (const key of this.keysOf(id)) {
        this.containerNodes.delete(key);
        this.limitSections.delete(key);
      }
      for (const key of this.shownChildren.keys()) if (key.includes(`c:${id}`)) this.shownChildren.delete(key);
    }
    if (change.host || change.removed.length || this.structure() !== this.shownStructure) {
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
    if (nodes.length) this.changed.fire(nodes);
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
    this.changed.fire(undefined);
  }

  dispose(): void {
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
