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
import { childRows, unreachableRows, type Row, type RowOptions } from './rows';
import { structureKey } from './structure';

export interface TreeSettings {
  showStopped: boolean;
  groupByCompose: boolean;
}

export class ContainersTreeProvider implements vscode.TreeDataProvider<RowNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RowNode | RowNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Container nodes by container id, so an update refreshes the node VS Code already has. */
  private readonly containerNodes = new Map<string, RowNode>();
  /** The "cgroup limits" section of each container as last handed out: usage is shown below it. */
  private readonly limitSections = new Map<string, RowNode>();
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

  getChildren(parent?: RowNode): RowNode[] {
    const snap = this.service.snapshot();
    if (!parent) {
      const status = this.service.status;
      if (status.kind === 'unreachable') return unreachableRows(status.reason, this.options().t).map((row) => nodeFor(row, undefined));
      if (status.kind !== 'ready') return [];
      this.shownStructure = structureKey(snap, this.settings());
      this.firstRenderAt ??= performance.now();
    } else if (parent.row.kind === 'container' && parent.row.containerId) {
      this.readFirst(parent.row.containerId);
    }
    return childRows(snap, parent?.row, this.options()).map((row) => {
      if (row.kind === 'section' && row.containerId && row.children?.kind === 'section' && row.children.section === 'limits') {
        const node = nodeFor(row, parent);
        this.limitSections.set(row.containerId, node);
        return node;
      }
      if (row.kind !== 'container' || !row.containerId) return nodeFor(row, parent);
      const known = this.containerNodes.get(row.containerId);
      if (known && known.parent === parent) {
        known.apply(row);
        return known;
      }
      const node = nodeFor(row, parent);
      this.containerNodes.set(row.containerId, node);
      return node;
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
      // Only the limits sections show usage: the container rows (and a hover over one) stay put.
      const sections = change.updated.map((id) => this.limitSections.get(id)).filter((n): n is RowNode => !!n);
      if (sections.length) this.changed.fire(sections);
      return;
    }
    const snap = this.service.snapshot();
    for (const id of change.removed) {
      this.containerNodes.delete(id);
      this.limitSections.delete(id);
    }
    if (change.host || change.removed.length || structureKey(snap, this.settings()) !== this.shownStructure) {
      this.refreshAll();
      return;
    }
    const nodes: RowNode[] = [];
    // The rows under each parent are built once per change, not once per updated container
    // (the first look updates containers in bunches of dozens among hundreds).
    const options = this.options();
    const rowsUnder = new Map<RowNode | undefined, Map<string, Row>>();
    for (const id of change.updated) {
      const node = this.containerNodes.get(id);
      if (!node) continue;
      let rows = rowsUnder.get(node.parent);
      if (!rows) {
        rows = new Map(childRows(snap, node.parent?.row, options).flatMap((r) => (r.kind === 'container' && r.containerId ? [[r.containerId, r] as const] : [])));
        rowsUnder.set(node.parent, rows);
      }
      const row = rows.get(id);
      if (row) node.apply(row);
      nodes.push(node);
    }
    if (nodes.length) this.changed.fire(nodes);
  }

  refreshAll(): void {
    this.containerNodes.clear();
    this.limitSections.clear();
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
