import { useCallback, useEffect, useRef, type FocusEvent, type KeyboardEvent, type PointerEvent, type RefCallback } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { countConfirmedAfter, lastSeq, type MessageTimeline } from '../../../core/messageTimeline';
import type { Conversation, User } from '../../../core/protocol';
import type { ChatMessage, DisplayMessage, HistoryState } from '../../../core/types';
import { useCatalog, useChatClient } from '../../ChatProvider';
import { useChatStore } from '../../hooks/useChatStore';
import { useCurrentUserId } from '../../hooks/useConversations';
import type { Receipt } from '../MessageBubble/MessageStatus';
import { MessageActions } from '../lazyParts';
import { keepSeenRowsStill } from './keepSeenRowsStill';
import { useMessageActionsApi, type MessageActionsApi } from './messageActionsContext';
import { rowAttributes, type RowAttributes } from './rowAttributes';
import { replyToMessage } from './replyToMessage';
import { computeRowMeta, type RowMeta } from './rowMeta';
import { scrollFromCurrentPosition } from './scrollFromCurrentPosition';
import { useActionsRow } from './useActionsRow';
import { useJumpToMessage } from './useJumpToMessage';
import { useListKeyboard } from './useListKeyboard';
import { useListSource, type ListSubject } from './useListSource';
import { useNewMessageAnnouncer } from './useNewMessageAnnouncer';
import { useOlderPages } from './useOlderPages';
import { useReadTracking } from './useReadTracking';
import { useReceipts } from './useReceipts';
import { useVirtualizer } from './useVirtualizer';

/** Room above the first message for the "loading" / "start of conversation" row. */
export const LIST_HEADER_HEIGHT = 48;
/** Within this many px of the bottom counts as "at the bottom" (pinned). */
const PIN_THRESHOLD = 32;

/**
 * A conversation's list (`conversationId`), or a thread's (`threadRootId`, and
 * the root's `conversationId` when known): the root first, then its replies.
 */
export type UseMessageListOptions = ListSubject & ListOptions;

interface ListOptions {
  /** Estimated row height before measuring, in px. */
  estimatedRowHeight?: number;
  /** Scroll to this message (loading older pages until it is there), focus and highlight it. A new id jumps again. */
  jumpToMessageId?: string;
  /** Called by the toolbar's "Reply in thread" with the message's id; without it there is no such button. */
  onOpenThread?: ((rootId: string) => void) | undefined;
}

/** One rendered row and everything its markup needs. */
export interface MessageListRow {
  readonly index: number;
  readonly key: string | number | bigint;
  /** Its offset in the list, px (`getRowProps` places it there). */
  readonly start: number;
  readonly message: DisplayMessage;
  readonly prev: DisplayMessage | undefined;
  readonly author: User | undefined;
  readonly own: boolean;
  /** Date and unread separators above it, and whether it starts an author's group. */
  readonly meta: RowMeta;
  readonly receipt: Receipt | undefined;
  /** The list's tab stop. */
  readonly active: boolean;
  /** Just jumped to. */
  readonly highlighted: boolean;
  /** The one hovered or focused row: shows the action toolbar. */
  readonly showActions: boolean;
  /** Its text is being edited. */
  readonly editing: boolean;
}

/** Props for the scrolling element (`MessageListViewport` spreads them). */
export interface ScrollerProps {
  ref: RefCallback<HTMLDivElement>;
  tabIndex: number;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onFocus: (event: FocusEvent<HTMLDivElement>) => void;
  onBlur: (event: FocusEvent<HTMLDivElement>) => void;
  onPointerEnter: () => void;
  onPointerMove: (event: PointerEvent<HTMLElement>) => void;
  onPointerLeave: () => void;
  'data-at-bottom': 'true' | 'false';
}

