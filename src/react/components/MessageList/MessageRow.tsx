import { forwardRef, memo, useContext, type KeyboardEvent, type ReactNode } from 'react';
import type { User } from '../../../core/protocol';
import { useCatalog } from '../../ChatProvider';
import { MessageBubble } from '../MessageBubble/MessageBubble';
import type { RenderMessageProps } from './MessageList';
import { MessageActions as ActionsCode } from '../lazyParts';
import { isActionable, MessageActions, MessageEditor } from './rowParts';
import { MessageActionsContext } from './messageActionsContext';
import { nextControl } from './nextControl';
import { rowAttributes } from './rowAttributes';
import type { RowMeta } from './rowMeta';
import { DateSeparator, UnreadSeparator } from './Separators';
import type { MessageListRow } from './useMessageList';

/** A list row's own values with its meta spread out: plain values, which the memo compares one by one. */
interface MessageRowProps
  extends Pick<MessageListRow, 'index' | 'start' | 'message' | 'author' | 'own' | 'receipt' | 'active' | 'highlighted' | 'showActions' | 'editing'>,
    RowMeta {
  renderMessage: ((props: RenderMessageProps) => ReactNode) | undefined;
  renderAvatar: ((user: User | undefined) => ReactNode) | undefined;
  /** Drawn under the message, inside the row (a thread's root: its reply count). */
  after?: ReactNode;
}

/**
 * One virtual row of MessageList: its separators and the bubble. Memoized on
 * plain values, so a new message re-renders only the rows whose grouping,
 * separators or receipt change, never the whole list.
 */
export const MessageRow = memo(
  forwardRef<HTMLDivElement, MessageRowProps>(function MessageRow({
  index,
  start,
  message,
  showDate,
  showAuthor,
  unreadStart,
  author,
  own,
  receipt,
  active,
  highlighted,
  showActions,
  editing,
  renderMessage,
  renderAvatar,
  after,
}: MessageRowProps, ref) {
  const catalog = useCatalog();
  const actionable = isActionable(message);
  const api = useContext(MessageActionsContext);
  const editor = editing && own && actionable && api ? <MessageEditor message={message} /> : undefined;
  const toolbar = showActions && actionable && !editor && api !== null;
  // Tab through the row ends in its toolbar. If the toolbar's code is still on its way,
  // focus waits where it is and moves on when the toolbar mounts, rather than
  // jumping past the row to whatever comes after the list. A second Tab is not held.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab' || event.shiftKey || !api || !ActionsCode.loading() || api.awaitsFocus('toolbar', message.id)) return;
    if (!(event.target instanceof Element) || nextControl(event.currentTarget, event.target)) return;
    event.preventDefault();
    api.focusOnMount('toolbar', message.id);
  };
  return (
    <div
      ref={ref}
      className="parley-message-row"
      {...rowAttributes({ index, start, message, own, label: own ? catalog.message.you : (author?.name ?? message.authorId), active, highlighted })}
      onKeyDown={toolbar ? onKeyDown : undefined}
    >
      {showDate && <DateSeparator time={message.createdAt} />}
      {unreadStart && <UnreadSeparator />}
      {renderMessage ? (
        <>
          {renderMessage({ message, author, own, showAuthor, receipt })}
          {editor}
        </>
      ) : (
        <MessageBubble
          message={message}
          author={author}
          own={own}
          showAuthor={showAuthor}
          receipt={receipt}
          renderAvatar={renderAvatar}
          editor={editor}
        />
      )}
      {toolbar && <MessageActions message={message} own={own} />}
      {after}
    </div>
  );
  }),
);
