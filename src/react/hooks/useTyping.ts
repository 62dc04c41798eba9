import { useMemo } from 'react';
import type { User } from '../../core/protocol';
import { useChatStore, useChatStoreList } from './useChatStore';

/** Ids of users (other than the current one) typing in a conversation. */
export function useTypingUserIds(conversationId: string): string[] {
  return useChatStoreList((s) => {
    const typing = s.typing[conversationId];
    return typing ? Object.keys(typing).filter((id) => id !== s.userId).sort() : [];
  });
}

/** Users typing in a conversation right now; unknown users get their id as name. */
export function useTyping(conversationId: string): User[] {
  const ids = useTypingUserIds(conversationId);
  const users = useChatStore((s) => s.users);
  return useMemo(() => ids.map((id) => users[id] ?? { id, name: id }), [ids, users]);
}
