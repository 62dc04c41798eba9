/**
 * What `ConversationSync` keeps complete: a stream of messages with a gap-free
 * seq, paged from the server and stored in one slice of the store. A
 * conversation is one such stream (`messages`, `history`, `messages:before` /
 * `messages:since`); a thread is another (`threads`, `threadHistory`,
 * `thread:before` / `thread:since`, its replies counted by their own seq). One
 * sync engine serves both, so a thread has every guarantee a conversation has.
 */
import type { MessageTimeline } from './messageTimeline';
import type { Message } from './protocol';
import type { Requester } from './requests';
import type { ChatState } from './store';
import {
  applyMessages,
  dropMessagesBelow,
  openTimeline,
  patchHistory,
  type MessageWindow,
} from './storeUpdates';
import type { HistoryState } from './types';

type Patch = Partial<ChatState>;

export interface MessagePage {
  readonly messages: readonly Message[];
  readonly hasMore: boolean;
}

export interface SyncStream {
  timeline(s: ChatState, key: string): MessageTimeline | undefined;
  history(s: ChatState, key: string): HistoryState | undefined;
  /** Keys of every opened stream (history asked for). */
  opened(s: ChatState): string[];
  open(s: ChatState, key: string, history: HistoryState): Patch;
  patchHistory(s: ChatState, key: string, change: Partial<HistoryState>): Patch;
  dropBelow(s: ChatState, key: string, seq: number): Patch;
  apply(s: ChatState, key: string, messages: readonly Message[], fromServerPush: boolean, window?: MessageWindow): Patch;
  /** The page of up to `limit` messages below `beforeSeq`. */
  before(request: Requester, key: string, beforeSeq: number, limit: number): Promise<MessagePage>;
  /** Up to `limit` messages after `afterSeq`. */
  since(request: Requester, key: string, afterSeq: number, limit: number): Promise<MessagePage>;
}

export const conversationStream: SyncStream = {
  timeline: (s, key) => s.messages[key],
  history: (s, key) => s.history[key],
  opened: (s) => Object.keys(s.history),
  open: openTimeline,
  patchHistory,
  dropBelow: dropMessagesBelow,
  apply: applyMessages,
  before: (request, conversationId, beforeSeq, limit) => request('messages:before', { conversationId, beforeSeq, limit }),
  since: (request, conversationId, afterSeq, limit) => request('messages:since', { conversationId, afterSeq, limit }),
};
