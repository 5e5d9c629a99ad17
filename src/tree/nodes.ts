/** TreeItems, one subclass per kind of row. Labels and descriptions are plain text; tooltips come lazily. */
import * as vscode from 'vscode';
import type { Row, RowKind } from './rows';

export class RowNode extends vscode.TreeItem {
  constructor(
    public row: Row,
    public readonly parent: RowNode | undefined,
  ) {
    super(row.label, row.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    this.apply(row);
  }

  /** Takes a fresh row for the same id (the node object stays, so VS Code keeps its state). */
  apply(row: Row): void {
    this.row = row;
    this.id = row.id;
    this.label = row.label;
    this.description = row.description;
    this.contextValue = row.contextValue;
    this.iconPath = row.icon ? new vscode.ThemeIcon(row.icon.id, row.icon.color ? new vscode.ThemeColor(row.icon.color) : undefined) : undefined;
    this.command = row.command ? { command: row.command.id, title: row.label, arguments: row.command.args } : undefined;
    this.tooltip = undefined; // resolved on hover (resolveTreeItem)
    this.accessibilityInformation = { label: [row.label, row.description].filter(Boolean).join(', ') };
  }

  get containerId(): string | undefined {
    return this.row.containerId;
  }
}

export class EngineNode extends RowNode {}
export class GroupNode extends RowNode {}
export class ContainerNode extends RowNode {}
export class SectionNode extends RowNode {}
export class NamespaceNode extends RowNode {}
export class LimitNode extends RowNode {}
export class NetworkNode extends RowNode {}
export class ValueNode extends RowNode {}
export class MessageNode extends RowNode {}
export class ActionNode extends RowNode {}

const CLASSES: Record<RowKind, typeof RowNode> = {
  engine: EngineNode,
  group: GroupNode,
  container: ContainerNode,
  section: SectionNode,
  namespace: NamespaceNode,
  limit: LimitNode,
  network: NetworkNode,
  ports: ValueNode,
  value: ValueNode,
  message: MessageNode,
  action: ActionNode,
};

export function nodeFor(row: Row, parent: RowNode | undefined): RowNode {
  return new CLASSES[row.kind](row, parent);
}
