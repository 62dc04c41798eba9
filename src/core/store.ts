/**
 * The client's state, in one zustand vanilla store. Normalized so that a
 * change in one conversation replaces only that conversation's entries:
 * selectors for other conversations keep returning the same references and
 * their components do not re-render.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Conversation, Message, User } from './protocol';
import type { MessageTimeline } from './messageTimeline';
import type { ConnectionState, HistoryState, Upload } from './types';

export interface ChatState {
  /** The signed-in user. */
  readonly userId: string;
  readonly connection: ConnectionState;
  readonly conversationsStatus: 'idle' | 'loading' | 'ready' | 'error';
  readonly conversations: Readonly<Record<string, Conversation>>;
  /** Conversation ids, most recently active first. */
  readonly conversationOrder: readonly string[];
  readonly users: Readonly<Record<string, User>>;
  /** userId → online. */
  readonly presence: Readonly<Record<string, boolean>>;
  /** conversationId → its loaded messages. */
  readonly messages: Readonly<Record<string, MessageTimeline>>;
  /** conversationId → paging state of its history. */
  readonly history: Readonly<Record<string, HistoryState>>;
  /** conversationId → userId → expiry time (epoch ms) of their typing state. */
  readonly typing: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** uploadId → a file being uploaded, or one that failed (until retried or dismissed). */
  readonly uploads: Readonly<Record<string, Upload>>;
  /** Thread root id → its loaded replies (thread seqs), like `messages` for a conversation. */
  readonly threads: Readonly<Record<string, MessageTimeline>>;
  /** Thread root id → paging state of its replies. */
  readonly threadHistory: Readonly<Record<string, HistoryState>>;
  /** Thread root id → the root message, for opened threads (the root may be outside the loaded history). */
  readonly threadRoots: Readonly<Record<string, Message>>;
}

export type ChatStore = StoreApi<ChatState>;

export function createChatStore(userId: string): ChatStore {
  return createStore<ChatState>()(() => ({
    userId,
    connection: { state: 'idle' },
    conversationsStatus: 'idle',
    conversations: {},
    conversationOrder: [],
    users: {},
    presence: {},
    messages: {},
    history: {},
    typing: {},
    uploads: {},
    threads: {},
    threadHistory: {},
    threadRoots: {},
  }));
}

/** Most recently updated first; ties by id so the order is stable. */
export function orderConversations(conversations: Readonly<Record<string, Conversation>>): string[] {
  return Object.values(conversations)
    .sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id))
    .map((c) => c.id);
}

/**
 * Apply a pure update. An update that changes nothing returns `{}`; the
 * current state object is then kept, so no subscriber wakes up for a
 * duplicate frame.
 */
export function updateStore(store: ChatStore, update: (state: ChatState) => Partial<ChatState>): void {
  store.setState((state) => {
    const patch = update(state);
    return Object.keys(patch).length === 0 ? state : patch;
  });
}
