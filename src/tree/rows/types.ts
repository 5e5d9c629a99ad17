/**
 * Rows: what each tree node shows, computed from the snapshot model without VS Code so it
 * can be unit-tested. The tree turns a Row into a TreeItem and nothing more.
 */
import { isUnavailable, type Maybe, type Source } from '../../core/model';
import type { TooltipSpec } from '../markdown';
import { translator, type Translate } from '../../core/i18n';

export type { Translate } from '../../core/i18n';

/** English pass-through with `{0}`-style arguments, used in tests and as the default. */
export const plainTranslate: Translate = translator('en');

/** Where a fact came from, in the interface's language ("engine" is 엔진 in Korean; procfs is a name). */
export function sourceWord(source: Source, t: Translate): string {
  switch (source) {
    case 'engine':
      return t('engine');
    case 'helper':
      return t('helper');
    default:
      return t('procfs');
  }
}

export type RowKind = 'engine' | 'group' | 'container' | 'section' | 'namespace' | 'limit' | 'network' | 'ports' | 'value' | 'message' | 'action';

export type SectionKey = 'namespaces' | 'limits' | 'network';

import type { LimitKey } from '../../core/limit-words';
export type { LimitKey };

/** Where a row's children come from. */
export type ChildRef =
  | { kind: 'engine' }
  | { kind: 'group'; project: string }
  | { kind: 'container' }
  | { kind: 'section'; section: SectionKey }
  | { kind: 'limit'; key: LimitKey }
  | { kind: 'network'; name: string }
  | { kind: 'ports' }
  | { kind: 'swarm' }
  | { kind: 'service'; id: string };

/** A codicon id and an optional theme colour id. */
export interface RowIcon {
  id: string;
  color?: string;
}

export interface Row {
  /** Unique and stable across refreshes (keeps expansion state). */
  id: string;
  kind: RowKind;
  label: string;
  description?: string;
  /** Kind and state, e.g. "container.running", "namespace", "limit", "network", "value". */
  contextValue: string;
  icon?: RowIcon;
  /** Set when the row has children; says how to build them. */
  children?: ChildRef;
  /** The container the row belongs to (not set on compose groups). */
  containerId?: string;
  /** With several engines: the endpoint of the engine the row is under. */
  engine?: string;
  /** Text that Copy Value puts on the clipboard. */
  value?: string;
  /** Command run when the row is clicked (action rows). */
  command?: { id: string; args?: unknown[] };
  tooltip: TooltipSpec;
}

export interface RowOptions {
  showStopped: boolean;
  groupByCompose: boolean;
  t: Translate;
}

export function tooltip(heading: string, topics: TooltipSpec['topics'] = [], facts: TooltipSpec['facts'] = [], notes: string[] = []): TooltipSpec {
  return { heading, facts, notes, topics };
}

/** The reasons of the unavailable ones, without duplicates. */
export function reasons(list: Maybe<unknown>[]): string[] {
  return [...new Set(list.filter((m) => isUnavailable(m)).map((m) => (m as { unavailable: string }).unavailable))];
}
