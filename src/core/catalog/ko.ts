import type { Entry } from './types';
import { namespaces } from './ko/namespaces';
import { processTopics } from './ko/process';
import { cgroups } from './ko/cgroups';
import { network } from './ko/network';
import { docker } from './ko/docker';
import { dockerfile } from './ko/dockerfile';
import { compose } from './ko/compose';
import { ui } from './ko/ui';
import { sharing } from './ko/sharing';
import { chain } from './ko/chain';
import { evidence } from './ko/evidence';
import { swarm } from './ko/swarm';

/** Korean catalog: must hold every topic of the English one. */
export const ko: Record<string, Entry> = {
  ...namespaces,
  ...processTopics,
  ...cgroups,
  ...network,
  ...docker,
  ...dockerfile,
  ...compose,
  ...ui,
  ...sharing,
  ...chain,
  ...evidence,
  ...swarm,
};
