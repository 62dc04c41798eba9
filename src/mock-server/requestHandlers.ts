/**
 * One handler per client → server event. Each receives a payload its schema
 * has already accepted and the caller's session (the only source of the
 * acting user's id), checks what the caller may see (visibility.ts: one
 * `not_found` for anything outside their conversations) and, on what they do
 * see, ownership, and returns an ack. `handleRequest` never throws: anything
 * unexpected becomes an `internal` ack.
 */
import { parseRequest, type ClientEvent, type RequestPayload, type User } from '../core/protocol';
import {
  checkText,
  failure,
  memberConversation,
  memberMessage,
  ownMessage,
  Refusal,
  refuse,
  type AckFor,
  type HandlersOf,
  type ServerAck,
} from './handlerRules';
import { FORWARD_HANDLERS } from './forwardHandlers';
import { memberMentions } from './mentions';
import { markDelivered, markRead, postMessage, pushTyping, replaceMessage, type ServerContext } from './messaging';
import { pageBefore, pageSince, type PageBounds } from './pageBounds';
import { PIN_HANDLERS, unpinDeleted } from './pinHandlers';
import { PREVIEW_HANDLERS } from './previews/previewHandlers';
import { quotableInConversation } from './quotedReplies';
import { reactionCapProblem, withReaction } from './reactions';
import { SEARCH_HANDLERS } from './searchHandlers';
import type { ConversationRecord } from './state';
import { THREAD_HANDLERS } from './threadHandlers';
import { postThreadReply } from './threadPosting';
import type { ServerSession, StoredMessage } from './types';
import { visibleConversation } from './visibility';
import { toWireConversation, toWireMessage } from './wire';

export type { AckFor, ServerAck } from './handlerRules';
export { failure } from './handlerRules';

function page(conversation: ConversationRecord, { from, to, hasMore }: PageBounds) {
  return { ok: true as const, messages: conversation.log.range(from, to).map(toWireMessage), hasMore };
}

type CoreEvent = Exclude<
  ClientEvent,
  keyof typeof FORWARD_HANDLERS | keyof typeof PIN_HANDLERS | keyof typeof PREVIEW_HANDLERS | keyof typeof SEARCH_HANDLERS | keyof typeof THREAD_HANDLERS>;

