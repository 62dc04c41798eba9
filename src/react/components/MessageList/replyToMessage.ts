import type { ChatClient } from '../../../core/client';
import type { DisplayMessage } from '../../../core/types';
import { setReplyTarget } from '../MessageInput/replyTargets';
import { isActionable } from './rowParts';

/**
 * Whether a list can quote this message: a live, stored user message; in a
 * conversation's list not a thread reply (the server takes quotes of the
 * conversation's own messages there, and of the thread's in a thread).
 */
export function canReplyTo(message: DisplayMessage, threadRootId: string | undefined): boolean {
  return isActionable(message) && (threadRootId !== undefined || message.parentId === undefined);
}

/**
 * Quote a message in the input of the list's conversation, or of its thread
 * `threadRootId`, which takes focus (the toolbar's Reply, `r` on a row).
 */
export function replyToMessage(client: ChatClient, message: DisplayMessage | undefined, threadRootId?: string): void {
  if (message && canReplyTo(message, threadRootId)) setReplyTarget(client, message.conversationId, message.id, threadRootId);
}
