import {
  appSettingsSchema,
  defaultAppSettings,
  type AppSettings,
} from '../../../shared/settings/app-settings';
import type { DocumentFormat } from '../persistence/document-file';
import { openDocumentStore } from '../persistence/document-store';

export type SettingsStore = Awaited<ReturnType<typeof openSettingsStore>>;

/**
 * settings.json, read field by field: a field that fails its schema falls back to its default
 * and counts as left out (the store sets the original aside, as for any damaged file).
 */
export const settingsFormat: DocumentFormat<AppSettings> = {
  fileName: 'settings.json',
  version: 1,
  empty: () => defaultAppSettings,
  read: (data) => {
    const settings: Record<string, unknown> = { ...defaultAppSettings };
    let leftOut = 0;
    for (const [name, field] of Object.entries(appSettingsSchema.shape)) {
      if (!(name in data)) continue;
      const value = field.safeParse(data[name]);
      if (value.success) settings[name] = value.data;
      else leftOut += 1;
    }
    return { document: settings as AppSettings, leftOut };
  },
  write: (settings) => ({ ...settings }),
};

/** The app's own settings (settings.json in the data folder), through the document store. */
export async function openSettingsStore(folder: string) {
  const store = await openDocumentStore(folder, settingsFormat);
  return {
    get: (): AppSettings => store.current(),
    /** What the user is told about settings.json: damaged and set aside, or too new. */
    problem: () => store.status().problem,
    /** Saves a change; memory changes only once the file holds it. */
    update: (change: Partial<AppSettings>): Promise<AppSettings> =>
      store.commit((current) => {
        const next = appSettingsSchema.parse({ ...current, ...change });
        return { document: next, value: next };
      }),
  };
}
