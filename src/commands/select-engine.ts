import * as os from 'node:os';
import * as vscode from 'vscode';
import { listContexts } from '../core/engine/endpoint';
import type { CommandContext } from './context';
import { Cancelled } from './context';

export const SELECT_ENGINE = 'containerAnatomy.engine.select';

export interface EngineChoice {
  host: string;
  context: string;
}

type Item = vscode.QuickPickItem & { choice?: EngineChoice; enterHost?: true };

/** Parses what someone typed as DOCKER_HOST; returns an error message or undefined. */
export function validateHost(value: string): string | undefined {
  const v = value.trim();
  if (!v) return vscode.l10n.t('Enter an endpoint such as unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host');
  if (!/^(unix|tcp|ssh|npipe|http|https):\/\/.+/.test(v)) return vscode.l10n.t('Use a unix://, tcp://, ssh:// or npipe:// address');
  return undefined;
}

/** The docker CLI's contexts (from ~/.docker/contexts/meta); none, and a line in the log, when they cannot be listed. */
export function dockerContexts(ctx: CommandContext): { name: string; endpoint: string; current: boolean }[] {
  try {
    return listContexts(process.env, os.homedir());
  } catch (err) {
    ctx.output.appendLine(`listing docker contexts failed: ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
}

/** Quick pick of docker CLI contexts, "like the docker CLI" or a typed DOCKER_HOST; writes the settings and returns them. */
export async function selectEngine(ctx: CommandContext, choice?: Partial<EngineChoice>): Promise<EngineChoice | undefined> {
  const given = choice && typeof choice === 'object' && (typeof choice.host === 'string' || typeof choice.context === 'string');
  let picked: EngineChoice | undefined = given ? { host: choice.host ?? '', context: choice.context ?? '' } : undefined;
  if (!picked) {
    const config = vscode.workspace.getConfiguration('containerAnatomy');
    const currentHost = config.get<string>('engine.host', '');
    const currentContext = config.get<string>('engine.context', '');
    const contexts = dockerContexts(ctx);
    const items: Item[] = [
      {
        label: vscode.l10n.t('Like the docker CLI'),
        description: vscode.l10n.t('DOCKER_HOST, DOCKER_CONTEXT, then the current context'),
        picked: !currentHost && !currentContext,
        choice: { host: '', context: '' },
      },
      ...contexts.map((c): Item => ({
        label: c.name,
        description: c.endpoint,
        detail: c.current ? vscode.l10n.t('current docker context') : undefined,
        picked: currentContext === c.name,
        choice: { host: '', context: c.name },
      })),
      { label: vscode.l10n.t('Enter a DOCKER_HOST…'), description: currentHost || undefined, enterHost: true },
    ];
    const item = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Docker Engine to inspect') });
    if (!item) throw new Cancelled();
    if (item.enterHost) {
      const host = await vscode.window.showInputBox({
        prompt: vscode.l10n.t('Docker Engine endpoint (like DOCKER_HOST)'),
        value: currentHost || 'unix:///var/run/docker.sock',
        validateInput: validateHost,
      });
      if (host === undefined) throw new Cancelled();
      picked = { host: host.trim(), context: '' };
    } else {
      picked = item.choice ?? { host: '', context: '' };
    }
  }
  const config = vscode.workspace.getConfiguration('containerAnatomy');
  // The settings listener in extension.ts reconnects once both values are written.
  await config.update('engine.host', picked.host, vscode.ConfigurationTarget.Global);
  await config.update('engine.context', picked.context, vscode.ConfigurationTarget.Global);
  return picked;
}
