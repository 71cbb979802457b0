import { dialog, shell, type BrowserWindow } from 'electron';
import { releaseRepository } from './core/updates/release-source';
import type { UpdateChecker } from './core/updates/update-checker';
import { createUpdateMenuAction } from './update-check-dialog';

/**
 * Help > Check for updates… with Electron's message box (on the main window when there is one)
 * and the system browser; what it shows and opens is update-check-dialog.ts's.
 */
export function createElectronUpdateCheck(
  checker: UpdateChecker,
  currentWindow: () => BrowserWindow | undefined,
): () => void {
  const action = createUpdateMenuAction({
    check: () => checker.check(),
    showMessageBox: (options) => {
      const window = currentWindow();
      return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
    },
    openExternal: (url) => shell.openExternal(url),
    repository: releaseRepository,
  });
  return () => void action();
}
