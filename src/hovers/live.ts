/**
 * Live values for compose hovers: which running container belongs to the hovered service,
 * and what its kernel says about the hovered key. No vscode import: unit-tested.
 */
import type { ComposeHit } from '../core/compose';
import { hasProcess, isFact, type ContainerAnatomy, type NamespaceType } from '../core/model';
import { sharingOf, sharingSentenceTopic, sharingVars } from '../core/sharing';
import type { TopicRef } from '../tree/markdown';
import { ipWithPrefix, limitText, LIMITS } from '../tree/rows';
import { COMPOSE_CONFIG_FILES_LABEL, COMPOSE_PROJECT_LABEL, COMPOSE_SERVICE_LABEL } from '../tree/rows';
import { formatValue } from '../tree/rows/limits';
import type { LimitKey, Translate } from '../tree/rows';

/** Compose's own rule for project names: lower case, only a-z, 0-9, "_" and "-". */
export function composeProjectName(folderName: string): string {
  return folderName.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

export { COMPOSE_CONFIG_FILES_LABEL };

/** Which project a Compose file open in the editor runs as. */
export interface ComposeFileRef {
  /** The file's path as the editor has it. */
  file: string;
  /** The project names it may run under, strongest first (see composeProjectNames). */
  projects: string[];
}

/**
 * The project names a Compose file runs under, in Compose's order of precedence (after `-p`,
 * which only the command line knows): COMPOSE_PROJECT_NAME from the environment, then from
 * the `.env` file beside the file, then the file's top-level `name:` or, only when it has none,
 * its folder's name. (The environment is the editor's, which may not be the one `compose up`
 * ran in; hence a list.) A `name:` with `${…}` is not guessed at: only Compose knows its value.
 */
export function composeProjectNames(o: { folder: string; topLevelName?: string | null; env?: string; dotEnv?: string | null }): string[] {
  const own = o.topLevelName?.trim() ? o.topLevelName : o.folder;
  const names = [o.env, dotEnvValue(o.dotEnv, 'COMPOSE_PROJECT_NAME'), own]
    .map((n) => (typeof n === 'string' ? n.trim() : ''))
    .filter((n) => n && !n.includes('$'))
    .map((n) => composeProjectName(n));
  return [...new Set(names.filter(Boolean))];
}

/** KEY=value from the text of a `.env` file (last one wins, quotes removed), or undefined. */
export function dotEnvValue(text: string | null | undefined, key: string): string | undefined {
  if (typeof text !== 'string') return undefined;
  let value: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m || m[1] !== key) continue;
    const raw = m[2].trim();
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    value = quoted ? quoted[2] : raw.replace(/\s+#.*$/, '');
  }
  return value;
}

/**
 * Running containers of `service` that belong to this file: those whose Compose labels list
 * the file itself, else those of the first project name (strongest first) that has any.
 * Never another project's containers: a service name alone says nothing.
 */
export function serviceContainers(containers: ContainerAnatomy[], service: string, ref: ComposeFileRef): ContainerAnatomy[] {
  const ofService = containers.filter((c) => c.state === 'running' && (c.labels[COMPOSE_SERVICE_LABEL] ?? c.compose?.service) === service);
  const byFile = ofService.filter((c) => (c.labels[COMPOSE_CONFIG_FILES_LABEL] ?? '').split(',').some((f) => f.trim() === ref.file));
  if (byFile.length) return byFile;
  for (const project of ref.projects) {
    const inProject = ofService.filter((c) => (c.labels[COMPOSE_PROJECT_LABEL] ?? c.compose?.project) === project);
    if (inProject.length) return inProject;
  }
  return [];
}

/** At most this many service names are listed for an `x-` block. */
const MAX_NAMES = 10;

/** The catalog topic under an `x-` block's key: which services take it (or use the block), or none. */
export function extensionLine(hit: ComposeHit): TopicRef | undefined {
  const x = hit.extension;
  if (!x) return undefined;
  if (!x.services.length) return { topic: 'compose.extension.unused', vars: { block: x.block } };
  const names = x.services.slice(0, MAX_NAMES).join(', ') + (x.services.length > MAX_NAMES ? ', …' : '');
  return {
    topic: x.takesKey ? 'compose.extension.users' : 'compose.extension.aliased',
    vars: { block: x.block, services: names, count: String(x.services.length) },
  };
}

const NS_KEYS: Record<string, NamespaceType> = {
  pid: 'pid',
  network_mode: 'net',
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
  // `networks:` is about the networks the container is on (and its address on each), not about who shares its net namespace.
  if (key === 'networks') {
    if (!c.networks.length) return undefined;
    const on = c.networks.map((n) => `${n.name} ${ipWithPrefix(n) ?? `(${t('no IP')})`}`);
    return { topic: 'live.networks', vars: { networks: on.join(', '), name: c.name } };
  }
  const nsType = cands.map((k) => NS_KEYS[k]).find(Boolean);
  if (nsType) {
    const ns = c.namespaces[nsType];
    if (!ns) return undefined;
    const s = sharingOf(ns);
    if (s.kind === 'unknown') return undefined;
    return { topic: sharingSentenceTopic(s, hasProcess(c.state)), vars: sharingVars(nsType, s) };
  }
  const limitKey = cands.map((k) => LIMIT_KEYS[k]).find(Boolean);
  const spec = LIMITS.find((l) => l.key === limitKey);
  if (!spec) return undefined;
  const limit = spec.limit(c);
  const declared = isFact(limit.declared) ? formatValue(limit.declared.value, spec, t) : t('unavailable');
  const effective = isFact(limit.effective) ? formatValue(limit.effective.value, spec, t) : limitText(limit, spec, t);
  // Usage only where the kind has one (memory, pids) and it was read: a cpu quota or a weight has none.
  const usage = spec.usage?.(c);
  const vars = { what: spec.label(t), declared, effective, name: c.name };
  if (!usage || !isFact(usage)) return { topic: 'live.limit.noUsage', vars };
  return { topic: 'live.limit', vars: { ...vars, usage: formatValue(usage.value, spec, t) } };
}
