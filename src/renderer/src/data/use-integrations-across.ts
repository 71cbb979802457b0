import { useEffect } from 'react';
import { useDoctorStore } from './doctor-store';
import { useIntegrationsAcrossStore } from './integrations-across-store';
import { useProfilesStore } from './profiles-store';

/**
 * Check all's Integrations column follows its verdicts: a new run forgets the last run's reads,
 * and each instance's integrations are read once its verdict has landed (never before, so the
 * checks themselves are not slowed).
 */
export function useIntegrationsAcross(): void {
  useEffect(
    () =>
      useDoctorStore.subscribe((state, previous) => {
        const run = state.checkAll;
        if (!run || run === previous.checkAll) return;
        const across = useIntegrationsAcrossStore.getState();
        const started = run.running && !previous.checkAll?.running;
        if (started) across.reset();
        const before = started ? [] : (previous.checkAll?.checked ?? []);
        if (run.checked.length === before.length) return;
        const profiles = useProfilesStore.getState().profiles;
        for (const id of run.checked) {
          const result = state.results[id];
          const profile = profiles.find((candidate) => candidate.id === id);
          if (result && profile) across.follow(profile, result);
        }
      }),
    [],
  );
}
