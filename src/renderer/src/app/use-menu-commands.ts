import { useEffect } from 'react';
import { veza } from '../bridge/veza';
import { useUiStore } from './ui-store';

/** Acts on commands main sends from the application menu. */
export function useMenuCommands(): void {
  const openDialog = useUiStore((state) => state.openDialog);
  useEffect(
    () =>
      veza.on('menu.command', ({ command }) => {
        if (command === 'about') openDialog('about');
      }),
    [openDialog],
  );
}
