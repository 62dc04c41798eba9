import { useRef, useState } from 'react';
import type { DisplayMessage } from '../../../core/types';
import { useCatalog } from '../../chatContext';
import { ForwardDialog } from './ForwardDialog';

/** Forward in a message's toolbar: opens the forward dialog, and takes focus back when it closes. */
export function ForwardButton({ message }: { message: DisplayMessage }) {
  const catalog = useCatalog();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="parley-message-action"
        data-action="forward"
        aria-haspopup="dialog"
        aria-expanded={open}
        // Fetched as the pointer or focus arrives, so the dialog opens at once.
        onPointerEnter={() => void ForwardDialog.preload()}
        onFocus={() => void ForwardDialog.preload()}
        onClick={() => setOpen(true)}
      >
        {catalog.forward.action}
      </button>
      {open && (
        <ForwardDialog
          message={message}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}
