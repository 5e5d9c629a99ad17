import type { ContainerAnatomy } from '../core/model';
import type { CommandContext } from './context';
import { containerRef } from './pick';

export const REFRESH = 'containerAnatomy.tree.refresh';

/** Re-reads one container (from a node or id) or everything; returns the container re-read, if one. */
export async function refresh(ctx: CommandContext, arg?: unknown): Promise<ContainerAnatomy | undefined> {
  const ref = containerRef(arg);
  await ctx.ensureStarted();
  if (ref !== undefined && ctx.service.container(ref)) {
    return ctx.service.refreshContainer(ctx.service.container(ref)?.id ?? ref);
  }
  ctx.askAgain?.();
  await ctx.service.refresh();
  ctx.view.updateStatus();
  return undefined;
}
