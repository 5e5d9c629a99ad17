/** Korean for the reasons of the kernel-file readers (src/core/procfs/*). */
import type { Rule } from './rule';

export const RULES: Rule[] = [];
