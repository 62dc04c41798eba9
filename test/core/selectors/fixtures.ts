/** Hand-built conversations and messages for selector tests, and a way to wait on a store. */
import type { Conversation, Message } from '../../../src/core/protocol';
import type { ChatState, ChatStore } from '../../../src/core/store';
import type { ChatMessage } from '../../../src/core/types';

export function message(overrides: Partial<Message> = {}): ChatMessage {
  return {
    id: 'm1',
    clientId: 'c1',
    conversationId: 'general',
    authorId: 'bob',
    seq: 1,
    createdAt: 1_000,
    text: 'Hello there',
    attachments: [],
    ...overrides,
    status: 'sent',
  };
}

export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'general',
    kind: 'group',
    title: 'General',
    memberIds: ['alice', 'bob'],
    lastSeq: 1,
    lastMessage: message(),
    readSeqs: {},
    deliveredSeqs: {},
    pinnedIds: [],
    unreadThreads: {},
    mentionCount: 0,
    unreadCount: 0,
    createdAt: 0,
    updatedAt: 2_000,
    ...overrides,
  };
}

/** Resolves once the store's state satisfies `test` (at once if it already does). */
export function until(store: ChatStore, test: (state: ChatState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (test(store.getState())) return resolve();
    const stop = store.subscribe((state) => {
      if (!test(state)) return;
      stop();
      resolve();
    });
  });
}
