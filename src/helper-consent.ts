/**
 * The VS Code side of the helper container: its settings (machine scope, so a workspace
 * cannot turn it on), the consent notification, and the answers kept per engine.
 */
import * as vscode from 'vscode';
import { explain, type Lang } from './core/catalog';
import { localizeReason } from './core/reasons';
import { HelperManager, type Consent, type ConsentRequest, type HelperMode, type HelperSettings } from './core/helper/manager';

const REMEMBERED_KEY = 'containerAnatomy.helper.remembered';
const FORGET = 'containerAnatomy.helper.forget';

/** A machine-scoped setting: the user's value only (a workspace value is ignored). */
function machineSetting<T>(key: string, fallback: T): T {
  const i = vscode.workspace.getConfiguration('containerAnatomy').inspect<T>(key);
  return i?.globalValue ?? i?.defaultValue ?? fallback;
}

export function createHelpers(context: vscode.ExtensionContext, lang: () => Lang): { helpers: HelperManager; settingsChanged(): void } {
  const ask = async (req: ConsentRequest): Promise<Consent | undefined> => {
    const l = lang();
    const text = (topic: string, vars?: Record<string, string>): string => explain(topic, l, vars)?.title ?? topic;
    const q = explain('ui.helper.ask', l, { endpoint: req.endpoint, reason: localizeReason(req.reason, l), command: req.command, image: req.image });
    const choices: [string, Consent][] = [
      [text('ui.helper.once'), 'once'],
      [text('ui.helper.always'), 'always'],
      [text('ui.helper.never'), 'never'],
    ];
    const picked = await vscode.window.showInformationMessage(`${q?.title ?? ''} ${q?.summary ?? ''}`, ...choices.map(([label]) => label));
    return choices.find(([label]) => label === picked)?.[1];
  };
  const settings = (): HelperSettings => {
    const image = machineSetting<string>('helper.image', '').trim();
    return {
      mode: machineSetting<HelperMode>('helper.mode', 'ask'),
      ...(image ? { image } : {}),
      remembered: context.globalState.get<Record<string, 'always' | 'never'>>(REMEMBERED_KEY, {}),
      ask,
      remember: (endpoint, answer) => {
        const all = { ...context.globalState.get<Record<string, 'always' | 'never'>>(REMEMBERED_KEY, {}), [endpoint]: answer };
        void context.globalState.update(REMEMBERED_KEY, all);
        helpers.configure(settings());
      },
    };
  };
  const helpers = new HelperManager(settings());
  context.subscriptions.push(
    { dispose: () => void helpers.dispose() },
    // "Always" and "Never" are kept per engine; this is how a person is asked again.
    vscode.commands.registerCommand(FORGET, async () => {
      const kept = Object.keys(context.globalState.get<Record<string, unknown>>(REMEMBERED_KEY, {}));
      try {
        await context.globalState.update(REMEMBERED_KEY, undefined);
      } catch (err) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Could not forget the helper container answers: {0}', (err as Error).message));
        return;
      }
      helpers.configure(settings());
      void vscode.window.showInformationMessage(kept.length
        ? vscode.l10n.t('Forgot the helper container answers for {0}: Container Anatomy asks again the next time it needs the helper.', kept.join(', '))
        : vscode.l10n.t('No helper container answer was kept: Container Anatomy asks the next time it needs the helper.'));
      await vscode.commands.executeCommand('containerAnatomy.tree.refresh');
    }),
  );
  return { helpers, settingsChanged: () => helpers.configure(settings()) };
}
