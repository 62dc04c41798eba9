import { useVirtualizer } from './useVirtualizer';
import { forwardRef, useCallback, useEffect, useRef, useState, type ForwardedRef, type HTMLAttributes, type ReactNode, type RefObject } from 'react';
import { countConfirmedAfter, lastSeq, timelineAt } from '../../../core/messageTimeline';
import type { User } from '../../../core/protocol';
import type { DisplayMessage } from '../../../core/types';
import { interpolate, plural } from '../../../i18n/format';
import { useCatalog, useChatClient } from '../../ChatProvider';
import { useChatStore } from '../../hooks/useChatStore';
import { useConversation, useCurrentUserId } from '../../hooks/useConversations';
import { useHistory, useLoadedTimeline, useMessageTimeline } from '../../hooks/useMessages';
import type { Receipt } from '../MessageBubble/MessageStatus';
import { ListHeader } from './ListHeader';
import { MessageActions } from '../lazyParts';
import { MessageActionsContext, useMessageActionsApi } from './messageActionsContext';
import { MessageRow } from './MessageRow';
import { useActionsRow } from './useActionsRow';
import { useJumpToMessage } from './useJumpToMessage';
import { useListKeyboard } from './useListKeyboard';
import { useNewMessageAnnouncer } from './useNewMessageAnnouncer';
import { useReadTracking } from './useReadTracking';
import { scrollFromCurrentPosition } from './scrollFromCurrentPosition';
import { useReceipts } from './useReceipts';

/** Room above the first message for the "loading" / "start of conversation" row. */
const HEADER_HEIGHT = 48;
/** Within this many px of the bottom counts as "at the bottom" (pinned). */
const PIN_THRESHOLD = 32;
/** Start loading older messages this close to the top. */
const LOAD_OLDER_THRESHOLD_PX = 600;

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
}

/**
 * A conversation's messages, virtualized: the DOM holds only the rows in view
 * whatever the conversation's length. Pinned to the bottom while the reader is
 * there; still while they read history (older pages are prepended around the
 * row in view); a button jumps to new messages that arrive meanwhile.
 */
export const MessageList = forwardRef<HTMLDivElement, MessageListProps>(function MessageList(props, ref) {
  const timeline = useMessageTimeline(props.conversationId);
  // A fresh list (and virtualizer) per conversation, and again when the first
  // messages arrive: a virtualizer that starts with rows opens at the newest in
  // its first frame, where one that grows from empty shows an estimated
  // position for a frame and then snaps down.
  const hadFocus = useRef(false);
  const phase = timeline.length > 0 ? 'rows' : 'empty';
  return <MessageListView key={`${props.conversationId}\u0000${phase}`} {...props} scrollerRef={ref} hadFocus={hadFocus} />;
});

