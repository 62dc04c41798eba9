import { forwardRef, memo, useContext, type KeyboardEvent, type ReactNode } from 'react';
import type { User } from '../../../core/protocol';
import type { DisplayMessage } from '../../../core/types';
import { formatDay } from '../../../i18n/format';
import { useCatalog } from '../../ChatProvider';
import { MessageBubble } from '../MessageBubble/MessageBubble';
import type { Receipt } from '../MessageBubble/MessageStatus';
import type { RenderMessageProps } from './MessageList';
import { MessageActions, MessageEditor } from '../lazyParts';
import { MessageActionsContext } from './messageActionsContext';
import { nextControl } from './nextControl';
import { computeRowMeta } from './rowMeta';

interface MessageRowProps {
  index: number;
  start: number;
  message: DisplayMessage;
  prev: DisplayMessage | undefined;
  author: User | undefined;
  own: boolean;
  userId: string;
  unreadAfterSeq: number | null;
  receipt: Receipt | undefined;
  active: boolean;
  /** Just jumped to: drawn with a highlight for a moment. */
  highlighted: boolean;
  /** The one row that is hovered or focused: shows the action toolbar. */
  showActions: boolean;
  /** The bubble's text is being edited. */
  editing: boolean;
  renderMessage: ((props: RenderMessageProps) => ReactNode) | undefined;
  renderAvatar: ((user: User | undefined) => ReactNode) | undefined;
}

/**
 * One virtual row: its separators and the bubble. Memoized on its inputs, so
 * a new message re-renders only its own row (and the one before, whose
 * grouping may change), never the whole list.
 */
export const MessageRow = memo(
  forwardRef<HTMLDivElement, MessageRowProps>(function MessageRow({
  index,
  start,
  message,
  prev,
  author,
  own,
  userId,
  unreadAfterSeq,
  receipt,
  active,
  highlighted,
  showActions,
  editing,
  renderMessage,
  renderAvatar,
}: MessageRowProps, ref) {
  const catalog = useCatalog();
  const meta = computeRowMeta(prev, message, { userId, unreadAfterSeq });
  // Only stored, live user messages can be reacted to, edited or deleted.
  const actionable = message.status === 'sent' && message.deletedAt === undefined && message.kind !== 'system';
  const api = useContext(MessageActionsContext);
  const editor = editing && own && actionable && api ? <MessageEditor message={message} api={api} /> : undefined;
  const toolbar = showActions && actionable && !editor && api !== null;
  // Tab through the row ends in its toolbar. If the toolbar's code is still on its way,
  // focus waits where it is and moves on when the toolbar mounts, rather than
  // jumping past the row to whatever comes after the list. A second Tab is not held.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab' || event.shiftKey || !api || !MessageActions.loading() || api.awaitsFocus('toolbar', message.id)) return;
    if (!(event.target instanceof Element) || nextControl(event.currentTarget, event.target)) return;
    event.preventDefault();
    api.focusOnMount('toolbar', message.id);
  };
  return (
    <div
      ref={ref}
      className="parley-message-row"
      role="article"
      aria-posinset={index + 1}
      // -1: a live feed's total is unknown (older pages, new arrivals); a number here
      // would change with every message and re-render every row.
      aria-setsize={-1}
      aria-label={own ? catalog.message.you : (author?.name ?? message.authorId)}
      tabIndex={active ? 0 : -1}
      data-index={index}
      data-message-id={message.id}
      data-status={message.status}
      data-own={own ? 'true' : 'false'}
      data-highlighted={highlighted ? 'true' : undefined}
      style={{ transform: `translateY(${start}px)` }}
      onKeyDown={toolbar ? onKeyDown : undefined}
    >
      {meta.showDate && (
        <div className="parley-date-separator">
          <span>{formatDay(catalog, message.createdAt)}</span>
        </div>
      )}
      {meta.unreadStart && (
        <div className="parley-unread-separator">
          <span>{catalog.messageList.unreadSeparator}</span>
        </div>
      )}
      {renderMessage ? (
        <>
          {renderMessage({ message, author, own, showAuthor: meta.showAuthor, receipt })}
          {editor}
        </>
      ) : (
        <MessageBubble
          message={message}
          author={author}
          own={own}
          showAuthor={meta.showAuthor}
          receipt={receipt}
          renderAvatar={renderAvatar}
          editor={editor}
        />
      )}
      {toolbar && api && <MessageActions message={message} own={own} api={api} />}
    </div>
  );
  }),
);
