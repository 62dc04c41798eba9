/**
 * What a client holds of each conversation it is a member of: messages pushed
 * after connect() whether or not anything opened the conversation, merged
 * exactly once with the history that opening pages in; and `loadOlder` that
 * resolves only once its page is in the store.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChatClient, type ChatClient } from '../../src/core/client';
import type { ChatError } from '../../src/core/errors';
import { createMemoryOutbox } from '../../src/core/outbox';
import { createMockServer, type MockChatServer } from '../../src/mock-server';
import { conversation, message, ScriptedTransport, simpleServer } from './scriptedTransport';

const WAIT = { timeout: 5_000, interval: 5 };

let server: MockChatServer | undefined;
const clients: ChatClient[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
  server?.dispose();
  server = undefined;
});

async function connectAs(srv: MockChatServer, userId: string, pageSize?: number): Promise<{ client: ChatClient; errors: ChatError[] }> {
  const client = createChatClient({
    transport: srv.connect({ userId, token: `${userId}-token` }),
    userId,
    outbox: createMemoryOutbox(),
    ...(pageSize ? { pageSize } : {}),
  });
  clients.push(client);
  const errors: ChatError[] = [];
  client.on('error', (e) => errors.push(e));
  await client.connect();
  return { client, errors };
}

const ids = (c: ChatClient, conversationId: string) => c.getMessages(conversationId).map((m) => m.id);

describe('pushes for every member conversation, from connect() on', () => {
  it('a client that never opens general (a bot) sees another member’s message there', async () => {
    server = createMockServer({ seed: 'demo', botDelayMs: 50 });
    const { client: bot, errors } = await connectAs(server, 'alice');
    const { client: bob } = await connectAs(server, 'bob');
    expect(bot.getMessages('general')).toEqual([]);

    const sent = await bob.sendMessage('general', { text: 'anyone around?' });

    await vi.waitFor(() => expect(ids(bot, 'general')).toEqual([sent.id]), WAIT);
    expect(bot.getMessages('general')[0]).toMatchObject({ text: 'anyone around?', authorId: 'bob', status: 'sent' });
    // Nothing paged in: the history before connect() is not there, and nothing asked for it.
    expect(bot.store.getState().history.general).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('opening later merges the latest page with what pushes brought: every message once, in seq order', async () => {
    server = createMockServer({ seed: 'empty' });
    server.addMessages('general', Array.from({ length: 12 }, (_, i) => ({ authorId: 'carol', text: `old ${i + 1}`, createdAt: i + 1 })));
    const { client: alice, errors } = await connectAs(server, 'alice', 5);
    for (let i = 1; i <= 7; i++) server.postMessage('general', { authorId: 'bob', text: `live ${i}` });
    const log = server.messages('general').map((m) => m.id);
    await vi.waitFor(() => expect(ids(alice, 'general')).toEqual(log.slice(12)), WAIT);

    // More pushes arrived than a page holds: the page (the newest 5) lies inside the tail.
    await alice.openConversation('general');
    expect(ids(alice, 'general')).toEqual(log.slice(12));
    while (await alice.loadOlder('general'));
    expect(ids(alice, 'general')).toEqual(log);
    expect(errors).toEqual([]);
  });

  it('fills a gap in an unopened conversation’s pushes with messages:since', async () => {
    const log = [message(1), message(2), message(3), message(4)];
    const transport = new ScriptedTransport(simpleServer(log.slice(0, 2)));
    const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox() });
    clients.push(client);
    await client.connect();
    (transport as unknown as { handler: unknown }).handler = simpleServer(log);

    transport.push('message:new', message(4)); // 3 was lost on the way

    await vi.waitFor(() => expect(client.getMessages('general').map((m) => m.seq)).toEqual([3, 4]), WAIT);
    expect(transport.sent.filter((s) => s.event === 'messages:since').map((s) => s.payload)).toEqual([
      { conversationId: 'general', afterSeq: 2, limit: 50 },
    ]);
    expect(transport.sent.some((s) => s.event === 'messages:before')).toBe(false);
  });

  it('keeps pushes of a conversation joined after connect()', async () => {
    server = createMockServer({ seed: 'demo', botDelayMs: 50 });
    const { client: alice } = await connectAs(server, 'alice');
    server.createConversation({ id: 'ops', kind: 'group', title: 'Ops', memberIds: ['alice', 'bob'] });
    await vi.waitFor(() => expect(alice.store.getState().conversations.ops).toBeDefined(), WAIT);

    const posted = server.postMessage('ops', { authorId: 'bob', text: 'welcome, Alice' });

    await vi.waitFor(() => expect(ids(alice, 'ops')).toEqual([posted.id]), WAIT);
  });

  it('counts unread from the server when the loaded messages start above the read position', async () => {
    server = createMockServer({ seed: 'empty' });
    server.addMessages('general', Array.from({ length: 5 }, (_, i) => ({ authorId: 'bob', text: `m${i + 1}`, createdAt: i + 1 })));
    const { client: alice } = await connectAs(server, 'alice');
    server.postMessage('general', { authorId: 'bob', text: 'm6' });
    await vi.waitFor(() => expect(alice.store.getState().conversations.general!.unreadCount).toBe(6), WAIT);

    alice.markRead('general', 3);

    // 4, 5 and 6 are unread, though only 6 is in the timeline.
    expect(alice.store.getState().conversations.general!.unreadCount).toBe(3);
  });
});

describe('loadOlder', () => {
  it('a second call while a page is on its way resolves once that page is in the store', async () => {
    const log = Array.from({ length: 6 }, (_, i) => message(i + 1));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transport = new ScriptedTransport(async (event, payload) => {
      const p = payload as { beforeSeq?: number; limit?: number };
      if (event === 'conversations:list') return { ok: true, conversations: [conversation('general', { lastSeq: 6 })], users: [] };
      if (event !== 'messages:before') return { ok: true, messages: [], hasMore: false };
      const older = log.filter((m) => m.seq < p.beforeSeq!);
      const page = older.slice(-p.limit!);
      if (p.beforeSeq !== Number.MAX_SAFE_INTEGER) await held;
      return { ok: true, messages: page, hasMore: page[0]!.seq > 1 };
    });
    const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox(), pageSize: 3 });
    clients.push(client);
    await client.connect();
    await client.openConversation('general');
    expect(client.getMessages('general').map((m) => m.seq)).toEqual([4, 5, 6]);

    const first = client.loadOlder('general');
    const second = client.loadOlder('general');
    let secondSaw: (number | null)[] | undefined;
    void second.then(() => (secondSaw = client.getMessages('general').map((m) => m.seq)));
    release();

    await expect(second).resolves.toBe(true);
    await expect(first).resolves.toBe(true);
    expect(secondSaw).toEqual([1, 2, 3, 4, 5, 6]);
    // One page, asked for once.
    expect(transport.sent.filter((s) => s.event === 'messages:before')).toHaveLength(2);
  });
});
