import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  appSettingsSchema,
  defaultAppSettings,
  type AppSettings,
} from '../../../shared/settings/app-settings';
import { writeFileAtomic } from '../persistence/write-file-atomic';
import { ProblemError } from '../problem-error';

export type SettingsStore = Awaited<ReturnType<typeof openSettingsStore>>;

/** Reads settings.json field by field: a damaged or unknown field falls back to its default. */
function readSettings(text: string): AppSettings {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return defaultAppSettings;
  }
  const settings: Record<string, unknown> = { ...defaultAppSettings };
  for (const [name, field] of Object.entries(appSettingsSchema.shape)) {
    const value = field.safeParse(parsed?.[name]);
    if (value.success) settings[name] = value.data;
  }
  return settings as AppSettings;
}

/**
 * The app's own settings (settings.json in the data folder), written atomically. A missing
 * or damaged file means the defaults: a reminder interval is not worth an alarm.
 */
export async function openSettingsStore(folder: string) {
  const file = path.join(folder, 'settings.json');
  let current = await readFile(file, 'utf8').then(readSettings, () => defaultAppSettings);
  let writing: Promise<unknown> = Promise.resolve();
  return {
    get: (): AppSettings => current,
    update: (change: Partial<AppSettings>): Promise<AppSettings> => {
      // One write at a time, in order; memory changes only once the file holds it.
      const write = writing.then(async () => {
        const next = appSettingsSchema.parse({ ...current, ...change });
        try {
          await writeFileAtomic(file, `${JSON.stringify({ version: 1, ...next }, null, 2)}\n`);
        } catch (error) {
          throw ProblemError.of('FILE_UNWRITABLE', {
            errorCode: (error as NodeJS.ErrnoException).code,
            facts: { file: 'settings.json' },
          });
        }
        current = next;
        return next;
      });
      writing = write.catch(() => {});
      return write;
    },
  };
}
