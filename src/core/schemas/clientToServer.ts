/**
 * Client → server payloads: the schemas a server validates requests with, the
 * payload types derived from them, and `parseRequest`, which turns a raw
 * request into a typed one or the error a server answers with. Object schemas
 * strip unknown keys, so a smuggled `authorId` (or `__proto__`) never reaches
 * a handler. The client itself never imports this file, so these schemas stay
 * out of an app's bundle.
 */
import * as v from '../schema';
import { describeIssues, isUnsafeKey } from '../schema';
import { LIMITS } from './limits';
import { TextSchema as Text } from './messageText';
import { ReactionEmojiSchema } from './reactionEmoji';
import { IdSchema as Id, SeqSchema as Seq, type ErrorInfo } from './serverToClient';

/** Any positive size is accepted; handlers clamp it to LIMITS.maxPageSize. */
const Limit = v.integer(1, Number.MAX_SAFE_INTEGER);
/** What `reaction:remove` takes back: any reaction a message may carry, even one stored before the emoji rule. */
const StoredReaction = v.refine(v.string(32, 1), (s) => s.trim().length > 0 && !isUnsafeKey(s), 'not a usable reaction');

/**
 * Schemes a client may render as a link or image; `javascript:` and friends are refused, and so is
 * `/\\host` (browsers read a backslash as a slash). Messages no longer carry client-made URLs at all.
 */
export function isSafeAttachmentUrl(url: string): boolean {
  return /^(https?:\/\/|blob:|data:(image|text|application|audio|video)\/|\/(?![/\\]))/i.test(url);
}

const ById = v.object({ id: Id });

/** Only the key `id`: a client that sends a URL, name or type means to choose them, and the server refuses. */
const OnlyId = v.refine<unknown>(
  (input) => input,
  (input) => typeof input !== 'object' || input === null || Object.keys(input).every((key) => key === 'id'),
  'an attachment is { id } of an upload; the server fills in the rest',
);
/** An attachment as a client sends it: the id `POST /uploads` answered with. */
export const AttachmentRefSchema: v.Schema<{ id: string }> = (input) => ById(OnlyId(input));

// `array` checks the length first, so a million-entry array is refused before each entry is checked.
const Attachments = v.array(AttachmentRefSchema, LIMITS.maxAttachments);
const Position = v.object({ conversationId: Id, seq: Seq });

export const RequestSchemas = {
  'message:send': v.object({
    conversationId: Id,
    clientId: Id,
    text: Text,
    attachments: v.optional(Attachments),
    /** Quote this message (same conversation). */
    replyTo: v.optional(Id),
    /** Post in this root's thread instead of the conversation. */
    parentId: v.optional(Id),
    /** With `parentId`: also show the reply in the conversation (quoting the root). */
    alsoInConversation: v.optional(v.boolean),
    mentions: v.optional(v.array(Id, LIMITS.maxMentions)),
  }),
  'messages:since': v.object({ conversationId: Id, afterSeq: Seq, limit: v.optional(Limit) }),
  'messages:before': v.object({ conversationId: Id, beforeSeq: Seq, limit: Limit }),
  typing: v.object({ conversationId: Id, isTyping: v.boolean }),
  read: Position,
  /** Messages up to `seq` reached this user's client (a watermark, like `read`). */
  delivered: Position,
  // socket.io clients send `{}`; tolerate a missing payload too.
  'conversations:list': v.nullish(v.object({})),
  'message:edit': v.object({ id: Id, text: Text }),
  'message:delete': ById,
  // A new reaction is one emoji (reactionEmoji.ts); taking one back never needs that.
  'reaction:add': v.object({ id: Id, emoji: ReactionEmojiSchema }),
  'reaction:remove': v.object({ id: Id, emoji: StoredReaction }),
  /** A URL to load an attachment from, made for this viewer; it may expire (then ask again). */
  'attachment:url': ById,
  /** A thread's replies with thread seq below `beforeSeq`, newest page first (and its root). */
  'thread:before': v.object({ rootId: Id, beforeSeq: Seq, limit: Limit }),
  /** A thread's replies after `afterSeq` (gap fill, resync). */
  'thread:since': v.object({ rootId: Id, afterSeq: Seq, limit: v.optional(Limit) }),
  /** The caller read the thread up to thread seq `seq`. */
  'thread:read': v.object({ rootId: Id, seq: Seq }),
  'message:pin': ById,
  'message:unpin': ById,
  /** Copy a message the caller can read into another of their conversations; `clientId` makes a resend safe. */
  'message:forward': v.object({ id: Id, conversationId: Id, clientId: Id }),
  /** The author takes the link preview off their message; an edit does not bring it back. */
  'message:preview:remove': ById,
  'messages:search': v.object({
    query: v.refine(v.string(LIMITS.maxQueryLength, 1), (q) => q.trim().length > 0, 'an empty query'),
    conversationId: v.optional(Id),
    cursor: v.optional(v.string(LIMITS.maxIdLength * 2, 1)),
    limit: v.optional(Limit),
  }),
};

export type ClientEvent = keyof typeof RequestSchemas;
export type RequestPayload<E extends ClientEvent> = v.Output<(typeof RequestSchemas)[E]>;

/** A request that passed its schema: `event` narrows `payload`. */
export type ValidRequest = { [E in ClientEvent]: { event: E; payload: RequestPayload<E> } }[ClientEvent];

export function isClientEvent(name: string): name is ClientEvent {
  return Object.prototype.hasOwnProperty.call(RequestSchemas, name);
}

/**
 * Checks one raw request as it came off the wire. A failure is the `error` of
 * the ack to answer with: `invalid_payload`, or `too_large` for text over the limit.
 */
export function parseRequest(
  event: string,
  payload: unknown,
): { ok: true; request: ValidRequest } | { ok: false; error: ErrorInfo } {
  if (typeof event !== 'string' || !isClientEvent(event)) {
    const name = String(event);
    return invalid(`Unknown event ${JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name)}`);
  }
  const parsed = v.safeParse(RequestSchemas[event], payload);
  if (!parsed.success) {
    const { code } = parsed.issues[0];
    return invalid(`${code ? 'Refused' : 'Invalid payload for'} "${event}": ${describeIssues(parsed.issues)}`, code);
  }
  return { ok: true, request: { event, payload: parsed.output } as ValidRequest };
}

function invalid(message: string, code = 'invalid_payload'): { ok: false; error: ErrorInfo } {
  return { ok: false, error: { code, message } };
}
