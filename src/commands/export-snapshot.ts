import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Snapshot } from '../core/model';
import { RowNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { Cancelled } from './context';
import { assertReachable } from './pick';

export const EXPORT_SNAPSHOT = 'containerAnatomy.snapshot.export';

/** A target file: a Uri, or a string that is an absolute path or names a .json file (not a container id). */
function targetOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg !== 'string' || !arg.trim()) return undefined;
  const p = arg.trim();
  return path.isAbsolute(p) || p.toLowerCase().endsWith('.json') ? vscode.Uri.file(path.resolve(p)) : undefined;
}

/**
 * Writes the whole snapshot as pretty-printed JSON (the documented model) and returns it.
 * The target is a path or Uri (first or second argument, for tests) or chosen in a save dialog.
 */
export async function exportSnapshot(ctx: CommandContext, arg?: unknown, target?: unknown): Promise<Snapshot | undefined> {
  await ctx.ensureStarted();
  assertReachable(ctx);
  let uri = arg instanceof RowNode ? targetOf(target) : (targetOf(arg) ?? targetOf(target));
  if (!uri) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `container-anatomy-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    uri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { JSON: ['json'] },
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export Snapshot as JSON'),
    });
    if (!uri) throw new Cancelled();
  }
  const snapshot = ctx.service.snapshot();
  await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(snapshot, null, 2) + '\n', 'utf8'));
  void announceWritten(uri);
  return snapshot;
}

/**
 * Says where the file went, with Open and, where it can work, Reveal: in the Explorer for a
 * file inside the workspace, in the system's file manager for a local desktop window.
 */
async function announceWritten(uri: vscode.Uri): Promise<void> {
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal');
  const inWorkspace = vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  const localDesktop = vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined && uri.scheme === 'file';
  const buttons = inWorkspace || localDesktop ? [open, reveal] : [open];
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Snapshot written to {0}', uri.fsPath), ...buttons);
  if (choice === open) await vscode.window.showTextDocument(uri, { preview: false });
  else if (choice === reveal) await vscode.commands.executeCommand(inWorkspace ? 'revealInExplorer' : 'revealFileInOS', uri);
}
