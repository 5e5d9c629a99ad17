import * as vscode from 'vscode';
import { RowNode } from '../tree/nodes';
import type { CommandContext } from './context';

export const COPY_VALUE = 'containerAnatomy.tree.copyValue';

/** Copies the value of the row (or the selected row) to the clipboard and returns it. */
export async function copyValue(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const node = arg instanceof RowNode ? arg : ctx.view.treeView.selection[0];
  const value = node?.row.value;
  if (value === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a row with a value in the Container Anatomy view first.'));
    return undefined;
  }
  await vscode.env.clipboard.writeText(value);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied: {0}', value), 3000);
  return value;
}
