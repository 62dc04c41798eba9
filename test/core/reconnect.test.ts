/**
 * State stays right across reconnects: the real client against the mock
 * server over its memory transport (with its own reconnect backoff), cut
 * with `setOnline(user, false)` or `restart()`. Polls instead of sleeping.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChatClient, type ChatClient } from '../../src/core/client';
import { ChatError } from '../../src/core/errors';
import { createMemoryOutbox } from '../../src/core/outbox';
import type { Message } from '../../src/core/protocol';
import { TransportError } from '../../src/core/transport';
import { TYPING_EXPIRY_MS } from '../../src/core/typing';
import { createMockServer, type MockChatServer } from '../../src/mock-server';
import { conversation, message, ScriptedTransport, type Handler } from './scriptedTransport';

const WAIT = { timeout: 5_000, interval: 5 };

let server: MockChatServer | undefined;
const clients: ChatClient[] = [];

afterEach(() => {
  vi.useRealTimers();
  for (const c of clients.splice(0)) c.disconnect();
  server?.dispose();
  server = undefined;
});

function newServer(): MockChatServer {
  server = createMockServer({ seed: 'demo', botDelayMs: 50 });
  return server;
}

async function connectAs(srv: MockChatServer, userId: string): Promise<{ client: ChatClient; errors: ChatError[] }> {
  const client = createChatClient({
    transport: srv.connect({ userId, token: `${userId}-token` }),
    userId,
    outbox: createMemoryOutbox(),
    requestTimeoutMs: 2_000,
  });
  clients.push(client);
  const errors: ChatError[] = [];
  client.on('error', (e) => errors.push(e));
  await client.connect();
  return { client, errors };
}

const isOnline = (c: ChatClient) => c.store.getState().connection.state === 'online';
const confirmed = (c: ChatClient, id: string) => c.getMessages(id).filter((m) => m.seq !== null);

/** Cut `userId`, check the client noticed, and return a function that heals the cut and reconnects at once. */
function goOffline(srv: MockChatServer, userId: string, client: ChatClient): () => Promise<void> {
  srv.setOnline(userId, false);
  expect(client.store.getState().connection.state).toBe('reconnecting');
  return async () => {
    srv.setOnline(userId, true);
    client.reconnectNow();
    await vi.waitFor(() => expect(isOnline(client)).toBe(true), WAIT);
  };
}

/** The client's confirmed timeline is exactly the server's log from its first loaded seq: no hole, no duplicate. */
function expectTimelineMatchesServer(srv: MockChatServer, client: ChatClient, conversationId: string): void {
  const mine = confirmed(client, conversationId);
  expect(mine.length).toBeGreaterThan(0);
  const log = srv.messages(conversationId);
  const from = mine[0]!.seq!;
  expect(mine.map((m) => m.id)).toEqual(log.slice(from - 1).map((m) => m.id));
}

describe('reconnect: unread counts', () => {
  it('messages that arrive while offline are counted once per conversation and land in the open timeline exactly once', async () => {
    const srv = newServer();
    const { client: alice, errors } = await connectAs(srv, 'alice');
    await alice.openConversation('general'); // open, but not read
    const serverGeneral = srv.conversation('general', 'alice')!.unreadCount;
    const serverDesign = srv.conversation('design', 'alice')!.unreadCount;
    expect(alice.store.getState().conversations.general!.unreadCount).toBe(serverGeneral);

    const reconnect = goOffline(srv, 'alice', alice);
    for (let i = 1; i <= 3; i++) srv.postMessage('general', { authorId: 'bob', text: `while you were away ${i}` });
    // bob is not a member of `design` (carol, alice, erin); carol posts there instead.
    for (let i = 1; i <= 2; i++) srv.postMessage('design', { authorId: 'carol', text: `design note ${i}` });
    expect(srv.conversation('general', 'alice')!.unreadCount).toBe(serverGeneral + 3);
    expect(srv.conversation('design', 'alice')!.unreadCount).toBe(serverDesign + 2);
    // Nothing reached alice while she was cut.
    expect(alice.store.getState().conversations.general!.unreadCount).toBe(serverGeneral);

    await reconnect();
    const lastSeq = srv.conversation('general')!.lastSeq;
    await vi.waitFor(() => expect(confirmed(alice, 'general').at(-1)?.seq).toBe(lastSeq), WAIT);
    await vi.waitFor(() => {
      const { conversations } = alice.store.getState();
      expect(conversations.general!.unreadCount).toBe(srv.conversation('general', 'alice')!.unreadCount);
      expect(conversations.design!.unreadCount).toBe(srv.conversation('design', 'alice')!.unreadCount);
    }, WAIT);
    expect(alice.store.getState().conversations.general!.unreadCount).toBe(serverGeneral + 3);
    expect(alice.store.getState().conversations.design!.unreadCount).toBe(serverDesign + 2);
    expect(alice.store.getState().conversations.general!.lastSeq).toBe(lastSeq);
    expectTimelineMatchesServer(srv, alice, 'general');
    expect(errors).toEqual([]);
  });
});

