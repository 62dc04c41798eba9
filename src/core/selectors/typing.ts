/** Who is typing in a conversation. */
import type { User } from '../protocol';
import type { ChatState } from '../store';
import { memoByKey, stableIds, stableList } from './memo';

const typingIds = memoByKey((typing: Readonly<Record<string, number>>, userId: string): string[] =>
  stableIds(Object.keys(typing).filter((id) => id !== userId).sort()),
);

/**
 * Ids of users other than the current one typing in a conversation, sorted. The
 * same array while the same people type (a refreshed expiry changes nothing).
 */
export function selectTypingUserIds(state: ChatState, conversationId: string): string[] {
  const typing = state.typing[conversationId];
  return typing ? typingIds(typing, state.userId) : stableIds([]);
}

// Per users record, then per ids array: a placeholder for an unknown user is made once.
const typingUsers = memoByKey((_users: ChatState['users']) =>
  memoByKey((ids: string[], users: ChatState['users']): User[] => stableList(ids.map((id) => users[id] ?? { id, name: id }))),
);

/** Those users; one the store does not know gets their id as name. */
export function selectTypingUsers(state: ChatState, conversationId: string): User[] {
  return typingUsers(state.users)(selectTypingUserIds(state, conversationId), state.users);
}
