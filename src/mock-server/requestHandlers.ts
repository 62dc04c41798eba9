/**
 * One handler per client → server event. Each receives a payload its schema
 * has already accepted and the caller's session (the only source of the
 * acting user's id), checks what the caller may see (visibility.ts: one
 * `not_found` for anything outside their conversations) and, on what they do
 * see, ownership, and returns an ack. `handleRequest` never throws: anything
 * unexpected becomes an `internal` ack.
 */
import {
  LIMITS,
  messageTextProblem,
  parseRequest,
  type ClientEvent,
  type ErrorCode,
  type ErrorInfo,
  type RequestPayload,
  type RequestResult,
  type User,
} from '../core/protocol';
import { markDelivered, markRead, postMessage, pushTyping, replaceMessage, type ServerContext } from './messaging';
import { reactionCapProblem, withReaction } from './reactions';
import type { ConversationRecord } from './state';
import type { ServerSession, StoredMessage } from './types';
import { UNSEEN, visibleConversation, visibleMessage } from './visibility';
import { toWireConversation, toWireMessage } from './wire';

/** Events whose result is empty answer `{ ok: true }` and nothing else. */
type SuccessFields<E extends ClientEvent> =
  RequestResult<E> extends Record<string, never> ? Record<never, never> : RequestResult<E>;

export type AckFor<E extends ClientEvent> =
  | ({ ok: true } & SuccessFields<E>)
  | { ok: false; error: ErrorInfo };

/** Any ack the server produces; the same runtime shapes as protocol.ts `Ack<E>`. */
export type ServerAck = AckFor<ClientEvent>;

class Refusal {
  constructor(readonly error: ErrorInfo) {}
}

function refuse(code: ErrorCode, message: string): never {
  throw new Refusal({ code, message });
}

export function failure(code: ErrorCode, message: string): { ok: false; error: ErrorInfo } {
  return { ok: false, error: { code, message } };
}

/** The text rules every client and server share (`too_large` over the limit). */
function checkText(text: string, attachmentCount: number): void {
  const problem = messageTextProblem(text, attachmentCount);
  if (problem) refuse(problem.code, problem.message);
}

/** Every handler's way to a conversation: the caller's own, or the one `not_found`. */
function memberConversation(ctx: ServerContext, session: ServerSession, id: string): ConversationRecord {
  const conversation = visibleConversation(ctx.state, session.userId, id);
  if (!conversation) throw new Refusal(UNSEEN.conversation);
  return conversation;
}

/** Every handler's way to a message: one in the caller's conversations, or the one `not_found`. */
function memberMessage(ctx: ServerContext, session: ServerSession, id: string) {
  const found = visibleMessage(ctx.state, session.userId, id);
  if (!found) throw new Refusal(UNSEEN.message);
  return found;
}

/** On a message the caller can see, being someone else's is no secret: `forbidden`. */
function ownMessage(ctx: ServerContext, session: ServerSession, id: string, verb: 'edit' | 'delete') {
  const found = memberMessage(ctx, session, id);
  const { message } = found;
  if (message.authorId !== session.userId || message.kind === 'system') {
    refuse('forbidden', `You can only ${verb} your own messages`);
  }
  return found;
}

function page(conversation: ConversationRecord, from: number, to: number, hasMore: boolean) {
  return { ok: true as const, messages: conversation.log.range(from, to).map(toWireMessage), hasMore };
}

type Handlers = { [E in ClientEvent]: (ctx: ServerContext, session: ServerSession, payload: RequestPayload<E>) => AckFor<E> };

const HANDLERS: Handlers = {
  'message:send'(ctx, session, p) {
    const conversation = memberConversation(ctx, session, p.conversationId);
    const ids = (p.attachments ?? []).map((a) => a.id);
    checkText(p.text, ids.length);
    // Only the caller's own uploads for this conversation; the server fills in what they are.
    const claimed = ctx.uploads.claim(session.userId, conversation.id, p.clientId, ids);
    if (!claimed.ok) throw new Refusal(claimed.error);
    const { attachments } = claimed;
    const { message } = postMessage(ctx, conversation, {
      authorId: session.userId,
      clientId: p.clientId,
      text: p.text,
      attachments,
    });
    return { ok: true, message: toWireMessage(message) };
  },

  'messages:before'(ctx, session, p) {
    const conversation = memberConversation(ctx, session, p.conversationId);
    const limit = Math.min(p.limit, LIMITS.maxPageSize);
    const to = Math.min(p.beforeSeq - 1, conversation.log.lastSeq);
    const from = Math.max(1, to - limit + 1);
    return page(conversation, from, to, to >= 1 && from > 1);
  },

  'messages:since'(ctx, session, p) {
    const conversation = memberConversation(ctx, session, p.conversationId);
    const limit = Math.min(p.limit ?? LIMITS.maxPageSize, LIMITS.maxPageSize);
    const { lastSeq } = conversation.log;
    const to = Math.min(lastSeq, p.afterSeq + limit);
    return page(conversation, p.afterSeq + 1, to, to < lastSeq);
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
    const next: StoredMessage = { ...message, text: p.text, editedAt: ctx.now() };
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
    const { reactions: _r, editedAt: _e, ...rest } = message;
    const tombstone: StoredMessage = { ...rest, text: '', attachments: [], deletedAt: ctx.now() };
    replaceMessage(ctx, conversation, tombstone);
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
