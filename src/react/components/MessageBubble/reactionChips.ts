import type { ChatClient } from '../../../core/client';

/** The short fixed set offered by the "React" menu. */
export const QUICK_REACTIONS: readonly string[] = ['👍', '❤️', '😂', '🎉', '😮', '😢'];

export interface ReactionChip {
  emoji: string;
  count: number;
  /** The current user is among those who reacted. */
  mine: boolean;
}

/** One chip per emoji that anyone reacted with, in the message's order; empty lists dropped. */
export function reactionChips(reactions: Readonly<Record<string, readonly string[]>> | undefined, userId: string): ReactionChip[] {
  if (!reactions) return [];
  const chips: ReactionChip[] = [];
  for (const [emoji, users] of Object.entries(reactions)) {
    const unique = new Set(users);
    if (unique.size === 0) continue;
    chips.push({ emoji, count: unique.size, mine: unique.has(userId) });
  }
  return chips;
}

/** Whether `userId` has reacted to a message with `emoji`. */
export function hasReacted(reactions: Readonly<Record<string, readonly string[]>> | undefined, emoji: string, userId: string): boolean {
  return reactions?.[emoji]?.includes(userId) ?? false;
}

/** Adds the user's reaction, or takes it back when it is theirs; a failure reaches the client's `error` event. */
export function toggleReaction(client: Pick<ChatClient, 'addReaction' | 'removeReaction'>, messageId: string, emoji: string, mine: boolean): void {
  (mine ? client.removeReaction(messageId, emoji) : client.addReaction(messageId, emoji)).catch(() => undefined);
}
