import { hasProcess, isFact, isUnavailable, NAMESPACE_TYPES, type ContainerAnatomy, type ContainerNamespace, type HostAnatomy, type NamespaceType } from '../../core/model';
import { langOf } from '../../core/i18n';
import { declaredSharing, sharingMeaningTopic, sharingOf, sharingSentenceTopic, sharingVars, sharingWords, type Sharing } from '../../core/sharing';
import { stateText } from './state';
import { tooltip, type Row, type RowIcon, type Translate } from './types';

/** Namespaces Docker makes private by default: seeing the host's one here is worth a colour. */
const PRIVATE_BY_DEFAULT: ReadonlySet<NamespaceType> = new Set<NamespaceType>(['pid', 'net', 'ipc', 'uts', 'mnt']);

function sharingIcon(type: NamespaceType, s: Sharing): RowIcon {
  switch (s.kind) {
    case 'own': return { id: 'circle-filled', color: 'charts.green' };
    case 'host': return PRIVATE_BY_DEFAULT.has(type) ? { id: 'home', color: 'charts.orange' } : { id: 'home' };
    case 'joined':
    case 'joinedBy':
    case 'shared': return { id: 'link', color: 'charts.blue' };
    case 'unknown': return { id: 'question', color: 'disabledForeground' };
  }
}

/** Docker's setting as a person reads it: `container:<name>` rather than a 64-hex id. */
export function modeSetting(ns: ContainerNamespace, t: Translate): string | undefined {
  if (!ns.mode.field) return undefined;
  const s = ns.mode.sharesWith;
  const value = s ? `container:${s.name ?? s.id.slice(0, 12)}` : ns.mode.value === '' ? t('(default)') : ns.mode.value;
  return `${ns.mode.field}: ${value}`;
}

/**
 * Why the helper container did not read what this machine could not (refused, off, failed),
 * unless a reason already shown says it (a remote engine's carries it).
 */
function helperNote(host: HostAnatomy | undefined, shown: string[]): string[] {
  const why = host?.engine.helperReason;
  return why && !shown.some((r) => r.includes(why)) ? [why] : [];
}

export function namespaceRow(c: ContainerAnatomy, ns: ContainerNamespace, host: HostAnatomy | undefined, t: Translate): Row {
  const s = sharingOf(ns);
  const running = hasProcess(c.state);
  const words = sharingWords(ns.type, s, langOf(t), running);
  const inode = isFact(ns.inode) ? String(ns.inode.value) : undefined;
  const facts: Row['tooltip']['facts'] = [
    { label: t('Inode'), value: inode && isFact(ns.inode) ? `${ns.type}:[${inode}] (${ns.inode.source})` : t('unavailable') },
  ];
  const hostNs = host?.namespaces[ns.type];
  if (hostNs && isFact(hostNs.inode)) facts.push({ label: t('Host'), value: `${ns.type}:[${hostNs.inode.value}]` });
  const setting = modeSetting(ns, t);
  if (setting) facts.push({ label: t('Docker setting'), value: setting });
  const notes: string[] = [];
  if (isUnavailable(ns.inode)) notes.push(ns.inode.unavailable, ...helperNote(host, [ns.inode.unavailable]));
  else if (s.kind === 'unknown' && s.reason) notes.push(s.reason);
  const vars = sharingVars(ns.type, s);
  return {
    id: `c:${c.id}/ns/${ns.type}`,
    kind: 'namespace',
    label: ns.type,
    description: `${inode ?? t('unavailable')} · ${words.label}`,
    contextValue: 'namespace',
    icon: sharingIcon(ns.type, s),
    containerId: c.id,
    value: inode ? `${ns.type}:[${inode}]` : undefined,
    tooltip: {
      ...tooltip(t('{0} namespace of {1}', ns.type, c.name), [{ topic: sharingMeaningTopic(ns.type, s, ns.mode), vars }, { topic: `ns.${ns.type}`, vars }], facts, notes),
      lead: { topic: sharingSentenceTopic(s, running), vars },
    },
  };
}

export function namespaceRows(c: ContainerAnatomy, host: HostAnatomy | undefined, t: Translate): Row[] {
  const list = NAMESPACE_TYPES.map((type) => c.namespaces[type]).filter((ns): ns is ContainerNamespace => !!ns);
  // A stopped container has no namespaces: one row saying why, and what Docker will do at start.
  if (!hasProcess(c.state)) {
    const declared = declaredSharing(c, langOf(t));
    const row = messageRow(`c:${c.id}/ns/none`, c.id, t(c.state === 'created' ? '{0}: no namespaces until it starts' : '{0}: no namespaces until it starts again', stateText(c.state, t)), t('Namespaces'), t);
    return [{
      ...row,
      description: declared.length ? declared.map((d) => `${d.type} ${d.label}`).join(' · ') : t('no sharing requested (Docker setting)'),
      tooltip: { ...row.tooltip, topics: [{ topic: 'ui.notRunning' }], facts: list.map((ns) => ({ label: ns.type, value: sharingWords(ns.type, sharingOf(ns), langOf(t)).label })) },
    }];
  }
  const reasons = list.map((ns) => (isUnavailable(ns.inode) ? ns.inode.unavailable : undefined));
  // One reason for all eight (e.g. the engine runs elsewhere): said once, with Docker's settings.
  if (list.length && reasons.every((r) => r !== undefined) && new Set(reasons).size === 1) {
    const row = messageRow(`c:${c.id}/ns/none`, c.id, reasons[0] ?? '', t('Namespaces'), t);
    return [{ ...row, tooltip: { ...row.tooltip, notes: [...row.tooltip.notes, ...helperNote(host, [reasons[0] ?? '', ...row.tooltip.notes])], facts: list.map((ns) => ({ label: ns.type, value: sharingWords(ns.type, sharingOf(ns), langOf(t), true).label })) } }];
  }
  return list.map((ns) => namespaceRow(c, ns, host, t));
}

export function messageRow(id: string, containerId: string, reason: string, heading: string, t: Translate): Row {
  return {
    id,
    kind: 'message',
    label: reason || t('unavailable'),
    contextValue: 'message',
    icon: { id: 'info' },
    containerId,
    tooltip: tooltip(heading, [], [], reason ? [reason] : []),
  };
}
