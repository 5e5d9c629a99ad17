import * as vscode from 'vscode';
import { showTopologyPanel } from '../panels';
import type { CommandContext } from './context';
import { resolveContainer } from './pick';

export const SHOW_TOPOLOGY = 'containerAnatomy.topology.show';

/** Opens the Network Topology panel centred on a container; returns its id. */
export async function showTopology(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const c = await resolveContainer(ctx, arg, { placeHolder: vscode.l10n.t('Container whose network to show') });
  showTopologyPanel(ctx.panels, c.id);
  return c.id;
}
