// @vitest-environment node
/**
 * The promise the selectors make to every subscriber: a new message in one
 * conversation changes nothing selected for another, by reference. Driven
 * through a real client against the demo mock server, with a positive control.
 */
import { afterEach, expect, test } from 'vitest';
import { createChatClient, type ChatClient } from '../../../src/core/client';
import { createMemoryOutbox } from '../../../src/core/outbox';
import {
  selectConversationSummary,
  selectConversationTitle,
  selectCounterpart,
  selectHistory,
  selectMessages,
  selectNewestSeq,
  selectNewMessageCount,
  selectReceiptSeqs,
  selectTimeline,
  selectTypingUserIds,
  selectTypingUsers,
  selectUnreadCount,
  selectUploads,
} from '../../../src/core/selectors';
import type { ChatState } from '../../../src/core/store';
import { createMockServer, type MockChatServer } from '../../../src/mock-server';
import { until } from './fixtures';

let server: MockChatServer;
let client: ChatClient;
afterEach(() => {
  client.disconnect();
  server.dispose();
});

/** Everything a view of one conversation selects. */
function viewOf(state: ChatState, id: string): Record<string, unknown> {
  return {
    summary: selectConversationSummary(state, id),
    title: selectConversationTitle(state, id),
    counterpart: selectCounterpart(state, id),
    timeline: selectTimeline(state, id),
    messages: selectMessages(state, id),
    history: selectHistory(state, id),
    newest: selectNewestSeq(state, id),
    newCount: selectNewMessageCount(state, id, 0),
    receipts: selectReceiptSeqs(state, id),
    typingIds: selectTypingUserIds(state, id),
    typingUsers: selectTypingUsers(state, id),
    unread: selectUnreadCount(state, id),
    uploads: selectUploads(state, id),
  };
}

function changed(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(before).filter((key) => !Object.is(before[key], after[key]));
}

test('a new message in one conversation changes nothing selected for another', async () => {
  server = createMockServer({ seed: 'demo' });
  client = createChatClient({
    transport: server.connect({ userId: 'alice', token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
  });
  await client.connect();
  await Promise.all([client.openConversation('general'), client.openConversation('alice-bob')]);
  // Settle what opening causes (delivered positions come back from the server).
  const delivered = (s: ChatState, id: string) => (s.conversations[id]?.deliveredSeqs.alice ?? 0) >= server.messages(id).at(-1)!.seq;
  await until(client.store, (s) => delivered(s, 'general') && delivered(s, 'alice-bob'));

  const before = viewOf(client.store.getState(), 'alice-bob');
  const generalBefore = viewOf(client.store.getState(), 'general');
  const hi = server.postMessage('general', { authorId: 'bob', text: 'hi' });
  await until(client.store, (s) => selectNewestSeq(s, 'general') === hi.seq && delivered(s, 'general'));
  expect(changed(before, viewOf(client.store.getState(), 'alice-bob'))).toEqual([]);
  // Positive control: the conversation that got the message did change.
  expect(changed(generalBefore, viewOf(client.store.getState(), 'general'))).toEqual(
    expect.arrayContaining(['summary', 'timeline', 'messages', 'newest', 'newCount', 'unread']),
  );

  const reply = server.postMessage('alice-bob', { authorId: 'bob', text: 'and to you' });
  await until(client.store, (s) => selectNewestSeq(s, 'alice-bob') === reply.seq);
  expect(changed(before, viewOf(client.store.getState(), 'alice-bob'))).toEqual(
    expect.arrayContaining(['summary', 'timeline', 'messages', 'newest']),
  );
});
