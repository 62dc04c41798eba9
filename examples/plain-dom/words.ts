/** The example's English. Core selectors say what to show; the words are the host's. */
import type { ConversationPreview, DisplayMessage, Receipt, User } from 'parley/core';

export function previewText(preview: ConversationPreview): string {
  if (preview.kind === 'none') return 'No messages yet';
  if (preview.kind === 'deleted') return 'Message deleted';
  const text = preview.kind === 'attachment' ? 'Attachment' : preview.text;
  if (preview.own) return `You: ${text}`;
  return preview.authorName === undefined ? text : `${preview.authorName}: ${text}`;
}

export function unreadText(count: number): string {
  return count === 0 ? '' : `${count} unread`;
}

export function messageText(message: DisplayMessage): string {
  if (message.deletedAt !== undefined) return 'Message deleted';
  if (message.text) return message.text;
  return message.attachments.map((a) => `📎 ${a.name}`).join(', ');
}

/** Own messages only: where the message stands. */
export function statusText(message: DisplayMessage, receipt: Receipt | undefined): string {
  if (message.status === 'sending') return 'Sending…';
  if (message.status === 'failed') return 'Not sent';
  return receipt === 'read' ? 'Read' : receipt === 'delivered' ? 'Delivered' : 'Sent';
}

export function typingText(users: readonly User[]): string {
  const [first, second] = users;
  if (!first) return '';
  if (users.length === 1) return `${first.name} is typing…`;
  if (users.length === 2 && second) return `${first.name} and ${second.name} are typing…`;
  return 'Several people are typing…';
}
