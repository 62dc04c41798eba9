// @vitest-environment node
import { expect, test } from 'vitest';
import { selectTotalUnreadCount, selectUnreadCount } from '../../../src/core/selectors';
import { createChatStore } from '../../../src/core/store';
import { conversation } from './fixtures';

test('unread counts per conversation and in total, following the store', () => {
  const store = createChatStore('alice');
  expect(selectTotalUnreadCount(store.getState())).toBe(0);
  store.setState({
    conversations: { general: conversation({ unreadCount: 3 }), dm: conversation({ id: 'dm', unreadCount: 2 }) },
    conversationOrder: ['general', 'dm'],
  });
  expect(selectUnreadCount(store.getState(), 'general')).toBe(3);
  expect(selectUnreadCount(store.getState(), 'missing')).toBe(0);
  expect(selectTotalUnreadCount(store.getState())).toBe(5);
  store.setState((s) => ({ conversations: { ...s.conversations, general: { ...s.conversations.general!, unreadCount: 0 } } }));
  expect(selectTotalUnreadCount(store.getState())).toBe(2);
});
