/** Registers every command; each lives in its own file and is wrapped so errors become clear messages. */
import * as vscode from 'vscode';
import { ADD_ENGINE, addEngine, REMOVE_ENGINE, removeEngine } from './add-engine';
import { COMPARE_WITH_HOST, compareWithHost } from './compare-with-host';
import type { CommandContext } from './context';
import { COPY_VALUE, copyValue } from './copy-value';
import { EXPORT_SNAPSHOT, exportSnapshot } from './export-snapshot';
import { NAMESPACE_DIFF, NAMESPACE_DIFF_ASK, namespaceDiff } from './namespace-diff';
import { REFRESH, refresh } from './refresh';
import { RETRY, retry } from './retry';
import { registerSafeCommand } from './safe';
import { SELECT_ENGINE, selectEngine } from './select-engine';
import { SHOW_LIMITS, showLimits } from './show-limits';
import { SHOW_TOPOLOGY, showTopology } from './show-topology';
import { TOGGLE_STOPPED, toggleStopped } from './toggle-stopped';

export type { CommandContext } from './context';

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const t = (message: string): string => vscode.l10n.t(message);
  return [
    registerSafeCommand(ctx, COMPARE_WITH_HOST, () => t('Compare with Host'), (arg?: unknown) => compareWithHost(ctx, arg)),
    registerSafeCommand(ctx, NAMESPACE_DIFF, () => t('Namespace Diff'), (arg?: unknown, other?: unknown) => namespaceDiff(ctx, arg, other)),
    registerSafeCommand(ctx, NAMESPACE_DIFF_ASK, () => t('Namespace Diff'), () => namespaceDiff(ctx)),
    registerSafeCommand(ctx, SHOW_TOPOLOGY, () => t('Show Network Topology'), (arg?: unknown) => showTopology(ctx, arg)),
    registerSafeCommand(ctx, SHOW_LIMITS, () => t('Show Limits'), (arg?: unknown) => showLimits(ctx, arg)),
    registerSafeCommand(ctx, EXPORT_SNAPSHOT, () => t('Export Snapshot as JSON'), (arg?: unknown, target?: unknown) => exportSnapshot(ctx, arg, target)),
    registerSafeCommand(ctx, SELECT_ENGINE, () => t('Select Engine/Context'), (choice?: { host?: string; context?: string }) => selectEngine(ctx, choice)),
    registerSafeCommand(ctx, ADD_ENGINE, () => t('Add Engine'), (entry?: unknown) => addEngine(ctx, entry)),
    registerSafeCommand(ctx, REMOVE_ENGINE, () => t('Remove Engine'), (arg?: unknown) => removeEngine(ctx, arg)),
    registerSafeCommand(ctx, REFRESH, () => t('Refresh'), (arg?: unknown) => refresh(ctx, arg)),
    registerSafeCommand(ctx, COPY_VALUE, () => t('Copy Value'), (arg?: unknown) => copyValue(ctx, arg)),
    registerSafeCommand(ctx, TOGGLE_STOPPED, () => t('Show/Hide Stopped Containers'), () => toggleStopped(ctx)),
    registerSafeCommand(ctx, RETRY, () => t('Retry'), () => retry(ctx)),
  ];
}