function MessageListView({
  conversationId,
  renderMessage,
  renderAvatar,
  estimatedRowHeight = 72,
  jumpToMessageId,
  className,
  scrollerRef: ref,
  hadFocus,
  ...rest
}: MessageListProps & { scrollerRef: ForwardedRef<HTMLDivElement>; hadFocus: RefObject<boolean> }) {
  const client = useChatClient();
  const catalog = useCatalog();
  const userId = useCurrentUserId();
  // The outer MessageList asks for the page; this view only reads what is there.
  const timeline = useLoadedTimeline(conversationId);
  const history = useHistory(conversationId);
  const conversation = useConversation(conversationId);
  const users = useChatStore((s) => s.users);
  const scrollRef = useRef<HTMLDivElement | null>(null);

  const getItemKey = useCallback((index: number) => timelineAt(timeline, index)?.clientId ?? index, [timeline]);
  const virtualizer = useVirtualizer({
    count: timeline.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    getItemKey,
    scrollToFn: scrollFromCurrentPosition,
    overscan: 6,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: PIN_THRESHOLD,
    paddingStart: HEADER_HEIGHT,
    paddingEnd: 8,
    // Open at the newest message when mounting with messages already loaded.
    initialOffset: () => (timeline.length > 0 ? HEADER_HEIGHT + timeline.length * estimatedRowHeight : 0),
  });
  const items = virtualizer.getVirtualItems();
  const atBottom = timeline.length === 0 || virtualizer.isAtEnd(PIN_THRESHOLD);

  const { unreadAfterSeq } = useReadTracking(client, conversationId, conversation, userId, atBottom && history.status === 'ready');

  // A conversation opens at its newest message (initialOffset, or followOnAppend
  // when the first page arrives after mounting). History may load only once
  // that scroll has landed: until its scroll event is processed (a frame
  // later) the virtualizer still reads offset 0, which looks like "at the top".
  const [positioned, setPositioned] = useState<string | null>(null);
  const positioning = positioned !== conversationId && timeline.length > 0;
  useEffect(() => {
    if (!positioning) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => setPositioned(conversationId));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [positioning, conversationId]);

  // Your own new message always brings you to the bottom, wherever you were.
  const ownPending = timeline.pending.length;
  const prevOwnPending = useRef(ownPending);
  useEffect(() => {
    if (ownPending > prevOwnPending.current) virtualizer.scrollToEnd();
    prevOwnPending.current = ownPending;
  }, [ownPending, virtualizer]);

  // Count arrivals from others since the reader left the bottom.
  const seenSeq = useRef<number>(0);
  const newest = lastSeq(timeline) ?? 0;
  if (atBottom) seenSeq.current = newest;
  const newCount = atBottom ? 0 : countConfirmedAfter(timeline, seenSeq.current, (m) => m.authorId !== userId);

  // Older pages load before the reader reaches the top, so scrolling rarely waits.
  // The virtualizer's offset is the layout position; the DOM's scrollTop can lag
  // behind it while a prepend correction is held.
  const offset = virtualizer.scrollOffset ?? 0;
  const canLoadOlder = positioned === conversationId && history.status === 'ready' && history.hasOlder && !history.loadingOlder;
  useEffect(() => {
    if (!canLoadOlder || offset >= LOAD_OLDER_THRESHOLD_PX) return;
    client.loadOlder(conversationId).catch(() => {
      // The header row offers a retry; the error is also in the client's error event.
    });
  }, [canLoadOlder, offset, client, conversationId]);

  const announcement = useNewMessageAnnouncer(timeline, history.status === 'ready', userId, users, catalog);
  const keyboard = useListKeyboard(virtualizer, timeline.length, scrollRef);
  const highlightedId = useJumpToMessage(jumpToMessageId, client, conversationId, timeline, virtualizer, keyboard.moveTo);

  const receiptOf = useReceipts(conversation, userId);

  // One row at a time shows actions (hovered or focused); one at a time is edited.
  const actionsRow = useActionsRow();
  const { api: actionsApi, editingId } = useMessageActionsApi();

  const setScrollRef = useCallback(
    (node: HTMLDivElement | null) => {
      // The list was focused when it was replaced (first messages arrived): keep focus here.
      if (node && hadFocus.current && (document.activeElement === null || document.activeElement === document.body)) {
        node.focus({ preventScroll: true });
      }
      scrollRef.current = node;
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    },
    [ref, hadFocus],
  );

  const title = conversation?.title ?? conversationId;
  const busy = history.status === 'loading' || history.loadingOlder;
  return (
    <MessageActionsContext.Provider value={actionsApi}>
    <div className={['parley-message-list', className].filter(Boolean).join(' ')} data-state={history.status} {...rest}>
      <div
        ref={setScrollRef}
        className="parley-message-list-scroller"
        tabIndex={keyboard.listTabIndex}
        onKeyDown={keyboard.onKeyDown}
        onFocus={(event) => {
          hadFocus.current = true;
          keyboard.onFocus(event);
          const index = (event.target as HTMLElement).getAttribute('data-index');
          if (index !== null && Number(index) !== keyboard.activeIndex) keyboard.activate(Number(index));
          actionsRow.onFocusIn(event);
          void MessageActions.preload();
        }}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) hadFocus.current = false;
          actionsRow.onFocusOut(event);
        }}
        // The toolbar's code is fetched as the pointer or focus comes in, before a row asks for it.
        onPointerEnter={() => void MessageActions.preload()}
        onPointerMove={actionsRow.onPointerMove}
        onPointerLeave={actionsRow.onPointerLeave}
        data-at-bottom={atBottom ? 'true' : 'false'}
      >
        {/* Outside the feed: a feed may contain only articles. */}
        <ListHeader
          height={HEADER_HEIGHT}
          history={history}
          empty={timeline.length === 0}
          onRetry={() => {
            const retry = history.status === 'error' ? client.openConversation(conversationId) : client.loadOlder(conversationId);
            retry.catch(() => undefined);
          }}
        />
        <div
          className="parley-message-list-sizer"
          // An idle feed must hold articles; with none, the header row says why.
          {...(timeline.length > 0 || busy
            ? { role: 'feed', 'aria-label': interpolate(catalog.messageList.label, { title }), 'aria-busy': busy }
            : {})}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const message = timelineAt(timeline, item.index);
            if (!message) return null;
            const own = message.authorId === userId;
            return (
              <MessageRow
                key={item.key}
                ref={virtualizer.measureElement}
                index={item.index}
                start={item.start}
                message={message}
                prev={timelineAt(timeline, item.index - 1)}
                author={users[message.authorId]}
                own={own}
                userId={userId}
                unreadAfterSeq={unreadAfterSeq}
                receipt={receiptOf(message, own)}
                active={keyboard.activeIndex === item.index}
                highlighted={highlightedId !== undefined && (message.id === highlightedId || message.clientId === highlightedId)}
                showActions={actionsRow.actionsId === message.id}
                editing={editingId === message.id}
                renderMessage={renderMessage}
                renderAvatar={renderAvatar}
              />
            );
          })}
        </div>
      </div>
      {!atBottom && (
        <button
          type="button"
          className="parley-jump-button"
          data-has-new={newCount > 0 ? 'true' : 'false'}
          onClick={() => virtualizer.scrollToEnd({ behavior: 'auto' })}
        >
          {newCount > 0 ? plural(catalog, catalog.messageList.newMessages, newCount) : catalog.messageList.jumpToLatest}
        </button>
      )}
      <div className="parley-visually-hidden" role="log" aria-live="polite" aria-relevant="additions text">
        {announcement}
      </div>
    </div>
    </MessageActionsContext.Provider>
  );
}
MessageList.displayName = 'MessageList';
