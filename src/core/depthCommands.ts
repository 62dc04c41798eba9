/**
 * What a user does beyond one conversation's timeline: threads (open, page,
 * read), pins, forwarding and search. Threads are kept by the same sync
 * engine as conversations (threadStream.ts); the rest are requests whose
 * results go where the server's pushes would put them.
 */
import type { ChatClient } from './client';
import type { ConversationSync } from './conversationSync';
import { ChatError } from './errors';
import { createClientId } from './ids';
import { lastSeq, timelineToArray } from './messageTimeline';
import type { PositionReporter } from './positionReporter';
import { acceptMessage } from './pushHandlers';
import { reported, type Requester } from './requests';
import { updateStore, type ChatState, type ChatStore } from './store';
import type { ChatMessage, DisplayMessage } from './types';

export interface DepthCommandDeps {
  readonly store: ChatStore;
  readonly request: Requester;
  readonly report: (error: ChatError) => void;
  readonly sync: ConversationSync;
  readonly threadSync: ConversationSync;
  readonly threadReadReporter: PositionReporter;
  /** A stored or pending message by id (commands.ts). */
  readonly findMessage: (id: string) => DisplayMessage | undefined;
}

export type DepthCommands = Pick<
  ChatClient,
  | 'openThread'
  | 'loadOlderThread'
  | 'getThreadMessages'
  | 'markThreadRead'
  | 'pinMessage'
  | 'unpinMessage'
  | 'forwardMessage'
  | 'searchMessages'
  | 'removePreview'
>;

/** The message as the server sent it, without the client's own fields (and without its preview). */
function asSent({ status: _status, ...message }: ChatMessage, preview: boolean) {
  if (preview) return message;
  const { preview: _preview, ...rest } = message;
  return rest;
}

/** The thread no longer counts as unread for us (the server hears it through `thread:read`). */
function applyThreadRead(s: ChatState, conversationId: string, rootId: string): Partial<ChatState> {
  const conv = s.conversations[conversationId];
  if (!conv || !(rootId in conv.unreadThreads)) return {};
  const { [rootId]: _read, ...unreadThreads } = conv.unreadThreads;
  return { conversations: { ...s.conversations, [conversationId]: { ...conv, unreadThreads } } };
}

function applyPins(s: ChatState, conversationId: string, pinnedIds: string[]): Partial<ChatState> {
  const conv = s.conversations[conversationId];
  if (!conv || (conv.pinnedIds.length === pinnedIds.length && conv.pinnedIds.every((id, i) => id === pinnedIds[i]))) return {};
  return { conversations: { ...s.conversations, [conversationId]: { ...conv, pinnedIds } } };
}

export function createDepthCommands(deps: DepthCommandDeps): DepthCommands {
  const { store, report, threadSync, threadReadReporter, findMessage } = deps;
  const request = reported(deps.request, report);

  async function setPinned(id: string, pinned: boolean): Promise<void> {
    const known = findMessage(id);
    const { pinnedIds } = await request(pinned ? 'message:pin' : 'message:unpin', { id: known?.id ?? id });
    const conversationId = known?.conversationId;
    if (conversationId !== undefined) updateStore(store, (s) => applyPins(s, conversationId, pinnedIds));
  }

  return {
    openThread: (rootId) => threadSync.open(rootId),
    loadOlderThread: (rootId) => threadSync.loadOlder(rootId),
    getThreadMessages(rootId) {
      const timeline = store.getState().threads[rootId];
      return timeline ? timelineToArray(timeline) : [];
    },
    markThreadRead(rootId, seq) {
      const state = store.getState();
      const root = state.threadRoots[rootId];
      const timeline = state.threads[rootId];
      const target = seq ?? (timeline ? lastSeq(timeline) : undefined) ?? 0;
      if (root) updateStore(store, (s) => applyThreadRead(s, root.conversationId, rootId));
      threadReadReporter.reach(rootId, target);
    },
    pinMessage: (id) => setPinned(id, true),
    unpinMessage: (id) => setPinned(id, false),
    async forwardMessage(id, conversationId) {
      const { message } = await request('message:forward', { id, conversationId, clientId: createClientId() });
      acceptMessage(deps, message, false);
      return message;
    },
    async searchMessages({ query, conversationId, cursor, limit }) {
      const { results, nextCursor } = await request('messages:search', {
        query,
        ...(conversationId !== undefined ? { conversationId } : {}),
        ...(cursor !== undefined ? { cursor } : {}),
        ...(limit !== undefined ? { limit } : {}),
      });
      return nextCursor === undefined ? { results } : { results, nextCursor };
    },
    async removePreview(id) {
      const target = findMessage(id);
      if (!target || target.seq === null) throw new ChatError({ code: 'not_found', message: `No sent message with id "${id}"` });
      if (target.authorId !== store.getState().userId) throw new ChatError({ code: 'forbidden', message: 'Only your own messages can be changed' });
      // Gone at once; put back if the server refuses, unless the message changed meanwhile.
      if (target.preview) acceptMessage(deps, asSent(target, false), false);
      try {
        const { message } = await request('message:preview:remove', { id: target.id });
        acceptMessage(deps, message, false);
        return message;
      } catch (error) {
        const now = findMessage(target.id);
        if (target.preview && now?.seq !== null && now?.preview === undefined && now?.editedAt === target.editedAt) {
          acceptMessage(deps, asSent(target, true), false);
        }
        throw error;
      }
    },
  };
}
