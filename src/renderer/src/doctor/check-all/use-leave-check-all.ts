import { useEffect } from 'react';
import { useUiStore } from '../../data/ui-store';
import { useProfilesStore } from '../../data/profiles-store';

/**
 * Opening an instance (sidebar, Ctrl+1…9, next/previous) leaves the dashboard for it. A click
 * on the instance that was already active is handled by the sidebar itself.
 */
export function useLeaveCheckAllOnSwitch(): void {
  useEffect(
    () =>
      useProfilesStore.subscribe((state, previous) => {
        if (state.activeId !== previous.activeId && previous.activeId !== null) {
          // Closes the failing integrations list too: the overviews take turns.
          useUiStore.getState().setCheckAllOpen(false);
        }
      }),
    [],
  );
}
