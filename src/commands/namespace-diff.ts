import * as vscode from 'vscode';
import { hasProcess, type NamespaceDiff } from '../core/model';
import { showComparePanel, type SideRef } from '../panels';
import type { CommandContext } from './context';
import { containerRef, pickContainer, resolveContainer } from './pick';

export const NAMESPACE_DIFF = 'containerAnatomy.compare.diff';
/**
 * The view's title button. VS Code hands a title action the tree's focused row, which need not
 * look selected (the last row clicked, long ago): this one always asks for both sides.
 */
export const NAMESPACE_DIFF_ASK = 'containerAnatomy.compare.diffAsk';
const HOST = '\u0000host';

/**
 * Namespace Diff…: a container (from the node or a pick), then another container or the host.
 * A second argument (container id/name or "host") skips the second pick. Returns the diff shown.
 */
export async function namespaceDiff(ctx: CommandContext, arg?: unknown, other?: unknown): Promise<NamespaceDiff | undefined> {
  // A container with no process has no namespaces to compare: the pickers offer the others (as Compare with Host does).
  const left = await resolveContainer(ctx, arg, { placeHolder: vscode.l10n.t('First container'), filter: (c) => hasProcess(c.state) });
  let rightRef = containerRef(other);
  if (rightRef === undefined) {
    rightRef = await pickContainer(ctx, {
      placeHolder: vscode.l10n.t('Compare {0} with…', left.name),
      filter: (c) => c.id !== left.id && hasProcess(c.state),
      extra: [{ label: vscode.l10n.t('Host'), description: vscode.l10n.t('the namespaces of VS Code itself'), value: HOST }],
    });
  }
  let right: SideRef;
  if (rightRef === HOST || rightRef.toLowerCase() === 'host') right = { kind: 'host' };
  else {
    const c = ctx.service.container(rightRef);
    if (!c) throw new Error(vscode.l10n.t('No container named or with id "{0}".', rightRef));
    right = { kind: 'container', id: c.id };
  }
  const diff = showComparePanel(ctx.panels, { kind: 'container', id: left.id }, right);
  if (!diff) throw new Error(vscode.l10n.t('One side of the comparison is no longer known.'));
  return diff;
}
