/**
 * The top level of the tree when several engines are followed: one row per engine (its name,
 * and whether it answers, its cgroup version and how many containers it has), and under it
 * exactly the rows one engine alone would show. No vscode import.
 */
import { langOf } from '../../core/i18n';
import { isUnavailable, type Snapshot } from '../../core/model';
import { localizeReason } from '../../core/reasons';
import type { EngineStatus } from '../../core/service';
import { childRows } from './index';
import { engineLabel } from './status';
import { tooltip, type Row, type RowOptions } from './types';

export interface EngineView {
  /** The endpoint. */
  key: string;
  /** The context name, or the endpoint. */
  label: string;
  status: EngineStatus;
  snapshot: Snapshot;
  /** Added with Add Engine (containerAnatomy.engine.additional), not the one Select Engine/Context chose. */
  added?: boolean;
}

function cgroupText(s: Snapshot): string | undefined {
  const v = s.host.cgroup.version;
  if (!isUnavailable(v)) return `cgroup ${v.value}`;
  return s.host.engine.cgroupVersion ? `cgroup v${s.host.engine.cgroupVersion}` : undefined;
}

/** What an engine row says after its name. */
export function engineDescription(e: EngineView, opts: RowOptions): string {
  const t = opts.t;
  const count = (n: number): string => (n === 1 ? t('1 container') : t('{0} containers', n));
  switch (e.status.kind) {
    case 'unreachable':
      return t('unreachable: {0}', localizeReason(e.status.reason, langOf(t)));
    case 'connecting':
      return t('connecting…');
    default:
      return [t('reachable'), engineLabel(e.snapshot.host, t), cgroupText(e.snapshot), count(e.snapshot.containers.length)].filter(Boolean).join(' · ');
  }
}

export function engineRow(e: EngineView, opts: RowOptions): Row {
  const t = opts.t;
  const s = e.status;
  const facts = [{ label: t('Endpoint'), value: e.key }];
  if (s.kind !== 'unreachable' && s.kind !== 'connecting') {
    const info = e.snapshot.host.engine;
    if (info.serverVersion) facts.push({ label: t('Engine version'), value: info.serverVersion });
    if (info.kernelVersion) facts.push({ label: t('Kernel'), value: info.kernelVersion });
  }
  return {
    id: `engine:${e.key}`,
    kind: 'engine',
    label: e.label,
    description: engineDescription(e, opts),
    contextValue: `engine.${s.kind}`,
    icon: s.kind === 'unreachable' ? { id: 'error', color: 'errorForeground' } : { id: 'server-environment' },
    children: { kind: 'engine' },
    engine: e.key,
    value: e.key,
    tooltip: tooltip(e.label, [{ topic: 'ui.engines' }, ...(e.snapshot.host.engine.kind === 'podman' ? [{ topic: 'engine.podman' }] : [])], facts, s.kind === 'unreachable' ? [localizeReason(s.reason, langOf(t))] : []),
  };
}

/** Under an engine row (or a row under it): the rows of that engine, with ids unique across engines. */
export function engineChildRows(e: EngineView, parent: Row, opts: RowOptions): Row[] {
  let rows: Row[];
  if (parent.kind === 'engine') {
    if (e.status.kind === 'unreachable') {
      const reason = localizeReason(e.status.reason, langOf(opts.t));
      rows = [{ id: 'unreachable', kind: 'message', label: reason, contextValue: 'message', icon: { id: 'warning' }, tooltip: tooltip(e.label, [{ topic: 'ui.unreachable' }], [], [reason]) }];
      // An added engine that is gone for good is taken out of the tree, not replaced in Select Engine/Context.
      if (e.added) {
        const hint = opts.t('This engine was added with Add Engine…; Remove Engine takes it out of the tree.');
        rows.push({ id: 'unreachable/remove', kind: 'message', label: hint, contextValue: 'message', icon: { id: 'info' }, tooltip: tooltip(e.label, [{ topic: 'ui.engines' }], [], [hint]) });
      }
    } else {
      rows = childRows(e.snapshot, undefined, opts);
    }
  } else {
    rows = childRows(e.snapshot, parent, opts);
  }
  const prefix = `engine:${e.key}/`;
  return rows.map((r) => ({ ...r, id: r.id.startsWith(prefix) ? r.id : prefix + r.id, engine: e.key }));
}

/** What decides the shape of the top of a several-engine tree (see structureKey). */
export function enginesStructureKey(views: readonly EngineView[], structure: (s: Snapshot) => string): string {
  return JSON.stringify(views.map((v) => [v.key, v.label, v.status.kind, v.status.kind === 'unreachable' ? v.status.reason : '', v.status.kind === 'ready' ? cgroupText(v.snapshot) ?? '' : '', structure(v.snapshot)]));
}
