import type { User } from '../../core/protocol';
import { selectTypingUserIds, selectTypingUsers } from '../../core/selectors';
import { useChatStore } from './useChatStore';

/** Ids of users (other than the current one) typing in a conversation. */
export function useTypingUserIds(conversationId: string): string[] {
  return useChatStore((s) => selectTypingUserIds(s, conversationId));
}

/** Users typing in a conversation right now; unknown users get their id as name. */
export function useTyping(conversationId: string): User[] {
  return useChatStore((s) => selectTypingUsers(s, conversationId));
}
