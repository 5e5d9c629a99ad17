import { formatValue, limitSpec, limitText, limitTopic, LIMITS, ownValueUnlimited, type LimitSpec } from '../../core/limit-words';
import { hasProcess, isFact, isUnavailable, type ContainerAnatomy, type Maybe } from '../../core/model';
import { messageRow } from './namespaces';
import { stateText } from './state';
import { reasons, sourceWord, tooltip, type LimitKey, type Row, type Translate } from './types';

export { formatValue, limitSpec, limitText, LIMITS, type LimitSpec };

const unlimited = (t: Translate): string => t('unlimited');


/** The row's one line: e.g. "64 MiB limit, 3.1 MiB used" or "unlimited → 23.5 GiB, 12 used". */
export function limitDescription(c: ContainerAnatomy, spec: LimitSpec, t: Translate): string {
  const limit = limitText(spec.limit(c), spec, t);
  const usage = spec.usage?.(c);
  const used = usage && isFact(usage) ? formatValue(usage.value, spec, t) : undefined;
  const isUnlimited = ownValueUnlimited(spec.limit(c));
  if (used === undefined) return limit;
  return isUnlimited ? t('{0}, {1} used', limit, used) : t('{0} limit, {1} used', limit, used);
}

function maybeText(m: Maybe<number | string | null>, spec: LimitSpec, t: Translate): string | undefined {
  return isFact(m) ? formatValue(m.value, spec, t) : undefined;
}

function sourceNote(m: Maybe<unknown>, t: Translate): string {
  return isFact(m) ? t('from {0}', sourceWord(m.source, t)) : t('unavailable');
}

/**
 * pids counts the processes in the container's cgroup; ps inside lists those in its PID
 * namespace, which the host or other containers may share: the two numbers then differ.
 */
function pidsNotes(c: ContainerAnatomy, spec: LimitSpec, t: Translate): string[] {
  const ns = c.namespaces.pid;
  if (spec.key !== 'pids' || !ns) return [];
  if (isFact(ns.sharedWithHost) && ns.sharedWithHost.value) {
    return [t("ps inside lists every process of the host, whose PID namespace it shares; this counts only the processes and threads in the container's own cgroup")];
  }
  if (ns.sharedWithContainers.length) {
    return [t("ps inside also lists the processes of {0}, which share its PID namespace; this counts only the processes and threads in the container's own cgroup", ns.sharedWithContainers.join(', '))];
  }
  return [];
}

export function limitRow(c: ContainerAnatomy, spec: LimitSpec, t: Translate): Row {
  const limit = spec.limit(c);
  const notes = [...reasons([limit.declared, limit.kernel, limit.effective]), ...pidsNotes(c, spec, t)];
  const facts = [
    { label: t('Declared (Docker)'), value: `${maybeText(limit.declared, spec, t) ?? t('unavailable')} · ${sourceNote(limit.declared, t)}` },
    { label: t('Kernel file'), value: `${maybeText(limit.kernel, spec, t) ?? t('unavailable')} · ${sourceNote(limit.kernel, t)}` },
    { label: t('Effective'), value: `${maybeText(limit.effective, spec, t) ?? t('unavailable')} · ${sourceNote(limit.effective, t)}` },
  ];
  const topics = [{ topic: limitTopic(c, spec) }, { topic: spec.effectiveTopic }, ...(spec.usageTopic ? [{ topic: spec.usageTopic }] : [])];
  const description = limitDescription(c, spec, t);
  return {
    id: `c:${c.id}/limit/${spec.key}`,
    kind: 'limit',
    label: spec.label(t),
    description,
    contextValue: 'limit',
    icon: { id: ownValueUnlimited(limit) ? 'unlock' : 'lock' },
    children: { kind: 'limit', key: spec.key },
    containerId: c.id,
    value: description,
    tooltip: tooltip(`${spec.label(t)} · ${c.name}`, topics, facts, notes),
  };
}

export function limitRows(c: ContainerAnatomy, t: Translate): Row[] {
  // A stopped container has no cgroup: one row saying why, with what Docker declared.
  if (!hasProcess(c.state)) {
    const declared = LIMITS.flatMap((spec) => {
      const d = spec.limit(c).declared;
      return isFact(d) && d.value !== null && d.value !== 0 ? [{ label: spec.label(t), value: formatValue(d.value, spec, t) }] : [];
    });
    const row = messageRow(`c:${c.id}/limit/none`, c.id, t(c.state === 'created' ? '{0}: no cgroup until it starts' : '{0}: no cgroup until it starts again', stateText(c.state, t)), t('cgroup limits'), t);
    return [{
      ...row,
      description: declared.length ? t('declared: {0}', declared.map((d) => `${d.label} ${d.value}`).join(', ')) : t('nothing declared: unlimited'),
      tooltip: { ...row.tooltip, topics: [{ topic: 'ui.notRunning' }, { topic: 'cgroup.declared' }], facts: declared },
    }];
  }
  return LIMITS.map((spec) => limitRow(c, spec, t));
}

function valueRow(c: ContainerAnatomy, spec: LimitSpec, part: string, label: string, m: Maybe<number | string | null>, topic: string, t: Translate): Row {
  const text = maybeText(m, spec, t);
  return {
    id: `c:${c.id}/limit/${spec.key}/${part}`,
    kind: 'value',
    label,
    description: text === undefined ? t('unavailable') : `${text} · ${sourceNote(m, t)}`,
    contextValue: 'value',
    containerId: c.id,
    value: text,
    tooltip: tooltip(`${spec.label(t)} · ${label}`, [{ topic }, { topic: limitTopic(c, spec) }], [], isUnavailable(m) ? [m.unavailable] : []),
  };
}

/** Declared, kernel file, effective and usage, each with its source. */
export function limitDetailRows(c: ContainerAnatomy, key: LimitKey, t: Translate): Row[] {
  const spec = limitSpec(key);
  if (!spec) return [messageRow(`c:${c.id}/limit/${key}/none`, c.id, t('unknown limit'), key, t)];
  const limit = spec.limit(c);
  const rows = [
    valueRow(c, spec, 'declared', t('declared (Docker)'), limit.declared, 'cgroup.declared', t),
    valueRow(c, spec, 'kernel', t('kernel file'), limit.kernel, 'cgroup.kernel', t),
    valueRow(c, spec, 'effective', t('effective'), limit.effective, spec.effectiveTopic, t),
  ];
  const usage = spec.usage?.(c);
  if (usage && spec.usageTopic) {
    const used = valueRow(c, { ...spec, nullText: unlimited }, 'usage', t('used'), usage, spec.usageTopic, t);
    used.tooltip.notes.push(...pidsNotes(c, spec, t));
    rows.push(used);
  }
  if (key === 'memory') rows.push(valueRow(c, { ...spec, kind: 'count' }, 'oom', t('OOM kills'), c.cgroup.memory.oomKills, 'cgroup.memory.oom', t));
  if (key === 'cpus') {
    rows.push(valueRow(c, { ...spec, kind: 'count' }, 'throttled', t('throttled periods'), c.cgroup.cpu.throttledPeriods, 'cgroup.cpu.throttled', t));
  }
  return rows;
}
