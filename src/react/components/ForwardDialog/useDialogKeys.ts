import { useCallback, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * Keys inside a modal dialog: Tab and Shift+Tab cycle through its controls
 * (the page behind is inert, and focus must not leave for the browser's own
 * UI either), Escape closes. Keys stop here: the dialog may sit inside a
 * message row, whose list would otherwise read them as its own.
 */
export function useDialogKeys(dialog: RefObject<HTMLDialogElement | null>, onClose: () => void) {
  return useCallback(
    (event: KeyboardEvent<HTMLDialogElement>) => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
        return;
      }
      if (event.key !== 'Tab' || !dialog.current) return;
      const controls = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = controls[0];
      const last = controls[controls.length - 1];
      if (!first || !last) return;
      const active = document.activeElement;
      if (event.shiftKey && (active === first || active === dialog.current)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    },
    [dialog, onClose],
  );
}
