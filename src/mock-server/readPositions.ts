/**
 * Read positions set from the server side (`server.setReadPosition`), so a
 * benchmark or a host app can give members the unread counts and receipts it
 * needs without driving their clients. The same rule as a member's own `read`:
 * forward only, never past the last message, pushed to every member.
 */
import { markRead, type ServerContext } from './messaging';

/** Moves `userId`'s read position in the conversation up to `seq`; returns the position it now has. */
export function setReadPosition(ctx: ServerContext, conversationId: string, userId: string, seq: number): number {
  const conversation = ctx.state.conversation(conversationId);
  if (!conversation) throw new Error(`Unknown conversation "${conversationId}"`);
  if (!conversation.members.has(userId)) {
    throw new Error(`User "${userId}" is not a member of conversation "${conversationId}"`);
  }
  if (!Number.isSafeInteger(seq) || seq < 0) throw new Error(`A read position is a seq (a whole number ≥ 0), not ${seq}`);
  return markRead(ctx, conversation, userId, seq);
}
