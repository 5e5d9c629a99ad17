/** Registers commands so that no exception reaches VS Code's error popup unexplained. */
import * as vscode from 'vscode';
import { Cancelled, type CommandContext } from './context';

export function logLine(output: vscode.OutputChannel, message: string): void {
  output.appendLine(`[${new Date().toISOString()}] ${message}`);
}

/** The message of anything thrown, for a person. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

export function registerSafeCommand<A extends unknown[], R>(
  ctx: CommandContext,
  id: string,
  title: () => string,
  run: (...args: A) => Promise<R | undefined>,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: A): Promise<R | undefined> => {
    try {
      return await run(...args);
    } catch (err) {
      if (err instanceof Cancelled) return undefined;
      logLine(ctx.output, `${id} failed: ${err instanceof Error && err.stack ? err.stack : messageOf(err)}`);
      const showLog = vscode.l10n.t('Show Log');
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', title(), messageOf(err)), showLog).then((choice) => {
        if (choice === showLog) ctx.output.show(true);
      });
      return undefined;
    }
  });
}
