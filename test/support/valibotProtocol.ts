/**
 * The wire protocol's schemas as they were written with valibot, kept as an
 * independent oracle: the kit's own validators (src/core/schema.ts) must
 * accept exactly what these accept and output exactly what they output
 * (test/core/schema.test.ts), and the fuzz tests judge validity by these, so
 * a mistake in the kit's validators cannot also hide in its tests.
 */
import * as v from 'valibot';
import { isReactionEmoji, isUnsafeKey, LIMITS, type ClientEvent, type ServerEvent } from '../../src/core/protocol';

/** Ids become object keys in the store, so prototype keys are refused here. */
export const IdSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(LIMITS.maxIdLength),
  v.check((s) => !isUnsafeKey(s), 'reserved id'),
);
export const SeqSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
export const TextSchema = v.pipe(v.string(), v.maxLength(LIMITS.maxTextLength));
const Id = IdSchema;
const Seq = SeqSchema;
const Timestamp = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const Text = TextSchema;
const Name = v.pipe(v.string(), v.maxLength(LIMITS.maxNameLength));

export const AttachmentSchema = v.object({
  id: Id,
  url: v.pipe(v.string(), v.maxLength(LIMITS.maxUrlLength)),
  name: Name,
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  mimeType: v.pipe(v.string(), v.maxLength(200)),
  width: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  height: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/** Record<emoji, userId[]>; keys are checked so `__proto__` cannot sneak in. */
const Reactions = v.pipe(
  v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(32)), v.array(Id)),
  v.check((r) => !Object.keys(r).some(isUnsafeKey), 'unsafe reaction key'),
);

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const MessageSchema = v.object({
  id: Id,
  clientId: Id,
  conversationId: Id,
  authorId: Id,
  seq: v.pipe(Seq, v.minValue(1)),
  createdAt: Timestamp,
  text: Text,
  attachments: v.pipe(v.array(AttachmentSchema), v.maxLength(LIMITS.maxAttachments)),
  editedAt: v.optional(Timestamp),
  deletedAt: v.optional(Timestamp),
  reactions: v.optional(Reactions),
  /** Server-authored notices ("bob joined") and bot posts. */
  kind: v.optional(v.picklist(['user', 'system'])),
  replyTo: v.optional(Id),
  parentId: v.optional(Id),
  replyCount: v.optional(Count),
  lastReplyAt: v.optional(Timestamp),
  replierIds: v.optional(v.pipe(v.array(Id), v.maxLength(LIMITS.maxRepliers))),
  mentions: v.optional(v.pipe(v.array(Id), v.maxLength(LIMITS.maxMentions))),
  forwardedFrom: v.optional(v.object({ conversationId: Id, messageId: Id, authorId: Id })),
  preview: v.optional(
    v.object({
      url: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.maxUrlLength)),
      title: v.pipe(v.string(), v.maxLength(LIMITS.maxPreviewTitleLength)),
      description: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.maxPreviewDescriptionLength))),
      siteName: v.optional(Name),
      image: v.optional(
        v.object({
          url: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.maxUrlLength)),
          width: v.pipe(v.number(), v.integer(), v.minValue(1)),
          height: v.pipe(v.number(), v.integer(), v.minValue(1)),
          id: v.optional(Id),
        }),
      ),
    }),
  ),
});

export const UserSchema = v.object({
  id: Id,
  name: Name,
  /** A CSS colour used behind the initials avatar. */
  color: v.optional(v.pipe(v.string(), v.maxLength(40))),
  isBot: v.optional(v.boolean()),
});

export const ConversationKindSchema = v.picklist(['direct', 'group', 'bot']);

/** seq per member id; member ids become object keys, so prototype keys are refused. */
const MemberSeqs = v.pipe(
  v.record(Id, Seq),
  v.check((r) => !Object.keys(r).some(isUnsafeKey), 'unsafe member key'),
);

export const ConversationSchema = v.object({
  id: Id,
  kind: ConversationKindSchema,
  title: Name,
  memberIds: v.pipe(v.array(Id), v.maxLength(LIMITS.maxMembers)),
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
  unreadCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  pinnedIds: v.optional(v.pipe(v.array(Id), v.maxLength(LIMITS.maxPins)), () => []),
  unreadThreads: v.optional(
    v.pipe(
      v.record(Id, Count),
      v.check((r) => !Object.keys(r).some(isUnsafeKey), 'unsafe root key'),
    ),
    () => ({}),
  ),
  mentionCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), () => 0),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ErrorInfoSchema = v.object({
  code: v.pipe(v.string(), v.maxLength(100)),
  message: v.pipe(v.string(), v.maxLength(2_000)),
  retryAfterMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3_600_000))),
});

