/** Small vscode-free helpers that turn model facts into display cells and catalog notes. */
import { explain, type Lang } from '../core/catalog/index';
import type { Translate } from '../core/i18n';
import { localizeReason } from '../core/reasons';
import { formatValue, limitText, type LimitSpec } from '../core/limit-words';
import { isFact, isUnavailable, type Limit, type Maybe } from '../core/model';
import type { Cell, Note } from '../shared/protocol';
import type { PanelLabels } from './labels';

/** The catalog's title and summary for a topic; the topic id itself if the catalog lacks it. */
export function note(topic: string, lang: Lang, vars?: Record<string, string | number>): Note {
  const e = explain(topic, lang, vars);
  return e ? { title: e.title, summary: e.summary } : { title: topic, summary: '' };
}

/** A cell for a value that does not exist on this side (e.g. a cgroup limit of the host). */
export function naCell(L: PanelLabels): Cell {
  return { text: L.notApplicable, na: true };
}

export function maybeCell<T>(m: Maybe<T> | undefined, show: (v: T) => string, L: PanelLabels): Cell {
  if (m === undefined) return naCell(L);
  if (isUnavailable(m)) return { text: L.unavailable, unavailable: localizeReason(m.unavailable, L.lang) };
  return { text: show(m.value) };
}

/**
 * A limit in the tree's words ("64 MiB", "unlimited", "default (1024)", "0-1 (all it may use)");
 * the tooltip spells out declared, kernel file and effective value with their catalog names.
 */
export function limitCell(limit: Limit<number | string>, spec: LimitSpec, t: Translate, L: PanelLabels, lang: Lang): Cell {
  const part = (m: Maybe<number | string | null>): string => (isFact(m) ? formatValue(m.value, spec, t) : L.unavailable);
  const hint = [
    `${note('cgroup.declared', lang).title}: ${part(limit.declared)}`,
    `${note('cgroup.kernel', lang).title}: ${part(limit.kernel)}`,
    `${note(spec.effectiveTopic, lang).title}: ${part(limit.effective)}`,
    ...[...new Set([limit.declared, limit.kernel, limit.effective].filter(isUnavailable).map((u) => localizeReason(u.unavailable, lang)))],
  ].join('\n');
  const text = limitText(limit, spec, t);
  if (isUnavailable(limit.effective) && isUnavailable(limit.kernel) && isUnavailable(limit.declared)) return { text, unavailable: localizeReason(limit.effective.unavailable, lang), hint };
  return { text, hint };
}

/** Two cells differ when both hold known values and their texts differ. */
export function differs(a: Cell, b: Cell): boolean {
  return !a.na && !b.na && a.unavailable === undefined && b.unavailable === undefined && a.text !== b.text;
}
