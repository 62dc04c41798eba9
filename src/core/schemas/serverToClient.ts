/**
 * Everything the server sends and the client validates: the objects the
 * protocol carries (messages, attachments, users, conversations), acks with
 * their errors, and pushes. Every type here is derived from its schema. One
 * module on purpose: the client needs all of it, and the upload code (loaded
 * lazily) shares it without splitting it across chunks.
 */
import * as v from '../schema';
import { isUnsafeKey } from '../schema';
import type { ClientEvent } from './clientToServer';
import { LIMITS } from './limits';
import { TextSchema } from './messageText';

/** Ids become object keys in the store, so prototype keys are refused here. */
const Id = v.refine(v.string(LIMITS.maxIdLength, 1), (s) => !isUnsafeKey(s), 'reserved id');
const Seq = v.integer(0, Number.MAX_SAFE_INTEGER);
export { Id as IdSchema, Seq as SeqSchema };
const Timestamp = v.integer(0, 8.64e15);
const Name = v.string(LIMITS.maxNameLength);
const Count = v.integer(0);

export const AttachmentSchema = v.object({
  id: Id,
  url: v.string(LIMITS.maxUrlLength),
  name: Name,
  size: Count,
  mimeType: v.string(200),
  width: v.optional(Count),
  height: v.optional(Count),
});
export type Attachment = v.Output<typeof AttachmentSchema>;

/**
 * A link preview the server made for the message's first http(s) link. `image.url` is the
 * server's own (never the page's third-party host); with `image.id`, ask `attachment:url` for it
 * like an attachment's. Width and height let a client reserve the image's box before it loads.
 */
export const LinkPreviewSchema = v.object({
  url: v.string(LIMITS.maxUrlLength, 1),
  title: v.string(LIMITS.maxPreviewTitleLength),
  description: v.optional(v.string(LIMITS.maxPreviewDescriptionLength)),
  siteName: v.optional(Name),
  image: v.optional(v.object({ url: v.string(LIMITS.maxUrlLength, 1), width: v.integer(1), height: v.integer(1), id: v.optional(Id) })),
});
export type LinkPreview = v.Output<typeof LinkPreviewSchema>;

/** Record<emoji, userId[]>; `__proto__` and friends are skipped by `record`. */
const Reactions = v.record(v.string(32, 1), v.array(Id));

/** Where a forwarded message came from. */
const ForwardedFrom = v.object({ conversationId: Id, messageId: Id, authorId: Id });

export const MessageSchema = v.object({
  id: Id,
  clientId: Id,
  conversationId: Id,
  authorId: Id,
  seq: v.integer(1, Number.MAX_SAFE_INTEGER),
  createdAt: Timestamp,
  text: TextSchema,
  attachments: v.array(AttachmentSchema, LIMITS.maxAttachments),
  editedAt: v.optional(Timestamp),
  deletedAt: v.optional(Timestamp),
  reactions: v.optional(Reactions),
  /** Server-authored notices ("bob joined") and bot posts. */
  kind: v.optional(v.picklist(['user', 'system'])),
  /** A quoted reply: the id of the message it answers, in the same conversation. */
  replyTo: v.optional(Id),
  /** A thread reply: the id of the thread's root. Its `seq` counts within the thread, not the conversation. */
  parentId: v.optional(Id),
  /** On a thread root: how many replies it has, when the newest came, and who wrote the newest few. */
  replyCount: v.optional(Count),
  lastReplyAt: v.optional(Timestamp),
  replierIds: v.optional(v.array(Id, LIMITS.maxRepliers)),
  /** Users the text mentions (ids), or `here` (everyone in a group). */
  mentions: v.optional(v.array(Id, LIMITS.maxMentions)),
  /** A copy of another message the author could read, made by `message:forward`. */
  forwardedFrom: v.optional(ForwardedFrom),
  /** A preview of the first link in `text`, added by the server after it stored the message. */
  preview: v.optional(LinkPreviewSchema),
});
export type Message = v.Output<typeof MessageSchema>;

export const UserSchema = v.object({
  id: Id,
  name: Name,
  /** A CSS colour used behind the initials avatar. */
  color: v.optional(v.string(40)),
  isBot: v.optional(v.boolean),
});
export type User = v.Output<typeof UserSchema>;

export const ConversationKindSchema = v.picklist(['direct', 'group', 'bot']);
export type ConversationKind = v.Output<typeof ConversationKindSchema>;

/** seq per member id; member ids become object keys (`record` skips prototype keys). */
const MemberSeqs = v.record(Id, Seq);

