import type { EngineStatus } from '../core/service';
import type { CommandContext } from './context';

export const RETRY = 'containerAnatomy.engine.retry';

/** Connects to the engine again; returns the status afterwards. */
export async function retry(ctx: CommandContext): Promise<EngineStatus> {
  await ctx.view.restart();
  return ctx.service.status;
}
