/**
 * Schemas for client → server payloads. Whatever arrives is `unknown`
 * until one of these has accepted it. Object schemas strip unknown keys, so a
 * smuggled `authorId` (or `__proto__`) never reaches a handler.
 */
import * as v from '../core/schema';
import { AttachmentSchema, IdSchema as Id, isUnsafeKey, LIMITS, SeqSchema as Seq, TextSchema as Text, type ClientEvent } from '../core/protocol';

/** Any positive size is accepted; handlers clamp it to LIMITS.maxPageSize. */
const Limit = v.integer(1, Number.MAX_SAFE_INTEGER);
const Emoji = v.refine(v.string(32, 1), (s) => s.trim().length > 0 && !isUnsafeKey(s), 'not a usable reaction');

/** Schemes a client may render as a link or image; `javascript:` and friends are refused. */
export function isSafeAttachmentUrl(url: string): boolean {
  return /^(https?:\/\/|blob:|data:(image|text|application|audio|video)\/|\/(?!\/))/i.test(url);
}

// `array` checks the length first, so a million-entry array is refused before each entry is checked.
const Attachments = v.array(
  v.refine(AttachmentSchema, (a) => isSafeAttachmentUrl(a.url), 'unsupported attachment URL'),
  LIMITS.maxAttachments,
);

const ById = v.object({ id: Id });
const Reaction = v.object({ id: Id, emoji: Emoji });

export const RequestSchemas = {
  'message:send': v.object({
    conversationId: Id,
    clientId: Id,
    text: Text,
    attachments: v.optional(Attachments),
  }),
  'messages:since': v.object({ conversationId: Id, afterSeq: Seq, limit: v.optional(Limit) }),
  'messages:before': v.object({ conversationId: Id, beforeSeq: Seq, limit: Limit }),
  typing: v.object({ conversationId: Id, isTyping: v.boolean }),
  read: v.object({ conversationId: Id, seq: Seq }),
  delivered: v.object({ conversationId: Id, seq: Seq }),
  // socket.io clients send `{}`; tolerate a missing payload too.
  'conversations:list': v.nullish(v.object({})),
  'message:edit': v.object({ id: Id, text: Text }),
  'message:delete': ById,
  'reaction:add': Reaction,
  'reaction:remove': Reaction,
} satisfies { [E in ClientEvent]: v.Schema<unknown> };

export type RequestInput<E extends ClientEvent> = v.Output<(typeof RequestSchemas)[E]>;

export function isClientEvent(name: string): name is ClientEvent {
  return Object.prototype.hasOwnProperty.call(RequestSchemas, name);
}

export { describeIssues } from '../core/requests';
