import { useEffect } from 'react';
import { veza } from '../bridge/veza';
import { useDoctorEvents } from './use-doctor-events';
import { useIntegrationsAcross } from './use-integrations-across';
import { useProfilesSync } from './use-profiles-sync';
import { useSavedRequestsStore } from './saved-requests-store';

/** Follows every change of the saved requests main reports (the list loads when first shown). */
function useSavedRequestsSync(): void {
  const apply = useSavedRequestsStore((state) => state.apply);
  useEffect(() => veza.on('savedRequests.changed', ({ requests }) => apply(requests)), [apply]);
}

/**
 * The window's caches of main's data, kept current by the events main pushes: the instances
 * (profiles.changed), the doctor's live steps and verdicts (and Check all's integration reads), the saved requests. The history is
 * per query, so its list loads through useCall with `reloadOn: ['history.changed']`.
 */
export function useWindowData(): void {
  useProfilesSync();
  useDoctorEvents();
  useIntegrationsAcross();
  useSavedRequestsSync();
}
