import { useDoctorStore } from './doctor-store';

/** True while a Verify or a "check all" run is still waiting for this instance's verdict. */
export function useIsChecking(profileId: string): boolean {
  return useDoctorStore(
    (state) =>
      state.live[profileId] !== undefined ||
      (state.checkAll?.running === true && !state.checkAll.checked.includes(profileId)),
  );
}
