import { useEffect } from 'react';
import { veza } from '../bridge/veza';
import { useProfilesStore } from './profiles-store';

/** Loads the instances once and follows every change main reports. */
export function useProfilesSync(): void {
  const apply = useProfilesStore((state) => state.apply);
  const showProblem = useProfilesStore((state) => state.showProblem);
  useEffect(() => {
    let live = true;
    const unsubscribe = veza.on('profiles.changed', (state) => apply(state));
    void veza.invoke('profiles.list', undefined).then((result) => {
      if (!live) return;
      if (result.ok) apply(result.value);
      else showProblem(result.problem);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [apply, showProblem]);
}
