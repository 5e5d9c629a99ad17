/** Small vscode-free helpers that turn model facts into display cells and catalog notes. */
import { explain, type Lang } from '../core/catalog/index';
import { formatLimitValue, type LimitKind } from '../core/format';
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
  if (isUnavailable(m)) return { text: L.unavailable, unavailable: m.unavailable };
  return { text: show(m.value) };
}

export function limitValueText(v: number | string | null, kind: LimitKind, L: PanelLabels, lang: Lang): string {
  return v === null ? note('cgroup.unlimited', lang).title : kind === 'string' ? String(v) : formatLimitValue(v, kind);
}

/**
 * "declared → effective" (one value when they agree); the tooltip spells out declared,
 * kernel file and effective value with their catalog names.
 */
export function limitCell(limit: Limit<number | string>, kind: LimitKind, L: PanelLabels, lang: Lang, nullDeclaredIsDefault = false): Cell {
  const part = (m: Maybe<number | string | null>): string =>
    isFact(m) ? limitValueText(m.value, kind, L, lang) : L.unavailable;
  // For weights and shares an unset value is the kernel's default, not "unlimited": show only what applies.
  const declaredIsDefault = nullDeclaredIsDefault && isFact(limit.declared) && limit.declared.value === null;
  const d = declaredIsDefault ? part(limit.effective) : part(limit.declared);
  const e = part(limit.effective);
  const hint = [
    `${note('cgroup.declared', lang).title}: ${declaredIsDefault ? L.notApplicable : d}`,
    `${note('cgroup.kernel', lang).title}: ${part(limit.kernel)}`,
    `${note('cgroup.effective', lang).title}: ${e}`,
  ];
  const reasons = [limit.declared, limit.kernel, limit.effective].filter(isUnavailable).map((u) => u.unavailable);
  hint.push(...reasons);
  if (isUnavailable(limit.effective)) {
    if (isUnavailable(limit.declared) || declaredIsDefault) return { text: L.unavailable, unavailable: limit.effective.unavailable, hint: hint.join('\n') };
    return { text: `${d} ${L.declaredSuffix}`, hint: hint.join('\n') };
  }
  return { text: d === e ? e : `${d} → ${e}`, hint: hint.join('\n') };
}

/** Two cells differ when both hold known values and their texts differ. */
export function differs(a: Cell, b: Cell): boolean {
  return !a.na && !b.na && a.unavailable === undefined && b.unavailable === undefined && a.text !== b.text;
}
