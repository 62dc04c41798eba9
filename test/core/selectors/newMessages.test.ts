// @vitest-environment node
import { expect, test } from 'vitest';
import { EMPTY_TIMELINE, upsertConfirmed, upsertPending } from '../../../src/core/messageTimeline';
import { selectNewestSeq, selectNewMessageCount } from '../../../src/core/selectors';
import { createChatStore } from '../../../src/core/store';
import type { PendingMessage } from '../../../src/core/types';
import { message } from './fixtures';

test('counts confirmed messages from others after the seq the reader saw; own and pending ones do not count', () => {
  const store = createChatStore('alice');
  expect(selectNewestSeq(store.getState(), 'general')).toBe(0);
  expect(selectNewMessageCount(store.getState(), 'general', 0)).toBe(0);
  const authors = ['bob', 'alice', 'carol', 'bob', 'alice'];
  let timeline = upsertConfirmed(
    EMPTY_TIMELINE,
    authors.map((authorId, i) => message({ id: `m${i + 1}`, clientId: `c${i + 1}`, seq: i + 1, authorId })),
  );
  const pending: PendingMessage = {
    id: 'p1', clientId: 'p1', conversationId: 'general', authorId: 'alice', seq: null, createdAt: 0, text: 'x', attachments: [], status: 'sending',
  };
  timeline = upsertPending(timeline, pending);
  store.setState({ messages: { general: timeline } });
  expect(selectNewestSeq(store.getState(), 'general')).toBe(5);
  expect(selectNewMessageCount(store.getState(), 'general', 5)).toBe(0);
  expect(selectNewMessageCount(store.getState(), 'general', 2)).toBe(2); // carol (3), bob (4)
  expect(selectNewMessageCount(store.getState(), 'general', 0)).toBe(3);
  expect(selectNewMessageCount(store.getState(), 'other', 0)).toBe(0);
});
