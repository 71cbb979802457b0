import type { AppInfo } from '../../../shared/ipc/contract';
import type { CallHandlers } from './dispatcher';

export function createAppHandlers(appInfo: AppInfo): Pick<CallHandlers, 'app.getInfo'> {
  return {
    'app.getInfo': () => appInfo,
  };
}