const CORE_HANDLERS: HandlersOf<CoreEvent> = {
  'message:send'(ctx, session, p) {
    const conversation = memberConversation(ctx, session, p.conversationId);
    const ids = (p.attachments ?? []).map((a) => a.id);
    checkText(p.text, ids.length);
    if (p.parentId !== undefined) return { ok: true, message: toWireMessage(postThreadReply(ctx, session, conversation, { ...p, parentId: p.parentId })) };
    if (p.alsoInConversation) refuse('invalid_payload', 'alsoInConversation is for a thread reply (with parentId)');
    // Every check before the claim: a refused message must not take the caller's uploads.
    const replyTo = p.replyTo === undefined ? undefined : quotableInConversation(ctx, conversation, p.replyTo);
    // Only the caller's own uploads for this conversation; the server fills in what they are.
    const claimed = ctx.uploads.claim(session.userId, conversation.id, p.clientId, ids);
    if (!claimed.ok) throw new Refusal(claimed.error);
    const { message } = postMessage(ctx, conversation, {
      authorId: session.userId,
      clientId: p.clientId,
      text: p.text,
      attachments: claimed.attachments,
      mentions: memberMentions(conversation, p.mentions),
      ...(replyTo !== undefined ? { replyTo } : {}),
    });
    return { ok: true, message: toWireMessage(message) };
  },

  'messages:before'(ctx, session, p) {
    const conversation = memberConversation(ctx, session, p.conversationId);
    return page(conversation, pageBefore(conversation.log.lastSeq, p.beforeSeq, p.limit));
  },

  'messages:since'(ctx, session, p) {
    const conversation = memberConversation(ctx, session, p.conversationId);
    return page(conversation, pageSince(conversation.log.lastSeq, p.afterSeq, p.limit));
  },

  typing(ctx, session, p) {
    pushTyping(ctx, memberConversation(ctx, session, p.conversationId), session.userId, p.isTyping);
    return { ok: true };
  },

  read(ctx, session, p) {
    markRead(ctx, memberConversation(ctx, session, p.conversationId), session.userId, p.seq);
    return { ok: true };
  },

  delivered(ctx, session, p) {
    markDelivered(ctx, memberConversation(ctx, session, p.conversationId), session.userId, p.seq);
    return { ok: true };
  },

  'conversations:list'(ctx, session) {
    const { state } = ctx;
    const mine = state.conversationsOf(session.userId).sort((a, b) => b.updatedAt - a.updatedAt);
    const userIds = new Set<string>([session.userId]);
    for (const conversation of mine) for (const id of conversation.memberIds) userIds.add(id);
    const users: User[] = [];
    for (const id of userIds) {
      const user = state.users.get(id);
      if (user) users.push({ ...user });
    }
    return {
      ok: true,
      conversations: mine.map((c) => toWireConversation(c, session.userId, state.users)),
      users,
    };
  },

  'message:edit'(ctx, session, p) {
    const { conversation, message } = ownMessage(ctx, session, p.id, 'edit');
    if (message.deletedAt !== undefined) refuse('forbidden', 'A deleted message cannot be edited');
    checkText(p.text, message.attachments.length);
    // Another first link is unfurled again; none drops the preview.
    const next = ctx.previews.edited(conversation, message, { ...message, text: p.text, editedAt: ctx.now() });
    replaceMessage(ctx, conversation, next);
    return { ok: true, message: toWireMessage(next) };
  },

  'attachment:url'(ctx, session, p) {
    const isMember = (conversationId: string) => visibleConversation(ctx.state, session.userId, conversationId) !== undefined;
    const found = ctx.uploads.urlFor(session.userId, p.id, isMember);
    if (!found.ok) throw new Refusal(found.error);
    return { ok: true, ...found.file };
  },

  'message:delete'(ctx, session, p) {
    const { conversation, message } = ownMessage(ctx, session, p.id, 'delete');
    if (message.deletedAt !== undefined) return { ok: true, message: toWireMessage(message) };
    // A tombstone keeps the seq (no gap for clients) but drops everything that was said.
    const { reactions: _r, editedAt: _e, mentions: _m, preview: _p, ...rest } = message;
    ctx.previews.deleted(conversation, message);
    const tombstone: StoredMessage = { ...rest, text: '', attachments: [], deletedAt: ctx.now() };
    replaceMessage(ctx, conversation, tombstone);
    unpinDeleted(ctx, conversation, message.id);
    return { ok: true, message: toWireMessage(tombstone) };
  },

  'reaction:add'(ctx, session, p) {
    return react(ctx, session, p, true);
  },

  'reaction:remove'(ctx, session, p) {
    return react(ctx, session, p, false);
  },
};

function react(
  ctx: ServerContext,
  session: ServerSession,
  p: RequestPayload<'reaction:add'>,
  add: boolean,
): AckFor<'reaction:add'> {
  const { conversation, message } = memberMessage(ctx, session, p.id);
  if (message.deletedAt !== undefined) refuse('forbidden', 'A deleted message cannot take reactions');
  const problem = add ? reactionCapProblem(message, p.emoji, session.userId) : null;
  if (problem) throw new Refusal(problem);
  const next = withReaction(message, p.emoji, session.userId, add);
  if (!next) return { ok: true, message: toWireMessage(message) };
  replaceMessage(ctx, conversation, next);
  return { ok: true, message: toWireMessage(next) };
}

const HANDLERS: HandlersOf<ClientEvent> = {
  ...CORE_HANDLERS,
  ...FORWARD_HANDLERS,
  ...PIN_HANDLERS, ...PREVIEW_HANDLERS, ...SEARCH_HANDLERS, ...THREAD_HANDLERS,
};

/** Validates and answers one request, with the same schemas `parley/core` exports. Never throws. */
export function handleRequest(ctx: ServerContext, session: ServerSession, event: string, payload: unknown): ServerAck {
  try {
    const parsed = parseRequest(event, payload);
    if (!parsed.ok) return parsed;
    const { request } = parsed;
    const handler = HANDLERS[request.event] as (ctx: ServerContext, session: ServerSession, payload: unknown) => ServerAck;
    return handler(ctx, session, request.payload);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.error };
    return failure('internal', `The mock server failed: ${String(error).slice(0, 300)}`);
  }
}
