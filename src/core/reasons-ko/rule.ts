/**
 * One translation rule of reasons.ts: an anchored pattern for one English sentence the readers
 * build, and the Korean sentence made from its captures. `again` translates a captured part
 * that is itself a reason (a cause after a colon); `t` is the catalog's translator.
 */
import type { Translate } from '../i18n';

export type Rule = [RegExp, (m: RegExpMatchArray, again: (s: string) => string, t: Translate) => string];
