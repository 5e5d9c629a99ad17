/**
 * Limits in words: which limits there are, how each value reads ("64 MiB", "unlimited",
 * "default (1024)", "0-1 (not pinned)") and which rule gives its effective value. The tree,
 * the Compare panel and the CLI all word limits from here.
 */
import { formatBytes, formatCpus } from './format';
import type { Translate } from './i18n';
import { isFact, type ContainerAnatomy, type Limit, type Maybe } from './model';

export type LimitKey =
  | 'memory'
  | 'memoryReservation'
  | 'memorySwap'
  | 'cpus'
  | 'cpuShares'
  | 'pids'
  | 'cpusetCpus'
  | 'cpusetMems'
  | 'ioWeight';

type Kind = 'bytes' | 'cpus' | 'count' | 'string';

export interface LimitSpec {
  key: LimitKey;
  label: (t: Translate) => string;
  kind: Kind;
  topic: string;
  /** The explanation when the container's own setting is "no limit", where `topic`'s would be false of the row. */
  unlimitedTopic?: string;
  limit: (c: ContainerAnatomy) => Limit<number | string>;
  /** What `null` means for this limit. */
  nullText: (t: Translate) => string;
  usage?: (c: ContainerAnatomy) => Maybe<number>;
  usageTopic?: string;
  /** The value the kernel uses when Docker was told nothing (cpu.shares: 1024). */
  defaultValue?: number;
  /** How the effective value is worked out: a hard limit, a soft target, a relative weight or a CPU set. */
  effectiveTopic: string;
  /** Declared nothing means "whatever the parent allows" (cpuset): show what applies. */
  inherits?: boolean;
}

const unlimited = (t: Translate): string => t('unlimited');
const HARD = 'cgroup.effective.limit';
const CPUS = 'cgroup.effective.cpus';
const CHAIN = 'cgroup.effective.chain';
const WEIGHT = 'cgroup.effective.weight';
const IO_WEIGHT = 'cgroup.effective.weight.io';
const CPUSET = 'cgroup.effective.cpuset';
const MEMS = 'cgroup.effective.mems';

export const LIMITS: readonly LimitSpec[] = [
  { key: 'memory', label: (t) => t('memory'), kind: 'bytes', topic: 'cgroup.memory.limit', unlimitedTopic: 'cgroup.memory.limit.none', limit: (c) => c.cgroup.memory.limitBytes, nullText: unlimited, usage: (c) => c.cgroup.memory.usageBytes, usageTopic: 'cgroup.memory.usage', effectiveTopic: HARD },
  { key: 'memoryReservation', label: (t) => t('memory reservation'), kind: 'bytes', topic: 'cgroup.memory.reservation', limit: (c) => c.cgroup.memory.reservationBytes, nullText: (t) => t('none'), effectiveTopic: 'cgroup.effective.soft' },
  { key: 'memorySwap', label: (t) => t('memory + swap'), kind: 'bytes', topic: 'cgroup.memory.swap', limit: (c) => c.cgroup.memory.swapLimitBytes, nullText: unlimited, effectiveTopic: CHAIN },
  { key: 'cpus', label: (t) => t('cpu'), kind: 'cpus', topic: 'cgroup.cpu.cpus', limit: (c) => c.cgroup.cpu.cpus, nullText: unlimited, effectiveTopic: CPUS },
  { key: 'cpuShares', label: (t) => t('cpu shares'), kind: 'count', topic: 'cgroup.cpu.shares', limit: (c) => c.cgroup.cpu.shares, nullText: (t) => t('default (1024)'), defaultValue: 1024, effectiveTopic: WEIGHT },
  { key: 'pids', label: (t) => t('pids'), kind: 'count', topic: 'cgroup.pids.max', limit: (c) => c.cgroup.pids.max, nullText: unlimited, usage: (c) => c.cgroup.pids.current, usageTopic: 'cgroup.pids.current', effectiveTopic: CHAIN },
  { key: 'cpusetCpus', label: (t) => t('cpuset cpus'), kind: 'string', topic: 'cgroup.cpuset.cpus', limit: (c) => c.cgroup.cpuset.cpus, nullText: (t) => t('all'), effectiveTopic: CPUSET, inherits: true },
  { key: 'cpusetMems', label: (t) => t('cpuset mems'), kind: 'string', topic: 'cgroup.cpuset.mems', limit: (c) => c.cgroup.cpuset.mems, nullText: (t) => t('all'), effectiveTopic: MEMS, inherits: true },
  { key: 'ioWeight', label: (t) => t('io weight'), kind: 'count', topic: 'cgroup.io.weight', limit: (c) => c.cgroup.io.weight, nullText: (t) => t('default'), effectiveTopic: IO_WEIGHT },
];

/**
 * Whether this container's own setting is "no limit": its cgroup file when readable, else what
 * Docker declared. The effective value of an unlimited container is still bounded (by an
 * ancestor, or by the machine's memory and CPUs), but calling that "a limit" misleads.
 */
export function ownValueUnlimited(limit: Limit<number | string>): boolean {
  const own = isFact(limit.kernel) ? limit.kernel : limit.declared;
  return isFact(own) && own.value === null;
}

/** The explanation true of this container's row for `spec`. */
export function limitTopic(c: ContainerAnatomy, spec: LimitSpec): string {
  return spec.unlimitedTopic && ownValueUnlimited(spec.limit(c)) ? spec.unlimitedTopic : spec.topic;
}

export function limitSpec(key: LimitKey): LimitSpec | undefined {
  return LIMITS.find((l) => l.key === key);
}

export function formatValue(v: number | string | null, spec: Pick<LimitSpec, 'kind' | 'nullText'>, t: Translate): string {
  if (v === null) return spec.nullText(t);
  if (typeof v === 'string') return v;
  if (spec.kind === 'bytes') return formatBytes(v);
  if (spec.kind === 'cpus') return formatCpus(v, t);
  return String(v);
}

function maybeText(m: Maybe<number | string | null>, spec: LimitSpec, t: Translate): string | undefined {
  return isFact(m) ? formatValue(m.value, spec, t) : undefined;
}

/** "declared → effective", one value when they agree, "unavailable" when neither is known. */
export function limitText(limit: Limit<number | string>, spec: LimitSpec, t: Translate): string {
  const e = maybeText(limit.effective, spec, t) ?? maybeText(limit.kernel, spec, t);
  const declaredNull = isFact(limit.declared) && limit.declared.value === null;
  if (declaredNull && spec.inherits && e !== undefined) return t('{0} (not pinned)', e);
  const declaredDefault = declaredNull && spec.defaultValue !== undefined;
  const d = declaredDefault && e === formatValue(spec.defaultValue ?? null, spec, t) ? e : maybeText(limit.declared, spec, t);
  if (d === undefined && e === undefined) return t('unavailable');
  if (e === undefined) return t('{0} (declared)', d ?? '');
  if (d === undefined || d === e) return e;
  return `${d} → ${e}`;
}
