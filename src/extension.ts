/**
 * Activation builds the services and registers views, commands and hovers. It awaits nothing:
 * the engine work starts when the Containers view is shown or a command needs it.
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import { resolveLang, type Lang } from './core/catalog';
import { createAnatomyService } from './core/anatomy-service';
import { EngineSet, engineSpecs } from './core/engines';
import type { HelperManager } from './core/helper/manager';
import type { AnatomyService } from './core/service';
import { registerCommands } from './commands';
import { logLine } from './commands/safe';
import { createHelpers } from './helper-consent';
import { registerHovers } from './hovers';
import { registerPanelSerializers, type PanelContext } from './panels';
import { SwitchingService } from './tree/switching-service';
import { ContainersView, SHOW_STOPPED_KEY, STATUS_KEY } from './tree/view';

export interface ContainerAnatomyApi {
  service: AnatomyService;
  explanationLanguage(): Lang;
  /** How long activate() took, and when the tree first showed the containers (ms after activation began). */
  timings(): { activateMs: number; firstTreeRenderMs: number | null };
}

const SECTION = 'containerAnatomy';

function engineOptions(): { host?: string; context?: string; timeoutMs: number; additional: string[] } {
  const config = vscode.workspace.getConfiguration(SECTION);
  const host = config.get<string>('engine.host', '').trim();
  const context = config.get<string>('engine.context', '').trim();
  const seconds = config.get<number>('engine.timeoutSeconds', 10);
  const timeoutMs = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 10_000;
  const list = config.get<unknown>('engine.additional', []);
  const additional = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  return { ...(host ? { host } : {}), ...(context ? { context } : {}), timeoutMs, additional };
}

/** One engine as today, or, when more are listed, every engine (each with its own model; the helper consent is kept per endpoint). */
function createService(log: (message: string) => void, helpers: HelperManager): AnatomyService {
  const { additional, timeoutMs, ...primary } = engineOptions();
  const specs = engineSpecs(primary, additional, process.env, os.homedir());
  if (specs.length < 2) return createAnatomyService({ ...primary, timeoutMs, onError: log, helpers });
  return new EngineSet(specs, (spec) => createAnatomyService({ ...spec.overrides, timeoutMs, helpers, onError: (m) => log(`${spec.label}: ${m}`) }));
}

function treeSettings(): { showStopped: boolean; groupByCompose: boolean } {
  const config = vscode.workspace.getConfiguration(SECTION);
  return { showStopped: config.get<boolean>('tree.showStopped', true), groupByCompose: config.get<boolean>('tree.groupByCompose', true) };
}

export function activate(context: vscode.ExtensionContext): ContainerAnatomyApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Container Anatomy');
  const log = (message: string): void => logLine(output, message);
  const explanationLanguage = (): Lang =>
    resolveLang(vscode.workspace.getConfiguration(SECTION).get<string>('explanations.language', 'auto'), vscode.env.language);

  const consent = createHelpers(context, explanationLanguage, log);
  const { helpers, settingsChanged: helperSettingsChanged } = consent;
  removeHelpers = () => helpers.dispose();
  const service = new SwitchingService(() => createService(log, helpers));
  void vscode.commands.executeCommand('setContext', STATUS_KEY, 'connecting');
  void vscode.commands.executeCommand('setContext', SHOW_STOPPED_KEY, treeSettings().showStopped);
  const view = new ContainersView(service, treeSettings, explanationLanguage, log, consent.waiting);
  const panels: PanelContext = { extensionUri: context.extensionUri, service, lang: explanationLanguage, demand: view.demand };

  let reconnect: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    output,
    { dispose: () => service.dispose() },
    view,
    consent.onDidChangeWaiting(() => view.updateStatus()),
    ...registerCommands({ service, view, panels, output, ensureStarted: () => view.ensureStarted(), askAgain: () => helpers.askAgainIfDismissed() }),
    ...registerHovers(service, explanationLanguage, log),
    ...registerPanelSerializers(panels),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.engine`)) {
        // Select Engine writes two settings; connect once, after both.
        if (reconnect) clearTimeout(reconnect);
        reconnect = setTimeout(() => {
          reconnect = undefined;
          log(`engine settings changed: reconnecting (${JSON.stringify(engineOptions())})`);
          service.replace().then(
            () => view.reconnected(),
            (err: unknown) => log(`reconnect failed: ${err instanceof Error ? err.message : String(err)}`),
          );
        }, 150);
      }
      if (e.affectsConfiguration(`${SECTION}.tree`)) view.settingsChanged();
      if (e.affectsConfiguration(`${SECTION}.helper`)) {
        helperSettingsChanged();
        service.replace().then(
          () => view.reconnected(),
          (err: unknown) => log(`reconnect failed: ${err instanceof Error ? err.message : String(err)}`),
        );
      }
      if (e.affectsConfiguration(`${SECTION}.explanations`)) view.provider.refreshAll();
    }),
    { dispose: () => reconnect && clearTimeout(reconnect) },
  );
  const activateMs = performance.now() - started;
  log(`activated in ${activateMs.toFixed(1)} ms`);
  const timings = (): { activateMs: number; firstTreeRenderMs: number | null } => {
    const first = view.provider.firstRenderAt;
    return { activateMs, firstTreeRenderMs: first === undefined ? null : first - started };
  };
  return { service, explanationLanguage, timings };
}

/** Removes the helper containers this window started; set by activate. */
let removeHelpers: (() => Promise<void>) | undefined;

/**
 * Everything else is disposed through context.subscriptions, which VS Code does not wait for.
 * It does wait (a few seconds) for the promise returned here, and removing a helper container
 * is a request to the engine: without the wait, a window reloaded or closed right after the
 * helper started left it running until its idle exit.
 */
export function deactivate(): Promise<void> | undefined {
  return removeHelpers?.();
}
