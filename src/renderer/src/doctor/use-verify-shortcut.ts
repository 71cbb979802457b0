import { useEffect } from 'react';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** How the shortcut is written for this computer. */
export const verifyShortcutText = isMac ? '⌘⇧V' : 'Ctrl+Shift+V';

/** True where Ctrl+Shift+V already means "paste as plain text". */
const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Ctrl+Shift+V (Cmd+Shift+V on macOS) verifies the open instance. In a text field it stays
 * "paste as plain text", and a dialog on top keeps it to itself.
 */
export function useVerifyShortcut(onVerify: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return;
      if (event.key.toLowerCase() !== 'v' || isEditable(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      onVerify();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onVerify]);
}
