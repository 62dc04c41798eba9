/**
 * The way to a thread, shared by posting and reading: its root is a message
 * the caller can see (else the one `not_found`), in the conversation the
 * request names when it names one, and one that can have a thread (not a
 * system notice, not itself a reply: threads do not nest).
 */
import { Refusal, memberMessage, refuse } from './handlerRules';
import type { ServerContext } from './messaging';
import type { ConversationRecord, ServerData } from './state';
import { ThreadLog } from './threadLog';
import type { ServerSession, StoredMessage } from './types';
import { UNSEEN } from './visibility';
import { toWireConversation } from './wire';

export function threadRoot(
  ctx: ServerContext,
  session: ServerSession,
  rootId: string,
  inConversation?: ConversationRecord,
): { conversation: ConversationRecord; root: StoredMessage } {
  const { conversation, message } = memberMessage(ctx, session, rootId);
  if (inConversation && conversation !== inConversation) throw new Refusal(UNSEEN.message);
  if (message.parentId !== undefined) refuse('invalid_payload', 'Threads do not nest: reply to the thread’s root instead');
  if (message.kind === 'system') refuse('invalid_payload', 'A system message has no thread');
  return { conversation, root: message };
}

/** The root's thread, made empty the first time anyone replies to it or reads it. */
export function threadOf(conversation: ConversationRecord, root: StoredMessage): ThreadLog {
  let thread = conversation.threads.get(root.id);
  if (!thread) {
    thread = new ThreadLog(root.id, root.seq);
    conversation.threads.set(root.id, thread);
  }
  return thread;
}

/** Their counts of unread thread replies changed: each member among them gets the conversation as they see it. */
export function pushThreadCounts(ctx: ServerContext, conversation: ConversationRecord, userIds: Iterable<string>): void {
  for (const userId of userIds) {
    if (!conversation.members.has(userId)) continue;
    ctx.sessions.send([userId], 'conversation:updated', toWireConversation(conversation, userId, ctx.state.users));
  }
}

/** A thread's replies in seq order, for the server's own API (tests, stories); throws for an unknown root. */
export function threadReplies(state: ServerData, rootId: string): StoredMessage[] {
  const found = state.findMessage(rootId);
  if (!found || found.thread) throw new RangeError(`No message ${rootId} to have a thread`);
  const thread = found.conversation.threads.get(rootId);
  return thread ? thread.range(1, thread.lastSeq) : [];
}
