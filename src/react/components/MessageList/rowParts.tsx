/**
 * The row's interactive parts as a custom bubble or a headless list uses them:
 * they find the list's actions through context (MessageList and
 * MessageListViewport provide it) and load their code on first use.
 */
import { useContext } from 'react';
import type { DisplayMessage } from '../../../core/types';
import { MessageActions as LazyActions, MessageEditor as LazyEditor } from '../lazyParts';
import { MessageActionsContext } from './messageActionsContext';

/** Only stored, live user messages can be reacted to, edited or deleted. */
export function isActionable(message: DisplayMessage): boolean {
  return message.status === 'sent' && message.deletedAt === undefined && message.kind !== 'system';
}

/**
 * The toolbar of a message: React, and for own messages Edit and Delete (confirmed inline).
 * Render it for the row whose `showActions` is true; nothing outside a message list.
 */
export function MessageActions({ message, own }: { message: DisplayMessage; own: boolean }) {
  const api = useContext(MessageActionsContext);
  if (!api || !isActionable(message)) return null;
  return <LazyActions message={message} own={own} api={api} />;
}

/**
 * The in-place editor of an own message: Enter saves, Escape cancels, focus returns to the row.
 * Render it in place of the text for the row whose `editing` is true.
 */
export function MessageEditor({ message }: { message: DisplayMessage }) {
  const api = useContext(MessageActionsContext);
  if (!api || !isActionable(message)) return null;
  return <LazyEditor message={message} api={api} />;
}
