/**
 * The client's side of a conversation's `mentionCount`. The server's count is
 * the truth (it also counts thread replies, which the client may never have
 * loaded), so the client only moves it for what it sees happen: +1 for a pushed
 * message that mentions this user, and −1 for each loaded mention a read of
 * this user's passes. The server pushes the conversation again when a read
 * clears mentions, and the conversation list after a reconnect sets it anew.
 */
import type { Conversation, Message } from './protocol';
import { countConfirmedAfter, type MessageTimeline } from './messageTimeline';

/** The id a message's `mentions` use for everyone in a group. */
export const MENTION_EVERYONE = 'here';

/** Whether `m` calls for `userId`'s attention: someone else's, standing, naming them or `here`. */
export function mentionsUser(m: Message, userId: string): boolean {
  if (m.authorId === userId || m.deletedAt !== undefined || !m.mentions) return false;
  return m.mentions.includes(userId) || m.mentions.includes(MENTION_EVERYONE);
}

/** The count once this user's read moves from `fromSeq` to `toSeq`, as far as the loaded timeline tells. */
export function mentionCountAfterRead(
  conv: Conversation,
  timeline: MessageTimeline | undefined,
  userId: string,
  fromSeq: number,
  toSeq: number,
): number {
  if (conv.mentionCount === 0 || !timeline || toSeq <= fromSeq) return conv.mentionCount;
  const passed =
    countConfirmedAfter(timeline, fromSeq, (m) => mentionsUser(m, userId)) -
    countConfirmedAfter(timeline, toSeq, (m) => mentionsUser(m, userId));
  return Math.max(0, conv.mentionCount - passed);
}
