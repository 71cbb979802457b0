import { useCallback } from 'react';
import { useUiStore } from '../../data/ui-store';
import { useProfilesStore } from '../../data/profiles-store';
import { useDoctorStore } from '../../data/doctor-store';

/** Shows the dashboard and starts checking every instance (unless a run is already going). */
export function useOpenCheckAll(): () => void {
  const setCheckAllOpen = useUiStore((state) => state.setCheckAllOpen);
  const checkAllInstances = useDoctorStore((state) => state.checkAllInstances);
  return useCallback(() => {
    setCheckAllOpen(true);
    void checkAllInstances(useProfilesStore.getState().profiles.length);
  }, [setCheckAllOpen, checkAllInstances]);
}
