/**
 * The hooks are thin bindings over the core selectors: a change that leaves a
 * hook's answer the same re-renders nothing, and one that changes it does
 * (the positive control in each test).
 */
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect, test } from 'vitest';
import { createChatClient } from '../../src/core/client';
import { createMemoryOutbox } from '../../src/core/outbox';
import type { Upload } from '../../src/core/types';
import { createMockServer } from '../../src/mock-server';
import { ChatProvider } from '../../src/react/ChatProvider';
import { useConversations } from '../../src/react/hooks/useConversations';
import { useTyping, useTypingUserIds } from '../../src/react/hooks/useTyping';
import { useUploads } from '../../src/react/hooks/useUploads';

function setup<T>(hook: () => T) {
  const server = createMockServer({ seed: 'demo' });
  const client = createChatClient({
    transport: server.connect({ userId: 'alice', token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
  });
  const wrapper = ({ children }: { children: ReactNode }) => <ChatProvider client={client}>{children}</ChatProvider>;
  let renders = 0;
  const result = renderHook(
    () => {
      renders++;
      return hook();
    },
    { wrapper },
  );
  return { client, result: result.result, renders: () => renders };
}

const upload = (id: string, conversationId: string, sentBytes: number): Upload => ({
  id, conversationId, name: `${id}.txt`, size: 10, mimeType: 'text/plain', sentBytes, status: 'uploading',
});

test('useUploads: progress in another conversation re-renders nothing; progress here does', () => {
  const { client, result, renders } = setup(() => useUploads('general'));
  act(() => client.store.setState({ uploads: { a: upload('a', 'general', 0), b: upload('b', 'other', 0) } }));
  const first = result.current;
  const before = renders();
  act(() => client.store.setState((s) => ({ uploads: { ...s.uploads, b: upload('b', 'other', 5) } })));
  expect(result.current).toBe(first);
  expect(renders()).toBe(before);
  act(() => client.store.setState((s) => ({ uploads: { ...s.uploads, a: upload('a', 'general', 5) } })));
  expect(result.current[0]?.sentBytes).toBe(5);
  expect(renders()).toBeGreaterThan(before);
});

test('useTyping and useTypingUserIds: a refreshed expiry or typing elsewhere re-renders nothing', () => {
  const { client, result, renders } = setup(() => ({ ids: useTypingUserIds('general'), users: useTyping('general') }));
  act(() => client.store.setState({ typing: { general: { bob: 1, alice: 1 } } }));
  expect(result.current.ids).toEqual(['bob']);
  expect(result.current.users.map((u) => u.id)).toEqual(['bob']);
  const before = renders();
  act(() => client.store.setState({ typing: { general: { bob: 2, alice: 2 }, other: { carol: 1 } } }));
  expect(renders()).toBe(before);
  act(() => client.store.setState({ typing: { general: { bob: 2, carol: 2 } } }));
  expect(result.current.ids).toEqual(['bob', 'carol']);
  expect(renders()).toBeGreaterThan(before);
});

test('useConversations: typing and presence re-render nothing; the list arriving does', async () => {
  const { client, result, renders } = setup(() => useConversations());
  expect(result.current.conversations).toEqual([]);
  const before = renders();
  act(() => client.store.setState({ typing: { general: { bob: 1 } }, presence: { bob: true } }));
  expect(renders()).toBe(before);
  await act(() => client.connect());
  expect(result.current.status).toBe('ready');
  expect(result.current.conversations.map((c) => c.id)).toEqual(client.store.getState().conversationOrder);
  expect(renders()).toBeGreaterThan(before);
  client.disconnect();
});
