/**
 * State changes that other people must hear about: storing a live message,
 * replacing one, read and delivery receipts, typing. Shared by the request handlers, the
 * public server methods (stories simulate other users through them) and the bot.
 */
import type { Attachment, Message } from '../core/protocol';
import type { SearchIndex } from './searchIndex';
import type { SessionRegistry } from './sessions';
import type { UploadRegistry } from './uploadRegistry';
import type { LinkPreviews } from './previews/linkPreviews';
import { mentionedMembers, mentionsBetween } from './mentionCounts';
import { messageId, type ServerData, type ConversationRecord } from './state';
import { withSummary, type ThreadLog } from './threadLog';
import type { StoredMessage } from './types';
import { toWireConversation, toWireMessage } from './wire';

export interface ServerContext {
  readonly state: ServerData;
  readonly sessions: SessionRegistry;
  readonly now: () => number;
  /** Every stored upload: what `message:send` may attach (uploadRegistry.ts). */
  readonly uploads: UploadRegistry;
  /** Every stored message and every change to one goes through here (messages:search). */
  readonly search: SearchIndex;
  /** Runs after a live message was stored and broadcast (the bot listens here). */
  readonly onPosted: (conversation: ConversationRecord, message: StoredMessage) => void;
  /** Link previews of stored messages (previews/linkPreviews.ts). */
  readonly previews: LinkPreviews;
}

/** A message on its way into a conversation's log: the server gives it its id and seq. */
export interface MessageToStore {
  readonly authorId: string;
  readonly text: string;
  readonly attachments?: readonly Attachment[];
  /** Made up by the server when absent (`c_<conversation>_<seq>`, unique and cheap for bulk history). */
  readonly clientId?: string;
  /** Defaults to `now()`. */
  readonly createdAt?: number;
  readonly kind?: 'system';
  /** A quoted message of the same conversation (a pin notice names the pinned message). */
  readonly replyTo?: string;
  /** The message this one copies (`message:forward`). */
  readonly forwardedFrom?: Message['forwardedFrom'];
  /** Members the text mentions (or `here`), already filtered (mentions.ts). */
  readonly mentions?: readonly string[];
}

/** The key of `sentByClientId`: one author's clientId. */
export function clientKey(authorId: string, clientId: string): string {
  return `${authorId}\n${clientId}`;
}

/** Appends without telling anyone; updates lastSeq/lastMessage/updatedAt through the log. */
export function appendMessage(ctx: ServerContext, conversation: ConversationRecord, input: MessageToStore): StoredMessage {
  const createdAt = input.createdAt ?? ctx.now();
  const message = conversation.log.append((seq) => {
    const stored: { -readonly [K in keyof StoredMessage]: StoredMessage[K] } = {
      id: messageId(conversation.id, seq),
      clientId: input.clientId ?? `c_${conversation.id}_${seq}`,
      conversationId: conversation.id,
      authorId: input.authorId,
      seq,
      createdAt,
      text: input.text,
      attachments: input.attachments ? input.attachments.map((a) => ({ ...a })) : [],
    };
    if (input.kind) stored.kind = input.kind;
    if (input.replyTo !== undefined) stored.replyTo = input.replyTo;
    if (input.forwardedFrom) stored.forwardedFrom = { ...input.forwardedFrom };
    if (input.mentions && input.mentions.length > 0) stored.mentions = [...input.mentions];
    return stored;
  });
  conversation.updatedAt = Math.max(conversation.updatedAt, createdAt);
  ctx.search.add(message);
  return message;
}

/**
 * Stores a message as if its author sent it live and pushes `message:new` to
 * every session of every member, the sender's included (their other tabs need
 * it; clients dedupe by clientId). A clientId seen before from the same author
 * returns the stored message and pushes nothing.
 */
export function postMessage(
  ctx: ServerContext,
  conversation: ConversationRecord,
  input: MessageToStore,
): { message: StoredMessage; duplicate: boolean } {
  if (input.clientId !== undefined) {
    const seenSeq = conversation.sentByClientId.get(clientKey(input.authorId, input.clientId));
    const seen = seenSeq === undefined ? undefined : conversation.log.get(seenSeq);
    if (seen) return { message: seen, duplicate: true };
  }
  const message = appendMessage(ctx, conversation, input);
  conversation.sentByClientId.set(clientKey(message.authorId, message.clientId), message.seq);
  ctx.sessions.send(conversation.memberIds, 'message:new', toWireMessage(message));
  ctx.onPosted(conversation, message);
  return { message, duplicate: false };
}

