/** Korean for the reasons of connecting to engines (src/core/engine/*, src/core/engines.ts). */
import type { Rule } from './rule';

export const RULES: Rule[] = [];