describe('reconnect: read state', () => {
  it('a read receipt sent while alice was offline is there after she reconnects', async () => {
    const srv = newServer();
    const { client: alice } = await connectAs(srv, 'alice');
    const { client: bob } = await connectAs(srv, 'bob');
    await alice.openConversation('general');
    const mine = await alice.sendMessage('general', { text: 'did you see this?' });
    await vi.waitFor(() => expect(bob.store.getState().conversations.general!.lastSeq).toBe(mine.seq), WAIT);

    const reconnect = goOffline(srv, 'alice', alice);
    bob.markRead('general');
    await vi.waitFor(() => expect(srv.conversation('general')!.readSeqs.bob).toBe(mine.seq), WAIT);
    expect(alice.store.getState().conversations.general!.readSeqs.bob ?? 0).toBeLessThan(mine.seq);

    await reconnect();
    await vi.waitFor(() => expect(alice.store.getState().conversations.general!.readSeqs.bob).toBe(mine.seq), WAIT);
  });

  it('alice’s own read position set while offline reaches the server after reconnecting, and stays 0 unread locally', async () => {
    const srv = newServer();
    const { client: alice, errors } = await connectAs(srv, 'alice');
    expect(srv.conversation('design', 'alice')!.unreadCount).toBeGreaterThan(0);

    const reconnect = goOffline(srv, 'alice', alice);
    alice.markRead('design');
    expect(alice.store.getState().conversations.design!.unreadCount).toBe(0);
    expect(srv.conversation('design', 'alice')!.unreadCount).toBeGreaterThan(0);

    await reconnect();
    await vi.waitFor(() => expect(srv.conversation('design', 'alice')!.unreadCount).toBe(0), WAIT);
    await vi.waitFor(() => expect(alice.store.getState().conversationsStatus).toBe('ready'), WAIT);
    const design = alice.store.getState().conversations.design!;
    expect(design.unreadCount).toBe(0);
    expect(design.readSeqs.alice).toBe(srv.conversation('design')!.lastSeq);
    expect(errors).toEqual([]);
  });
});

describe('reconnect: presence', () => {
  it('contacts who left while alice was cut are not shown online after she reconnects (and those who came are)', async () => {
    const srv = newServer();
    const { client: alice } = await connectAs(srv, 'alice');
    const { client: bob } = await connectAs(srv, 'bob');
    await vi.waitFor(() => expect(alice.store.getState().presence.bob).toBe(true), WAIT);
    expect(alice.store.getState().presence.carol ?? false).toBe(false);

    const reconnect = goOffline(srv, 'alice', alice);
    bob.disconnect(); // bob leaves; alice cannot hear about it
    expect(srv.isConnected('bob')).toBe(false);
    await connectAs(srv, 'carol'); // carol arrives; alice cannot hear about it either

    await reconnect();
    // The new session's presence burst has arrived once carol shows up.
    await vi.waitFor(() => expect(alice.store.getState().presence.carol).toBe(true), WAIT);
    expect(alice.store.getState().presence.bob ?? false).toBe(false);
  });
});

describe('reconnect: typing', () => {
  it('bob’s typing indicator expires by itself when alice’s connection drops before typing:false', async () => {
    const srv = newServer();
    const { client: alice } = await connectAs(srv, 'alice');
    await alice.openConversation('general');
    const typing = () => alice.store.getState().typing.general ?? {};

    // Timers only: the memory transport delivers zero-latency frames in microtasks, and Date stays real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    srv.setTyping('general', 'bob', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(Object.keys(typing())).toEqual(['bob']);

    const reconnect = goOffline(srv, 'alice', alice);
    srv.setTyping('general', 'bob', false); // lost: alice is cut
    await vi.advanceTimersByTimeAsync(TYPING_EXPIRY_MS + 50);
    expect(Object.keys(typing())).toEqual([]);

    vi.useRealTimers();
    await reconnect();
    expect(Object.keys(typing())).toEqual([]);
  });
});

