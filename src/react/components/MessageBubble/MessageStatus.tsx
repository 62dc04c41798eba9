import type { Receipt } from '../../../core/selectors';
import type { DisplayMessage } from '../../../core/types';
import { useCatalog, useChatClient } from '../../ChatProvider';
import { SmallButton } from '../SmallButton';

/** Beyond "sent": another member has the message (delivered) or has read it (core's rule). */
export type { Receipt };

/** Delivery state of an own message; a failed one offers retry and delete. */
export function MessageStatus({ message, receipt }: { message: DisplayMessage; receipt?: Receipt | undefined }) {
  const catalog = useCatalog();
  const client = useChatClient();
  if (message.status === 'failed') {
    return (
      <span className="parley-message-status" data-status="failed" role="alert">
        <span className="parley-message-status-text">{catalog.message.failed}</span>
        <SmallButton
          onClick={() => {
            client.retryMessage(message.clientId).catch(() => {
              // A second failure shows up as the same failed state.
            });
          }}
        >
          {catalog.message.retry}
        </SmallButton>
        <SmallButton
          data-variant="danger"
          onClick={() => {
            void client.discardMessage(message.clientId);
          }}
        >
          {catalog.message.delete}
        </SmallButton>
      </span>
    );
  }
  const state = message.status === 'sending' ? 'sending' : (receipt ?? 'sent');
  return (
    <span className="parley-message-status" data-status={state}>
      {catalog.message[state]}
    </span>
  );
}
