// @vitest-environment node
/**
 * Pins, forwards and searches draw on each user's `send` budget over socket.io
 * (node/rateLimit.ts): past it they are refused with rate_limited like a message
 * would be, and reads of other kinds still go through.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { closeAllClients, connect, uniqueId } from './helpers';

let running: RunningMockServer | undefined;
afterEach(async () => {
  closeAllClients();
  await running?.close();
  running = undefined;
});

describe('the send budget', () => {
  it('is what message:pin, message:unpin, message:forward and messages:search spend', async () => {
    running = await startMockServer({ seed: 'empty', rateLimits: { send: { limit: 5, intervalMs: 60_000 } } });
    const bob = await connect(running.url, 'bob-token');
    const sent = await bob.request('message:send', { conversationId: 'general', clientId: uniqueId('m'), text: 'release notes' });
    expect(sent.ok).toBe(true);
    const spend = [
      await bob.request('message:pin', { id: sent.message.id }),
      await bob.request('message:unpin', { id: sent.message.id }),
      await bob.request('message:forward', { id: sent.message.id, conversationId: 'alice-bob', clientId: uniqueId('f') }),
      await bob.request('messages:search', { query: 'release' }),
    ];
    expect(spend.map((ack) => ack.ok)).toEqual([true, true, true, true]);
    const refused = await bob.request('messages:search', { query: 'notes' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterMs: expect.any(Number) } });
    expect((await bob.request('message:pin', { id: sent.message.id })).error.code).toBe('rate_limited');
    expect((await bob.request('conversations:list', {})).ok).toBe(true);
  });
});

describe('the history budget', () => {
  it('thread pages and search results count as messages read', async () => {
    running = await startMockServer({ seed: 'empty', rateLimits: { history: { limit: 30, intervalMs: 60_000, burst: 30 } } });
    const bob = await connect(running.url, 'bob-token');
    const root = await bob.request('message:send', { conversationId: 'general', clientId: uniqueId('r'), text: 'root' });
    for (let i = 0; i < 3; i++) {
      expect((await bob.request('message:send', { conversationId: 'general', clientId: uniqueId('t'), text: `reply ${i}`, parentId: root.message.id })).ok).toBe(true);
    }
    // Each page costs its replies and its root: 4 of 30.
    for (let i = 0; i < 7; i++) expect((await bob.request('thread:since', { rootId: root.message.id, afterSeq: 0, limit: 3 })).ok).toBe(true);
    // 28 spent: a page that may return 3 more is judged before it runs.
    const refused = await bob.request('thread:before', { rootId: root.message.id, beforeSeq: 10, limit: 3 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/^Too many messages read/) } });
    expect((await bob.request('messages:search', { query: 'reply', limit: 3 })).error.code).toBe('rate_limited');
  });
});