describe('reconnect: delivery', () => {
  it('server restart while alice and bob exchange messages: every send resolves, nothing is lost or duplicated', async () => {
    const srv = newServer();
    srv.setNetwork({ latencyMs: 8 });
    const { client: alice, errors: aliceErrors } = await connectAs(srv, 'alice');
    const { client: bob, errors: bobErrors } = await connectAs(srv, 'bob');
    await Promise.all([alice.openConversation('general'), bob.openConversation('general')]);
    const before = srv.conversation('general')!.lastSeq;

    const sends: Promise<Message>[] = [];
    for (let i = 0; i < 6; i++) {
      sends.push(alice.sendMessage('general', { text: `alice ${i}` }));
      sends.push(bob.sendMessage('general', { text: `bob ${i}` }));
    }
    // Restart once some, not all, have been stored.
    await vi.waitFor(() => expect(srv.conversation('general')!.lastSeq).toBeGreaterThanOrEqual(before + 3), WAIT);
    expect(srv.conversation('general')!.lastSeq).toBeLessThan(before + 12);
    srv.restart();
    expect(isOnline(alice) || isOnline(bob)).toBe(false);
    alice.reconnectNow();
    bob.reconnectNow();

    const sent = await Promise.all(sends);
    const log = srv.messages('general');
    expect(log.length).toBe(before + 12);
    const texts = log.slice(before).map((m) => m.text).sort();
    expect(texts).toEqual([...Array.from({ length: 6 }, (_, i) => `alice ${i}`), ...Array.from({ length: 6 }, (_, i) => `bob ${i}`)].sort());
    // Each author's messages are stored in the order they were typed.
    expect(log.slice(before).filter((m) => m.authorId === 'alice').map((m) => m.text)).toEqual(Array.from({ length: 6 }, (_, i) => `alice ${i}`));
    for (const m of sent) expect(log[m.seq - 1]).toEqual(m);

    for (const client of [alice, bob]) {
      await vi.waitFor(() => expect(confirmed(client, 'general').at(-1)?.seq).toBe(log.length), WAIT);
      expectTimelineMatchesServer(srv, client, 'general');
      expect(client.getMessages('general').filter((m) => m.seq === null)).toEqual([]);
    }
    expect(aliceErrors).toEqual([]);
    expect(bobErrors).toEqual([]);
  });

  it('a message sent while offline is delivered once after reconnecting, and sendMessage resolves with the stored message', async () => {
    const srv = newServer();
    const { client: alice, errors } = await connectAs(srv, 'alice');
    await alice.openConversation('general');
    const before = srv.conversation('general')!.lastSeq;

    const reconnect = goOffline(srv, 'alice', alice);
    const sending = alice.sendMessage('general', { text: 'typed on the train' });
    await vi.waitFor(() => expect(alice.getMessages('general').at(-1)).toMatchObject({ text: 'typed on the train', status: 'sending', seq: null }), WAIT);
    expect(srv.conversation('general')!.lastSeq).toBe(before);

    await reconnect();
    const stored = await sending;
    const copies = srv.messages('general').filter((m) => m.clientId === stored.clientId);
    expect(copies).toEqual([stored]);
    expect(stored).toMatchObject({ text: 'typed on the train', authorId: 'alice', seq: before + 1 });
    await vi.waitFor(() => {
      const rows = alice.getMessages('general').filter((m) => m.clientId === stored.clientId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: stored.id, seq: stored.seq, status: 'sent' });
    }, WAIT);
    expectTimelineMatchesServer(srv, alice, 'general');
    expect(errors).toEqual([]);
  });
});

describe('reconnect: a lost conversations:list ack', () => {
  /** A server that loses the ack of the n-th conversations:list (the transport times out). */
  function losingList(lose: (n: number) => boolean, unread: () => number): Handler {
    let n = 0;
    return (event) => {
      if (event === 'conversations:list') {
        if (lose(++n)) throw new TransportError('timeout', 'No answer to "conversations:list"');
        return { ok: true, conversations: [conversation('general', { lastSeq: 2, lastMessage: message(2), unreadCount: unread() })], users: [] };
      }
      if (event === 'messages:before' || event === 'messages:since') return { ok: true, messages: [], hasMore: false };
      return { ok: true };
    };
  }

  it('connect() does not hang when the first conversations:list times out on a live connection', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const transport = new ScriptedTransport(losingList((n) => n === 1, () => 0));
    const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox() });
    clients.push(client);
    const settled: { outcome: 'pending' | 'resolved' | 'rejected' } = { outcome: 'pending' };
    client.connect().then(
      () => (settled.outcome = 'resolved'),
      (e: unknown) => (settled.outcome = e instanceof ChatError ? 'rejected' : 'pending'),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    // Either way is fine (retry the list, or give up with a ChatError); waiting forever is not.
    expect(settled.outcome).not.toBe('pending');
    if (settled.outcome === 'resolved') expect(client.store.getState().conversationsStatus).toBe('ready');
  });

  it('after a reconnect whose conversations:list times out, the list is still refreshed (unread counts do not stay stale)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    let unread = 0;
    const transport = new ScriptedTransport(losingList((n) => n === 2, () => unread));
    const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox() });
    clients.push(client);
    await client.connect();
    expect(client.store.getState().conversations.general!.unreadCount).toBe(0);

    transport.setStatus({ state: 'disconnected', willRetry: true });
    unread = 2; // two messages arrived while the link was down
    transport.setStatus({ state: 'connected' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.store.getState().conversations.general!.unreadCount).toBe(2);
  });
});

describe('reconnect: the same client after disconnect()', () => {
  it('disconnect() then connect() on the same client: what was written meanwhile, and after, is sent once each', async () => {
    const srv = newServer();
    const { client } = await connectAs(srv, 'alice');
    await client.openConversation('general');
    client.disconnect();
    const meanwhile = client.sendMessage('general', { text: 'written while disconnected' });
    await client.connect();
    await expect(meanwhile).resolves.toMatchObject({ text: 'written while disconnected' });
    await expect(client.sendMessage('general', { text: 'written after connecting again' })).resolves.toMatchObject({ seq: expect.any(Number) });
    const texts = srv.messages('general').map((m) => m.text);
    expect(texts.filter((t) => t === 'written while disconnected')).toHaveLength(1);
    expect(texts.filter((t) => t === 'written after connecting again')).toHaveLength(1);
  });
});
