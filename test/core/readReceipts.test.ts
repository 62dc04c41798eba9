/**
 * Outbound read positions: a `read` that timed out while the link stayed up is
 * sent again (backing off), a newer position replaces a waiting one, a refusal
 * is reported once, and disconnect() leaves no timers behind.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChatClient, type ChatClient } from '../../src/core/client';
import type { ChatError } from '../../src/core/errors';
import { createMemoryOutbox } from '../../src/core/outbox';
import { TransportError } from '../../src/core/transport';
import { ScriptedTransport, simpleServer, message, type Handler } from './scriptedTransport';

const clients: ChatClient[] = [];
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
  vi.useRealTimers();
});

async function scripted(handler: Handler) {
  const transport = new ScriptedTransport(handler);
  const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox(), syncIntervalMs: 0 });
  clients.push(client);
  const errors: ChatError[] = [];
  client.on('error', (e) => errors.push(e));
  await client.connect();
  const reads = () => transport.sent.filter((s) => s.event === 'read').map((s) => s.payload);
  return { transport, client, errors, reads };
}

const log = [message(1, { authorId: 'bob' }), message(2, { authorId: 'bob' }), message(3, { authorId: 'bob' })];

describe('client: sending read positions', () => {
  it('retries a read that timed out while the link stays up, backing off, until it is acknowledged', async () => {
    let fails = 2;
    const server = simpleServer(log);
    const { client, reads, errors } = await scripted((event, payload) => {
      if (event === 'read' && fails-- > 0) throw new TransportError('timeout', 'No ack');
      return server(event, payload);
    });
    client.markRead('general', 2);
    await vi.advanceTimersByTimeAsync(0);
    expect(reads()).toEqual([{ conversationId: 'general', seq: 2 }]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reads()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(reads()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(reads()).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(reads()).toHaveLength(3);
    expect(errors).toEqual([]);
  });

  it('a newer position replaces one waiting to be retried', async () => {
    let fails = 1;
    const server = simpleServer(log);
    const { client, reads } = await scripted((event, payload) => {
      if (event === 'read' && fails-- > 0) throw new TransportError('timeout', 'No ack');
      return server(event, payload);
    });
    client.markRead('general', 1);
    await vi.advanceTimersByTimeAsync(0);
    client.markRead('general', 3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads()).toEqual([
      { conversationId: 'general', seq: 1 },
      { conversationId: 'general', seq: 3 },
    ]);
  });

  it('reports a refusal once and does not retry it', async () => {
    const server = simpleServer(log);
    const { client, reads, errors } = await scripted((event, payload) =>
      event === 'read' ? { ok: false, error: { code: 'forbidden', message: 'Not a member' } } : server(event, payload),
    );
    client.markRead('general', 2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads()).toHaveLength(1);
    expect(errors.map((e) => e.code)).toEqual(['forbidden']);
  });

  it('disconnect() cancels a waiting retry', async () => {
    const server = simpleServer(log);
    const { client, reads } = await scripted((event, payload) => {
      if (event === 'read') throw new TransportError('timeout', 'No ack');
      return server(event, payload);
    });
    client.markRead('general', 2);
    await vi.advanceTimersByTimeAsync(0);
    client.disconnect();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads()).toHaveLength(1);
  });
});

describe('client: the conversation-list retry after connecting', () => {
  it('stops when the client disconnects, leaving no timer', async () => {
    const transport = new ScriptedTransport(() => {
      throw new TransportError('timeout', 'No ack');
    });
    const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox(), syncIntervalMs: 0 });
    clients.push(client);
    client.on('error', () => undefined);
    await client.connect().catch(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    const listCalls = () => transport.sent.filter((s) => s.event === 'conversations:list').length;
    expect(listCalls()).toBe(1);
    client.disconnect();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(listCalls()).toBe(1);
  });
});
