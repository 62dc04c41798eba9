/**
 * What a message may quote (`replyTo`). In a conversation: a message of that
 * conversation's log. In a thread: its root or another reply of the same
 * thread. Anything else, whether it exists elsewhere or not at all, gets the
 * one `not_found`, so a quote cannot probe other conversations.
 */
import { Refusal } from './handlerRules';
import type { ServerContext } from './messaging';
import type { ConversationRecord } from './state';
import { UNSEEN } from './visibility';

/** `replyTo` for a message in `conversation`'s log, or a refusal. */
export function quotableInConversation(ctx: ServerContext, conversation: ConversationRecord, replyTo: string): string {
  const found = ctx.state.findMessage(replyTo);
  if (!found || found.conversation !== conversation || found.message.parentId !== undefined) throw new Refusal(UNSEEN.message);
  return replyTo;
}

/** `replyTo` for a reply in the thread of `rootId`, or a refusal. */
export function quotableInThread(ctx: ServerContext, conversation: ConversationRecord, rootId: string, replyTo: string): string {
  const found = ctx.state.findMessage(replyTo);
  const inThread = found?.message.id === rootId || found?.message.parentId === rootId;
  if (!found || found.conversation !== conversation || !inThread) throw new Refusal(UNSEEN.message);
  return replyTo;
}
