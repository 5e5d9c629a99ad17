import * as vscode from 'vscode';
import { Cancelled, type CommandContext } from './context';
import { RowNode } from '../tree/nodes';
import { dockerContexts, validateHost } from './select-engine';

export const ADD_ENGINE = 'containerAnatomy.engine.add';
export const REMOVE_ENGINE = 'containerAnatomy.engine.remove';

type Item = vscode.QuickPickItem & { entry?: string; enterHost?: true };

function engineList(): { config: vscode.WorkspaceConfiguration; list: string[] } {
  const config = vscode.workspace.getConfiguration('containerAnatomy');
  const current = config.get<unknown>('engine.additional', []);
  return { config, list: Array.isArray(current) ? current.filter((x): x is string => typeof x === 'string') : [] };
}

/**
 * Adds an engine to containerAnatomy.engine.additional: a docker context (by name, so its TLS
 * material and endpoint stay the context's) or a typed endpoint. The tree then shows one level
 * per engine. `entry` (a context name or endpoint) skips the pick. Returns the list written.
 */
export async function addEngine(ctx: CommandContext, entry?: unknown): Promise<string[] | undefined> {
  const { config, list } = engineList();
  let picked = typeof entry === 'string' && entry.trim() ? entry.trim() : undefined;
  if (!picked) {
    const items: Item[] = [
      ...dockerContexts(ctx).map((c): Item => ({
        label: c.name,
        description: c.endpoint,
        detail: list.includes(c.name) ? vscode.l10n.t('already listed') : c.current ? vscode.l10n.t('current docker context') : undefined,
        entry: c.name,
      })),
      { label: vscode.l10n.t('Enter a DOCKER_HOST…'), enterHost: true },
    ];
    const item = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Docker Engine to add to the tree') });
    if (!item) throw new Cancelled();
    if (item.enterHost) {
      const host = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Docker Engine endpoint (like DOCKER_HOST)'), value: 'tcp://127.0.0.1:2376', validateInput: validateHost });
      if (host === undefined) throw new Cancelled();
      picked = host.trim();
    } else {
      picked = item.entry;
    }
  }
  if (!picked) throw new Cancelled();
  if (list.includes(picked)) return list;
  const next = [...list, picked];
  // The settings listener in extension.ts reconnects with every engine.
  await config.update('engine.additional', next, vscode.ConfigurationTarget.Global);
  return next;
}

/**
 * Takes an engine out of containerAnatomy.engine.additional: the one of an engine row (by its
 * context name or endpoint), or the one picked. The engine chosen by Select Engine/Context is not
 * in that list and stays. Returns the list written.
 */
export async function removeEngine(ctx: CommandContext, arg?: unknown): Promise<string[] | undefined> {
  const { config, list } = engineList();
  const row = arg instanceof RowNode ? arg.row : undefined;
  let picked = row ? list.find((e) => e.trim() === row.label || e.trim() === row.engine) : typeof arg === 'string' ? arg.trim() : undefined;
  if (row && picked === undefined) throw new Error(vscode.l10n.t('{0} is the engine chosen by Select Engine/Context; choose another there instead.', row.label));
  if (picked === undefined) {
    if (!list.length) {
      // Nothing to take out is not a failure: say so, and how to add one.
      void vscode.window.showInformationMessage(vscode.l10n.t('No engines were added, so there is none to remove. Container Anatomy: Add Engine… adds one beside the engine chosen by Select Engine/Context.'));
      return undefined;
    }
    const item = await vscode.window.showQuickPick(list.map((e) => ({ label: e })), { placeHolder: vscode.l10n.t('Docker Engine to take out of the tree') });
    if (!item) throw new Cancelled();
    picked = item.label;
  }
  const next = list.filter((e) => e.trim() !== picked);
  await config.update('engine.additional', next, vscode.ConfigurationTarget.Global);
  return next;
}
