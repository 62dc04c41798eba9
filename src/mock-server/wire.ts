/**
 * Stored records → fresh wire objects (protocol.ts shapes). Every call builds
 * new objects, so whoever receives one can do what they like with it.
 */
import type { Conversation, Message, User } from '../core/protocol';
import { mentionCountOf } from './mentionCounts';
import type { ConversationRecord } from './state';
import type { StoredMessage } from './types';

/** Unread replies per thread the viewer takes part in (wrote the root or a reply); threads with none are left out. */
function unreadThreadsOf(record: ConversationRecord, viewerId: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [rootId, thread] of record.threads) {
    const read = thread.readSeqs.get(viewerId);
    if (read === undefined) continue;
    let unread = 0;
    for (let i = read; i < thread.replies.length; i++) {
      const reply = thread.replies[i]!;
      if (reply.authorId !== viewerId && reply.deletedAt === undefined) unread++;
    }
    if (unread > 0) out[rootId] = unread;
  }
  return out;
}

export function toWireMessage(stored: StoredMessage): Message {
  const message: Message = {
    id: stored.id,
    clientId: stored.clientId,
    conversationId: stored.conversationId,
    authorId: stored.authorId,
    seq: stored.seq,
    createdAt: stored.createdAt,
    text: stored.text,
    attachments: stored.attachments.map((a) => ({ ...a })),
    // Always present, so a client replacing a message on `message:updated` also drops stale reactions.
    reactions: stored.reactions ? Object.fromEntries([...stored.reactions].map(([k, ids]) => [k, [...ids]])) : {},
  };
  if (stored.editedAt !== undefined) message.editedAt = stored.editedAt;
  if (stored.deletedAt !== undefined) message.deletedAt = stored.deletedAt;
  if (stored.kind !== undefined) message.kind = stored.kind;
  if (stored.replyTo !== undefined) message.replyTo = stored.replyTo;
  if (stored.parentId !== undefined) message.parentId = stored.parentId;
  if (stored.replyCount !== undefined) message.replyCount = stored.replyCount;
  if (stored.lastReplyAt !== undefined) message.lastReplyAt = stored.lastReplyAt;
  if (stored.replierIds !== undefined) message.replierIds = [...stored.replierIds];
  if (stored.mentions !== undefined) message.mentions = [...stored.mentions];
  if (stored.forwardedFrom !== undefined) message.forwardedFrom = { ...stored.forwardedFrom };
  if (stored.preview !== undefined) message.preview = { ...stored.preview, ...(stored.preview.image ? { image: { ...stored.preview.image } } : {}) };
  return message;
}

/**
 * One conversation as `viewerId` sees it: their unread and mention counts, and for a direct
 * conversation the other person's name as title. Without a viewer, the unread
 * count is 0 and the stored title is used.
 */
export function toWireConversation(
  record: ConversationRecord,
  viewerId: string | undefined,
  users: ReadonlyMap<string, User>,
): Conversation {
  const { log } = record;
  const last = log.get(log.lastSeq);
  let title = record.title;
  if (viewerId !== undefined && record.kind === 'direct') {
    const other = record.memberIds.find((id) => id !== viewerId);
    title = (other && users.get(other)?.name) || title;
  }
  return {
    id: record.id,
    kind: record.kind,
    title,
    memberIds: [...record.memberIds],
    lastSeq: log.lastSeq,
    lastMessage: last ? toWireMessage(last) : null,
    readSeqs: Object.fromEntries(record.readSeqs),
    deliveredSeqs: Object.fromEntries(record.deliveredSeqs),
    unreadCount: viewerId === undefined ? 0 : log.countUnread(record.readSeqs.get(viewerId) ?? 0, viewerId),
    pinnedIds: [...record.pinnedIds],
    unreadThreads: viewerId === undefined ? {} : unreadThreadsOf(record, viewerId),
    mentionCount: viewerId === undefined ? 0 : mentionCountOf(record, viewerId),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
