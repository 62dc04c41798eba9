/** Who is typing in a conversation. */
import type { User } from '../protocol';
import type { ChatState } from '../store';
import { memoByKey, stableList } from './memo';

/** Stand-ins for typists the store does not know, one per id for as long as the users record stands. */
const placeholders = /* @__PURE__ */ memoByKey((_users: ChatState['users']) => new Map<string, User>());

function userOrPlaceholder(users: ChatState['users'], id: string): User {
  const known = users[id];
  if (known) return known;
  const made = placeholders(users);
  let user = made.get(id);
  if (!user) made.set(id, (user = { id, name: id }));
  return user;
}

// Recomputed when this conversation's typing entries (or the users) change; a refreshed
// expiry recomputes the same users, and stableList answers with the earlier array.
const typingUsers = /* @__PURE__ */ memoByKey(
  (typing: Readonly<Record<string, number>>, userId: string, users: ChatState['users']): User[] =>
    stableList(
      Object.keys(typing)
        .filter((id) => id !== userId)
        .sort()
        .map((id) => userOrPlaceholder(users, id)),
    ),
);

const idsOf = /* @__PURE__ */ memoByKey((users: User[]): string[] => users.map((u) => u.id));

/** Users other than the current one typing in a conversation, by id; one the store does not know gets their id as name. */
export function selectTypingUsers(state: ChatState, conversationId: string): User[] {
  const typing = state.typing[conversationId];
  return typing ? typingUsers(typing, state.userId, state.users) : stableList<User>([]);
}

/** Their ids: the same array while the same people type (a refreshed expiry changes nothing). */
export function selectTypingUserIds(state: ChatState, conversationId: string): string[] {
  return idsOf(selectTypingUsers(state, conversationId));
}
