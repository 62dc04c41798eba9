/**
 * The rules every request handler shares: the ack types, a refusal that
 * becomes the ack's error, and the caller's way to a conversation or message
 * (theirs, or the one `not_found` of visibility.ts), and to their own message.
 */
import { messageTextProblem, type ClientEvent, type ErrorCode, type ErrorInfo, type RequestPayload, type RequestResult } from '../core/protocol';
import type { ServerContext } from './messaging';
import type { ConversationRecord } from './state';
import type { ServerSession } from './types';
import { UNSEEN, visibleConversation, visibleMessage } from './visibility';

/** Events whose result is empty answer `{ ok: true }` and nothing else. */
type SuccessFields<E extends ClientEvent> =
  RequestResult<E> extends Record<string, never> ? Record<never, never> : RequestResult<E>;

export type AckFor<E extends ClientEvent> =
  | ({ ok: true } & SuccessFields<E>)
  | { ok: false; error: ErrorInfo };

/** Any ack the server produces; the same runtime shapes as protocol.ts `Ack<E>`. */
export type ServerAck = AckFor<ClientEvent>;

export class Refusal {
  constructor(readonly error: ErrorInfo) {}
}

export function refuse(code: ErrorCode, message: string): never {
  throw new Refusal({ code, message });
}

export function failure(code: ErrorCode, message: string): { ok: false; error: ErrorInfo } {
  return { ok: false, error: { code, message } };
}

/** The text rules every client and server share (`too_large` over the limit). */
export function checkText(text: string, attachmentCount: number): void {
  const problem = messageTextProblem(text, attachmentCount);
  if (problem) refuse(problem.code, problem.message);
}

/** Every handler's way to a conversation: the caller's own, or the one `not_found`. */
export function memberConversation(ctx: ServerContext, session: ServerSession, id: string): ConversationRecord {
  const conversation = visibleConversation(ctx.state, session.userId, id);
  if (!conversation) throw new Refusal(UNSEEN.conversation);
  return conversation;
}

/** Every handler's way to a message: one in the caller's conversations, or the one `not_found`. */
export function memberMessage(ctx: ServerContext, session: ServerSession, id: string) {
  const found = visibleMessage(ctx.state, session.userId, id);
  if (!found) throw new Refusal(UNSEEN.message);
  return found;
}

/** On a message the caller can see, being someone else's is no secret: `forbidden`. */
export function ownMessage(ctx: ServerContext, session: ServerSession, id: string, verb: 'edit' | 'delete') {
  const found = memberMessage(ctx, session, id);
  const { message } = found;
  if (message.authorId !== session.userId || message.kind === 'system') {
    refuse('forbidden', `You can only ${verb} your own messages`);
  }
  return found;
}

/** Handlers of some events: each module of handlers answers its own. */
export type HandlersOf<E extends ClientEvent> = {
  [K in E]: (ctx: ServerContext, session: ServerSession, payload: RequestPayload<K>) => AckFor<K>;
};
