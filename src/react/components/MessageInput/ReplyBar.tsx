import { useCatalog } from '../../chatContext';
import { interpolate } from '../../../i18n/text';
import { isolatedSentence } from '../../text/isolate';
import { useQuotedMessage } from '../MessageBubble/MessageQuote';
import { quoteSummary } from '../MessageBubble/quotedMessage';

export interface ReplyBarProps {
  /** Describes the textarea (`aria-describedby`), so focusing it says what is being replied to. */
  id: string;
  conversationId: string;
  /** The thread the input posts in, where the original may be one of its replies. */
  parentId?: string | undefined;
  messageId: string;
  onCancel: () => void;
}

/**
 * Above the message input while a reply is composed: "Replying to <author>",
 * the first line of the quoted message (or its file's name, or that it was
 * deleted), and a button that cancels the reply (Escape in the field does too).
 * Loaded on first use (`components/lazyParts`): it shows only while replying.
 */
export function ReplyBar({ id, conversationId, parentId, messageId, onCancel }: ReplyBarProps) {
  const catalog = useCatalog();
  const { original, name } = useQuotedMessage(conversationId, messageId, parentId);
  const summary = quoteSummary(original);
  const text =
    summary.kind === 'deleted' ? catalog.reply.deleted : summary.kind === 'missing' ? catalog.reply.notLoaded : summary.text;
  return (
    <div className="parley-reply-bar" data-state={summary.kind}>
      <p id={id} className="parley-reply-bar-target">
        <span className="parley-reply-bar-title">
          {name === undefined
            ? catalog.reply.replyingToMessage
            : isolatedSentence((slot) => interpolate(catalog.reply.replyingTo, { name: slot(name) }))}
        </span>
        <span className="parley-visually-hidden">: </span>
        <span className="parley-reply-bar-text" dir="auto">
          {text}
        </span>
      </p>
      <button
        type="button"
        className="parley-reply-bar-cancel"
        aria-label={catalog.reply.cancel}
        title={catalog.reply.cancel}
        // Focus stays in the textarea when the bar is cancelled with the pointer.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onCancel}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
