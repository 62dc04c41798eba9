import type { Conversation, User } from '../../core/protocol';
import { selectConversation, selectConversations } from '../../core/selectors';
import type { ChatState } from '../../core/store';
import { useChatStore } from './useChatStore';

export interface ConversationsView {
  conversations: Conversation[];
  status: ChatState['conversationsStatus'];
}

/** Conversations the user is in, most recently active first. */
export function useConversations(): ConversationsView {
  const conversations = useChatStore(selectConversations);
  const status = useChatStore((s) => s.conversationsStatus);
  return { conversations, status };
}

export function useConversation(conversationId: string): Conversation | undefined {
  return useChatStore((s) => selectConversation(s, conversationId));
}

export function useUser(userId: string | undefined): User | undefined {
  return useChatStore((s) => (userId === undefined ? undefined : s.users[userId]));
}

export function useCurrentUserId(): string {
  return useChatStore((s) => s.userId);
}

export function usePresence(userId: string | undefined): boolean {
  return useChatStore((s) => (userId === undefined ? false : s.presence[userId] === true));
}
