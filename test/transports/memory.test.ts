import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../src/core/protocol';
import { TransportError } from '../../src/core/transport';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { online, send, settle, watch } from './helpers';

describe('memory transport', () => {
  let server: MockChatServer;
  beforeEach(() => {
    vi.useFakeTimers();
    server = createMockServer({ seed: 'transport-tests', botDelayMs: 100 });
  });
  afterEach(() => {
    server.dispose();
    vi.useRealTimers();
  });

  describe('delivery', () => {
    it('connects (connecting → connected) and answers requests with acks', async () => {
      const alice = watch(server.connect({ userId: 'alice', token: 'alice-token' }));
      expect(alice.transport.status).toEqual({ state: 'disconnected', willRetry: false });
      alice.transport.connect();
      alice.transport.connect(); // idempotent
      expect(alice.transport.status).toEqual({ state: 'connecting' });
      await settle();
      expect(alice.statuses).toEqual([{ state: 'connecting' }, { state: 'connected' }]);
      const ack = (await alice.transport.request('conversations:list', {}, 1000)) as { ok: boolean; conversations: unknown[] };
      expect(ack.ok).toBe(true);
      expect(ack.conversations.length).toBeGreaterThan(5);
    });

    it('delivers asynchronously: nothing arrives during the call that caused it', async () => {
      const alice = await online(server, 'alice');
      const bob = await online(server, 'bob');
      const ackPromise = send(alice.transport, 'general', 'c1', 'hello');
      expect(bob.of('message:new')).toEqual([]);
      const ack = await ackPromise;
      await settle();
      expect(bob.of('message:new')).toEqual([ack.message]);
      expect(alice.of('message:new')).toEqual([ack.message]); // the sender's sessions too
    });

    it('deep-copies frames both ways (JSON): client and server never share objects', async () => {
      const alice = await online(server, 'alice');
      const bob = await online(server, 'bob');
      const payload = { conversationId: 'general', clientId: 'iso', text: 'original' };
      const ackPromise = alice.transport.request('message:send', payload, 1000);
      payload.text = 'mutated after sending';
      const ack = (await ackPromise) as { message: Message };
      expect(ack.message.text).toBe('original');
      ack.message.text = 'mutated ack';
      await settle();
      const pushed = bob.of('message:new')[0] as Message;
      pushed.attachments.push({ id: 'x', url: 'https://x', name: 'x', size: 1, mimeType: 'x' });
      const stored = server.messages('general').at(-1)!;
      expect(stored.text).toBe('original');
      expect(stored.attachments).toEqual([]);
      expect(alice.of('message:new')[0]).not.toBe(pushed);
    });

    it('applies latency to each direction and keeps order under jitter', async () => {
      server.setNetwork({ latencyMs: 100, jitterMs: 50 });
      const alice = watch(server.connect({ userId: 'alice', token: 'alice-token' }));
      alice.transport.connect();
      await vi.advanceTimersByTimeAsync(150);
      expect(alice.transport.status.state).toBe('connected');
      const bob = await (async () => {
        const b = watch(server.connect({ userId: 'bob', token: 'bob-token' }));
        b.transport.connect();
        await vi.advanceTimersByTimeAsync(150);
        return b;
      })();
      let acked = false;
      void send(alice.transport, 'general', 'lat', 'slow').then(() => (acked = true));
      await vi.advanceTimersByTimeAsync(199);
      expect(acked).toBe(false);
      await vi.advanceTimersByTimeAsync(101);
      expect(acked).toBe(true);
      for (let i = 0; i < 20; i++) server.postMessage('general', { authorId: 'carol', text: `n${i}` });
      await vi.advanceTimersByTimeAsync(200);
      const texts = (bob.of('message:new') as Message[]).map((m) => m.text);
      expect(texts.slice(-20)).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`));
    });
  });

  describe('faults', () => {
    it('a dropped request is never answered: the promise rejects with a timeout', async () => {
      const alice = await online(server, 'alice');
      const before = server.messages('general').length;
      server.setNetwork({ dropRate: 1 });
      const result = send(alice.transport, 'general', 'lost', 'into the void').catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(5_000);
      const error = await result;
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).code).toBe('timeout');
      expect(server.messages('general')).toHaveLength(before);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('a dropped ack also times out, and resending the same clientId returns the stored message', async () => {
      server.setNetwork({ latencyMs: 50 });
      const alice = watch(server.connect({ userId: 'alice', token: 'alice-token' }));
      alice.transport.connect();
      await vi.advanceTimersByTimeAsync(50);
      const first = send(alice.transport, 'general', 'ack-lost', 'stored once').catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(49);
      server.setNetwork({ dropRate: 1 }); // the request is on its way; its ack will be lost
      await vi.advanceTimersByTimeAsync(5_000);
      expect(((await first) as TransportError).code).toBe('timeout');
      const stored = server.messages('general').filter((m) => m.clientId === 'ack-lost');
      expect(stored).toHaveLength(1);
      server.setNetwork({ dropRate: 0 });
      const retry = send(alice.transport, 'general', 'ack-lost', 'stored once');
      await vi.advanceTimersByTimeAsync(100);
      expect((await retry).message).toEqual(stored[0]);
      expect(server.messages('general').filter((m) => m.clientId === 'ack-lost')).toHaveLength(1);
    });

    it('duplicates frames: a listener sees the event twice, the request resolves once', async () => {
      const alice = await online(server, 'alice');
      const bob = await online(server, 'bob');
      server.setNetwork({ duplicateRate: 1 });
      const ack = await send(alice.transport, 'general', 'dup', 'twice');
      await settle();
      expect(bob.of('message:new')).toEqual([ack.message, ack.message]);
      // The request itself was duplicated too; idempotency kept a single copy.
      expect(server.messages('general').filter((m) => m.clientId === 'dup')).toHaveLength(1);
    });

    it('reorders: a held-back frame is overtaken by later ones', async () => {
      const bob = await online(server, 'bob');
      server.setNetwork({ reorderRate: 1 });
      server.postMessage('general', { authorId: 'carol', text: 'first' });
      server.setNetwork({ reorderRate: 0 });
      server.postMessage('general', { authorId: 'carol', text: 'second' });
      await vi.advanceTimersByTimeAsync(1_000);
      expect((bob.of('message:new') as Message[]).map((m) => m.text)).toEqual(['second', 'first']);
    });

    it('replays the same fault pattern for the same seed', async () => {
      async function run(): Promise<string[]> {
        const s = createMockServer({ seed: 'replay', network: { dropRate: 0.3, duplicateRate: 0.2, reorderRate: 0.2, latencyMs: 5, jitterMs: 5 } });
        const bob = watch(s.connect({ userId: 'bob', token: 'bob-token' }));
        bob.transport.connect();
        await vi.advanceTimersByTimeAsync(20);
        for (let i = 0; i < 40; i++) s.postMessage('general', { authorId: 'carol', text: `m${i}`, createdAt: 1 });
        await vi.advanceTimersByTimeAsync(2_000);
        s.dispose();
        return (bob.of('message:new') as Message[]).map((m) => m.text);
      }
      const a = await run();
      const b = await run();
      expect(a).toEqual(b);
      expect(a.length).toBeGreaterThan(10);
      expect(a).not.toEqual(Array.from({ length: 40 }, (_, i) => `m${i}`));
    });
  });

  it('works on real timers too (zero latency is a microtask, not a timer)', async () => {
    vi.useRealTimers();
    const real = createMockServer();
    const alice = watch(real.connect({ userId: 'alice', token: 'alice-token' }));
    const bob = watch(real.connect({ userId: 'bob', token: 'bob-token' }));
    alice.transport.connect();
    bob.transport.connect();
    await Promise.resolve();
    expect(alice.transport.status).toEqual({ state: 'connected' });
    const ack = await send(alice.transport, 'alice-bob', 'rt', 'real timers');
    await Promise.resolve();
    expect(bob.of('message:new')).toEqual([ack.message]);
    real.dispose();
  });
});
