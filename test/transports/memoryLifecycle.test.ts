import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../src/core/protocol';
import { TransportError } from '../../src/core/transport';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { online, send, settle, watch } from './helpers';

describe('memory transport: connection lifecycle', () => {
  let server: MockChatServer;
  beforeEach(() => {
    vi.useFakeTimers();
    server = createMockServer({ seed: 'transport-tests', botDelayMs: 100 });
  });
  afterEach(() => {
    server.dispose();
    vi.useRealTimers();
  });

  it('setOnline(false) cuts the user; retries fail with growing backoff until setOnline(true)', async () => {
    const alice = await online(server, 'alice');
    const inFlight = alice.transport.request('conversations:list', {}, 1000).catch((e: unknown) => e);
    server.setOnline('alice', false);
    expect(((await inFlight) as TransportError).code).toBe('disconnected');
    const status = alice.transport.status;
    expect(status).toMatchObject({ state: 'disconnected', willRetry: true });
    expect(status.state === 'disconnected' && status.nextRetryAt).toBeGreaterThan(Date.now());
    await expect(alice.transport.request('conversations:list', {}, 1000)).rejects.toMatchObject({ code: 'disconnected' });

    await vi.advanceTimersByTimeAsync(20_000);
    const retries = alice.statuses.filter((s) => s.state === 'disconnected' && s.willRetry);
    expect(retries.length).toBeGreaterThanOrEqual(4);
    const waits = retries.map((s) => (s.state === 'disconnected' ? (s.nextRetryAt ?? 0) : 0));
    const gaps = waits.slice(1).map((w, i) => w - waits[i]!);
    expect(gaps[gaps.length - 1]).toBeGreaterThan(gaps[0]!); // backing off
    expect(Math.max(...gaps)).toBeLessThanOrEqual(5_000 + 1);
    expect(alice.transport.status.state).toBe('disconnected');

    server.setOnline('alice', true);
    alice.transport.reconnectNow();
    await settle();
    expect(alice.transport.status).toEqual({ state: 'connected' });
    expect(server.isConnected('alice')).toBe(true);
  });

  it('after setOnline(true) the next automatic attempt succeeds', async () => {
    const alice = await online(server, 'alice');
    server.setOnline('alice', false);
    server.setOnline('alice', true);
    await vi.advanceTimersByTimeAsync(300);
    expect(alice.transport.status).toEqual({ state: 'connected' });
  });

  it('reconnects by itself shortly after restart(), with the data kept', async () => {
    const alice = await online(server, 'alice');
    const ack = await send(alice.transport, 'general', 'kept', 'survives restarts');
    server.restart();
    expect(alice.transport.status).toMatchObject({ state: 'disconnected', willRetry: true });
    await vi.advanceTimersByTimeAsync(300);
    expect(alice.transport.status).toEqual({ state: 'connected' });
    const page = (await alice.transport.request(
      'messages:since',
      { conversationId: 'general', afterSeq: ack.message.seq - 1 },
      1000,
    )) as { messages: Message[] };
    expect(page.messages[0]).toEqual(ack.message);
  });

  it('a bad token ends in unauthorized, without retries or timers', async () => {
    const mallory = watch(server.connect({ userId: 'alice', token: 'wrong' }));
    mallory.transport.connect();
    await settle();
    expect(mallory.transport.status).toEqual({
      state: 'disconnected',
      willRetry: false,
      error: { code: 'unauthorized', message: 'Invalid token for user "alice"' },
    });
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(mallory.statuses).toHaveLength(2);
  });

  it('disconnect() rejects pending requests, stops retries and leaves no timers', async () => {
    server.setNetwork({ latencyMs: 30 });
    const alice = watch(server.connect({ userId: 'alice', token: 'alice-token' }));
    alice.transport.connect();
    await vi.advanceTimersByTimeAsync(30);
    const pending = alice.transport.request('conversations:list', {}, 10_000).catch((e: unknown) => e);
    server.postMessage('general', { authorId: 'bob', text: 'in flight' });
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    alice.transport.disconnect();
    expect(((await pending) as TransportError).code).toBe('disconnected');
    expect(alice.transport.status).toEqual({ state: 'disconnected', willRetry: false });
    expect(vi.getTimerCount()).toBe(0);
    expect(server.isConnected('alice')).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(alice.of('message:new')).toEqual([]);
    await expect(alice.transport.request('conversations:list', {}, 1000)).rejects.toMatchObject({ code: 'disconnected' });
    // connect() again starts over.
    alice.transport.connect();
    await vi.advanceTimersByTimeAsync(30);
    expect(alice.transport.status).toEqual({ state: 'connected' });
  });

  it('disconnect() while retrying cancels the retry timer', async () => {
    const alice = await online(server, 'alice');
    server.setOnline('alice', false);
    expect(vi.getTimerCount()).toBe(1);
    alice.transport.disconnect();
    expect(vi.getTimerCount()).toBe(0);
    expect(alice.transport.status).toEqual({ state: 'disconnected', willRetry: false });
  });

  it('dispose() ends every transport for good, leaving no timers', async () => {
    const alice = await online(server, 'alice');
    const bob = await online(server, 'bob');
    server.setNetwork({ latencyMs: 100 });
    void alice.transport.request('conversations:list', {}, 10_000).catch(() => {});
    server.dispose();
    for (const t of [alice, bob]) expect(t.transport.status).toMatchObject({ state: 'disconnected', willRetry: false });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('unsubscribes listeners', async () => {
    const transport = server.connect({ userId: 'alice', token: 'alice-token' });
    const seen: string[] = [];
    const off = transport.onStatus((s) => seen.push(s.state));
    transport.connect();
    off();
    await settle();
    expect(seen).toEqual(['connecting']);
  });
});
