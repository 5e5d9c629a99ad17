import type * as vscode from 'vscode';
import type { AnatomyService } from '../core/service';
import type { PanelContext } from '../panels';
import type { ContainersView } from '../tree/view';

/** What every command may use. */
export interface CommandContext {
  service: AnatomyService;
  view: ContainersView;
  panels: PanelContext;
  output: vscode.OutputChannel;
  /** Starts the engine work (if not yet) and waits for the first list. */
  ensureStarted(): Promise<void>;
  /** A refresh asks again the helper container questions that were closed without an answer. */
  askAgain?(): void;
}

/** A pick the person dismissed: the command ends quietly. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}
