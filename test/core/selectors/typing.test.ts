// @vitest-environment node
import { expect, test } from 'vitest';
import { selectTypingUserIds, selectTypingUsers } from '../../../src/core/selectors';
import { createChatStore } from '../../../src/core/store';

function typingStore() {
  const store = createChatStore('alice');
  store.setState({ users: { bob: { id: 'bob', name: 'Bob' }, carol: { id: 'carol', name: 'Carol' } } });
  return store;
}

test('others typing, sorted, without the current user; users by id, unknown ones named by id', () => {
  const store = typingStore();
  expect(selectTypingUserIds(store.getState(), 'general')).toEqual([]);
  store.setState({ typing: { general: { carol: 9, alice: 9, zed: 9, bob: 9 } } });
  expect(selectTypingUserIds(store.getState(), 'general')).toEqual(['bob', 'carol', 'zed']);
  expect(selectTypingUsers(store.getState(), 'general')).toEqual([
    { id: 'bob', name: 'Bob' },
    { id: 'carol', name: 'Carol' },
    { id: 'zed', name: 'zed' },
  ]);
});

test('the same arrays while the same people type, whatever happens elsewhere; new ones when someone starts', () => {
  const store = typingStore();
  store.setState({ typing: { general: { bob: 1 }, other: { carol: 1 } } });
  const ids = selectTypingUserIds(store.getState(), 'general');
  const users = selectTypingUsers(store.getState(), 'general');
  // A refreshed expiry, typing in another conversation, a message anywhere.
  store.setState((s) => ({ typing: { ...s.typing, general: { bob: 2 } } }));
  store.setState((s) => ({ typing: { ...s.typing, other: { carol: 2, bob: 2 } } }));
  store.setState({ conversationOrder: ['other', 'general'] });
  expect(selectTypingUserIds(store.getState(), 'general')).toBe(ids);
  expect(selectTypingUsers(store.getState(), 'general')).toBe(users);
  store.setState((s) => ({ typing: { ...s.typing, general: { bob: 2, carol: 2 } } }));
  expect(selectTypingUserIds(store.getState(), 'general')).toEqual(['bob', 'carol']);
  expect(selectTypingUsers(store.getState(), 'general')).not.toBe(users);
});

test('a user the store does not know keeps one stand-in while they type', () => {
  const store = typingStore();
  store.setState({ typing: { general: { zed: 1 } } });
  const first = selectTypingUsers(store.getState(), 'general');
  store.setState({ presence: { bob: true } });
  store.setState({ typing: { general: { zed: 2 } } }); // a refreshed expiry
  expect(selectTypingUsers(store.getState(), 'general')).toBe(first);
  expect(selectTypingUserIds(store.getState(), 'general')).toEqual(['zed']);
});
