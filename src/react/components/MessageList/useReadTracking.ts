import { useEffect, useRef, useState } from 'react';
import type { ChatClient } from '../../../core/client';
import { lastSeq } from '../../../core/messageTimeline';
import type { ListSource } from './useListSource';

/**
 * Marks the conversation (or the thread) read while the reader is at the
 * bottom of a visible page, and remembers where reading a conversation started
 * so the unread separator stays put after the messages below it have been
 * marked read. A thread has no separator: the client does not know where its
 * reader stopped, only how many replies are unread.
 */
export function useReadTracking(
  client: ChatClient,
  source: ListSource,
  userId: string,
  readable: boolean,
): { unreadAfterSeq: number | null } {
  const { conversation, threadRootId } = source;
  const conversationId = threadRootId === undefined ? source.conversationId : undefined;
  const myRead = conversation?.readSeqs[userId];
  const [snapshot, setSnapshot] = useState<{ id: string; seq: number } | null>(null);
  useEffect(() => {
    if (conversationId !== undefined && myRead !== undefined && snapshot?.id !== conversationId) setSnapshot({ id: conversationId, seq: myRead });
  }, [conversationId, myRead, snapshot]);

  const lastConversationSeq = conversation?.lastSeq ?? 0;
  const conversationUnread = conversationId !== undefined && lastConversationSeq > (myRead ?? 0);
  useWhileVisible(readable && conversationUnread, () => client.markRead(conversationId ?? ''), [client, conversationId, lastConversationSeq, myRead]);

  // A thread: whenever replies are unread for us, or a reply came in that we have not marked.
  const threadUnread = threadRootId === undefined ? 0 : (conversation?.unreadThreads[threadRootId] ?? 0);
  const newestReply = lastSeq(source.timeline) ?? 0;
  const marked = useRef<{ rootId: string; seq: number } | null>(null);
  const last = marked.current;
  const markedSeq = last !== null && last.rootId === threadRootId ? last.seq : 0;
  const threadToMark = threadRootId !== undefined && newestReply > 0 && (threadUnread > 0 || newestReply > markedSeq);
  useWhileVisible(
    readable && threadToMark,
    () => {
      if (threadRootId === undefined) return;
      marked.current = { rootId: threadRootId, seq: newestReply };
      client.markThreadRead(threadRootId);
    },
    [client, threadRootId, newestReply, threadUnread],
  );

  return { unreadAfterSeq: conversationId !== undefined && snapshot?.id === conversationId ? snapshot.seq : null };
}

/** Runs `mark` now if the page is visible, or when it becomes visible, while `active`. */
function useWhileVisible(active: boolean, mark: () => void, deps: readonly unknown[]): void {
  const latest = useRef(mark);
  latest.current = mark;
  useEffect(() => {
    if (!active) return;
    const run = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    run();
    document.addEventListener('visibilitychange', run);
    return () => document.removeEventListener('visibilitychange', run);
    // The caller's deps say when to mark again; `mark` itself is read fresh.
  }, [active, ...deps]);
}
