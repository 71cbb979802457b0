import { useEffect } from 'react';
import { veza } from '../bridge/veza';
import { useOpenCheckAll } from '../doctor/check-all/use-open-check-all';
import { useProfilesStore } from '../data/profiles-store';
import { useUiStore } from '../data/ui-store';

/** Acts on commands main sends from the application menu. */
export function useMenuCommands(): void {
  const openDialog = useUiStore((state) => state.openDialog);
  const selectRelative = useProfilesStore((state) => state.selectRelative);
  const openCheckAll = useOpenCheckAll();
  const openFailingAcross = useUiStore((state) => state.setFailingAcrossOpen);
  useEffect(
    () =>
      veza.on('menu.command', ({ command }) => {
        if (command === 'about') openDialog({ kind: 'about' });
        if (command === 'add-instance') openDialog({ kind: 'profile-form' });
        if (command === 'check-all') openCheckAll();
        if (command === 'failing-integrations') openFailingAcross(true);
        if (command === 'next-instance') selectRelative(1);
        if (command === 'previous-instance') selectRelative(-1);
      }),
    [openDialog, selectRelative, openCheckAll, openFailingAcross],
  );
}
