import { useEffect } from 'react';
import { veza } from '../bridge/veza';
import { useDoctorStore } from './doctor-store';

/** Follows the doctor's live events: steps of a running Verify, verdicts of "check all". */
export function useDoctorEvents(): void {
  const applyProgress = useDoctorStore((state) => state.applyProgress);
  const applyChecked = useDoctorStore((state) => state.applyChecked);
  useEffect(() => {
    const stopProgress = veza.on('doctor.progress', applyProgress);
    const stopChecked = veza.on('doctor.checked', applyChecked);
    return () => {
      stopProgress();
      stopChecked();
    };
  }, [applyProgress, applyChecked]);
}
