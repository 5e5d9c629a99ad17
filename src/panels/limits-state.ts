/**
 * The Limits panel's view state: each limit's cgroup chain top-down with the level that
 * binds it, in words, and the charts usage is drawn on. vscode-free, so it is tested
 * without a browser.
 */
import type { Lang } from '../core/catalog/index';
import { bindingOf, CHAIN_SPECS, chainOf, type ChainSpec } from '../core/chain';
import { formatLimitValue } from '../core/format';
import { translator } from '../core/i18n';
import { isFact, isUnavailable, type ContainerAnatomy, type Limit } from '../core/model';
import { localizeReason } from '../core/reasons';
import type { UsageSource } from '../core/usage';
import type { ChainLevelView, ChainView, LimitsViewState, Note, UsageChartView } from '../shared/protocol';
import { format, labels, type PanelLabels } from './labels';
import { findContainer } from './lookup';
import { note } from './text';

export interface LimitsInput {
  containers: readonly ContainerAnatomy[];
  unreachable?: string;
  containerId: string;
  lang: Lang;
  /** The name last seen for containerId, to label the panel after the container is gone. */
  knownName?: string;
  /** Where usage samples come from; undefined before the first one. */
  usageSource?: UsageSource;
}

function valueText(v: number | string | null, spec: ChainSpec, L: PanelLabels, lang: Lang): string {
  if (v !== null) return formatLimitValue(v, spec.kind, undefined, translator(lang));
  if (spec.relative) return L.notApplicable;
  return spec.key === 'cpusetCpus' || spec.key === 'cpusetMems' ? L.inheritsParent : note('cgroup.unlimited', lang).title;
}

/** A value in a sentence: a count of processes says what it counts ("at most 100" alone does not). */
function sentenceValue(v: number | string | null, spec: ChainSpec, L: PanelLabels, lang: Lang): string {
  return spec.key === 'pids' && typeof v === 'number' ? format(L.pidsCount, { value: String(v) }) : valueText(v, spec, L, lang);
}

function effectiveText(limit: Limit<number | string>, spec: ChainSpec, L: PanelLabels, lang: Lang): string {
  return isFact(limit.effective) ? sentenceValue(limit.effective.value, spec, L, lang) : L.unavailable;
}

/**
 * A CPU limit that no quota on the path sets: the container's CPU set has fewer CPUs than the
 * quotas allow, and the model's boundBy then names the cpuset's level, whose quota is not it.
 */
function cpusetBindsCpu(c: ContainerAnatomy, spec: ChainSpec): boolean {
  if (spec.key !== 'cpu') return false;
  const limit = spec.limit(c);
  const chain = chainOf(c, spec.key);
  const b = limit.boundBy;
  if (!isFact(limit.effective) || !b || !isFact(b) || b.value === null || b.value === 'host' || !isFact(chain)) return false;
  return chain.value.find((l) => l.path === b.value)?.value !== limit.effective.value;
}

function meaning(c: ContainerAnatomy, spec: ChainSpec, L: PanelLabels, lang: Lang): Note {
  const limit = spec.limit(c);
  const chain = chainOf(c, spec.key);
  const what = note(spec.topic, lang).title;
  const own = isFact(limit.kernel) ? sentenceValue(limit.kernel.value, spec, L, lang) : L.unavailable;
  const effective = effectiveText(limit, spec, L, lang);
  if (spec.relative) return note(spec.relativeTopic ?? 'chain.relative', lang, { what, own });
  if (cpusetBindsCpu(c, spec)) {
    const cpus = c.cgroup.cpuset.cpus.effective;
    return note('chain.bound.cpusetCount', lang, { what, effective, cpus: isFact(cpus) && cpus.value !== null ? String(cpus.value) : L.unavailable });
  }
  const b = bindingOf(limit, chain);
  const cpuset = spec.key === 'cpusetCpus' || spec.key === 'cpusetMems';
  switch (b.kind) {
    case 'ancestor':
      return note(cpuset ? 'chain.bound.cpuset' : 'chain.bound.ancestor', lang, { what, effective, own, path: b.path });
    case 'own':
      return note(cpuset ? 'chain.bound.cpuset.own' : 'chain.bound.own', lang, { what, effective });
    case 'host':
      return note(cpuset ? 'chain.bound.cpuset.host' : 'chain.bound.host', lang, { what, effective });
    case 'none':
      return note('chain.bound.none', lang, { what });
    default:
      // Without an effective value (a stopped container, an unreadable file) nothing can be said
      // of which level sets it; "several levels" is true only of a value that was read.
      return note(isFact(limit.effective) ? 'chain.bound.unknown' : 'chain.bound.unread', lang, { what, effective, reason: localizeReason(b.reason, lang) });
  }
}

