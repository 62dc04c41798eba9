/**
 * A conversation-list row in words. What a row shows is core's (`parley/core`
 * selectors); how it reads in the user's language is decided here.
 */
import type { Conversation, User } from '../../../core/protocol';
import { lastMessagePreview, type ConversationPreview } from '../../../core/selectors';
import type { Catalog } from '../../../i18n/en';
import { interpolate } from '../../../i18n/format';

export { conversationTitle, counterpartId, lastActivityAt } from '../../../core/selectors';

/**
 * A preview as text: "You: …" for our own, "Bob: …" in groups, "Message deleted"
 * for a tombstone, "Attachment" for a file-only message, "No messages yet" when there is none.
 */
export function previewText(catalog: Catalog, preview: ConversationPreview): string {
  const t = catalog.conversationList;
  if (preview.kind === 'none') return t.noMessages;
  if (preview.kind === 'deleted') return t.deleted;
  const text = preview.kind === 'attachment' ? t.attachment : preview.text;
  if (preview.own) return interpolate(t.you, { text });
  if (preview.authorName !== undefined) return interpolate(t.from, { name: preview.authorName, text });
  return text;
}

/** The last message's preview as text, from a conversation and the users the store knows. */
export function conversationPreview(
  catalog: Catalog,
  conversation: Conversation,
  currentUserId: string,
  users: Readonly<Record<string, User>>,
): string {
  const authorId = conversation.lastMessage?.authorId;
  return previewText(catalog, lastMessagePreview(conversation, currentUserId, authorId === undefined ? undefined : users[authorId]));
}