export const ConversationSchema = v.object({
  id: Id,
  kind: ConversationKindSchema,
  title: Name,
  memberIds: v.array(Id, LIMITS.maxMembers),
  /** Highest seq in the conversation (0 when empty). */
  lastSeq: Seq,
  lastMessage: v.nullable(MessageSchema),
  /** Last read seq per member. */
  readSeqs: MemberSeqs,
  /**
   * Newest seq that reached each member's client (never below their read seq:
   * reading implies delivery). Optional on the wire, so servers that predate
   * delivery receipts still validate; a fresh `{}` then.
   */
  deliveredSeqs: v.optional(MemberSeqs, () => ({})),
  /** Messages from others after the requesting user's read seq. */
  unreadCount: Count,
  /** Pinned messages, oldest pin first. Optional on the wire for servers without pins. */
  pinnedIds: v.optional(v.array(Id, LIMITS.maxPins), () => []),
  /** For the requesting user: unread replies per thread root, in threads they take part in. */
  unreadThreads: v.optional(v.record(Id, Count), () => ({})),
  /**
   * For the requesting user: unread messages and thread replies from others that mention them
   * or `here`. Optional on the wire for servers without mention counts.
   */
  mentionCount: v.optional(Count, () => 0),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Conversation = v.Output<typeof ConversationSchema>;

// ---------------------------------------------------------------- acks

export const ErrorInfoSchema = v.object({
  code: v.string(100),
  message: v.string(2_000),
  /** On `rate_limited`: how long to wait before trying again, in ms (at most an hour). */
  retryAfterMs: v.optional(v.integer(0, 3_600_000)),
});
export type ErrorInfo = v.Output<typeof ErrorInfoSchema>;

/** Codes the mock server answers with; other servers may add their own. */
export type ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid_payload'
  | 'too_large'
  | 'unsupported_type'
  | 'rate_limited'
  | 'timeout'
  | 'disconnected'
  | 'internal';

const MessagePage = v.object({
  ok: v.literal(true),
  messages: v.array(MessageSchema, 5_000),
  hasMore: v.boolean,
});
const MessageResult = v.object({ ok: v.literal(true), message: MessageSchema });
/** A page of a thread: its replies (thread seqs) and the root, which may lie anywhere in the conversation. */
const ThreadPage = v.object({
  ok: v.literal(true),
  root: MessageSchema,
  messages: v.array(MessageSchema, 5_000),
  hasMore: v.boolean,
});
const PinsResult = v.object({ ok: v.literal(true), pinnedIds: v.array(Id, LIMITS.maxPins) });
const EmptyResult = v.object({ ok: v.literal(true) });

/** Schemas for the success half of every ack. */
export const ResultSchemas = {
  'message:send': MessageResult,
  'messages:since': MessagePage,
  'messages:before': MessagePage,
  typing: EmptyResult,
  read: EmptyResult,
  delivered: EmptyResult,
  'conversations:list': v.object({
    ok: v.literal(true),
    conversations: v.array(ConversationSchema),
    users: v.array(UserSchema),
  }),
  'message:edit': MessageResult,
  'message:delete': MessageResult,
  'reaction:add': MessageResult,
  'reaction:remove': MessageResult,
  'attachment:url': v.object({ ok: v.literal(true), url: v.string(8_000, 1), expiresAt: v.optional(v.integer(0)) }),
  'thread:before': ThreadPage,
  'thread:since': ThreadPage,
  'thread:read': EmptyResult,
  'message:pin': PinsResult,
  'message:unpin': PinsResult,
  'message:forward': MessageResult,
  'message:preview:remove': MessageResult,
  'messages:search': v.object({
    ok: v.literal(true),
    /** Newest first. */
    results: v.array(MessageSchema, LIMITS.maxPageSize),
    /** Pass back as `cursor` for the next (older) page; absent on the last page. */
    nextCursor: v.optional(v.string(LIMITS.maxIdLength * 2, 1)),
  }),
} satisfies { [E in ClientEvent]: v.Schema<unknown> };

export const FailedAckSchema = v.object({ ok: v.literal(false), error: ErrorInfoSchema });

/** What a successful ack carries besides `ok: true`. */
export type RequestResult<E extends ClientEvent> = Omit<v.Output<(typeof ResultSchemas)[E]>, 'ok'>;
export type Ack<E extends ClientEvent> =
  | ({ ok: true } & RequestResult<E>)
  | { ok: false; error: ErrorInfo };

// ---------------------------------------------------------------- pushes

/** A member's position moved (`read`, `delivered`). */
const MemberPosition = v.object({ conversationId: Id, userId: Id, seq: Seq });

export const ServerEventSchemas = {
  'message:new': MessageSchema,
  'message:updated': MessageSchema,
  typing: v.object({ conversationId: Id, userId: Id, isTyping: v.boolean }),
  /** Implies `delivered` up to the same seq; no separate `delivered` push is sent for it. */
  read: MemberPosition,
  delivered: MemberPosition,
  presence: v.object({ userId: Id, online: v.boolean }),
  'conversation:updated': ConversationSchema,
} as const;
export type ServerEvent = keyof typeof ServerEventSchemas;
export type ServerEventPayload<E extends ServerEvent> = v.Output<(typeof ServerEventSchemas)[E]>;
// Pure: an app that never reads the list does not ship the call.
export const SERVER_EVENTS = /* @__PURE__ */ Object.keys(ServerEventSchemas) as ServerEvent[];

export function isServerEvent(name: string): name is ServerEvent {
  return Object.prototype.hasOwnProperty.call(ServerEventSchemas, name);
}
