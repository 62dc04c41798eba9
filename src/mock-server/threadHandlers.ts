/**
 * Threads: `thread:before`, `thread:since`, `thread:read`. A thread pages by
 * its own seqs exactly as a conversation does; every page carries the root as
 * it stands now (its counters, or its deletion), since the root may lie
 * anywhere in the conversation's history. A thread nobody has replied to yet
 * reads as empty. A deleted root keeps its thread readable.
 */
import type { HandlersOf } from './handlerRules';
import { pageBefore, pageSince, type PageBounds } from './pageBounds';
import { pushThreadCounts, threadOf, threadRoot } from './threadRoots';
import type { ThreadLog } from './threadLog';
import type { StoredMessage } from './types';
import { toWireMessage } from './wire';

function threadPage(root: StoredMessage, thread: ThreadLog | undefined, { from, to, hasMore }: PageBounds) {
  const messages = thread ? thread.range(from, to).map(toWireMessage) : [];
  return { ok: true as const, root: toWireMessage(root), messages, hasMore };
}

export const THREAD_HANDLERS: HandlersOf<'thread:before' | 'thread:since' | 'thread:read'> = {
  'thread:before'(ctx, session, p) {
    const { conversation, root } = threadRoot(ctx, session, p.rootId);
    const thread = conversation.threads.get(root.id);
    return threadPage(root, thread, pageBefore(thread?.lastSeq ?? 0, p.beforeSeq, p.limit));
  },

  'thread:since'(ctx, session, p) {
    const { conversation, root } = threadRoot(ctx, session, p.rootId);
    const thread = conversation.threads.get(root.id);
    return threadPage(root, thread, pageSince(thread?.lastSeq ?? 0, p.afterSeq, p.limit));
  },

  // Forward only and never past the last reply; reading a thread makes the reader a participant.
  'thread:read'(ctx, session, p) {
    const { conversation, root } = threadRoot(ctx, session, p.rootId);
    const thread = threadOf(conversation, root);
    const current = thread.readSeqs.get(session.userId);
    const next = Math.min(p.seq, thread.lastSeq);
    if (current !== undefined && next <= current) return { ok: true };
    thread.readSeqs.set(session.userId, Math.max(next, current ?? 0));
    pushThreadCounts(ctx, conversation, [session.userId]);
    return { ok: true };
  },
};
