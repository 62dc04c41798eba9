import { describe, expect, it, vi } from 'vitest';
import { createChatClient } from '../../src/core/client';
import { createMemoryOutbox } from '../../src/core/outbox';
import type { ChatError } from '../../src/core/errors';
import { message, ScriptedTransport, simpleServer } from './scriptedTransport';

async function connected(log = [message(1), message(2)]) {
  const transport = new ScriptedTransport(simpleServer(log));
  const client = createChatClient({ transport, userId: 'alice' });
  const errors: ChatError[] = [];
  client.on('error', (e) => errors.push(e));
  await client.connect();
  await client.openConversation('general');
  return { transport, client, errors, log };
}

describe('client: inbound validation', () => {
  const hostile: [string, unknown][] = [
    ['message:new', null],
    ['message:new', 'a string'],
    ['message:new', { ...message(3), seq: 'three' }],
    ['message:new', { ...message(3), seq: -1 }],
    ['message:new', { ...message(3), seq: 1.5 }],
    ['message:new', { ...message(3), seq: Number.MAX_SAFE_INTEGER + 10 }],
    ['message:new', { ...message(3), text: 'x'.repeat(10_001) }],
    ['message:new', { ...message(3), id: undefined }],
    ['message:new', { ...message(3), conversationId: '__proto__' }],
    ['message:new', { ...message(3), attachments: [{ id: 'a' }] }],
    ['message:new', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['typing', { conversationId: 'general', userId: 'bob' }],
    ['read', { conversationId: 'general', userId: 'bob', seq: 'all' }],
    ['delivered', { conversationId: 'general', userId: 'bob', seq: 'all' }],
    ['delivered', { conversationId: 'general', userId: 'bob', seq: -1 }],
    ['delivered', { conversationId: 'general', userId: 'bob', seq: 2.5 }],
    ['delivered', { conversationId: 'general', userId: '__proto__', seq: 2 }],
    ['delivered', { conversationId: 'general', seq: 2 }],
    ['delivered', null],
    ['conversation:updated', { id: 'general', kind: 'group', title: 'g', memberIds: ['alice'], lastSeq: 0, lastMessage: null, readSeqs: {}, deliveredSeqs: 'all', unreadCount: 0, createdAt: 0, updatedAt: 0 }],
    ['conversation:updated', { id: 'general', kind: 'group', title: 'g', memberIds: ['alice'], lastSeq: 0, lastMessage: null, readSeqs: {}, deliveredSeqs: { bob: -2 }, unreadCount: 0, createdAt: 0, updatedAt: 0 }],
    ['presence', { userId: 'constructor', online: true }],
    ['conversation:updated', { id: 'general' }],
    ['totally:unknown', { hi: 1 }],
  ];

  it.each(hostile)('drops a malformed %s frame, reports it, and leaves the store untouched', async (event, payload) => {
    const { transport, client, errors } = await connected();
    const before = client.store.getState();
    transport.push(event, payload);
    expect(client.store.getState()).toBe(before);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('invalid_payload');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts a valid message and ignores its duplicate', async () => {
    const { transport, client, errors } = await connected();
    transport.push('message:new', message(3));
    transport.push('message:new', message(3));
    expect(client.getMessages('general').map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(errors).toEqual([]);
  });

  it('never stores a __proto__ reaction key', async () => {
    const { transport, client } = await connected();
    transport.push('message:new', { ...message(3), reactions: JSON.parse('{"__proto__": ["bob"], "👍": ["bob"]}') });
    const stored = client.getMessages('general')[2]!;
    expect(Object.keys(stored.reactions ?? {})).toEqual(['👍']);
    expect(Object.getPrototypeOf(stored.reactions)).toBe(Object.prototype);
  });

  it('strips unknown fields instead of storing them', async () => {
    const { transport, client } = await connected();
    transport.push('message:new', { ...message(3), extra: '<script>' });
    expect(client.getMessages('general')[2]).not.toHaveProperty('extra');
  });

  it('fills a gap in seq with messages:since', async () => {
    const log = [message(1), message(2), message(3), message(4), message(5)];
    const { transport, client } = await connected(log.slice(0, 2));
    // The server has 5 messages but the client only heard of the 5th.
    log.forEach(() => undefined);
    const fuller = simpleServer(log);
    (transport as unknown as { handler: typeof fuller }).handler = fuller;
    transport.push('message:new', message(5));
    await vi.waitFor(() => expect(client.getMessages('general').map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]));
    expect(transport.sent.some((s) => s.event === 'messages:since')).toBe(true);
  });

  it('rejects a malformed ack with a clear error instead of storing it', async () => {
    const transport = new ScriptedTransport((event) =>
      event === 'conversations:list' ? { ok: true, conversations: [{ id: 42 }], users: [] } : { ok: true },
    );
    const client = createChatClient({ transport, userId: 'alice' });
    const errors: ChatError[] = [];
    client.on('error', (e) => errors.push(e));
    await expect(client.connect()).rejects.toMatchObject({ code: 'invalid_payload' });
    expect(errors.some((e) => e.code === 'invalid_payload' && /conversations:list/.test(e.message))).toBe(true);
    expect(client.store.getState().conversations).toEqual({});
  });

  it('expires a typing indicator whose typing:false was lost', async () => {
    vi.useFakeTimers();
    try {
      const { transport, client } = await connected();
      transport.push('typing', { conversationId: 'general', userId: 'bob', isTyping: true });
      expect(Object.keys(client.store.getState().typing.general ?? {})).toEqual(['bob']);
      vi.advanceTimersByTime(7_000);
      expect(Object.keys(client.store.getState().typing.general ?? {})).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('client: acks below the loaded window', () => {
  it('clears the sending row even when the acked message sits below the loaded page', async () => {
    const log = [message(1), message(2), message(3), message(4)];
    const transport = new ScriptedTransport((event, payload) => {
      const p = payload as Record<string, number | string>;
      if (event === 'conversations:list') return simpleServer(log)(event, payload);
      if (event === 'messages:before') return { ok: true, messages: log.slice(-2), hasMore: true };
      if (event === 'message:send') {
        // A server that back-fills our message at a low seq (a migration, a merge).
        return { ok: true, message: { ...message(1), id: 'mine', clientId: p.clientId, authorId: 'alice', text: 'late' } };
      }
      return { ok: true, messages: [], hasMore: false };
    });
    const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox() });
    await client.connect();
    await client.openConversation('general');
    await client.sendMessage('general', { text: 'late' });
    expect(client.getMessages('general').filter((m) => m.status !== 'sent')).toEqual([]);
    // Paging back still starts at the window's bottom, so nothing is skipped.
    expect(client.getMessages('general').map((m) => m.seq)).toEqual([3, 4]);
  });
});
