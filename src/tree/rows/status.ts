import { langOf } from '../../core/i18n';
import type { HostAnatomy } from '../../core/model';
import { localizeReason } from '../../core/reasons';
import { tooltip, type Row, type Translate } from './types';

/**
 * What the tree shows while the engine cannot be reached. Welcome views are hidden as soon
 * as the view shows a message, and the message is where the reason goes, so the actions a
 * welcome view would offer are rows here.
 */
export function unreachableRows(reason: string, t: Translate): Row[] {
  const action = (key: string, label: string, icon: string, id: string, args?: unknown[]): Row => ({
    id: `status:${key}`,
    kind: 'action',
    label,
    contextValue: 'action',
    icon: { id: icon },
    command: { id, ...(args ? { args } : {}) },
    tooltip: tooltip(label, [{ topic: 'ui.unreachable' }], [], reason ? [localizeReason(reason, langOf(t))] : []),
  });
  return [
    action('retry', t('Retry'), 'debug-restart', 'containerAnatomy.engine.retry'),
    action('select', t('Select Engine/Context'), 'plug', 'containerAnatomy.engine.select'),
    action('settings', t('Open Settings'), 'settings-gear', 'workbench.action.openSettings', ['containerAnatomy.engine']),
  ];
}

/** The words naming the engine at the top of the view (message and description), when it is not Docker: "Podman 4.3.1". */
export function engineLabel(host: HostAnatomy | undefined, t: Translate): string | undefined {
  return host?.engine.kind === 'podman' ? t('Podman {0}', host.engine.serverVersion) : undefined;
}
