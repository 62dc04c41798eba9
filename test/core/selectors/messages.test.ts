// @vitest-environment node
import { expect, test } from 'vitest';
import { EMPTY_TIMELINE, upsertConfirmed } from '../../../src/core/messageTimeline';
import { selectHistory, selectMessages, selectTimeline } from '../../../src/core/selectors';
import { createChatStore } from '../../../src/core/store';
import { message } from './fixtures';

test('messages in display order, the same array until that conversation’s messages change', () => {
  const store = createChatStore('alice');
  expect(selectMessages(store.getState(), 'general')).toEqual([]);
  expect(selectTimeline(store.getState(), 'general')).toBe(EMPTY_TIMELINE);
  expect(selectHistory(store.getState(), 'general').status).toBe('loading');

  const first = message({ id: 'm2', clientId: 'c2', seq: 2 });
  store.setState({ messages: { general: upsertConfirmed(EMPTY_TIMELINE, [first]) } });
  const messages = selectMessages(store.getState(), 'general');
  expect(messages).toEqual([first]);
  store.setState({ typing: { general: { bob: 1 } } });
  expect(selectMessages(store.getState(), 'general')).toBe(messages);

  const older = message({ id: 'm1', clientId: 'c1', seq: 1 });
  store.setState((s) => ({ messages: { general: upsertConfirmed(s.messages.general!, [older]) } }));
  expect(selectMessages(store.getState(), 'general').map((m) => m.id)).toEqual(['m1', 'm2']);
});
