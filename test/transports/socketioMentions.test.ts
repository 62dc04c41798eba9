// @vitest-environment node
/**
 * Mention counts over socket.io and the Node mock server: a mention reaches
 * the other client's count live, reading clears it, and a mention made while
 * the link is down is counted once it is back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChatClient, createMemoryOutbox, selectMentionCount, type ChatClient } from '../../src/core';
import { startMockServer, type RunningMockServer } from '../../src/mock-server/node';
import { createSocketIoTransport } from '../../src/transports/socketio';

let live: RunningMockServer;
const clients: ChatClient[] = [];

beforeEach(async () => {
  live = await startMockServer({ port: 0, host: '127.0.0.1', seed: 'empty', rateLimits: false });
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await live.close();
});

async function connected(userId: string): Promise<ChatClient> {
  const client = createChatClient({
    transport: createSocketIoTransport({ url: live.url, token: `${userId}-token`, initialRetryMs: 100, maxRetryMs: 500 }),
    userId,
    outbox: createMemoryOutbox(),
    syncIntervalMs: 0,
  });
  clients.push(client);
  await client.connect();
  return client;
}

// Waits on what must arrive over the socket; the bound only matters on a starved machine.
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 10 });
const mentions = (client: ChatClient) => selectMentionCount(client.store.getState(), 'general');

describe('mention counts over socket.io (Node server)', () => {
  it('count live, clear on read, catch up after the link was down', { timeout: 30_000 }, async () => {
    const [alice, bob] = await Promise.all([connected('alice'), connected('bob')]);
    await alice.openConversation('general');
    const m = await bob.sendMessage('general', { text: 'hi @Alice', mentions: ['alice', 'nobody'] });
    expect(m.mentions).toEqual(['alice']);
    await until(() => expect(mentions(alice)).toBe(1));
    alice.markRead('general', m.seq);
    expect(mentions(alice)).toBe(0);
    await until(() => expect(live.server.conversation('general', 'alice')?.mentionCount).toBe(0));

    live.server.setOnline('alice', false);
    await bob.sendMessage('general', { text: '@here', mentions: ['here'] });
    live.server.setOnline('alice', true);
    await until(() => expect(mentions(alice)).toBe(1));
  });
});
