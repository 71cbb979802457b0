import type { SettingsStore } from '../settings/settings-store';
import type { CallHandlers } from './dispatcher';

export function createSettingsHandlers(
  settings: SettingsStore,
): Pick<CallHandlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => {
      const problem = settings.problem();
      return { settings: settings.get(), ...(problem ? { problem } : {}) };
    },
    'settings.update': (change) => settings.update(change),
  };
}
