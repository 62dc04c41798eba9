/**
 * What a user may see, decided in one place for every request and HTTP
 * route: the conversations they are a member of, and the messages in them.
 * Anything else, whether it does not exist or belongs to others, gets the
 * same answer word for word (`not_found`, no id in it), so no probe tells
 * "unknown" from "not yours", and no message id beyond the last one counts a
 * private conversation's messages.
 */
import type { ErrorInfo } from '../core/protocol';
import type { ConversationRecord, ServerData } from './state';
import type { StoredMessage } from './types';

/** The one answer for each kind of thing a user may not see. */
export const UNSEEN = {
  conversation: { code: 'not_found', message: 'No such conversation' },
  message: { code: 'not_found', message: 'No such message' },
  upload: { code: 'not_found', message: 'No such upload' },
} as const satisfies Record<string, ErrorInfo & { code: 'not_found' }>;

/** The conversation, if `userId` is a member of it now (membership is read on every call). */
export function visibleConversation(state: ServerData, userId: string, id: string): ConversationRecord | undefined {
  const conversation = state.conversation(id);
  return conversation?.members.has(userId) ? conversation : undefined;
}

/** The message and its conversation, if `userId` is a member of that conversation now. */
export function visibleMessage(
  state: ServerData,
  userId: string,
  id: string,
): { conversation: ConversationRecord; message: StoredMessage } | undefined {
  const found = state.findMessage(id);
  return found && visibleConversation(state, userId, found.conversation.id) ? found : undefined;
}
