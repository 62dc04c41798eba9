import type { ChatClient } from '../../../core/client';
import type { DisplayMessage } from '../../../core/types';
import { setReplyTarget } from '../MessageInput/replyTargets';
import { isActionable } from './rowParts';

/**
 * Quote a message in its conversation's input, which takes focus (the
 * toolbar's Reply, `r` on a row). Only live, stored user messages can be quoted.
 */
export function replyToMessage(client: ChatClient, message: DisplayMessage | undefined): void {
  if (message && isActionable(message)) setReplyTarget(client, message.conversationId, message.id);
}
