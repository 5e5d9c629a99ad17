import * as vscode from 'vscode';
import { Cancelled, type CommandContext } from './context';
import { dockerContexts, validateHost } from './select-engine';

export const ADD_ENGINE = 'containerAnatomy.engine.add';

type Item = vscode.QuickPickItem & { entry?: string; enterHost?: true };

/**
 * Adds an engine to containerAnatomy.engine.additional: a docker context (by name, so its TLS
 * material and endpoint stay the context's) or a typed endpoint. The tree then shows one level
 * per engine. `entry` (a context name or endpoint) skips the pick. Returns the list written.
 */
export async function addEngine(ctx: CommandContext, entry?: unknown): Promise<string[] | undefined> {
  const config = vscode.workspace.getConfiguration('containerAnatomy');
  const current = config.get<unknown>('engine.additional', []);
  const list = Array.isArray(current) ? current.filter((x): x is string => typeof x === 'string') : [];
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
