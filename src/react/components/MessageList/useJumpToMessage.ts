import { useCallback, useEffect, useRef, useState } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { ChatClient } from '../../../core/client';
import { timelineAt, type MessageTimeline } from '../../../core/messageTimeline';
import { selectTimeline } from '../../../core/selectors/messages';

/** How long a jumped-to message stays highlighted. */
const HIGHLIGHT_MS = 2_500;
/** Older pages to load at most while looking for the message. */
const MAX_PAGES = 200;

function indexOf(timeline: MessageTimeline, messageId: string): number {
  for (let i = 0; i < timeline.length; i++) {
    const m = timelineAt(timeline, i);
    if (m && (m.id === messageId || m.clientId === messageId)) return i;
  }
  return -1;
}

/** One request to jump: a new object jumps again, even to the same message. */
type JumpRequest = { readonly id: string } | undefined;

export interface MessageJump {
  /** The id currently highlighted. */
  readonly highlighted: string | undefined;
  /** Jump to a message from inside the list (a quote, a notice); stable. */
  jumpTo(messageId: string): void;
}

/**
 * Scrolls to a message (loading older pages until it is there), focuses its
 * row and highlights it for a moment. Runs whenever `messageId` changes, and
 * on every `jumpTo`, even to the message it went to last.
 */
export function useJumpToMessage(
  messageId: string | undefined,
  /** The latest page is in: older pages can be asked for. */
  ready: boolean,
  client: ChatClient,
  conversationId: string,
  timeline: MessageTimeline,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  focusIndex: (index: number) => void,
): MessageJump {
  const [highlighted, setHighlighted] = useState<string | undefined>(undefined);
  const [request, setRequest] = useState<JumpRequest>(() => (messageId === undefined ? undefined : { id: messageId }));
  const [fromProp, setFromProp] = useState(messageId);
  // A new `messageId` is a new request, taken during render so that the jump starts in this commit.
  if (fromProp !== messageId) {
    setFromProp(messageId);
    setRequest(messageId === undefined ? undefined : { id: messageId });
  }
  const jumpTo = useCallback((id: string) => setRequest({ id }), []);
  const [found, setFound] = useState<JumpRequest | null>(null);
  /** The page an earlier search asked for, which may still be on its way when the target changes. */
  const paging = useRef<Promise<boolean> | null>(null);

  // Load older pages until the message is in the timeline (or the start is reached).
  // The store, not the last render, says what is loaded: a page is there when loadOlder resolves.
  useEffect(() => {
    const loaded = () => selectTimeline(client.store.getState(), conversationId);
    if (!request || !ready) return;
    let cancelled = false;
    void (async () => {
      // A page still coming lands above everything: the jump's row index must count it, or the
      // list scrolls to and focuses the row that many places above the message.
      await paging.current;
      for (let page = 0; page <= MAX_PAGES && !cancelled; page++) {
        if (indexOf(loaded(), request.id) !== -1) {
          setFound(request);
          return;
        }
        const next = client.loadOlder(conversationId).catch(() => false);
        paging.current = next;
        const more = await next;
        if (paging.current === next) paging.current = null;
        if (!more) break;
      }
      if (!cancelled && indexOf(loaded(), request.id) !== -1) setFound(request);
    })();
    return () => {
      cancelled = true;
    };
  }, [request, ready, client, conversationId]);

  // Once present: scroll there, focus it (as the keyboard would), highlight it.
  useEffect(() => {
    if (!found || found !== request) return;
    setFound(null);
    const index = indexOf(timeline, found.id);
    if (index === -1) return;
    virtualizer.scrollToIndex(index, { align: 'center' });
    focusIndex(index);
    setHighlighted(found.id);
  }, [found, request, timeline, virtualizer, focusIndex]);

  useEffect(() => {
    if (highlighted === undefined) return;
    const timer = setTimeout(() => setHighlighted(undefined), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlighted]);

  return { highlighted, jumpTo };
}