function chainView(c: ContainerAnatomy, spec: ChainSpec, v2: boolean, L: PanelLabels, lang: Lang): ChainView {
  const limit = spec.limit(c);
  const chain = chainOf(c, spec.key);
  const base = {
    key: spec.key,
    title: note(spec.topic, lang).title,
    file: spec.files[v2 ? 1 : 0],
    relative: spec.relative,
    effective: format(L.effectiveValue, { value: effectiveText(limit, spec, L, lang) }),
    meaning: meaning(c, spec, L, lang),
  };
  if (isUnavailable(chain)) return { ...base, levels: [], unavailable: localizeReason(chain.unavailable, lang) };
  const bound = !spec.relative && !cpusetBindsCpu(c, spec) && isFact(limit.boundBy) ? limit.boundBy.value : null;
  const levels: ChainLevelView[] = chain.value.map((l, i) => ({
    path: l.path,
    value: valueText(l.value, spec, L, lang),
    binding: bound !== null && bound === l.path,
    own: i === chain.value.length - 1,
  }));
  // Only the machine binds: draw it above the root, as the level that sets the value.
  if (bound === 'host') levels.unshift({ path: L.hostMachine, value: effectiveText(limit, spec, L, lang), binding: true, own: false });
  return { ...base, levels };
}

/** The effective value as a chart's limit line, when a cgroup (not the machine) sets it. */
function chartLimit(limit: Limit<number | string>): number | null {
  const b = limit.boundBy;
  if (!isFact(b) || b.value === null || b.value === 'host') return null;
  return isFact(limit.effective) && typeof limit.effective.value === 'number' ? limit.effective.value : null;
}

function chart(key: UsageChartView['key'], title: string, kind: UsageChartView['kind'], limit: Limit<number | string>, L: PanelLabels): UsageChartView {
  const value = chartLimit(limit);
  return { key, title, kind, limit: value, limitLabel: value === null ? L.noCgroupLimit : format(L.limitAt, { value: formatLimitValue(value, kind) }) };
}

/** Builds what the Limits panel shows for one container, in one language. */
export function buildLimitsState(input: LimitsInput): LimitsViewState {
  const L = labels(input.lang);
  const lang = input.lang;
  const c = findContainer(input.containers, input.containerId);
  const unreachable = input.unreachable !== undefined;
  const labelsOut = {
    chain: L.chain, usage: note('chain.usage', lang).title, setsIt: L.setsIt, own: L.ownCgroup, oomKill: L.oomKill,
    throttled: L.throttled, waiting: L.waiting, lastMinutes: L.lastMinutes, refresh: L.refresh,
  };
  const usage = note('chain.usage', lang);
  const usageNote = input.usageSource === 'engine' ? { title: usage.title, summary: `${usage.summary} ${note('chain.usage.engine', lang).summary}` } : usage;
  if (!c) {
    const name = input.knownName ?? input.containerId;
    return {
      kind: 'limits', lang, title: note('chain.panel', lang, { name }).title,
      status: unreachable ? 'unreachable' : 'removed',
      notice: unreachable ? { ...note('ui.unreachable', lang), detail: localizeReason(input.unreachable ?? '', lang) } : { ...note('ui.removed', lang, { name }), detail: name },
      container: { id: input.containerId, name, state: '' },
      intro: note('chain.panel', lang, { name }), chains: [], charts: [], usageNote, labels: labelsOut,
    };
  }
  const v2 = isFact(c.cgroup.paths) && c.cgroup.paths.value.unified !== undefined && c.cgroup.paths.value.memory === undefined;
  const state: LimitsViewState = {
    kind: 'limits',
    lang,
    title: note('chain.panel', lang, { name: c.name }).title,
    status: unreachable ? 'unreachable' : 'ok',
    container: { id: c.id, name: c.name, state: c.state },
    intro: note('chain.panel', lang, { name: c.name }),
    chains: CHAIN_SPECS.map((spec) => chainView(c, spec, v2, L, lang)),
    charts: [
      chart('memory', L.memoryChart, 'bytes', c.cgroup.memory.limitBytes, L),
      chart('pids', L.pidsChart, 'count', c.cgroup.pids.max, L),
      chart('cpu', L.cpuChart, 'cpus', c.cgroup.cpu.cpus, L),
    ],
    usageNote,
    labels: labelsOut,
  };
  if (unreachable) state.notice = { ...note('ui.unreachable', lang), detail: localizeReason(input.unreachable ?? '', lang) };
  return state;
}
