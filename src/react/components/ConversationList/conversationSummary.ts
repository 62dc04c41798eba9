/** Pure helpers for one conversation-list row (no React, unit-tested). */
import type { Conversation, User } from '../../../core/protocol';
import type { Catalog } from '../../../i18n/en';
import { interpolate } from '../../../i18n/format';

/** Previews are one line; more than this is never visible and only costs layout. */
const MAX_PREVIEW_LENGTH = 160;

/** The other member of a direct or bot conversation (undefined for groups). */
export function counterpartId(conversation: Conversation, currentUserId: string): string | undefined {
  if (conversation.kind === 'group') return undefined;
  return conversation.memberIds.find((id) => id !== currentUserId);
}

/** A direct chat is named after the other person, whatever title the server stored. */
export function conversationTitle(conversation: Conversation, counterpart: User | undefined): string {
  if (conversation.kind !== 'group' && counterpart?.name) return counterpart.name;
  return conversation.title || conversation.id;
}

/** Whitespace (newlines included) collapsed so the preview stays on one line. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_PREVIEW_LENGTH ? `${line.slice(0, MAX_PREVIEW_LENGTH - 1)}…` : line;
}

/**
 * Plain-text preview of the last message: "You: …" for our own, "Bob: …" in
 * groups, "Message deleted" for a tombstone, "Attachment" for a file-only
 * message, "No messages yet" when there is none.
 */
export function conversationPreview(
  catalog: Catalog,
  conversation: Conversation,
  currentUserId: string,
  users: Readonly<Record<string, User>>,
): string {
  const t = catalog.conversationList;
  const last = conversation.lastMessage;
  if (!last) return t.noMessages;
  if (last.deletedAt !== undefined) return t.deleted;
  const text = oneLine(last.text) || (last.attachments.length > 0 ? t.attachment : '');
  if (!text) return t.noMessages;
  if (last.kind === 'system') return text;
  if (last.authorId === currentUserId) return interpolate(t.you, { text });
  if (conversation.kind === 'group') {
    const name = users[last.authorId]?.name ?? last.authorId;
    return interpolate(t.from, { name, text });
  }
  return text;
}

/** When the conversation last changed, for the relative time. */
export function lastActivityAt(conversation: Conversation): number {
  return conversation.lastMessage?.createdAt ?? conversation.updatedAt;
}
