/** Unread and mention counts: per conversation, and over every conversation the user is in. */
import type { ChatState } from '../store';
import { memoByKey } from './memo';

/** Messages from others after the user's read position (0 for an unknown conversation). */
export function selectUnreadCount(state: ChatState, conversationId: string): number {
  return state.conversations[conversationId]?.unreadCount ?? 0;
}

/**
 * Unread messages and thread replies from others that mention the user or `here`
 * (0 for an unknown conversation): a count of its own beside the unread one.
 */
export function selectMentionCount(state: ChatState, conversationId: string): number {
  return state.conversations[conversationId]?.mentionCount ?? 0;
}

const totalUnread = /* @__PURE__ */ memoByKey((conversations: ChatState['conversations']): number => {
  let total = 0;
  for (const conversation of Object.values(conversations)) total += conversation.unreadCount;
  return total;
});

/** The sum over every conversation (a tab title's or an app badge's count). */
export function selectTotalUnreadCount(state: ChatState): number {
  return totalUnread(state.conversations);
}
