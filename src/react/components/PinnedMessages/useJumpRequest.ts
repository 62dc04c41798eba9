import { useCallback, useEffect, useState } from 'react';

interface JumpRequest {
  readonly conversationId: string;
  readonly id: string | undefined;
  /** The same id asked for again: it goes back to the list after one render without it. */
  readonly again?: string;
}

/**
 * A message to jump to in `conversationId`'s list, for MessageList's
 * `jumpToMessageId`. The list jumps when the id changes, so asking for the same
 * message twice (the reader scrolled away meanwhile) clears it for one render
 * first. A request never outlives its conversation: another conversation's id
 * would send the list paging through its whole history looking for it.
 */
export function useJumpRequest(conversationId: string | undefined): [string | undefined, (messageId: string) => void] {
  const [request, setRequest] = useState<JumpRequest | null>(null);
  useEffect(() => {
    if (request?.again !== undefined) setRequest({ conversationId: request.conversationId, id: request.again });
  }, [request]);
  const jump = useCallback(
    (messageId: string) => {
      if (conversationId === undefined) return;
      setRequest((prev) =>
        prev?.conversationId === conversationId && prev.id === messageId
          ? { conversationId, id: undefined, again: messageId }
          : { conversationId, id: messageId },
      );
    },
    [conversationId],
  );
  return [request?.conversationId === conversationId ? request?.id : undefined, jump];
}