/**
 * Puts an edited copy in its place (the log, or for a thread reply its thread) and pushes the full
 * message as `message:updated`. Files the copy no longer carries (the message was deleted) go with
 * it: their URLs stop working. A changed reply may change its root's counters (a deleted reply no
 * longer counts): the root is then replaced and pushed too.
 */
export function replaceMessage(ctx: ServerContext, conversation: ConversationRecord, next: StoredMessage): void {
  const thread = next.parentId === undefined ? undefined : conversation.threads.get(next.parentId);
  if (next.parentId !== undefined && !thread) throw new RangeError(`No thread ${next.parentId}`);
  const before = thread ? thread.get(next.seq) : conversation.log.get(next.seq);
  if (thread) thread.replace(next);
  else conversation.log.replace(next);
  ctx.search.replace(next);
  const kept = new Set(next.attachments.map((a) => a.id));
  const dropped = (before?.attachments ?? []).filter((a) => !kept.has(a.id)).map((a) => a.id);
  if (dropped.length > 0) ctx.uploads.retire(conversation.id, dropped);
  ctx.sessions.send(conversation.memberIds, 'message:updated', toWireMessage(next));
  if (thread) refreshRoot(ctx, conversation, thread);
  // A deleted mention no longer counts: those it named hear their new count.
  if (before && next.deletedAt !== undefined && before.deletedAt === undefined && before.mentions) {
    pushConversationTo(ctx, conversation, mentionedMembers(conversation, before));
  }
}

/** Each of `userIds` (members only) gets the conversation as they see it: their counts moved. */
export function pushConversationTo(ctx: ServerContext, conversation: ConversationRecord, userIds: Iterable<string>): void {
  for (const userId of new Set(userIds)) {
    if (!conversation.members.has(userId)) continue;
    ctx.sessions.send([userId], 'conversation:updated', toWireConversation(conversation, userId, ctx.state.users));
  }
}

/** Puts the thread's counters on its root; replaced and pushed only when they changed. */
export function refreshRoot(ctx: ServerContext, conversation: ConversationRecord, thread: ThreadLog): void {
  const root = conversation.log.get(thread.rootSeq);
  if (!root) return;
  const next = withSummary(root, thread.summary());
  if (next !== root) replaceMessage(ctx, conversation, next);
}

/**
 * Moves a member's read marker forward (never back, never past the last
 * message) and pushes `read` to all members. Returns the marker. Reading
 * implies delivery: the delivered marker follows, and the `read` push stands
 * for it (clients raise delivered with read), so no `delivered` push is sent.
 */
export function markRead(ctx: ServerContext, conversation: ConversationRecord, userId: string, seq: number): number {
  const current = conversation.readSeqs.get(userId) ?? 0;
  const next = Math.min(seq, conversation.log.lastSeq);
  if (next <= current) return current;
  conversation.readSeqs.set(userId, next);
  if (next > (conversation.deliveredSeqs.get(userId) ?? 0)) conversation.deliveredSeqs.set(userId, next);
  ctx.sessions.send(conversation.memberIds, 'read', { conversationId: conversation.id, userId, seq: next });
  // The reader's other sessions cannot tell what the read cleared of their mentions (threads count too).
  if (mentionsBetween(conversation, userId, current, next) > 0) pushConversationTo(ctx, conversation, [userId]);
  return next;
}

/**
 * Moves a member's delivered marker forward (never back, never past the last
 * message) and pushes `delivered` to all members. A repeat changes nothing
 * and pushes nothing. Returns the marker.
 */
export function markDelivered(ctx: ServerContext, conversation: ConversationRecord, userId: string, seq: number): number {
  const current = Math.max(conversation.deliveredSeqs.get(userId) ?? 0, conversation.readSeqs.get(userId) ?? 0);
  const next = Math.min(seq, conversation.log.lastSeq);
  if (next <= current) return current;
  conversation.deliveredSeqs.set(userId, next);
  ctx.sessions.send(conversation.memberIds, 'delivered', { conversationId: conversation.id, userId, seq: next });
  return next;
}

/** Tells the other members that `userId` started or stopped typing. */
export function pushTyping(ctx: ServerContext, conversation: ConversationRecord, userId: string, isTyping: boolean): void {
  ctx.sessions.send(conversation.memberIds, 'typing', { conversationId: conversation.id, userId, isTyping }, userId);
}
