import type { SettingsStore } from '../settings/settings-store';
import type { CallHandlers } from './dispatcher';

export function createSettingsHandlers(
  settings: SettingsStore,
): Pick<CallHandlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (change) => settings.update(change),
  };
}
