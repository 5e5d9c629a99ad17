/** Turning a command argument (tree node, id or name) into a container, or asking for one. */
import * as vscode from 'vscode';
import type { ContainerAnatomy } from '../core/model';
import { localizeReason } from '../core/reasons';
import { RowNode } from '../tree/nodes';
import { stateText } from '../tree/rows';
import { Cancelled, type CommandContext } from './context';

/** The container id a command argument names, if any. */
export function containerRef(arg: unknown): string | undefined {
  if (arg instanceof RowNode) return arg.containerId;
  if (typeof arg === 'string' && arg.trim()) return arg.trim();
  if (arg && typeof arg === 'object') {
    const o = arg as { containerId?: unknown; id?: unknown };
    if (typeof o.containerId === 'string') return o.containerId;
    if (typeof o.id === 'string') return o.id;
  }
  return undefined;
}

/** Fails with a message a person can act on when the engine cannot be reached. */
export function assertReachable(ctx: CommandContext): void {
  const s = ctx.service.status;
  if (s.kind === 'unreachable') throw new Error(vscode.l10n.t('The Docker Engine at {0} cannot be reached: {1}', s.endpoint, localizeReason(s.reason, ctx.panels.lang())));
}

export interface PickOptions {
  placeHolder: string;
  /** Only these containers are offered. */
  filter?: (c: ContainerAnatomy) => boolean;
  /** Extra entries above the containers (e.g. "Host"). */
  extra?: { label: string; description?: string; value: string }[];
}

export function containerItem(c: ContainerAnatomy): vscode.QuickPickItem & { value: string } {
  return {
    label: c.name,
    description: `${c.image} · ${stateText(c.state, (m, ...a) => vscode.l10n.t(m, ...a))}`,
    // With several engines, which one: the same name may be on two.
    detail: c.engine ? `${c.id.slice(0, 12)} · ${c.engine}` : c.id.slice(0, 12),
    value: c.id,
  };
}

/** Asks for a container (or one of the extra entries); throws Cancelled when dismissed. */
export async function pickContainer(ctx: CommandContext, opts: PickOptions): Promise<string> {
  await ctx.ensureStarted();
  assertReachable(ctx);
  const list = ctx.service.snapshot().containers.filter(opts.filter ?? (() => true));
  const items = [...(opts.extra ?? []), ...list.map(containerItem)];
  if (!items.length) throw new Error(vscode.l10n.t('No containers to choose from. Start one, e.g. docker run -d --name demo busybox sleep 3600'));
  const chosen = await vscode.window.showQuickPick(items, { placeHolder: opts.placeHolder, matchOnDescription: true, matchOnDetail: true });
  if (!chosen) throw new Cancelled();
  return chosen.value;
}

/** The container an argument names, or the one the person picks. */
export async function resolveContainer(ctx: CommandContext, arg: unknown, opts: PickOptions): Promise<ContainerAnatomy> {
  const ref = containerRef(arg);
  if (ref === undefined) {
    const id = await pickContainer(ctx, opts);
    const c = ctx.service.container(id);
    if (!c) throw new Error(vscode.l10n.t('Container {0} is gone.', id.slice(0, 12)));
    return c;
  }
  await ctx.ensureStarted();
  assertReachable(ctx);
  const c = ctx.service.container(ref);
  if (!c) throw new Error(vscode.l10n.t('No container named or with id "{0}".', ref));
  return c;
}
