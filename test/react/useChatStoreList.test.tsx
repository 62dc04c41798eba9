import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect, test } from 'vitest';
import { createChatClient } from '../../src/core/client';
import { createMemoryOutbox } from '../../src/core/outbox';
import { createMockServer } from '../../src/mock-server';
import { ChatProvider } from '../../src/react/ChatProvider';
import { useChatStoreList } from '../../src/react/hooks/useChatStore';

function setup() {
  const server = createMockServer({ seed: 'demo' });
  const client = createChatClient({
    transport: server.connect({ userId: 'alice', token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
  });
  const wrapper = ({ children }: { children: ReactNode }) => <ChatProvider client={client}>{children}</ChatProvider>;
  let renders = 0;
  const hook = renderHook(
    () => {
      renders++;
      return useChatStoreList((s) => Object.keys(s.presence).filter((id) => s.presence[id]));
    },
    { wrapper },
  );
  return { client, hook, renders: () => renders };
}

test('a fresh array with the same items is the previous array, and a change elsewhere re-renders nothing', () => {
  const { client, hook, renders } = setup();
  act(() => client.store.setState({ presence: { bob: true } }));
  const first = hook.result.current;
  expect(first).toEqual(['bob']);
  const before = renders();
  act(() => client.store.setState({ presence: { bob: true, carol: false } })); // same list
  act(() => client.store.setState({ typing: { general: { dave: 1 } } })); // another slice
  expect(hook.result.current).toBe(first);
  expect(renders()).toBe(before);
});

test('another item, or the same items in another order, gives the new array', () => {
  const { client, hook } = setup();
  act(() => client.store.setState({ presence: { bob: true, carol: true } }));
  const first = hook.result.current;
  act(() => client.store.setState({ presence: { carol: true, bob: true } }));
  expect(hook.result.current).toEqual(['carol', 'bob']);
  expect(hook.result.current).not.toBe(first);
  act(() => client.store.setState({ presence: { carol: true } }));
  expect(hook.result.current).toEqual(['carol']);
});
