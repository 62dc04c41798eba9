/** A conversation's loaded messages and the paging state of its history. */
import { EMPTY_TIMELINE, timelineToArray, type MessageTimeline } from '../messageTimeline';
import type { ChatState } from '../store';
import type { DisplayMessage, HistoryState } from '../types';
import { memoByKey } from './memo';

/** What the store holds of the conversation, as a persistent timeline (cheap at any size). */
export function selectTimeline(state: ChatState, conversationId: string): MessageTimeline {
  return state.messages[conversationId] ?? EMPTY_TIMELINE;
}

const asArray = /* @__PURE__ */ memoByKey(timelineToArray);

/**
 * The loaded messages as an array in display order (pending ones last); the same
 * array until this conversation's messages change. O(n) once per change: for long
 * conversations read the timeline instead.
 */
export function selectMessages(state: ChatState, conversationId: string): DisplayMessage[] {
  return asArray(selectTimeline(state, conversationId));
}

/** Before the first page is asked for, a conversation reads as loading. */
const NO_HISTORY: HistoryState = { status: 'loading', hasOlder: false, loadingOlder: false };

export function selectHistory(state: ChatState, conversationId: string): HistoryState {
  return state.history[conversationId] ?? NO_HISTORY;
}
