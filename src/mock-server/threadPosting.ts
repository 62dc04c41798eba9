/**
 * `message:send` with a `parentId`: a reply in the root's thread. It is not in
 * the conversation's log; it takes the thread's next seq, is pushed as
 * `message:new` to every member (clients tell it by `parentId`), and the root
 * is pushed again with its new counters. Its author and the root's author
 * take part in the thread from then on, and every other participant gets
 * their conversation again, with the higher count of unread thread replies.
 * With `alsoInConversation` a copy quoting the root goes into the
 * conversation as well.
 */
import { LIMITS, type RequestPayload } from '../core/protocol';
import { Refusal, refuse } from './handlerRules';
import { mentionedMembers } from './mentionCounts';
import { MENTION_EVERYONE, memberMentions } from './mentions';
import { clientKey, postMessage, refreshRoot, type ServerContext } from './messaging';
import { quotableInThread } from './quotedReplies';
import { threadReplyId, type ConversationRecord } from './state';
import { pushThreadCounts, threadOf, threadRoot } from './threadRoots';
import type { ServerSession, StoredMessage } from './types';
import { toWireMessage } from './wire';

type ThreadSend = RequestPayload<'message:send'> & { readonly parentId: string };

/** Stores (or, for a clientId seen before, finds) the caller's reply and tells everyone concerned. */
export function postThreadReply(
  ctx: ServerContext,
  session: ServerSession,
  conversation: ConversationRecord,
  p: ThreadSend,
): StoredMessage {
  const { root } = threadRoot(ctx, session, p.parentId, conversation);
  const key = clientKey(session.userId, p.clientId);
  // A resend finds its reply even if the root was deleted since.
  const seenSeq = conversation.threads.get(root.id)?.sentByClientId.get(key);
  const seen = seenSeq === undefined ? undefined : conversation.threads.get(root.id)?.get(seenSeq);
  if (seen) return seen;
  if (root.deletedAt !== undefined) refuse('forbidden', 'A deleted message takes no new replies');
  const replyTo = p.replyTo === undefined ? undefined : quotableInThread(ctx, conversation, root.id, p.replyTo);
  const claimed = ctx.uploads.claim(session.userId, conversation.id, p.clientId, (p.attachments ?? []).map((a) => a.id));
  if (!claimed.ok) throw new Refusal(claimed.error);
  const mentions = memberMentions(conversation, p.mentions);

  const thread = threadOf(conversation, root);
  const reply = thread.append((seq) => {
    const stored: { -readonly [K in keyof StoredMessage]: StoredMessage[K] } = {
      id: threadReplyId(conversation.id, root.seq, seq),
      clientId: p.clientId,
      conversationId: conversation.id,
      authorId: session.userId,
      seq,
      createdAt: ctx.now(),
      text: p.text,
      attachments: claimed.attachments,
      parentId: root.id,
    };
    if (replyTo !== undefined) stored.replyTo = replyTo;
    if (mentions.length > 0) stored.mentions = mentions;
    return stored;
  });
  thread.sentByClientId.set(key, reply.seq);
  ctx.search.add(reply);
  if (!thread.readSeqs.has(root.authorId)) thread.readSeqs.set(root.authorId, 0);
  // Someone named in a reply takes part from then on, so the thread shows them its unread replies.
  for (const id of mentions) if (id !== MENTION_EVERYONE && !thread.readSeqs.has(id)) thread.readSeqs.set(id, 0);
  // Writing a reply reads the thread up to it.
  thread.readSeqs.set(session.userId, reply.seq);

  ctx.sessions.send(conversation.memberIds, 'message:new', toWireMessage(reply));
  refreshRoot(ctx, conversation, thread);
  ctx.previews.posted(reply);
  if (p.alsoInConversation) {
    const copyClientId = conversationCopyClientId(p.clientId);
    postMessage(ctx, conversation, {
      authorId: session.userId,
      clientId: copyClientId,
      text: reply.text,
      // Copies of the files, so deleting either message leaves the other's working.
      attachments: ctx.uploads.copyForward(session.userId, conversation.id, copyClientId, reply.attachments),
      mentions,
      replyTo: root.id,
      createdAt: reply.createdAt,
    });
  }
  // Those it names (or everyone, for `here`) hear their mention count too.
  const concerned = [...thread.readSeqs.keys(), ...mentionedMembers(conversation, reply)];
  pushThreadCounts(ctx, conversation, new Set(concerned.filter((id) => id !== session.userId)));
  return reply;
}

const COPY_SUFFIX = '~conversation';

/**
 * The clientId of a reply's copy in the conversation: made from the reply's, so the copy is
 * the same on every resend, and within the id length limit (a long one is cut and hashed).
 */
export function conversationCopyClientId(clientId: string): string {
  if (clientId.length + COPY_SUFFIX.length <= LIMITS.maxIdLength) return clientId + COPY_SUFFIX;
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < clientId.length; i++) hash = Math.imul(hash ^ clientId.charCodeAt(i), 0x01000193);
  const tail = `~${(hash >>> 0).toString(36)}${COPY_SUFFIX}`;
  return clientId.slice(0, LIMITS.maxIdLength - tail.length) + tail;
}