/** The message list's behaviour without its markup. */
export interface MessageListState {
  /** In a thread: its root's conversation ('' until the root is loaded, if not given). */
  readonly conversationId: string;
  readonly conversation: Conversation | undefined;
  /** The thread shown, if this is a thread's list. */
  readonly threadRootId: string | undefined;
  /** That thread's root once loaded: the first row, above the first reply, once that is loaded. */
  readonly threadRoot: ChatMessage | undefined;
  readonly history: HistoryState;
  /** The conversation's messages, or the thread's replies (the root apart). */
  readonly timeline: MessageTimeline;
  /** The rows to render now (the virtualized window). */
  readonly rows: readonly MessageListRow[];
  /** Height of everything, px: the element holding the rows gets it. */
  readonly totalSize: number;
  /** Room reserved above the first row for the list header. */
  readonly headerHeight: number;
  /** Pinned to the newest message. */
  readonly atBottom: boolean;
  /** Messages from others that arrived since the reader left the bottom. */
  readonly newCount: number;
  /** Loading the first page or an older one. */
  readonly busy: boolean;
  /** Text for a polite live region: the newest message from someone else. */
  readonly announcement: string;
  jumpToLatest(): void;
  /** Scroll to the row at `index` and focus it, as the arrow keys do. */
  focusRow(index: number): void;
  /** Retry what failed: the first page, or an older one. */
  retry(): void;
  getScrollerProps(): ScrollerProps;
  getRowProps(row: MessageListRow): RowAttributes & { ref: (node: Element | null) => void };
  /** The ref every row element needs: rows are measured, whatever their height. */
  measureRow(node: Element | null): void;
  /** For the toolbar and editor parts (`MessageListViewport` provides it). */
  readonly actionsApi: MessageActionsApi;
}

/**
 * Pinning, the first-position gate, paging older history, anchoring, the
 * new-message count, jump to message and keyboard navigation, for markup of
 * your own. `MessageList` is this hook plus Parley's markup.
 *
 * Draw all of a row, its separators too, inside the element given
 * `getRowProps(row)`: rows are measured whole, and a row that changes height
 * above the one being read (a separator gone when an older page lands) is made
 * up for in the scroll position.
 */
