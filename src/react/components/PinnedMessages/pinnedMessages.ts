/**
 * What the pinned bar knows of each pin: the message when it is loaded (the
 * conversation's timeline, or an opened thread's root), and its first line.
 * Pure, so a custom bar can use the same answers.
 */
import { timelineAt, type MessageTimeline } from '../../../core/messageTimeline';
import type { Message } from '../../../core/protocol';
import { memoByKey } from '../../../core/selectors/memo';
import { selectTimeline } from '../../../core/selectors/messages';
import type { ChatState } from '../../../core/store';
import type { DisplayMessage } from '../../../core/types';

const NO_PINS: readonly string[] = [];

/** Pinned ids, newest pin first (the server keeps them oldest first). */
export const newestFirst = /* @__PURE__ */ memoByKey((pinnedIds: readonly string[]): readonly string[] => [...pinnedIds].reverse());

export function selectPinnedIds(state: ChatState, conversationId: string): readonly string[] {
  const ids = state.conversations[conversationId]?.pinnedIds;
  return ids && ids.length > 0 ? newestFirst(ids) : NO_PINS;
}

/**
 * The loaded pinned messages by id: one pass over the timeline, remembered
 * until the timeline or the pins change (a selector runs on every store change).
 */
const loadedPins = /* @__PURE__ */ memoByKey(
  (timeline: MessageTimeline, pinnedIds: readonly string[], roots: ChatState['threadRoots']): ReadonlyMap<string, DisplayMessage | Message> => {
    const wanted = new Set(pinnedIds);
    const found = new Map<string, DisplayMessage | Message>();
    for (let i = timeline.length - 1; i >= 0 && found.size < wanted.size; i--) {
      const m = timelineAt(timeline, i);
      if (m && wanted.has(m.id)) found.set(m.id, m);
    }
    for (const id of wanted) {
      const root = roots[id];
      if (!found.has(id) && root) found.set(id, root);
    }
    return found;
  },
);

export function selectPinnedMessages(state: ChatState, conversationId: string): ReadonlyMap<string, DisplayMessage | Message> {
  return loadedPins(selectTimeline(state, conversationId), selectPinnedIds(state, conversationId), state.threadRoots);
}

/** The text's first non-empty line, whitespace collapsed ('' when there is none). */
export function firstLine(text: string): string {
  for (const line of text.split('\n')) {
    const collapsed = line.replace(/\s+/g, ' ').trim();
    if (collapsed !== '') return collapsed;
  }
  return '';
}
