import type { Entry } from './types';
import { namespaces } from './en/namespaces';
import { processTopics } from './en/process';
import { cgroups } from './en/cgroups';
import { network } from './en/network';
import { docker } from './en/docker';
import { dockerfile } from './en/dockerfile';
import { compose } from './en/compose';
import { ui } from './en/ui';
import { sharing } from './en/sharing';
import { chain } from './en/chain';
import { evidence } from './en/evidence';
import { swarm } from './en/swarm';

/** English catalog: the reference set of topic ids. */
export const en: Record<string, Entry> = {
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
