import { useCallback, useMemo } from 'react';
import { EMPTY_TIMELINE, timelineAt, type MessageTimeline } from '../../../core/messageTimeline';
import type { Conversation } from '../../../core/protocol';
import { selectHistory, selectTimeline } from '../../../core/selectors/messages';
import type { ChatMessage, DisplayMessage, HistoryState } from '../../../core/types';
import { useChatClient } from '../../ChatProvider';
import { useBeforePaint } from '../../hooks/useBeforePaint';
import { useChatStore } from '../../hooks/useChatStore';
import { useConversation } from '../../hooks/useConversations';

/** A conversation's list, or a thread's: the root's id, and its conversation when the caller knows it. */
export type ListSubject = { conversationId: string; threadRootId?: undefined } | { threadRootId: string; conversationId?: string | undefined };

/** What a message list shows and how it pages, the same for a conversation and a thread. */
export interface ListSource {
  /** Another key is another list: it opens at its newest message, with fresh counts. */
  readonly key: string;
  /** In a thread: its root's conversation ('' until the root is known, when the caller did not say). */
  readonly conversationId: string;
  readonly conversation: Conversation | undefined;
  readonly threadRootId: string | undefined;
  /** A thread's root once loaded. */
  readonly root: ChatMessage | undefined;
  /** The root is the first row: once the thread's first reply is loaded (or it has none). */
  readonly rootShown: boolean;
  /** The conversation's messages, or the thread's replies (without the root): new-message counts and pending sends read these. */
  readonly timeline: MessageTimeline;
  readonly history: HistoryState;
  /** Rows in the list: the timeline, after the root in a thread. */
  readonly count: number;
  /** The message of row `index`. */
  at(index: number): DisplayMessage | undefined;
  loadOlder(): Promise<boolean>;
  /** The latest page (again, after it failed). */
  open(): Promise<void>;
}

/** A thread that has not been asked for yet reads as loading, as a conversation does. */
const THREAD_NOT_OPENED: HistoryState = { status: 'loading', hasOlder: false, loadingOlder: false };

/**
 * The timeline and paging of a conversation or a thread (`threads[rootId]`,
 * `threadHistory[rootId]`, the root from `threadRoots[rootId]`), asking for its
 * latest page on first use and again once the connection is back.
 */
export function useListSource(subject: ListSubject): ListSource {
  const client = useChatClient();
  const rootId = subject.threadRootId;
  const connected = useChatStore((s) => s.connection.state === 'online');
  const timeline = useChatStore((s) =>
    rootId === undefined ? selectTimeline(s, subject.conversationId) : (s.threads[rootId] ?? EMPTY_TIMELINE),
  );
  const history = useChatStore((s) =>
    rootId === undefined ? selectHistory(s, subject.conversationId) : (s.threadHistory[rootId] ?? THREAD_NOT_OPENED),
  );
  const storedRoot = useChatStore((s) => (rootId === undefined ? undefined : s.threadRoots[rootId]));
  const root = useMemo((): ChatMessage | undefined => (storedRoot ? { ...storedRoot, status: 'sent' } : undefined), [storedRoot]);
  const conversationId = subject.conversationId ?? root?.conversationId ?? '';
  const conversation = useConversation(conversationId);

  // Asked for before the first paint rather than after it: the page arrives a frame sooner.
  // Opening again is free (the page is kept), so a thread's root arriving with its conversation id does no harm.
  useBeforePaint(() => {
    if (!connected) return;
    (rootId === undefined ? client.openConversation(conversationId) : client.openThread(rootId)).catch(() => {
      // The failure is in the history state; the list shows it with a retry.
    });
  }, [client, rootId, conversationId, connected]);

  // Stable for the list's subject: effects that page depend on them.
  const loadOlder = useCallback(
    () => (rootId === undefined ? client.loadOlder(conversationId) : client.loadOlderThread(rootId)),
    [client, rootId, conversationId],
  );
  const open = useCallback(
    () => (rootId === undefined ? client.openConversation(conversationId) : client.openThread(rootId)),
    [client, rootId, conversationId],
  );

  // Shown only above the first reply. While older replies are still to come, a root on top
  // would sit above the gap they fill: they would land below it, pushing what is read down.
  // Once the last page is in, the root arrives as a page does: above what is in view.
  const rootShown = root !== undefined && history.status === 'ready' && !history.hasOlder;

  return useMemo((): ListSource => {
    const offset = rootShown ? 1 : 0;
    return {
      key: rootId === undefined ? `conversation\u0000${conversationId}` : `thread\u0000${rootId}`,
      conversationId,
      conversation,
      threadRootId: rootId,
      root,
      rootShown,
      timeline,
      history,
      count: timeline.length + offset,
      at: (index) => (rootShown && index === 0 ? root : timelineAt(timeline, index - offset)),
      loadOlder,
      open,
    };
  }, [rootId, conversationId, conversation, root, rootShown, timeline, history, loadOlder, open]);
}
