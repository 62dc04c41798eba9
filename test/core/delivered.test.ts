/**
 * Delivery receipts in the client: what it reports with `delivered` (messages
 * from others that reached it, by push, catch-up or the conversation list),
 * how it coalesces and retries those reports, and how the store keeps every
 * member's delivered position. ScriptedTransport for exact control; the mock
 * server (memory transport) for the whole loop between two users.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChatClient, type ChatClient } from '../../src/core/client';
import type { ChatError } from '../../src/core/errors';
import { createMemoryOutbox } from '../../src/core/outbox';
import { TransportError } from '../../src/core/transport';
import { createMockServer } from '../../src/mock-server';
import { conversation, message, ScriptedTransport, simpleServer, type Handler } from './scriptedTransport';

const DELAY = 100;
const clients: ChatClient[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
  vi.useRealTimers();
});

/** Lets acks (microtasks) and the coalescing window run. */
const tick = (ms = DELAY + 1) => vi.advanceTimersByTimeAsync(ms);

async function scripted(handler: Handler) {
  const transport = new ScriptedTransport(handler);
  const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox(), deliveredDelayMs: DELAY, syncIntervalMs: 0 });
  clients.push(client);
  const errors: ChatError[] = [];
  client.on('error', (e) => errors.push(e));
  await client.connect();
  const delivered = () => transport.sent.filter((s) => s.event === 'delivered').map((s) => s.payload);
  return { transport, client, errors, delivered };
}

