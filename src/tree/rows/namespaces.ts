import { isFact, isUnavailable, NAMESPACE_TYPES, type ContainerAnatomy, type ContainerNamespace, type HostAnatomy, type NamespaceType } from '../../core/model';
import { tooltip, type Row, type RowIcon, type Translate } from './types';

/** Namespaces Docker makes private by default: seeing the host's one here is worth a colour. */
const PRIVATE_BY_DEFAULT: ReadonlySet<NamespaceType> = new Set<NamespaceType>(['pid', 'net', 'ipc', 'uts', 'mnt']);

export type Sharing =
  | { kind: 'own' }
  | { kind: 'host' }
  | { kind: 'container'; names: string[] }
  | { kind: 'unknown'; reason: string };

/** Who else holds this namespace, as far as the model can tell. */
export function sharingOf(ns: ContainerNamespace): Sharing {
  if (isFact(ns.sharedWithHost) && ns.sharedWithHost.value) return { kind: 'host' };
  // When the inode is known, the kernel says who shares it; Docker's container:<id> setting
  // only orders the donor first (a restarted or stopped donor no longer holds it).
  if (isFact(ns.inode)) {
    if (!ns.sharedWithContainers.length) return isFact(ns.sharedWithHost) ? { kind: 'own' } : { kind: 'unknown', reason: isUnavailable(ns.sharedWithHost) ? ns.sharedWithHost.unavailable : '' };
    const donor = ns.mode.sharesWith?.name;
    const names = donor && ns.sharedWithContainers.includes(donor) ? [donor, ...ns.sharedWithContainers.filter((n) => n !== donor)] : [...ns.sharedWithContainers];
    return { kind: 'container', names };
  }
  if (isFact(ns.sharedWithHost)) return { kind: 'own' };
  if (isUnavailable(ns.inode)) return { kind: 'unknown', reason: ns.inode.unavailable };
  return { kind: 'unknown', reason: isUnavailable(ns.sharedWithHost) ? ns.sharedWithHost.unavailable : '' };
}

export function sharingText(s: Sharing, t: Translate): string {
  switch (s.kind) {
    case 'own': return t('own');
    case 'host': return t('shared with host');
    case 'container': return t('shared with {0}', s.names.join(', '));
    case 'unknown': return t('sharing unknown');
  }
}

function sharingIcon(type: NamespaceType, s: Sharing): RowIcon {
  switch (s.kind) {
    case 'own': return { id: 'circle-filled', color: 'charts.green' };
    case 'host': return PRIVATE_BY_DEFAULT.has(type) ? { id: 'home', color: 'charts.orange' } : { id: 'home' };
    case 'container': return { id: 'link', color: 'charts.blue' };
    case 'unknown': return { id: 'question', color: 'disabledForeground' };
  }
}

function sharingTopic(type: NamespaceType, s: Sharing): string | undefined {
  switch (s.kind) {
    case 'own': return `ns.${type}.own`;
    case 'host': return `ns.${type}.host`;
    case 'container': return `ns.${type}.container`;
    case 'unknown': return undefined;
  }
}

export function namespaceRow(c: ContainerAnatomy, ns: ContainerNamespace, host: HostAnatomy | undefined, t: Translate): Row {
  const s = sharingOf(ns);
  const inode = isFact(ns.inode) ? String(ns.inode.value) : undefined;
  const marker = sharingText(s, t);
  const facts: Row['tooltip']['facts'] = [
    { label: t('Inode'), value: inode ? `${ns.type}:[${inode}] (${ns.inode && isFact(ns.inode) ? ns.inode.source : ''})` : t('unavailable') },
    { label: t('Sharing'), value: marker },
  ];
  const hostNs = host?.namespaces[ns.type];
  if (hostNs && isFact(hostNs.inode)) facts.push({ label: t('Host'), value: `${ns.type}:[${hostNs.inode.value}]` });
  if (ns.mode.field) facts.push({ label: t('Docker setting'), value: `${ns.mode.field}: ${ns.mode.value === '' ? t('(default)') : ns.mode.value}` });
  const notes: string[] = [];
  if (isUnavailable(ns.inode)) notes.push(ns.inode.unavailable);
  else if (s.kind === 'unknown' && s.reason) notes.push(s.reason);
  const topic = sharingTopic(ns.type, s);
  const vars = { type: ns.type, name: c.name, container: s.kind === 'container' ? s.names.join(', ') : '' };
  const topics = [...(topic ? [{ topic, vars }] : []), { topic: `ns.${ns.type}`, vars }];
  return {
    id: `c:${c.id}/ns/${ns.type}`,
    kind: 'namespace',
    label: ns.type,
    description: inode ? `${inode} · ${marker}` : `${t('unavailable')} · ${marker}`,
    contextValue: 'namespace',
    icon: sharingIcon(ns.type, s),
    containerId: c.id,
    value: inode ? `${ns.type}:[${inode}]` : undefined,
    tooltip: tooltip(t('{0} namespace of {1}', ns.type, c.name), topics, facts, notes),
  };
}

export function namespaceRows(c: ContainerAnatomy, host: HostAnatomy | undefined, t: Translate): Row[] {
  const list = NAMESPACE_TYPES.map((type) => c.namespaces[type]).filter((ns): ns is ContainerNamespace => !!ns);
  const reasons = list.map((ns) => (isUnavailable(ns.inode) ? ns.inode.unavailable : undefined));
  // A stopped container has no namespaces: one row saying why beats eight "unavailable" rows.
  if (list.length && reasons.every((r) => r !== undefined) && new Set(reasons).size === 1) {
    return [messageRow(`c:${c.id}/ns/none`, c.id, reasons[0] ?? '', t('Namespaces'), t)];
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
