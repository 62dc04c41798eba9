import { describe, expect, it } from 'vitest';
import { newServer, ok, record } from './helpers';

describe('addMessages (bulk history)', () => {
  // 100 000 messages built and stored: ~0.5 s idle, ~3 s with both cores busy; the limit leaves a wide margin.
  it('adds 100 000 messages in well under a second, without pushing them', { timeout: 30_000 }, () => {
    const server = newServer();
    const bob = record(server, 'bob');
    const start = server.conversation('general')!.lastSeq;
    const base = Date.UTC(2024, 0, 1);
    const batch = Array.from({ length: 100_000 }, (_, i) => ({
      authorId: i % 2 ? 'bob' : 'carol',
      text: `history ${i}`,
      createdAt: base + i * 1000,
    }));
    const { firstSeq, lastSeq } = server.addMessages('general', batch);
    expect(firstSeq).toBe(start + 1);
    expect(lastSeq).toBe(start + 100_000);
    const conversation = server.conversation('general')!;
    expect(conversation.lastSeq).toBe(lastSeq);
    expect(conversation.lastMessage).toMatchObject({ seq: lastSeq, text: 'history 99999', authorId: 'bob' });
    expect(bob.of('message:new')).toEqual([]);
    const page = ok(bob.request('messages:before', { conversationId: 'general', beforeSeq: Number.MAX_SAFE_INTEGER, limit: 2 }));
    expect(page.messages.map((m) => m.text)).toEqual(['history 99998', 'history 99999']);
    expect(server.messages('general')).toHaveLength(lastSeq);
  });

  it('refuses an unknown conversation', () => {
    expect(() => newServer().addMessages('nope', [])).toThrow(/Unknown conversation "nope"/);
  });
});

describe('postMessage and setTyping (simulating other users)', () => {
  it('posts as a member with a broadcast to all member sessions', () => {
    const server = newServer({ now: () => 2_000_000_000_000 });
    const alice = record(server, 'alice');
    const message = server.postMessage('general', { authorId: 'carol', text: 'Hello from Carol' });
    expect(message).toMatchObject({ authorId: 'carol', text: 'Hello from Carol', createdAt: 2_000_000_000_000 });
    expect(alice.of('message:new')).toEqual([message]);
    expect(() => server.postMessage('bob-carol', { authorId: 'alice', text: 'x' })).toThrow(/not a member/);
  });

  it('setTyping pushes to the other members', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    server.setTyping('alice-bob', 'bob', true);
    server.setTyping('alice-bob', 'bob', false);
    expect(alice.of('typing')).toEqual([
      { conversationId: 'alice-bob', userId: 'bob', isTyping: true },
      { conversationId: 'alice-bob', userId: 'bob', isTyping: false },
    ]);
  });

  it('clamps network settings and ignores junk', () => {
    const server = newServer({ network: { latencyMs: 20 } });
    expect(server.network.latencyMs).toBe(20);
    server.setNetwork({ dropRate: 7, jitterMs: -3, duplicateRate: Number.NaN });
    expect(server.network).toEqual({ latencyMs: 20, jitterMs: 0, dropRate: 1, duplicateRate: 0, reorderRate: 0 });
  });
});
