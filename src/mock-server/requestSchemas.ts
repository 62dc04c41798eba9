/**
 * Valibot schemas for client → server payloads. Whatever arrives is `unknown`
 * until one of these has accepted it. Object schemas strip unknown keys, so a
 * smuggled `authorId` (or `__proto__`) never reaches a handler.
 */
import * as v from 'valibot';
import { AttachmentSchema, IdSchema as Id, isUnsafeKey, LIMITS, SeqSchema as Seq, TextSchema as Text, type ClientEvent } from '../core/protocol';

/** Any positive size is accepted; handlers clamp it to LIMITS.maxPageSize. */
const Limit = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));
const Emoji = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(32),
  v.check((s) => s.trim().length > 0 && !isUnsafeKey(s), 'not a usable reaction'),
);

/** Schemes a client may render as a link or image; `javascript:` and friends are refused. */
export function isSafeAttachmentUrl(url: string): boolean {
  return /^(https?:\/\/|blob:|data:(image|text|application|audio|video)\/|\/(?!\/))/i.test(url);
}

const Attachments = v.pipe(
  // Length first, so a million-entry array is refused before each entry is checked.
  v.array(v.unknown()),
  v.maxLength(LIMITS.maxAttachments),
  v.array(v.pipe(AttachmentSchema, v.check((a) => isSafeAttachmentUrl(a.url), 'unsupported attachment URL'))),
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
  typing: v.object({ conversationId: Id, isTyping: v.boolean() }),
  read: v.object({ conversationId: Id, seq: Seq }),
  delivered: v.object({ conversationId: Id, seq: Seq }),
  // socket.io clients send `{}`; tolerate a missing payload too.
  'conversations:list': v.nullish(v.object({})),
  'message:edit': v.object({ id: Id, text: Text }),
  'message:delete': ById,
  'reaction:add': Reaction,
  'reaction:remove': Reaction,
} satisfies { [E in ClientEvent]: v.GenericSchema };

export type RequestInput<E extends ClientEvent> = v.InferOutput<(typeof RequestSchemas)[E]>;

export function isClientEvent(name: string): name is ClientEvent {
  return Object.prototype.hasOwnProperty.call(RequestSchemas, name);
}

/** First issue as "path: message", short enough for an error ack. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = first.path?.map((p) => String(p.key)).join('.') ?? '';
  return `${path ? `${path}: ` : ''}${first.message}`.slice(0, 300);
}
