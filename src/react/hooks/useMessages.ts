import type { MessageTimeline } from '../../core/messageTimeline';
import { selectHistory, selectMessages, selectTimeline } from '../../core/selectors';
import type { DisplayMessage, HistoryState } from '../../core/types';
import { useChatClient } from '../ChatProvider';
import { useBeforePaint } from './useBeforePaint';
import { useChatStore } from './useChatStore';

/**
 * The conversation's messages as a persistent timeline (cheap at any size),
 * loading the latest page on first use. Prefer this over `useMessages` for
 * long conversations.
 */
export function useMessageTimeline(conversationId: string): MessageTimeline {
  const client = useChatClient();
  const connected = useChatStore((s) => s.connection.state === 'online');
  // Asked for before the first paint rather than after it: the page arrives a frame sooner.
  useBeforePaint(() => {
    if (connected) client.openConversation(conversationId).catch(() => {
      // The failure is in the history state; the list shows it with a retry.
    });
  }, [client, conversationId, connected]);
  return useLoadedTimeline(conversationId);
}

/** What the store holds of the conversation, without asking for a page. */
export function useLoadedTimeline(conversationId: string): MessageTimeline {
  return useChatStore((s) => selectTimeline(s, conversationId));
}

/** The conversation's messages as an array, in display order (pending last). */
export function useMessages(conversationId: string): DisplayMessage[] {
  // Asks for the latest page, as useMessageTimeline does.
  useMessageTimeline(conversationId);
  return useChatStore((s) => selectMessages(s, conversationId));
}

export function useHistory(conversationId: string): HistoryState {
  return useChatStore((s) => selectHistory(s, conversationId));
}