const MessagePage = v.object({
  ok: v.literal(true),
  messages: v.pipe(v.array(MessageSchema), v.maxLength(5_000)),
  hasMore: v.boolean(),
});
const MessageResult = v.object({ ok: v.literal(true), message: MessageSchema });
const EmptyResult = v.object({ ok: v.literal(true) });
const ThreadPage = v.object({
  ok: v.literal(true),
  root: MessageSchema,
  messages: v.pipe(v.array(MessageSchema), v.maxLength(5_000)),
  hasMore: v.boolean(),
});
const PinsResult = v.object({ ok: v.literal(true), pinnedIds: v.pipe(v.array(Id), v.maxLength(LIMITS.maxPins)) });
const Cursor = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.maxIdLength * 2));

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
  'attachment:url': v.object({
    ok: v.literal(true),
    url: v.pipe(v.string(), v.minLength(1), v.maxLength(8_000)),
    expiresAt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
  'thread:before': ThreadPage,
  'thread:since': ThreadPage,
  'thread:read': EmptyResult,
  'message:pin': PinsResult,
  'message:unpin': PinsResult,
  'message:forward': MessageResult,
  'message:preview:remove': MessageResult,
  'messages:search': v.object({
    ok: v.literal(true),
    results: v.pipe(v.array(MessageSchema), v.maxLength(LIMITS.maxPageSize)),
    nextCursor: v.optional(Cursor),
  }),
} satisfies { [E in ClientEvent]: v.GenericSchema };

export const FailedAckSchema = v.object({ ok: v.literal(false), error: ErrorInfoSchema });

// ---------------------------------------------------------------- server -> client

export const ServerEventSchemas = {
  'message:new': MessageSchema,
  'message:updated': MessageSchema,
  typing: v.object({ conversationId: Id, userId: Id, isTyping: v.boolean() }),
  /** Implies `delivered` up to the same seq; no separate `delivered` push is sent for it. */
  read: v.object({ conversationId: Id, userId: Id, seq: Seq }),
  delivered: v.object({ conversationId: Id, userId: Id, seq: Seq }),
  presence: v.object({ userId: Id, online: v.boolean() }),
  'conversation:updated': ConversationSchema,
} satisfies { [E in ServerEvent]: v.GenericSchema };

// ---------------------------------------------------------------- client -> server (the mock server's side)

/** Any positive size is accepted; handlers clamp it to LIMITS.maxPageSize. */
const Limit = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));
const Emoji = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(32),
  v.check((s) => s.trim().length > 0 && !isUnsafeKey(s), 'not a usable reaction'),
);

const Attachments = v.pipe(
  // Length first, so a million-entry array is refused before each entry is checked.
  v.array(v.unknown()),
  v.maxLength(LIMITS.maxAttachments),
  // An upload id and nothing else: the server fills in the rest.
  v.array(v.pipe(v.looseObject({ id: Id }), v.check((a) => Object.keys(a).every((k) => k === 'id'), 'only an id'), v.transform(({ id }) => ({ id })))),
);

const ById = v.object({ id: Id });
const Reaction = v.object({ id: Id, emoji: Emoji });
// The emoji rule itself is judged against \p{RGI_Emoji} (test/core/schemas/reactionEmoji.test.ts).
const NewReaction = v.object({ id: Id, emoji: v.pipe(Emoji, v.check(isReactionEmoji, 'not a usable reaction')) });

export const RequestSchemas = {
  'message:send': v.object({
    conversationId: Id,
    clientId: Id,
    text: Text,
    attachments: v.optional(Attachments),
    replyTo: v.optional(Id),
    parentId: v.optional(Id),
    alsoInConversation: v.optional(v.boolean()),
    mentions: v.optional(v.pipe(v.array(Id), v.maxLength(LIMITS.maxMentions))),
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
  'reaction:add': NewReaction,
  'reaction:remove': Reaction,
  'attachment:url': ById,
  'thread:before': v.object({ rootId: Id, beforeSeq: Seq, limit: Limit }),
  'thread:since': v.object({ rootId: Id, afterSeq: Seq, limit: v.optional(Limit) }),
  'thread:read': v.object({ rootId: Id, seq: Seq }),
  'message:pin': ById,
  'message:unpin': ById,
  'message:forward': v.object({ id: Id, conversationId: Id, clientId: Id }),
  'message:preview:remove': v.object({ id: Id }),
  'messages:search': v.object({
    query: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.maxQueryLength), v.check((q) => q.trim().length > 0, 'an empty query')),
    conversationId: v.optional(Id),
    cursor: v.optional(Cursor),
    limit: v.optional(Limit),
  }),
} satisfies { [E in ClientEvent]: v.GenericSchema };
