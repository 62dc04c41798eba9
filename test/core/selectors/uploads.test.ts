// @vitest-environment node
import { expect, test } from 'vitest';
import { selectUploads } from '../../../src/core/selectors';
import { createChatStore } from '../../../src/core/store';
import type { Upload } from '../../../src/core/types';

const upload = (id: string, conversationId: string, sentBytes = 0): Upload => ({
  id,
  conversationId,
  name: `${id}.png`,
  size: 100,
  mimeType: 'image/png',
  sentBytes,
  status: 'uploading',
});

test('a conversation’s uploads, oldest first; progress elsewhere keeps its array, its own progress does not', () => {
  const store = createChatStore('alice');
  expect(selectUploads(store.getState(), 'general')).toEqual([]);
  store.setState({ uploads: { a: upload('a', 'general'), b: upload('b', 'other'), c: upload('c', 'general') } });
  const general = selectUploads(store.getState(), 'general');
  const other = selectUploads(store.getState(), 'other');
  expect(general.map((u) => u.id)).toEqual(['a', 'c']);

  store.setState((s) => ({ uploads: { ...s.uploads, b: upload('b', 'other', 50) } }));
  expect(selectUploads(store.getState(), 'general')).toBe(general);
  expect(selectUploads(store.getState(), 'other')).not.toBe(other);
  expect(selectUploads(store.getState(), 'other')[0]!.sentBytes).toBe(50);

  store.setState((s) => ({ uploads: { ...s.uploads, c: upload('c', 'general', 10) } }));
  expect(selectUploads(store.getState(), 'general')).not.toBe(general);
  expect(selectUploads(store.getState(), 'general').map((u) => u.sentBytes)).toEqual([0, 10]);
});
