import type { Entry } from '../types';

/**
 * Who shares a namespace, said from the container the row belongs to. The title is the short
 * form for a tree description or a table cell; the summary is the sentence with its subject.
 */
export const sharing: Record<string, Entry> = {
  'sharing.own': {
    title: 'own',
    summary: 'This container has its own {type} namespace.',
    body: 'No other container and not the host is in it.',
  },
  'sharing.host': {
    title: 'shared with host',
    summary: 'This container is in the host\'s {type} namespace.',
    body: 'The inode is the same as the host\'s.',
  },
  'sharing.joined': {
    title: 'joined {peer}',
    summary: 'This container joined {peer}\'s {type} namespace.',
    body: 'Containers in it: {peers}.',
  },
  'sharing.joinedBy': {
    title: 'joined by {peers}',
    summary: '{peers} joined this container\'s {type} namespace.',
    body: 'This container owns the namespace; the others were started with a `container:` setting that names it.',
  },
  'sharing.shared': {
    title: 'shared with {peers}',
    summary: 'This container and {peers} are in the same {type} namespace.',
    body: 'No Docker setting of this container asked for it; see what the namespace type says about why.',
  },
  'sharing.unknown': {
    title: 'sharing unknown',
    summary: 'Whether this container\'s {type} namespace is shared could not be read.',
    body: 'The reason is shown with it.',
  },
  'sharing.declared.own': {
    title: 'own (Docker setting)',
    summary: 'Docker will give this container its own {type} namespace when it starts.',
    body: 'Only the setting is known: the container has no process, so there is no namespace to read yet.',
  },
  'sharing.declared.host': {
    title: 'host (Docker setting)',
    summary: 'Docker will put this container in the host\'s {type} namespace when it starts.',
    body: 'Only the setting is known: the container has no process, so there is no namespace to read yet.',
  },
  'sharing.default.own': {
    title: 'own (Docker default)',
    summary: 'Docker will give this container its own {type} namespace when it starts.',
    body: 'No setting of this container asks otherwise; this is what Docker does by default. Only that is known: the container has no process, so there is no namespace to read yet.',
  },
  'sharing.default.host': {
    title: 'host (Docker default)',
    summary: 'Docker will leave this container in the host\'s {type} namespace when it starts.',
    body: 'No setting of this container asks otherwise; this is what Docker does by default. Only that is known: the container has no process, so there is no namespace to read yet.',
  },
  'sharing.declared.joined': {
    title: 'joins {peer} (Docker setting)',
    summary: 'Docker will put this container in {peer}\'s {type} namespace when it starts.',
    body: 'Only the setting is known: the container has no process, so there is no namespace to read yet.',
  },
  'sharing.unread.own': {
    title: 'own (Docker setting)',
    summary: 'Docker\'s setting gives this container its own {type} namespace.',
    body: 'The container is running, but its namespace link could not be read (the reason is shown with it), so only the setting Docker started it with is known, not the kernel\'s inode.',
  },
  'sharing.unread.host': {
    title: 'host (Docker setting)',
    summary: 'Docker\'s setting puts this container in the host\'s {type} namespace.',
    body: 'The container is running, but its namespace link could not be read (the reason is shown with it), so only the setting Docker started it with is known, not the kernel\'s inode.',
  },
  'sharing.unread.default.own': {
    title: 'own (Docker default)',
    summary: 'By Docker\'s default this container has its own {type} namespace.',
    body: 'No setting of this container asks otherwise. The container is running, but its namespace link could not be read (the reason is shown with it), so only that is known, not the kernel\'s inode.',
  },
  'sharing.unread.default.host': {
    title: 'host (Docker default)',
    summary: 'By Docker\'s default this container is in the host\'s {type} namespace.',
    body: 'No setting of this container asks otherwise. The container is running, but its namespace link could not be read (the reason is shown with it), so only that is known, not the kernel\'s inode.',
  },
  'sharing.unread.joined': {
    title: 'joins {peer} (Docker setting)',
    summary: 'Docker\'s setting puts this container in {peer}\'s {type} namespace.',
    body: 'The container is running, but its namespace link could not be read (the reason is shown with it), so only the setting Docker started it with is known: whether {peer} still holds that namespace (it may have restarted since) is the kernel\'s to say.',
  },
  'sharing.declared.joinedBy': {
    title: 'joined by {peers} (Docker setting)',
    summary: '{peers} will join this container\'s {type} namespace.',
    body: 'Only the setting is known.',
  },
  'sharing.declared.shared': {
    title: 'shared with {peers} (Docker setting)',
    summary: 'This container and {peers} will be in the same {type} namespace.',
    body: 'Only the setting is known.',
  },
};
