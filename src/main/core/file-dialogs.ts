/** File filters as the OS dialogs take them, e.g. { name: 'JSON', extensions: ['json'] }. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * Open and save dialogs, so the window never names a path main should read or write: main asks
 * the user itself. Electron's dialog module in the app; a scripted stand-in in tests.
 * Both answer undefined when the user cancels.
 */
export interface FileDialogs {
  chooseFileToOpen(options: { title: string; filters: FileFilter[] }): Promise<string | undefined>;
  chooseFileToSave(options: {
    title: string;
    defaultName: string;
    filters: FileFilter[];
  }): Promise<string | undefined>;
}
