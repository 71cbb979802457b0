import type { AppInfo } from '../../../shared/ipc/contract';
import type { CallHandlers } from './dispatcher';

/** The system clipboard, provided by Electron in the app and recorded in tests. */
export interface Clipboard {
  writeText(text: string): void;
}

export function createAppHandlers(
  appInfo: AppInfo,
  clipboard: Clipboard,
): Pick<CallHandlers, 'app.getInfo' | 'clipboard.writeText'> {
  return {
    'app.getInfo': () => appInfo,
    'clipboard.writeText': ({ text }) => {
      clipboard.writeText(text);
      return undefined;
    },
  };
}
