import { useEffect } from 'react';
import { veza } from '../bridge/veza';
import { useDoctorEvents } from './use-doctor-events';
import { useProfilesSync } from './use-profiles-sync';
import { useSavedRequestsStore } from './saved-requests-store';

/** Loads the saved requests once and follows every change main reports. */
function useSavedRequestsSync(): void {
  const apply = useSavedRequestsStore((state) => state.apply);
  const failed = useSavedRequestsStore((state) => state.failed);
  useEffect(() => {
    let live = true;
    const unsubscribe = veza.on('savedRequests.changed', ({ requests }) => apply(requests));
    void veza.invoke('saved.list', undefined).then((result) => {
      if (!live) return;
      if (result.ok) apply(result.value.requests);
      else failed(result.problem);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [apply, failed]);
}

/**
 * The window's caches of main's data, kept current by the events main pushes: the instances
 * (profiles.changed), the doctor's live steps and verdicts, the saved requests. The history is
 * per query, so its list loads through useCall with `reloadOn: ['history.changed']`.
 */
export function useWindowData(): void {
  useProfilesSync();
  useDoctorEvents();
  useSavedRequestsSync();
}
