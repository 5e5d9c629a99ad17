/** Korean for the reasons of Swarm, rootless engines, usage and the limits chain (src/core/swarm/*, src/core/rootless.ts, src/core/usage.ts, src/core/chain.ts). */
import type { Rule } from './rule';

export const RULES: Rule[] = [];
