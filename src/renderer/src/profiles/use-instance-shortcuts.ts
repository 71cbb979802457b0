import { useEffect } from 'react';
import { useProfilesStore } from '../data/profiles-store';

/** Ctrl+1..9 (Cmd on macOS) opens the first nine instances, as tabs do in browsers. */
export function useInstanceShortcuts(): void {
  const selectIndex = useProfilesStore((state) => state.selectIndex);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (!/^[1-9]$/.test(event.key)) return;
      event.preventDefault();
      selectIndex(Number(event.key) - 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectIndex]);
}
