/**
 * The reply target store: per client, per conversation and per thread; a new
 * target object on every choice (the input refocuses on it); clearing an
 * absent target wakes nobody; the hook re-renders only for its own scope.
 */
import { act, renderHook } from '@testing-library/react';
import { expect, it } from 'vitest';
import { createChatClient } from '../../../src/core/client';
import { createMemoryOutbox } from '../../../src/core/outbox';
import { createMockServer } from '../../../src/mock-server';
import { setReplyTarget, useReplyTarget } from '../../../src/react/components/MessageInput/replyTargets';

function client(userId = 'alice') {
  const server = createMockServer({ seed: 'empty' });
  return createChatClient({ transport: server.connect({ userId, token: `${userId}-token` }), userId, outbox: createMemoryOutbox() });
}

it('keeps one target per conversation and thread, and per client', () => {
  const a = client();
  const b = client();
  let renders = 0;
  const general = renderHook(() => {
    renders++;
    return useReplyTarget(a, 'general');
  });
  const thread = renderHook(() => useReplyTarget(a, 'general', 'root1'));
  const other = renderHook(() => useReplyTarget(b, 'general'));
  expect(general.result.current).toBeUndefined();

  act(() => setReplyTarget(a, 'general', 'm1'));
  expect(general.result.current).toEqual({ messageId: 'm1' });
  expect(thread.result.current).toBeUndefined();
  expect(other.result.current).toBeUndefined();
  const first = general.result.current;

  // The same message again is a new target: the input takes focus again.
  act(() => setReplyTarget(a, 'general', 'm1'));
  expect(general.result.current).toEqual({ messageId: 'm1' });
  expect(general.result.current).not.toBe(first);

  // A thread's target leaves the conversation's input alone.
  const before = renders;
  act(() => setReplyTarget(a, 'general', 't1', 'root1'));
  expect(thread.result.current).toEqual({ messageId: 't1' });
  expect(renders).toBe(before);

  act(() => setReplyTarget(a, 'general', undefined));
  expect(general.result.current).toBeUndefined();
  expect(thread.result.current).toEqual({ messageId: 't1' });
  // Clearing what is not there renders nothing.
  const cleared = renders;
  act(() => setReplyTarget(a, 'general', undefined));
  expect(renders).toBe(cleared);
});
