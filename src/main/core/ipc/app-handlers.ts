import type { AppInfo } from '../../../shared/ipc/contract';
import type { ClipboardWriter } from '../clipboard-writer';
import type { CallHandlers } from './dispatcher';

export function createAppHandlers(
  appInfo: AppInfo,
  clipboard: ClipboardWriter,
): Pick<CallHandlers, 'app.getInfo' | 'clipboard.writeText'> {
  return {
    'app.getInfo': () => appInfo,
    // What the page copies is what the page already shows: never a secret.
    'clipboard.writeText': async ({ text }) => {
      await clipboard.writeText(text, { containsSecret: false });
      return undefined;
    },
  };
}
