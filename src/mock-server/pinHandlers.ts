/**
 * Pins: `message:pin` and `message:unpin`. Any member pins a message of their
 * conversation; the pinner, the message's author or a conversation admin
 * unpins it. Each change posts a notice in the conversation (quoting the
 * message) and pushes `conversation:updated` to every member, whose
 * `pinnedIds` then match; pins live on the conversation, so
 * `conversations:list` after a reconnect carries them too.
 */
import { LIMITS } from '../core/protocol';
import { memberMessage, refuse, type HandlersOf } from './handlerRules';
import { postMessage, type ServerContext } from './messaging';
import type { ConversationRecord } from './state';
import { toWireConversation } from './wire';

function pushPins(ctx: ServerContext, conversation: ConversationRecord): void {
  for (const memberId of conversation.memberIds) {
    ctx.sessions.send([memberId], 'conversation:updated', toWireConversation(conversation, memberId, ctx.state.users));
  }
}

function notice(ctx: ServerContext, conversation: ConversationRecord, userId: string, verb: 'pinned' | 'unpinned', messageId: string): void {
  const name = ctx.state.users.get(userId)?.name ?? userId;
  postMessage(ctx, conversation, { authorId: userId, kind: 'system', text: `${name} ${verb} a message`, replyTo: messageId });
}

function withoutPin(conversation: ConversationRecord, messageId: string): void {
  conversation.pinnedIds = conversation.pinnedIds.filter((id) => id !== messageId);
  conversation.pinnedBy.delete(messageId);
}

/** A deleted message leaves the pins quietly (message:delete calls this); true when it was pinned. */
export function unpinDeleted(ctx: ServerContext, conversation: ConversationRecord, messageId: string): boolean {
  if (!conversation.pinnedIds.includes(messageId)) return false;
  withoutPin(conversation, messageId);
  pushPins(ctx, conversation);
  return true;
}

export const PIN_HANDLERS: HandlersOf<'message:pin' | 'message:unpin'> = {
  'message:pin'(ctx, session, p) {
    const { conversation, message } = memberMessage(ctx, session, p.id);
    if (message.deletedAt !== undefined) refuse('forbidden', 'A deleted message cannot be pinned');
    if (message.parentId !== undefined) refuse('invalid_payload', 'A thread reply cannot be pinned: pin its root');
    if (conversation.pinnedIds.includes(message.id)) return { ok: true, pinnedIds: [...conversation.pinnedIds] };
    if (conversation.pinnedIds.length >= LIMITS.maxPins) {
      refuse('too_large', `A conversation holds at most ${LIMITS.maxPins} pinned messages; unpin one first`);
    }
    conversation.pinnedIds = [...conversation.pinnedIds, message.id];
    conversation.pinnedBy.set(message.id, session.userId);
    notice(ctx, conversation, session.userId, 'pinned', message.id);
    pushPins(ctx, conversation);
    return { ok: true, pinnedIds: [...conversation.pinnedIds] };
  },

  'message:unpin'(ctx, session, p) {
    const { conversation, message } = memberMessage(ctx, session, p.id);
    if (!conversation.pinnedIds.includes(message.id)) return { ok: true, pinnedIds: [...conversation.pinnedIds] };
    const { userId } = session;
    const allowed =
      conversation.pinnedBy.get(message.id) === userId || message.authorId === userId || conversation.adminIds.has(userId);
    if (!allowed) refuse('forbidden', 'Only who pinned it, its author or a conversation admin can unpin this message');
    withoutPin(conversation, message.id);
    notice(ctx, conversation, userId, 'unpinned', message.id);
    pushPins(ctx, conversation);
    return { ok: true, pinnedIds: [...conversation.pinnedIds] };
  },
};
