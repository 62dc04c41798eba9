/**
 * Threads as sync streams (see syncStream.ts): a thread's replies live in
 * `threads[rootId]` with their own seq, its paging state in
 * `threadHistory[rootId]`, and every page brings the root along, which is
 * kept in `threadRoots` (it may lie anywhere in the conversation's history).
 */
import { ChatError } from './errors';
import { EMPTY_TIMELINE, dropConfirmedBelow, removePending, upsertPending, type MessageTimeline } from './messageTimeline';
import type { Message } from './protocol';
import type { ChatState } from './store';
import { mergeIntoTimeline } from './storeUpdates';
import type { SyncStream } from './syncStream';
import type { HistoryState, PendingMessage } from './types';

type Patch = Partial<ChatState>;

function withThread(s: ChatState, rootId: string, next: MessageTimeline | undefined): Patch {
  return next && next !== s.threads[rootId] ? { threads: { ...s.threads, [rootId]: next } } : {};
}

/** The root as it is now, if its thread is open (an edit, a delete, a new reply count). */
export function applyThreadRoot(s: ChatState, root: Message): Patch {
  const current = s.threadRoots[root.id];
  if (current === root) return {};
  if (current === undefined && s.threadHistory[root.id] === undefined) return {};
  return { threadRoots: { ...s.threadRoots, [root.id]: root } };
}

export function applyThreadPending(s: ChatState, rootId: string, message: PendingMessage): Patch {
  return { threads: { ...s.threads, [rootId]: upsertPending(s.threads[rootId] ?? EMPTY_TIMELINE, message) } };
}

export function dropThreadPending(s: ChatState, rootId: string, clientId: string): Patch {
  const timeline = s.threads[rootId];
  return timeline ? withThread(s, rootId, removePending(timeline, clientId)) : {};
}

export function createThreadStream(onRoot: (root: Message) => void): SyncStream {
  /** Every page names its root: kept, unless it names another message (a server that mixed threads up). */
  function withRoot<P extends { root: Message }>(rootId: string, page: P): P {
    if (page.root.id !== rootId) {
      throw new ChatError({ code: 'invalid_payload', message: `A page of thread ${rootId} came with root ${page.root.id}` });
    }
    onRoot(page.root);
    return page;
  }

  return {
    timeline: (s, rootId) => s.threads[rootId],
    history: (s, rootId) => s.threadHistory[rootId],
    opened: (s) => Object.keys(s.threadHistory),
    open: (s, rootId, history: HistoryState) => ({
      threads: s.threads[rootId] ? s.threads : { ...s.threads, [rootId]: EMPTY_TIMELINE },
      threadHistory: { ...s.threadHistory, [rootId]: history },
    }),
    patchHistory(s, rootId, change) {
      const current = s.threadHistory[rootId];
      return current ? { threadHistory: { ...s.threadHistory, [rootId]: { ...current, ...change } } } : {};
    },
    dropBelow: (s, rootId, seq) => {
      const timeline = s.threads[rootId];
      return timeline ? withThread(s, rootId, dropConfirmedBelow(timeline, seq)) : {};
    },
    apply: (s, rootId, messages, _fromServerPush, window = {}) =>
      withThread(s, rootId, mergeIntoTimeline(s.threads[rootId], messages, window)),
    before: async (request, rootId, beforeSeq, limit) => withRoot(rootId, await request('thread:before', { rootId, beforeSeq, limit })),
    since: async (request, rootId, afterSeq, limit) => withRoot(rootId, await request('thread:since', { rootId, afterSeq, limit })),
  };
}
