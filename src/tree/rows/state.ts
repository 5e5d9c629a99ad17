import type { ContainerState } from '../../core/model';
import type { Translate } from './types';

export function stateText(state: ContainerState, t: Translate): string {
  switch (state) {
    case 'created': return t('created');
    case 'running': return t('running');
    case 'paused': return t('paused');
    case 'restarting': return t('restarting');
    case 'removing': return t('removing');
    case 'exited': return t('exited');
    case 'dead': return t('dead');
  }
}
