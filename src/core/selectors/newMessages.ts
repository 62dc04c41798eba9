/**
 * "New messages" while the reader is away from the newest: how many arrived
 * from others after the last one they saw. Where the reader is, is the view's
 * business, so it comes in as `afterSeq`.
 */
import { countConfirmedAfter, EMPTY_TIMELINE, lastSeq } from '../messageTimeline';
import type { ChatState } from '../store';

/** The newest confirmed seq loaded (0 when none): what a reader at the bottom has seen. */
export function selectNewestSeq(state: ChatState, conversationId: string): number {
  return lastSeq(state.messages[conversationId] ?? EMPTY_TIMELINE) ?? 0;
}

/** Confirmed messages from others with seq above `afterSeq`, counted from the newest back. */
export function selectNewMessageCount(state: ChatState, conversationId: string, afterSeq: number): number {
  const timeline = state.messages[conversationId] ?? EMPTY_TIMELINE;
  return countConfirmedAfter(timeline, afterSeq, (m) => m.authorId !== state.userId);
}
