/**
 * What each server push does to the client's state, once inbound.ts has
 * validated it: messages go through the conversation sync (ordering, gaps,
 * duplicates), everything else is a pure store update.
 */
import type { ConversationSync } from './conversationSync';
import type { ServerEventHandlers } from './inbound';
import type { Message } from './protocol';
import { updateStore, type ChatState, type ChatStore } from './store';
import {
  applyConversationUpdate,
  applyDelivered,
  applyPresence,
  applyRead,
  applyTyping,
} from './storeUpdates';
import { applyThreadRoot } from './threadStream';
import { TYPING_EXPIRY_MS, type Typing } from './typing';

export interface PushHandlerDeps {
  readonly store: ChatStore;
  readonly userId: string;
  readonly sync: ConversationSync;
  /** The same engine over threads (threadStream.ts): replies by root id. */
  readonly threadSync: ConversationSync;
  readonly typing: Typing;
  /** Messages that reached this device (for the `delivered` report). */
  readonly arrived: (conversationId: string, messages: readonly Message[]) => void;
  readonly now: () => number;
}

/**
 * A message from the server into its stream: a thread reply into its thread (kept
 * only while the thread is open), anything else into its conversation, where a
 * thread's root also refreshes the root an open thread shows. Returns how many were admitted.
 */
export function acceptMessage(deps: Pick<PushHandlerDeps, 'store' | 'sync' | 'threadSync'>, m: Message, fromServerPush: boolean): number {
  if (m.parentId !== undefined) return deps.threadSync.accept(m.parentId, [m], fromServerPush);
  // Only a root whose thread is open has anything to refresh: most messages skip the store write.
  if (deps.store.getState().threadRoots[m.id] !== undefined) updateStore(deps.store, (s) => applyThreadRoot(s, m));
  return deps.sync.accept(m.conversationId, [m], fromServerPush);
}

export function createPushHandlers(deps: PushHandlerDeps): ServerEventHandlers {
  const { store, userId, sync, typing, arrived, now } = deps;
  const update = (fn: (s: ChatState) => Partial<ChatState>) => updateStore(store, fn);
  return {
    'message:new': (m) => {
      // A message ends its author's typing, even when their `typing: false` is lost.
      if (m.authorId !== userId) {
        typing.heard(m.conversationId, m.authorId, false);
        update((s) => applyTyping(s, m.conversationId, m.authorId, null));
      }
      acceptMessage(deps, m, true);
    },
    'message:updated': (m) => void acceptMessage(deps, m, false),
    typing: ({ conversationId, userId: uid, isTyping }) => {
      if (uid === userId) return;
      typing.heard(conversationId, uid, isTyping);
      update((s) => applyTyping(s, conversationId, uid, isTyping ? now() + TYPING_EXPIRY_MS : null));
    },
    read: ({ conversationId, userId: uid, seq }) => update((s) => applyRead(s, conversationId, uid, seq)),
    delivered: ({ conversationId, userId: uid, seq }) => update((s) => applyDelivered(s, conversationId, uid, seq)),
    presence: ({ userId: uid, online }) => update((s) => applyPresence(s, uid, online)),
    'conversation:updated': (c) => {
      update((s) => applyConversationUpdate(s, c));
      if (!c.memberIds.includes(userId)) return;
      if (c.lastMessage) arrived(c.id, [c.lastMessage]);
      // A conversation just joined (or first heard of): its pushes are kept from here on.
      sync.follow(c.id, c.lastSeq);
    },
  };
}
