/**
 * Model -> rows for the Containers tree, without VS Code. `childRows(parent)` is the whole
 * tree: the provider calls it and wraps each row in a TreeItem.
 */
import type { Snapshot } from '../../core/model';
import { containerRow, groupChildren, rootRows, sectionRows } from './containers';
import { limitDetailRows, limitRows } from './limits';
import { namespaceRows } from './namespaces';
import { networkDetailRows, networkRows, portDetailRows } from './network';
import { serviceChildRows, serviceRows, swarmRootRows } from './swarm';
import { langOf } from '../../core/i18n';
import { localizeReason } from '../../core/reasons';
import type { Row, RowOptions, Translate } from './types';

export * from './types';
export { rootRows, containerRow, visibleContainers, composeProject, isStopped, stateText, COMPOSE_PROJECT_LABEL, COMPOSE_SERVICE_LABEL, COMPOSE_CONFIG_FILES_LABEL } from './containers';
export { namespaceRows } from './namespaces';
export { limitRows, limitText, limitDescription, LIMITS } from './limits';
export { ipWithPrefix, networkRows, modeText, portText } from './network';
export { engineLabel, unreachableRows } from './status';
export { engineRow, engineChildRows, enginesStructureKey, engineDescription, type EngineView } from './engines';

/** A row with its reasons in the tree's language (message rows show theirs as the label). */
export function localized(row: Row, t: Translate): Row {
  const lang = langOf(t);
  if (lang === 'en') return row;
  const notes = row.tooltip.notes.map((n) => localizeReason(n, lang));
  return { ...row, label: row.kind === 'message' ? localizeReason(row.label, lang) : row.label, tooltip: { ...row.tooltip, notes } };
}

/** Children of `parent` (the root when undefined) in `snapshot`. */
export function childRows(snapshot: Snapshot, parent: Row | undefined, opts: RowOptions): Row[] {
  return rowsOf(snapshot, parent, opts).map((r) => localized(r, opts.t));
}

function rowsOf(snapshot: Snapshot, parent: Row | undefined, opts: RowOptions): Row[] {
  if (!parent) return [...swarmRootRows(snapshot, opts.t), ...rootRows(snapshot, opts)];
  const ref = parent.children;
  if (!ref) return [];
  if (ref.kind === 'engine') return []; // an engine's rows come from engineChildRows, with its own snapshot
  if (ref.kind === 'group') return groupChildren(snapshot, ref.project, opts);
  if (ref.kind === 'swarm') return serviceRows(snapshot, opts.t);
  if (ref.kind === 'service') return serviceChildRows(snapshot, ref.id, opts.t);
  const c = parent.containerId ? snapshot.containers.find((x) => x.id === parent.containerId) : undefined;
  if (!c) return [];
  switch (ref.kind) {
    case 'container': return sectionRows(c, opts.t);
    case 'section':
      if (ref.section === 'namespaces') return namespaceRows(c, snapshot.host, opts.t);
      if (ref.section === 'limits') return limitRows(c, opts.t);
      return networkRows(c, opts.t);
    case 'limit': return limitDetailRows(c, ref.key, opts.t);
    case 'network': return networkDetailRows(c, ref.name, opts.t);
    case 'ports': return portDetailRows(c, opts.t);
  }
}

/** The container's own row, fresh from the snapshot (for in-place updates). */
export function rowForContainer(snapshot: Snapshot, id: string, opts: RowOptions): Row | undefined {
  const c = snapshot.containers.find((x) => x.id === id);
  return c ? localized(containerRow(c, opts.t, snapshot.host.engine.kind), opts.t) : undefined;
}
