import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
  /** The label of the button that closes without doing anything ("Cancel" in forms). */
  closeLabel?: string;
  /**
   * Where focus starts: the close button when the other choice can do harm. Otherwise the
   * element marked `data-safe-choice`, else the first control of the body.
   */
  focusClose?: boolean;
  /** Nothing can be stopped or closed right now (a step that must finish is running). */
  closeDisabled?: boolean;
}

/**
 * A modal on the native <dialog> element: the browser traps focus, Escape closes it, and
 * screen readers announce it by its title.
 */
export function ModalDialog({
  title,
  onClose,
  children,
  actions,
  closeLabel = 'Close',
  focusClose = false,
  closeDisabled = false,
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // Where focus goes back to when the dialog closes: the control that opened it.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    // The browser may start on the scrolling body itself; a form starts on its first field.
    const start =
      dialog?.querySelector<HTMLElement>('[data-safe-choice]') ??
      dialog?.querySelector<HTMLElement>(
        '.modal-body :is(input, select, textarea, button, summary, [tabindex="0"]):not(:disabled)',
      );
    start?.focus();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!closeDisabled) onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="modal-body">{children}</div>
      <div className="modal-actions">
        {actions}
        <button
          type="button"
          onClick={onClose}
          disabled={closeDisabled}
          {...(focusClose ? { 'data-safe-choice': '' } : {})}
        >
          {closeLabel}
        </button>
      </div>
    </dialog>
  );
}
