import { create } from 'zustand';
import type { Problem } from '../../../shared/problems/problem';
import { defaultAppSettings, type AppSettings } from '../../../shared/settings/app-settings';
import { veza } from '../bridge/veza';

interface SettingsStore {
  settings: AppSettings;
  loaded: boolean;
  /** settings.json could not be used as it was (damaged and set aside, or too new). */
  loadProblem: Problem | null;
  load: () => Promise<void>;
  /** Saves a change in main (settings.json); answers the problem if it could not. */
  update: (change: Partial<AppSettings>) => Promise<Problem | null>;
}

/** The app's settings as main keeps them; the defaults until main has answered. */
export const useSettingsStore = create<SettingsStore>((set, get) => ({
  settings: defaultAppSettings,
  loaded: false,
  loadProblem: null,
  load: async () => {
    if (get().loaded) return;
    const result = await veza.invoke('settings.get', undefined);
    if (result.ok) {
      set({
        settings: result.value.settings,
        loadProblem: result.value.problem ?? null,
        loaded: true,
      });
    }
  },
  update: async (change) => {
    const result = await veza.invoke('settings.update', change);
    if (!result.ok) return result.problem;
    set({ settings: result.value, loaded: true });
    return null;
  },
}));
