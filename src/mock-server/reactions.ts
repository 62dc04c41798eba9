/**
 * A message's reactions: who reacted with what, and the caps that keep one
 * member from crowding out the rest. Each user may react with at most
 * `LIMITS.maxReactionsPerUser` different emoji on a message; the message
 * carries at most `LIMITS.maxReactionKinds`, a cap no single user can reach,
 * and joining an emoji that is already there never meets it. Both answer
 * `too_large` (final, like every size cap: retrying cannot help, unlike
 * `rate_limited`). Which strings are emoji is the schema's business
 * (`reaction:add` accepts one emoji only).
 */
import { LIMITS, type ErrorInfo } from '../core/protocol';
import type { StoredMessage } from './types';

/** Why `userId` may not add `emoji` to this message, or `null` when they may (or already have). */
export function reactionCapProblem(message: StoredMessage, emoji: string, userId: string): ErrorInfo | null {
  const reactions = message.reactions;
  if (!reactions || reactions.get(emoji)?.includes(userId)) return null;
  let mine = 0;
  for (const users of reactions.values()) if (users.includes(userId)) mine++;
  if (mine >= LIMITS.maxReactionsPerUser) {
    return {
      code: 'too_large',
      message: `You can react with at most ${LIMITS.maxReactionsPerUser} different emoji to one message; take one back first`,
    };
  }
  if (!reactions.has(emoji) && reactions.size >= LIMITS.maxReactionKinds) {
    return {
      code: 'too_large',
      message: `This message already carries ${LIMITS.maxReactionKinds} different emoji; react with one of those`,
    };
  }
  return null;
}

/** The message with `userId` added to or taken from `emoji`, or `null` when nothing changes. */
export function withReaction(message: StoredMessage, emoji: string, userId: string, add: boolean): StoredMessage | null {
  const reactions = new Map(message.reactions ?? []);
  const users = reactions.get(emoji) ?? [];
  if (add === users.includes(userId)) return null; // nothing changes: no update, no broadcast
  const nextUsers = add ? [...users, userId] : users.filter((id) => id !== userId);
  if (nextUsers.length > 0) reactions.set(emoji, nextUsers);
  else reactions.delete(emoji);
  const { reactions: _old, ...rest } = message;
  return reactions.size > 0 ? { ...rest, reactions } : rest;
}