export function useMessageList(options: UseMessageListOptions): MessageListState {
  const { estimatedRowHeight = 72, jumpToMessageId, onOpenThread } = options;
  const client = useChatClient();
  const catalog = useCatalog();
  const userId = useCurrentUserId();
  const source = useListSource(options);
  const { conversationId, conversation, threadRootId, timeline, history, count } = source;
  const users = useChatStore((s) => s.users);
  const scrollRef = useRef<HTMLDivElement | null>(null);

  // A fresh virtualizer per conversation (or thread), and again when the first
  // messages arrive, so that it opens at the newest message in its first frame.
  const session = `${source.key}\u0000${count > 0 ? 'rows' : 'empty'}`;
  const { at } = source;
  const getItemKey = useCallback((index: number) => at(index)?.clientId ?? index, [at]);
  const virtualizer: Virtualizer<HTMLDivElement, Element> = useVirtualizer(
    {
      count,
      getScrollElement: () => scrollRef.current,
      estimateSize: () => estimatedRowHeight,
      getItemKey,
      scrollToFn: scrollFromCurrentPosition,
      overscan: 6,
      anchorTo: 'end',
      followOnAppend: true,
      scrollEndThreshold: PIN_THRESHOLD,
      paddingStart: LIST_HEADER_HEIGHT,
      paddingEnd: 8,
      // Open at the newest message when starting with messages already loaded.
      initialOffset: () => (count > 0 ? LIST_HEADER_HEIGHT + count * estimatedRowHeight : 0),
    },
    session,
  );
  // An instance field, not an option; the same function every render.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = keepSeenRowsStill;
  const items = virtualizer.getVirtualItems();
  const atBottom = count === 0 || virtualizer.isAtEnd(PIN_THRESHOLD);

  const { unreadAfterSeq } = useReadTracking(client, source, userId, atBottom && history.status === 'ready');
  useOlderPages(virtualizer, session, count > 0, history, source.loadOlder);

  // Your own new message always brings you to the bottom, wherever you were.
  const ownPending = timeline.pending.length;
  const prevOwnPending = useRef(ownPending);
  useEffect(() => {
    if (ownPending > prevOwnPending.current) virtualizer.scrollToEnd();
    prevOwnPending.current = ownPending;
  }, [ownPending, virtualizer]);

  // Count arrivals from others since the reader left the bottom (from the newest back: cheap).
  const seen = useRef({ session, seq: 0 });
  const newest = lastSeq(timeline) ?? 0;
  if (atBottom || seen.current.session !== session) seen.current = { session, seq: newest };
  const seenSeq = seen.current.seq;
  const newCount = atBottom ? 0 : countConfirmedAfter(timeline, seenSeq, (m) => m.authorId !== userId);

  const announcement = useNewMessageAnnouncer(source.key, timeline, history.status === 'ready', userId, users, catalog);
  // `r` on a row quotes it in the input of the conversation (or thread), as the toolbar's Reply does.
  const keyboard = useListKeyboard(virtualizer, count, scrollRef, (index) => replyToMessage(client, at(index), threadRootId));
  // Jumps look for a message in the conversation's history: not in a thread.
  const jump = useJumpToMessage(jumpToMessageId, history.status === 'ready' && threadRootId === undefined, client, conversationId, timeline, virtualizer, keyboard.moveTo);
  const highlightedId = jump.highlighted;
  // Receipts are by conversation seq; a thread counts its own.
  const receiptOf = useReceipts(threadRootId === undefined ? conversation : undefined, userId);
  // One row at a time shows actions (hovered or focused); one at a time is edited.
  const actionsRow = useActionsRow();
  const { api: actionsApi, editingId } = useMessageActionsApi({ jumpTo: jump.jumpTo, onOpenThread, threadRootId });

  const rows: MessageListRow[] = [];
  for (const item of items) {
    const message = at(item.index);
    if (!message) continue;
    const prev = at(item.index - 1);
    const own = message.authorId === userId;
    const meta = computeRowMeta(prev, message, { userId, unreadAfterSeq });
    rows.push({
      index: item.index,
      key: item.key,
      start: item.start,
      message,
      prev,
      author: users[message.authorId],
      own,
      // Under a thread's root (and its reply count) the first reply names its author again.
      meta: prev !== undefined && prev === source.root ? { ...meta, showAuthor: true } : meta,
      receipt: receiptOf(message, own),
      active: keyboard.activeIndex === item.index,
      highlighted: highlightedId !== undefined && (message.id === highlightedId || message.clientId === highlightedId),
      showActions: actionsRow.actionsId === message.id,
      editing: editingId === message.id,
    });
  }

  const setScrollRef = useCallback((node: HTMLDivElement | null) => {
    scrollRef.current = node;
  }, []);

  return {
    conversationId,
    conversation,
    threadRootId,
    threadRoot: source.root,
    history,
    timeline,
    rows,
    totalSize: virtualizer.getTotalSize(),
    headerHeight: LIST_HEADER_HEIGHT,
    atBottom,
    newCount,
    busy: history.status === 'loading' || history.loadingOlder,
    announcement,
    jumpToLatest: () => virtualizer.scrollToEnd({ behavior: 'auto' }),
    focusRow: keyboard.moveTo,
    retry: () => {
      (history.status === 'error' ? source.open() : source.loadOlder()).catch(() => undefined);
    },
    getScrollerProps: () => ({
      ref: setScrollRef,
      tabIndex: keyboard.listTabIndex,
      onKeyDown: keyboard.onKeyDown,
      onFocus: (event) => {
        keyboard.onFocus(event);
        const index = (event.target as HTMLElement).getAttribute('data-index');
        if (index !== null && Number(index) !== keyboard.activeIndex) keyboard.activate(Number(index));
        actionsRow.onFocusIn(event);
        void MessageActions.preload();
      },
      onBlur: actionsRow.onFocusOut,
      // The toolbar's code is fetched as the pointer or focus comes in, before a row asks for it.
      onPointerEnter: () => void MessageActions.preload(),
      onPointerMove: actionsRow.onPointerMove,
      onPointerLeave: actionsRow.onPointerLeave,
      'data-at-bottom': atBottom ? 'true' : 'false',
    }),
    getRowProps: (row) => ({
      ...rowAttributes({
        index: row.index,
        start: row.start,
        message: row.message,
        own: row.own,
        label: row.own ? catalog.message.you : (row.author?.name ?? row.message.authorId),
        active: row.active,
        highlighted: row.highlighted,
      }),
      ref: virtualizer.measureElement,
    }),
    measureRow: virtualizer.measureElement,
    actionsApi,
  };
}
