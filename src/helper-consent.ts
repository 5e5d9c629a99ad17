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

/** Set while a question about the helper container waits for an answer (the view's bell button). */
const QUESTION_KEY = 'containerAnatomy.helperQuestion';
const SHOW_QUESTION = 'containerAnatomy.helper.showQuestion';

export interface Helpers {
  helpers: HelperManager;
  settingsChanged(): void;
  /** Endpoints whose question waits for an answer. */
  waiting(): string[];
  /** Fires when a question opens or is answered. */
  onDidChangeWaiting: vscode.Event<void>;
}

export function createHelpers(context: vscode.ExtensionContext, lang: () => Lang, log: (message: string) => void): Helpers {
  // A question is a notification, and VS Code hides its toast after a few seconds (it stays
  // under the bell). Until it is answered it can be shown again (the view's bell button): the
  // new showing replaces the old one, whose closing is not taken as an answer.
  const open = new Map<string, () => void>();
  const changed = new vscode.EventEmitter<void>();
  const waitingChanged = (): void => {
    void vscode.commands.executeCommand('setContext', QUESTION_KEY, open.size > 0);
    changed.fire();
  };
  const ask = (req: ConsentRequest): Promise<Consent | undefined> =>
    new Promise((resolve) => {
      log(`asking whether to start the helper container on ${req.endpoint} (${req.reason})`);
      const l = lang();
      const text = (topic: string, vars?: Record<string, string>): string => explain(topic, l, vars)?.title ?? topic;
      const q = explain('ui.helper.ask', l, { endpoint: req.endpoint, reason: localizeReason(req.reason, l), command: req.command, image: req.image });
      const choices: [string, Consent][] = [
        [text('ui.helper.once'), 'once'],
        [text('ui.helper.always'), 'always'],
        [text('ui.helper.never'), 'never'],
      ];
      let shown = 0;
      let settled = false;
      const show = (): void => {
        const mine = ++shown;
        void vscode.window.showInformationMessage(`${q?.title ?? ''} ${q?.summary ?? ''}`, ...choices.map(([label]) => label)).then((picked) => {
          if (settled || (picked === undefined && mine !== shown)) return; // answered already, or replaced by a newer showing
          settled = true;
          if (open.get(req.endpoint) === show) open.delete(req.endpoint);
          waitingChanged();
          const answer = choices.find(([label]) => label === picked)?.[1];
          log(`helper container on ${req.endpoint}: ${answer ? `answered "${answer}"` : 'the question was closed without an answer'}`);
          resolve(answer);
        });
      };
      open.set(req.endpoint, show);
      waitingChanged();
      show();
    });
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
    changed,
    vscode.commands.registerCommand(SHOW_QUESTION, () => {
      if (open.size === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No question about the helper container is waiting for an answer.'));
        return;
      }
      for (const show of open.values()) show();
    }),
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
      // Whatever the kept answers were when the question was last decided: every refusal is asked anew.
      helpers.askAgainIfRefused();
      void vscode.window.showInformationMessage(kept.length
        ? vscode.l10n.t('Forgot the helper container answers for {0}: Container Anatomy asks again the next time it needs the helper.', kept.join(', '))
        : vscode.l10n.t('No helper container answer was kept: Container Anatomy asks the next time it needs the helper.'));
      await vscode.commands.executeCommand('containerAnatomy.tree.refresh');
    }),
  );
  return { helpers, settingsChanged: () => helpers.configure(settings()), waiting: () => [...open.keys()], onDidChangeWaiting: changed.event };
}
