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
