/**
 * Live values for compose hovers: which running container belongs to the hovered service,
 * and what its kernel says about the hovered key. No vscode import: unit-tested.
 */
import { isFact, type ContainerAnatomy, type NamespaceType } from '../core/model';
import { sharingOf, sharingSentenceTopic, sharingVars } from '../core/sharing';
import type { TopicRef } from '../tree/markdown';
import { limitText, LIMITS } from '../tree/rows';
import { COMPOSE_PROJECT_LABEL, COMPOSE_SERVICE_LABEL } from '../tree/rows';
import { formatValue } from '../tree/rows/limits';
import type { LimitKey, Translate } from '../tree/rows';

/** Compose's own rule for project names: lower case, only a-z, 0-9, "_" and "-". */
export function composeProjectName(folderName: string): string {
  return folderName.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

/** Running containers of `service`, those of `project` first; any project if none match. */
export function serviceContainers(containers: ContainerAnatomy[], service: string, project: string | undefined): ContainerAnatomy[] {
  const ofService = containers.filter((c) => c.state === 'running' && (c.labels[COMPOSE_SERVICE_LABEL] ?? c.compose?.service) === service);
  if (project === undefined) return ofService;
  const inProject = ofService.filter((c) => (c.labels[COMPOSE_PROJECT_LABEL] ?? c.compose?.project) === project);
  return inProject.length ? inProject : ofService;
}

const NS_KEYS: Record<string, NamespaceType> = {
  pid: 'pid',
  network_mode: 'net',
  networks: 'net',
  ipc: 'ipc',
  uts: 'uts',
  userns_mode: 'user',
  cgroup: 'cgroup',
};

const LIMIT_KEYS: Record<string, LimitKey> = {
  mem_limit: 'memory',
  memory: 'memory',
  'limits.memory': 'memory',
  mem_reservation: 'memoryReservation',
  'reservations.memory': 'memoryReservation',
  memswap_limit: 'memorySwap',
  cpus: 'cpus',
  'limits.cpus': 'cpus',
  cpu_shares: 'cpuShares',
  cpuset: 'cpusetCpus',
  pids_limit: 'pids',
  'limits.pids': 'pids',
};

/** The last one or two path segments of a compose key ("deploy.resources.limits.memory" -> "limits.memory"). */
function keyCandidates(key: string): string[] {
  const parts = key.split('.').filter(Boolean);
  return [parts.slice(-2).join('.'), parts[parts.length - 1] ?? ''].filter(Boolean);
}

/** The live topic for `key` on container `c`, with its placeholder values; undefined when there is none. */
export function liveTopic(key: string, c: ContainerAnatomy, t: Translate): TopicRef | undefined {
  const cands = keyCandidates(key);
  const nsType = cands.map((k) => NS_KEYS[k]).find(Boolean);
  if (nsType) {
    const ns = c.namespaces[nsType];
    if (!ns) return undefined;
    const s = sharingOf(ns);
    if (s.kind === 'unknown') return undefined;
    return { topic: sharingSentenceTopic(s), vars: sharingVars(nsType, s) };
  }
  const limitKey = cands.map((k) => LIMIT_KEYS[k]).find(Boolean);
  const spec = LIMITS.find((l) => l.key === limitKey);
  if (!spec) return undefined;
  const limit = spec.limit(c);
  const declared = isFact(limit.declared) ? formatValue(limit.declared.value, spec, t) : t('unavailable');
  const effective = isFact(limit.effective) ? formatValue(limit.effective.value, spec, t) : limitText(limit, spec, t);
  const usage = spec.usage?.(c);
  return {
    topic: 'live.limit',
    vars: {
      what: spec.label(t),
      declared,
      effective,
      usage: usage && isFact(usage) ? formatValue(usage.value, spec, t) : t('unknown'),
      name: c.name,
    },
  };
}
