import { useEffect, useState } from 'react';
import type { ChatClient } from '../../../core/client';
import type { Conversation } from '../../../core/protocol';

/**
 * Marks the conversation read while the reader is at the bottom of a visible
 * page, and remembers where reading started so the unread separator stays put
 * after the messages below it have been marked read.
 */
export function useReadTracking(
  client: ChatClient,
  conversationId: string,
  conversation: Conversation | undefined,
  userId: string,
  readable: boolean,
): { unreadAfterSeq: number | null } {
  const myRead = conversation?.readSeqs[userId];
  const [snapshot, setSnapshot] = useState<{ id: string; seq: number } | null>(null);
  useEffect(() => {
    if (myRead !== undefined && snapshot?.id !== conversationId) setSnapshot({ id: conversationId, seq: myRead });
  }, [conversationId, myRead, snapshot]);

  const lastSeq = conversation?.lastSeq ?? 0;
  useEffect(() => {
    if (!readable || lastSeq <= (myRead ?? 0)) return;
    const mark = () => {
      if (document.visibilityState === 'visible') client.markRead(conversationId);
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [readable, lastSeq, myRead, client, conversationId]);

  return { unreadAfterSeq: snapshot?.id === conversationId ? snapshot.seq : null };
}
