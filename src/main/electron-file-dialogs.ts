import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogs } from './core/file-dialogs';

/** The OS open/save dialogs, attached to the main window so they stay in front of it. */
export function createElectronFileDialogs(getWindow: () => BrowserWindow | undefined): FileDialogs {
  return {
    async chooseFileToOpen({ title, filters }) {
      const window = getWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    },
    async chooseFileToSave({ title, defaultName, filters }) {
      const window = getWindow();
      const options = { title, defaultPath: defaultName, filters };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled ? undefined : result.filePath;
    },
  };
}
