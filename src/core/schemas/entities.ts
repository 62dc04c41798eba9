/**
 * The objects the protocol carries (messages, attachments, users,
 * conversations), as schemas; their TypeScript types are derived from them.
 */
import * as v from '../schema';
import { isUnsafeKey } from '../schema';
import { LIMITS } from './limits';
import { TextSchema } from './messageText';

/** Ids become object keys in the store, so prototype keys are refused here. */
export const IdSchema = v.refine(v.string(LIMITS.maxIdLength, 1), (s) => !isUnsafeKey(s), 'reserved id');
export const SeqSchema = v.integer(0, Number.MAX_SAFE_INTEGER);
const Id = IdSchema;
const Seq = SeqSchema;
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

/** Record<emoji, userId[]>; `__proto__` and friends are skipped by `record`. */
const Reactions = v.record(v.string(32, 1), v.array(Id));

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
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Conversation = v.Output<typeof ConversationSchema>;
