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
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Snapshot written to {0}', uri.fsPath), 5000);
  return snapshot;
}
