// @vitest-environment node
/**
 * Threads, pins, forwarding and search between two real clients over socket.io
 * and the Node mock server: a reply reaches the other side's open thread and
 * the root's counters, unread thread replies come and go, a reply written
 * while the link is down is delivered once when it returns, and the thread
 * catches up after a reconnect.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChatClient, createMemoryOutbox, type ChatClient } from '../../src/core';
import { startMockServer, type RunningMockServer } from '../../src/mock-server/node';
import { createSocketIoTransport } from '../../src/transports/socketio';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';

let live: RunningMockServer;
let proxy: FaultProxy;
const clients: ChatClient[] = [];

beforeEach(async () => {
  live = await startMockServer({ port: 0, host: '127.0.0.1', seed: 'demo', rateLimits: false });
  proxy = await startFaultProxy(live.url);
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await proxy.close();
  await live.close();
});

/** Bob goes through the fault proxy, so his link can fail alone. */
async function connected(userId: string): Promise<ChatClient> {
  const client = createChatClient({
    transport: createSocketIoTransport({ url: userId === 'bob' ? proxy.url : live.url, token: `${userId}-token`, initialRetryMs: 100, maxRetryMs: 500 }),
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
const texts = (client: ChatClient, rootId: string) => client.getThreadMessages(rootId).map((m) => `${m.text}:${m.status}`);

describe('threads over socket.io (Node server)', () => {
  it('a reply reaches the other client live, with the root’s count and the unread mark', { timeout: 30_000 }, async () => {
    const [alice, bob] = await Promise.all([connected('alice'), connected('bob')]);
    await Promise.all([alice.openConversation('general'), bob.openConversation('general')]);
    const root = await alice.sendMessage('general', { text: 'Thread about the release' });
    await alice.openThread(root.id);

    const answer = await bob.sendMessage('general', { text: 'Friday works', parentId: root.id });
    expect(answer.parentId).toBe(root.id);
    await until(() => expect(texts(alice, root.id)).toEqual(['Friday works:sent']));
    await until(() => expect(alice.getMessages('general').find((m) => m.id === root.id)).toMatchObject({ replyCount: 1, replierIds: ['bob'] }));
    expect(alice.getMessages('general').some((m) => m.parentId !== undefined)).toBe(false);
    await until(() => expect(alice.store.getState().conversations.general!.unreadThreads).toEqual({ [root.id]: 1 }));

    alice.markThreadRead(root.id);
    expect(alice.store.getState().conversations.general!.unreadThreads).toEqual({});
    await until(() => expect(live.server.conversation('general', 'alice')!.unreadThreads).toEqual({}));
  });

  it('a reply typed while the link is down arrives once, and the other side’s thread fills its gap after reconnecting', { timeout: 30_000 }, async () => {
    const [alice, bob] = await Promise.all([connected('alice'), connected('bob')]);
    const root = await alice.sendMessage('general', { text: 'Root for the outage' });
    await Promise.all([alice.openThread(root.id), bob.openThread(root.id)]);

    proxy.refuse(true);
    proxy.drop();
    await until(() => expect(bob.store.getState().connection.state).not.toBe('online'));
    // Replies bob cannot hear about, and one he types meanwhile.
    await alice.sendMessage('general', { text: 'one', parentId: root.id });
    await alice.sendMessage('general', { text: 'two', parentId: root.id });
    const offline = bob.sendMessage('general', { text: 'typed offline', parentId: root.id });
    proxy.refuse(false);
    await offline;

    await until(() => expect(texts(bob, root.id)).toEqual(['one:sent', 'two:sent', 'typed offline:sent']));
    expect(live.server.threadMessages(root.id).map((m) => m.text)).toEqual(['one', 'two', 'typed offline']);
    await until(() => expect(texts(alice, root.id)).toEqual(['one:sent', 'two:sent', 'typed offline:sent']));
  });

  it('pins, forwards and searches', { timeout: 30_000 }, async () => {
    const [alice, bob] = await Promise.all([connected('alice'), connected('bob')]);
    await bob.openConversation('general');
    const message = await alice.sendMessage('general', { text: 'The quarterly zeppelin report' });
    await alice.pinMessage(message.id);
    await until(() => expect(bob.store.getState().conversations.general!.pinnedIds).toEqual([message.id]));
    await until(() => expect(bob.getMessages('general').at(-1)).toMatchObject({ kind: 'system', replyTo: message.id }));

    const copy = await bob.forwardMessage(message.id, 'alice-bob');
    expect(copy.forwardedFrom).toEqual({ conversationId: 'general', messageId: message.id, authorId: 'alice' });
    const { results } = await bob.searchMessages({ query: 'zeppel' });
    expect(results.map((m) => m.id)).toEqual([copy.id, message.id]);
  });
});
