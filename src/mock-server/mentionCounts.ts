/**
 * How many times a member was mentioned and has not read it yet: messages
 * after their read position in the conversation, and thread replies after
 * their read position in that thread, that someone else wrote, that are not
 * deleted, and whose `mentions` name them or `here`. A thread reply counts
 * because a mention is a call for attention wherever it is made; reading the
 * thread (`thread:read`) is what clears it, not reading the conversation.
 */
import { MENTION_EVERYONE } from './mentions';
import type { ConversationRecord } from './state';
import type { StoredMessage } from './types';

/** Whether `message` calls for `userId`'s attention. */
export function mentionsUser(message: StoredMessage, userId: string): boolean {
  if (message.authorId === userId || message.deletedAt !== undefined || !message.mentions) return false;
  return message.mentions.includes(userId) || message.mentions.includes(MENTION_EVERYONE);
}

/** Mentions of `userId` among the conversation's messages with afterSeq < seq ≤ upToSeq. */
export function mentionsBetween(record: ConversationRecord, userId: string, afterSeq: number, upToSeq = Infinity): number {
  let count = 0;
  for (const message of record.log.liveAfter(afterSeq)) {
    if (message.seq > upToSeq) break;
    if (mentionsUser(message, userId)) count++;
  }
  return count;
}

/** The unread mentions of `viewerId`, in the conversation and its threads. */
export function mentionCountOf(record: ConversationRecord, viewerId: string): number {
  let count = mentionsBetween(record, viewerId, record.readSeqs.get(viewerId) ?? 0);
  for (const thread of record.threads.values()) {
    const read = thread.readSeqs.get(viewerId) ?? 0;
    for (let i = read; i < thread.replies.length; i++) if (mentionsUser(thread.replies[i]!, viewerId)) count++;
  }
  return count;
}

/** The members whose mention count `message` moves (the ones it names, or everyone for `here`), author aside. */
export function mentionedMembers(record: ConversationRecord, message: StoredMessage): string[] {
  const named = message.mentions ?? [];
  const ids = named.includes(MENTION_EVERYONE) ? record.memberIds : named.filter((id) => record.members.has(id));
  return ids.filter((id) => id !== message.authorId);
}