describe('client: reporting delivered', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('reports a pushed message from someone else, once the window has passed', async () => {
    const { transport, delivered, errors } = await scripted(simpleServer([message(1)]));
    transport.push('message:new', message(2));
    await tick(DELAY - 10);
    expect(delivered()).toEqual([]);
    await tick(20);
    expect(delivered()).toEqual([{ conversationId: 'general', seq: 2 }]);
    expect(errors).toEqual([]);
  });

  it('coalesces a burst into one request per conversation, with the highest seq', async () => {
    const { transport, delivered } = await scripted(simpleServer([]));
    transport.push('message:new', message(1));
    transport.push('message:new', message(3)); // a gap: filled by messages:since, which reports nothing higher
    transport.push('message:new', message(2));
    transport.push('message:new', message(1, { conversationId: 'other', id: 'o1' }));
    await tick();
    expect(delivered()).toEqual([
      { conversationId: 'general', seq: 3 },
      { conversationId: 'other', seq: 1 },
    ]);
    // The next arrival is a new report; duplicates and older ones are not.
    transport.push('message:new', message(3));
    transport.push('message:updated', { ...message(2), editedAt: 5_000 });
    await tick();
    expect(delivered()).toHaveLength(2);
    transport.push('message:new', message(4));
    await tick();
    expect(delivered()).toEqual([
      { conversationId: 'general', seq: 3 },
      { conversationId: 'other', seq: 1 },
      { conversationId: 'general', seq: 4 },
    ]);
  });

  it('does not report its own messages, pushed or acked', async () => {
    const log = [message(1, { authorId: 'alice' })];
    const server = simpleServer(log);
    const { transport, client, delivered } = await scripted((event, payload) =>
      event === 'message:send'
        ? { ok: true, message: message(3, { authorId: 'alice', clientId: (payload as { clientId: string }).clientId }) }
        : server(event, payload),
    );
    await client.openConversation('general');
    transport.push('message:new', message(2, { authorId: 'alice' }));
    await client.sendMessage('general', { text: 'mine' });
    await tick();
    expect(delivered()).toEqual([]);
  });

  it('reports what a catch-up (messages:since) and the first page bring', async () => {
    const log = [message(1), message(2), message(3, { authorId: 'alice' })];
    const { transport, client, delivered } = await scripted(simpleServer(log));
    await client.openConversation('general');
    await tick();
    // The page's newest message from someone else; alice's own seq 3 is not.
    expect(delivered()).toEqual([{ conversationId: 'general', seq: 2 }]);
    log.push(message(4), message(5), message(6, { authorId: 'alice' }));
    transport.push('message:new', message(6, { authorId: 'alice' })); // reveals a gap: 4 and 5 come by messages:since
    await tick();
    expect(transport.sent.some((s) => s.event === 'messages:since')).toBe(true);
    expect(delivered()).toEqual([
      { conversationId: 'general', seq: 2 },
      { conversationId: 'general', seq: 5 },
    ]);
  });

  it('reports the conversation list’s newest message from others, unless the server already has it', async () => {
    const list: Handler = (event) =>
      event === 'conversations:list'
        ? {
            ok: true,
            conversations: [
              conversation('general', { lastSeq: 7, lastMessage: message(7) }),
              conversation('known', { lastSeq: 4, lastMessage: message(4, { conversationId: 'known' }), deliveredSeqs: { alice: 4 } }),
              conversation('read', { lastSeq: 2, lastMessage: message(2, { conversationId: 'read' }), readSeqs: { alice: 2 } }),
              conversation('mine', { lastSeq: 9, lastMessage: message(9, { conversationId: 'mine', authorId: 'alice' }) }),
            ],
            users: [],
          }
        : { ok: true };
    const { delivered } = await scripted(list);
    await tick();
    expect(delivered()).toEqual([{ conversationId: 'general', seq: 7 }]);
  });

  it('holds reports made while offline and sends them, once, after reconnecting', async () => {
    const { transport, delivered } = await scripted(simpleServer([]));
    transport.setStatus({ state: 'disconnected', willRetry: true });
    transport.push('message:new', message(1)); // e.g. a frame that was already on its way
    await tick();
    expect(delivered()).toEqual([]);
    transport.setStatus({ state: 'connected' });
    await tick();
    expect(delivered()).toEqual([{ conversationId: 'general', seq: 1 }]);
    await tick(60_000);
    expect(delivered()).toHaveLength(1);
  });

  it('sends a report again after reconnecting when the link dropped under it', async () => {
    let failNext = true;
    const server = simpleServer([]);
    const { transport, delivered, errors } = await scripted((event, payload) => {
      if (event === 'delivered' && failNext) {
        failNext = false;
        throw new TransportError('disconnected', 'Connection lost');
      }
      return server(event, payload);
    });
    transport.push('message:new', message(1));
    await tick();
    expect(delivered()).toHaveLength(1);
    transport.setStatus({ state: 'disconnected', willRetry: true });
    await tick(5_000);
    expect(delivered()).toHaveLength(1); // nothing is sent while offline
    transport.setStatus({ state: 'connected' });
    await tick();
    expect(delivered()).toEqual([
      { conversationId: 'general', seq: 1 },
      { conversationId: 'general', seq: 1 },
    ]);
    await tick(60_000);
    expect(delivered()).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('retries a report that timed out while the link stays up', async () => {
    let fails = 2;
    const server = simpleServer([]);
    const { transport, delivered, errors } = await scripted((event, payload) => {
      if (event === 'delivered' && fails-- > 0) throw new TransportError('timeout', 'No ack');
      return server(event, payload);
    });
    transport.push('message:new', message(1));
    await tick();
    expect(delivered()).toHaveLength(1);
    await tick(1_000);
    expect(delivered()).toHaveLength(2);
    await tick(2_000);
    expect(delivered()).toHaveLength(3);
    await tick(60_000);
    expect(delivered()).toHaveLength(3);
    expect(errors).toEqual([]);
  });

  it('reports a refusal through the error event and does not retry it', async () => {
    const { transport, delivered, errors } = await scripted((event, payload) =>
      event === 'delivered' ? { ok: false, error: { code: 'forbidden', message: 'Not a member' } } : simpleServer([])(event, payload),
    );
    transport.push('message:new', message(1));
    await tick(60_000);
    expect(delivered()).toHaveLength(1);
    expect(errors.map((e) => [e.code, e.event])).toEqual([['forbidden', 'delivered']]);
  });
});

describe('client: storing delivered positions', () => {
  it('merges delivered pushes monotonically and ignores unknown conversations', async () => {
    const { transport, client } = await scripted(simpleServer([message(1), message(2), message(3)]));
    const deliveredSeqs = () => client.store.getState().conversations.general!.deliveredSeqs;
    transport.push('delivered', { conversationId: 'general', userId: 'bob', seq: 2 });
    expect(deliveredSeqs()).toEqual({ bob: 2 });
    const before = client.store.getState();
    transport.push('delivered', { conversationId: 'general', userId: 'bob', seq: 1 }); // behind: no change, no wake-up
    transport.push('delivered', { conversationId: 'general', userId: 'bob', seq: 2 });
    transport.push('delivered', { conversationId: 'nowhere', userId: 'bob', seq: 9 });
    expect(client.store.getState()).toBe(before);
    transport.push('delivered', { conversationId: 'general', userId: 'bob', seq: 3 });
    expect(deliveredSeqs()).toEqual({ bob: 3 });
  });

  it('a read raises delivered to the same seq (reading implies delivery), never lowers it', async () => {
    const { transport, client } = await scripted(simpleServer([message(1), message(2), message(3)]));
    const general = () => client.store.getState().conversations.general!;
    transport.push('read', { conversationId: 'general', userId: 'bob', seq: 2 });
    expect(general().deliveredSeqs.bob).toBe(2);
    transport.push('delivered', { conversationId: 'general', userId: 'carol', seq: 3 });
    transport.push('read', { conversationId: 'general', userId: 'carol', seq: 1 });
    expect(general().deliveredSeqs).toEqual({ bob: 2, carol: 3 });
    expect(general().readSeqs).toEqual({ bob: 2, carol: 1 });
  });

  it('keeps delivered positions from going back when the list or conversation:updated lags, and accepts servers that send none', async () => {
    let listed: Record<string, unknown> = { lastSeq: 3, readSeqs: { bob: 1 }, deliveredSeqs: { bob: 2, carol: 3 } };
    const { transport, client, errors } = await scripted((event, payload) =>
      event === 'conversations:list'
        ? { ok: true, conversations: [conversation('general', { memberIds: ['alice', 'bob', 'carol'], ...listed })], users: [] }
        : simpleServer([])(event, payload),
    );
    const general = () => client.store.getState().conversations.general!;
    expect(general().deliveredSeqs).toEqual({ bob: 2, carol: 3 });
    transport.push('delivered', { conversationId: 'general', userId: 'bob', seq: 3 });
    // An older server: no deliveredSeqs at all. Known positions stay; read ones count as delivered.
    listed = { lastSeq: 3, readSeqs: { bob: 1, alice: 2 } };
    await client.loadConversations();
    expect(general().deliveredSeqs).toEqual({ bob: 3, carol: 3, alice: 2 });
    // A member who left takes their position along.
    transport.push('conversation:updated', conversation('general', { memberIds: ['alice', 'bob'], lastSeq: 3, deliveredSeqs: { bob: 1 } }));
    expect(general().deliveredSeqs).toEqual({ bob: 3, alice: 2 });
    expect(errors).toEqual([]);
  });
});

describe('delivered end to end on the mock server', () => {
  it('alice sees bob’s client report her message while he has not opened the conversation; offline, not until he connects', async () => {
    const server = createMockServer({ seed: 'demo' });
    const connect = async (userId: string) => {
      const client = createChatClient({
        transport: server.connect({ userId, token: `${userId}-token` }),
        userId,
        outbox: createMemoryOutbox(),
        deliveredDelayMs: 10,
      });
      clients.push(client);
      await client.connect();
      return client;
    };
    try {
      const alice = await connect('alice');
      const bob = await connect('bob');
      const bobDelivered = () => alice.store.getState().conversations['alice-bob']!.deliveredSeqs.bob ?? 0;
      const first = await alice.sendMessage('alice-bob', { text: 'are you there?' });
      expect(bobDelivered()).toBeLessThan(first.seq);
      await vi.waitFor(() => expect(bobDelivered()).toBe(first.seq));
      expect(bob.store.getState().history['alice-bob']).toBeUndefined(); // never opened
      expect(server.conversation('alice-bob')!.readSeqs.bob).toBeLessThan(first.seq);

      bob.disconnect();
      const second = await alice.sendMessage('alice-bob', { text: 'hello?' });
      // Stored, and no client of Bob's is connected to have it: the server says so, and so does
      // Alice's client once it has re-read the list (which carries everyone's positions).
      expect(server.conversation('alice-bob')!.deliveredSeqs.bob).toBe(first.seq);
      await alice.loadConversations();
      expect(bobDelivered()).toBe(first.seq);

      const bobAgain = await connect('bob');
      await vi.waitFor(() => expect(bobDelivered()).toBe(second.seq));
      bobAgain.markRead('alice-bob');
      await vi.waitFor(() => expect(alice.store.getState().conversations['alice-bob']!.readSeqs.bob).toBe(second.seq));
    } finally {
      server.dispose();
    }
  });
});
