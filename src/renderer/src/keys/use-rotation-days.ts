import { useEffect } from 'react';
import { useSettingsStore } from '../data/settings-store';

/** The rotation reminder in days, loaded from main on first use. */
export function useRotationDays(): number {
  const days = useSettingsStore((state) => state.settings.keyRotationDays);
  const load = useSettingsStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return days;
}
