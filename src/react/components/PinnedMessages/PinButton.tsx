import { useState } from 'react';
import { useStore } from 'zustand';
import type { DisplayMessage } from '../../../core/types';
import type { Catalog } from '../../../i18n/en';
import { useCatalog, useChatClient } from '../../chatContext';

/** Why a pin or unpin was refused, in the reader's words. */
function refusal(catalog: Catalog, pinned: boolean, error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (pinned && code === 'forbidden') return catalog.pins.unpinForbidden;
  if (!pinned && code === 'too_large') return catalog.pins.tooMany;
  return pinned ? catalog.pins.unpinFailed : catalog.pins.pinFailed;
}

/**
 * Pin or Unpin in a message's toolbar. The server decides who may (any member
 * pins; the pinner, the author or an admin unpins); a refusal is said beside
 * the button, as the editor says a failed save. Focus stays on the button,
 * whose label follows the conversation's pins.
 */
export function PinButton({ message }: { message: DisplayMessage }) {
  const catalog = useCatalog();
  const client = useChatClient();
  const pinned = useStore(client.store, (s) => s.conversations[message.conversationId]?.pinnedIds.includes(message.id) ?? false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onClick = () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    (pinned ? client.unpinMessage(message.id) : client.pinMessage(message.id)).then(
      () => setBusy(false),
      // Also reported through the client's error event.
      (e: unknown) => {
        setBusy(false);
        setError(refusal(catalog, pinned, e));
      },
    );
  };
  return (
    <>
      <button
        type="button"
        className="parley-message-action"
        aria-disabled={busy || undefined}
        data-action="pin"
        data-state={pinned ? 'pinned' : 'unpinned'}
        onClick={onClick}
      >
        {pinned ? catalog.pins.unpin : catalog.pins.pin}
      </button>
      {error !== null && (
        <span className="parley-message-actions-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
