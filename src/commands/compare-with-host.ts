import * as vscode from 'vscode';
import { hasProcess, type NamespaceDiff } from '../core/model';
import { showComparePanel } from '../panels';
import type { CommandContext } from './context';
import { resolveContainer } from './pick';

export const COMPARE_WITH_HOST = 'containerAnatomy.compare.withHost';

/** Opens the Compare panel: the container on the left, the host on the right. Returns the diff shown. */
export async function compareWithHost(ctx: CommandContext, arg?: unknown): Promise<NamespaceDiff | undefined> {
  const c = await resolveContainer(ctx, arg, {
    placeHolder: vscode.l10n.t('Container to compare with the host'),
    filter: (x) => hasProcess(x.state),
  });
  const diff = showComparePanel(ctx.panels, { kind: 'container', id: c.id }, { kind: 'host' });
  if (!diff) throw new Error(vscode.l10n.t('The host side is not known yet; is the engine reachable?'));
  return diff;
}
