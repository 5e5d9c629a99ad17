import * as vscode from 'vscode';
import { showLimitsPanel } from '../panels';
import type { CommandContext } from './context';
import { resolveContainer } from './pick';

export const SHOW_LIMITS = 'containerAnatomy.limits.show';

/** Opens (or reveals) the Limits panel of a container; returns its id. */
export async function showLimits(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const c = await resolveContainer(ctx, arg, { placeHolder: vscode.l10n.t('Container whose limits to show') });
  showLimitsPanel(ctx.panels, c.id);
  return c.id;
}
