import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import type { User } from '../../../core/protocol';
import type { DisplayMessage } from '../../../core/types';
import type { Receipt } from '../MessageBubble/MessageStatus';
import { partClassName } from '../className';
import { JumpToLatest } from './JumpToLatest';
import { MessageListViewport } from './MessageListViewport';
import { ListRows } from './ListRows';
import { useMessageList } from './useMessageList';

export interface RenderMessageProps {
  message: DisplayMessage;
  author: User | undefined;
  own: boolean;
  showAuthor: boolean;
  receipt: Receipt | undefined;
}

export interface MessageListProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  conversationId: string;
  /** Replace the bubble; the row (separators, keyboard, measuring) stays Parley's. */
  renderMessage?: (props: RenderMessageProps) => ReactNode;
  renderAvatar?: (user: User | undefined) => ReactNode;
  /**
   * Scroll to this message (loading older pages until it is there), focus it
   * and highlight it for a moment. A new id jumps again.
   */
  jumpToMessageId?: string;
  /** Estimated row height before measuring, in px. */
  estimatedRowHeight?: number;
  /** Open a message's thread: the toolbar shows "Reply in thread" only when this is given. */
  onOpenThread?: (rootId: string) => void;
}

/**
 * A conversation's messages, virtualized: the DOM holds only the rows in view
 * whatever the conversation's length. Pinned to the bottom while the reader is
 * there; still while they read history (older pages are prepended around the
 * row in view); a button jumps to new messages that arrive meanwhile.
 * The behaviour is `useMessageList`; this is Parley's markup for it.
 */
export const MessageList = forwardRef<HTMLDivElement, MessageListProps>(function MessageList(
  { conversationId, renderMessage, renderAvatar, estimatedRowHeight, jumpToMessageId, onOpenThread, className, ...rest },
  ref,
) {
  const list = useMessageList({ conversationId, estimatedRowHeight, jumpToMessageId, onOpenThread });
  return (
    <div className={partClassName('parley-message-list', className)} data-state={list.history.status} {...rest}>
      <MessageListViewport ref={ref} list={list}>
        <ListRows list={list} renderMessage={renderMessage} renderAvatar={renderAvatar} />
      </MessageListViewport>
      <JumpToLatest list={list} />
    </div>
  );
});
MessageList.displayName = 'MessageList';
