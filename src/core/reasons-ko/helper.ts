/** Korean for the reasons of the helper container and the first look (src/core/helper/*, src/core/unread.ts, src/core/introspect/*, src/core/snapshot.ts). */
import type { Rule } from './rule';

export const RULES: Rule[] = [];
