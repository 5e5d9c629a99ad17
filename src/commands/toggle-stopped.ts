import * as vscode from 'vscode';
import type { CommandContext } from './context';

export const TOGGLE_STOPPED = 'containerAnatomy.tree.toggleStopped';

/** Flips containerAnatomy.tree.showStopped where it is set (workspace or user); returns the new value. */
export async function toggleStopped(_ctx: CommandContext): Promise<boolean> {
  const config = vscode.workspace.getConfiguration('containerAnatomy');
  const next = !config.get<boolean>('tree.showStopped', true);
  const inspected = config.inspect<boolean>('tree.showStopped');
  const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('tree.showStopped', next, target);
  return next;
}
