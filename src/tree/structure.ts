/** What decides the shape of the top of the tree: when it changes the whole tree is refreshed. No vscode import. */
import type { Snapshot } from '../core/model';
import { composeProject, isStopped, visibleContainers, type RowOptions } from './rows';

export function structureKey(snapshot: Snapshot, opts: Pick<RowOptions, 'showStopped' | 'groupByCompose'>): string {
  return JSON.stringify(
    visibleContainers(snapshot, opts).map((c) => [c.id, c.name, c.state === 'running' ? 0 : isStopped(c) ? 2 : 1, opts.groupByCompose ? composeProject(c) ?? '' : '']),
  );
}
