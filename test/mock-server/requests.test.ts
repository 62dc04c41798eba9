import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/protocol';
import { errorCode, newServer, ok, record } from './helpers';

describe('authentication', () => {
  it('refuses a wrong token or an unknown user with a clear unauthorized error', () => {
    const server = newServer();
    const callbacks = { deliver: () => {}, drop: () => {} };
    expect(server.attach({ userId: 'alice', token: 'bob-token' }, callbacks)).toEqual({
      ok: false,
      retry: false,
      error: { code: 'unauthorized', message: 'Invalid token for user "alice"' },
    });
    const unknown = server.attach({ userId: 'mallory', token: 'mallory-token' }, callbacks);
    expect(unknown.ok ? null : unknown.error).toEqual({ code: 'unauthorized', message: 'Invalid token for user "mallory"' });
    // The bot posts through the server only.
    expect(server.attach({ userId: 'parley-bot', token: 'parley-bot-token' }, callbacks).ok).toBe(false);
    expect(server.isConnected('alice')).toBe(false);
  });

  it('derives the user from the token alone (socket.io handshakes carry only the token)', () => {
    const server = newServer();
    expect(server.authenticate({ token: 'carol-token' })).toEqual({ ok: true, userId: 'carol' });
    expect(server.authenticate({ token: 'nope' }).ok).toBe(false);
    expect(server.authenticate({ token: 42 }).ok).toBe(false);
    expect(server.authenticate({ token: 'carol-token', userId: 'bob' }).ok).toBe(false);
  });
});

describe('membership', () => {
  it('keeps alice out of bob-carol on every event', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const bob = record(server, 'bob');
    const [theirMessage] = server.messages('bob-carol').filter((m) => m.deletedAt === undefined);
    const attempts: [string, unknown][] = [
      ['message:send', { conversationId: 'bob-carol', clientId: 'c1', text: 'hi' }],
      ['messages:before', { conversationId: 'bob-carol', beforeSeq: 1e9, limit: 10 }],
      ['messages:since', { conversationId: 'bob-carol', afterSeq: 0 }],
      ['typing', { conversationId: 'bob-carol', isTyping: true }],
      ['read', { conversationId: 'bob-carol', seq: 1 }],
      ['delivered', { conversationId: 'bob-carol', seq: 1 }],
      ['reaction:add', { id: theirMessage!.id, emoji: '👍' }],
      ['message:edit', { id: theirMessage!.id, text: 'x' }],
      ['message:delete', { id: theirMessage!.id }],
    ];
    for (const [event, payload] of attempts) expect(errorCode(alice.raw(event, payload)), event).toBe('not_found');
    expect(bob.events).toEqual([expect.objectContaining({ event: 'presence' })]);
    expect(server.messages('bob-carol')).toEqual(newServer().messages('bob-carol'));
  });

  it('answers not_found for unknown conversations and messages', () => {
    const alice = record(newServer(), 'alice');
    expect(errorCode(alice.request('messages:since', { conversationId: 'nope', afterSeq: 0 }))).toBe('not_found');
    expect(errorCode(alice.request('message:edit', { id: 'm_general_999999', text: 'x' }))).toBe('not_found');
    expect(errorCode(alice.request('message:delete', { id: 'garbage' }))).toBe('not_found');
    expect(errorCode(alice.request('reaction:add', { id: 'm_nope_1', emoji: '👍' }))).toBe('not_found');
  });
});

describe('message:send', () => {
  it('takes the author from the session, never from the payload', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const ack = ok(alice.request('message:send', { conversationId: 'general', clientId: 'c-1', text: 'hi', authorId: 'bob' }));
    expect(ack.message.authorId).toBe('alice');
    expect(server.messages('general').at(-1)?.authorId).toBe('alice');
  });

  it('is idempotent on clientId: a resend returns the first message and pushes nothing new', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const bob = record(server, 'bob');
    const payload = { conversationId: 'general', clientId: 'same', text: 'once' };
    const first = ok(alice.request('message:send', payload));
    const second = ok(alice.request('message:send', { ...payload, text: 'twice?' }));
    expect(second.message).toEqual(first.message);
    expect(server.messages('general').filter((m) => m.clientId === 'same')).toHaveLength(1);
    expect(bob.of('message:new')).toEqual([first.message]);
    // Another author may happen to use the same clientId: that is a different message.
    const bobs = ok(bob.request('message:send', payload));
    expect(bobs.message.id).not.toBe(first.message.id);
  });

  it('assigns gap-free seqs, ids, createdAt from now(), and broadcasts to every member session', () => {
    let clock = 1_800_000_000_000;
    const server = newServer({ now: () => clock });
    const alice = record(server, 'alice');
    const aliceTab2 = record(server, 'alice');
    const erin = record(server, 'erin');
    const outsider = record(server, 'bob'); // not in design
    const start = server.conversation('design')!.lastSeq;
    const sent: Message[] = [];
    for (let i = 0; i < 20; i++) {
      clock += 1000;
      sent.push(ok(alice.request('message:send', { conversationId: 'design', clientId: `c${i}`, text: `n${i}` })).message);
    }
    expect(sent.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => start + 1 + i));
    expect(new Set(sent.map((m) => m.id)).size).toBe(20);
    expect(sent[0]).toMatchObject({ createdAt: 1_800_000_001_000, attachments: [], conversationId: 'design' });
    for (const who of [alice, aliceTab2, erin]) expect(who.of('message:new')).toEqual(sent);
    expect(outsider.of('message:new')).toEqual([]);
    const conversation = server.conversation('design')!;
    expect(conversation.lastSeq).toBe(start + 20);
    expect(conversation.lastMessage).toEqual(sent[19]);
    expect(conversation.updatedAt).toBe(clock);
    expect(server.conversations('alice')[0]?.id).toBe('design');
  });

  it('refuses empty messages and keeps attachments', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    expect(errorCode(alice.request('message:send', { conversationId: 'general', clientId: 'e', text: '  ' }))).toBe('invalid_payload');
    const attachment = { id: 'a1', url: 'https://example.com/a.png', name: 'a.png', size: 10, mimeType: 'image/png', width: 4, height: 3 };
    server.registerUpload({ uploaderId: 'alice', conversationId: 'general', attachment });
    const ack = ok(alice.request('message:send', { conversationId: 'general', clientId: 'f', text: '', attachments: [{ id: 'a1' }] }));
    expect(ack.message.attachments).toEqual([attachment]);
  });
});

describe('paging', () => {
  it('messages:before returns the page below beforeSeq in ascending order with hasMore', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const last = server.conversation('general')!.lastSeq;
    const latest = ok(alice.request('messages:before', { conversationId: 'general', beforeSeq: Number.MAX_SAFE_INTEGER, limit: 10 }));
    expect(latest.messages.map((m) => m.seq)).toEqual(Array.from({ length: 10 }, (_, i) => last - 9 + i));
    expect(latest.hasMore).toBe(true);
    const oldest = ok(alice.request('messages:before', { conversationId: 'general', beforeSeq: 4, limit: 10 }));
    expect(oldest.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(oldest.hasMore).toBe(false);
    const exact = ok(alice.request('messages:before', { conversationId: 'general', beforeSeq: 11, limit: 10 }));
    expect(exact.hasMore).toBe(false);
    const none = ok(alice.request('messages:before', { conversationId: 'general', beforeSeq: 1, limit: 10 }));
    expect(none).toEqual({ ok: true, messages: [], hasMore: false });
    const empty = ok(alice.request('messages:before', { conversationId: 'alice-frank', beforeSeq: 1e9, limit: 10 }));
    expect(empty).toEqual({ ok: true, messages: [], hasMore: false });
  });

  it('messages:since returns newer messages with hasMore, and clamps the page size', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const last = server.conversation('general')!.lastSeq;
    const some = ok(alice.request('messages:since', { conversationId: 'general', afterSeq: last - 5, limit: 3 }));
    expect(some.messages.map((m) => m.seq)).toEqual([last - 4, last - 3, last - 2]);
    expect(some.hasMore).toBe(true);
    const rest = ok(alice.request('messages:since', { conversationId: 'general', afterSeq: last - 2 }));
    expect(rest.messages.map((m) => m.seq)).toEqual([last - 1, last]);
    expect(rest.hasMore).toBe(false);
    const huge = ok(alice.request('messages:since', { conversationId: 'archive', afterSeq: 0, limit: 1e6 }));
    expect(huge.messages).toHaveLength(200);
    expect(huge.hasMore).toBe(true);
    const huge2 = ok(alice.request('messages:before', { conversationId: 'archive', beforeSeq: 1e9, limit: 1e6 }));
    expect(huge2.messages).toHaveLength(200);
  });
});

describe('edit and delete', () => {
  function setup() {
    const server = newServer({ now: () => 1_900_000_000_000 });
    const alice = record(server, 'alice');
    const bob = record(server, 'bob');
    const mine = ok(alice.request('message:send', { conversationId: 'alice-bob', clientId: 'e1', text: 'typo' })).message;
    const theirs = ok(bob.request('message:send', { conversationId: 'alice-bob', clientId: 'e2', text: 'bob says' })).message;
    return { server, alice, bob, mine, theirs };
  }

  it('edits own messages only and pushes message:updated', () => {
    const { server, alice, bob, mine, theirs } = setup();
    const edited = ok(alice.request('message:edit', { id: mine.id, text: 'fixed' })).message;
    expect(edited).toMatchObject({ id: mine.id, seq: mine.seq, text: 'fixed', editedAt: 1_900_000_000_000 });
    expect(bob.of('message:updated')).toEqual([edited]);
    expect(alice.of('message:updated')).toEqual([edited]);
    expect(errorCode(alice.request('message:edit', { id: theirs.id, text: 'hacked' }))).toBe('forbidden');
    expect(server.messages('alice-bob').find((m) => m.id === theirs.id)?.text).toBe('bob says');
    const system = server.messages('general').find((m) => m.kind === 'system' && m.authorId === 'alice')!;
    expect(errorCode(alice.request('message:edit', { id: system.id, text: 'x' }))).toBe('forbidden');
  });

  it('deletes own messages only, leaving a tombstone with the same seq', () => {
    const { server, alice, bob, mine, theirs } = setup();
    ok(alice.request('reaction:add', { id: mine.id, emoji: '👍' }));
    const tombstone = ok(alice.request('message:delete', { id: mine.id })).message;
    expect(tombstone).toMatchObject({ id: mine.id, seq: mine.seq, text: '', attachments: [], deletedAt: 1_900_000_000_000, reactions: {} });
    expect(bob.of('message:updated').at(-1)).toEqual(tombstone);
    expect(server.messages('alice-bob').find((m) => m.id === mine.id)).toEqual(tombstone);
    expect(errorCode(alice.request('message:delete', { id: theirs.id }))).toBe('forbidden');
    expect(errorCode(alice.request('message:edit', { id: mine.id, text: 'back' }))).toBe('forbidden');
    expect(errorCode(alice.request('reaction:add', { id: mine.id, emoji: '👍' }))).toBe('forbidden');
    // Deleting twice is harmless and pushes nothing more.
    const updates = bob.of('message:updated').length;
    expect(ok(alice.request('message:delete', { id: mine.id })).message).toEqual(tombstone);
    expect(bob.of('message:updated')).toHaveLength(updates);
  });
});

describe('reactions', () => {
  it('keeps Record<emoji, userId[]> without duplicates and drops empty keys', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const bob = record(server, 'bob');
    const { id } = ok(alice.request('message:send', { conversationId: 'alice-bob', clientId: 'r', text: 'react to me' })).message;
    ok(alice.request('reaction:add', { id, emoji: '👍' }));
    ok(alice.request('reaction:add', { id, emoji: '👍' }));
    const both = ok(bob.request('reaction:add', { id, emoji: '👍' })).message;
    expect(both.reactions).toEqual({ '👍': ['alice', 'bob'] });
    ok(bob.request('reaction:add', { id, emoji: '🎉' }));
    ok(alice.request('reaction:remove', { id, emoji: '👍' }));
    const after = ok(bob.request('reaction:remove', { id, emoji: '👍' })).message;
    expect(after.reactions).toEqual({ '🎉': ['bob'] });
    ok(alice.request('reaction:remove', { id, emoji: '🎉' })); // not hers: no change
    expect(server.messages('alice-bob').at(-1)?.reactions).toEqual({ '🎉': ['bob'] });
    // 5 real changes were pushed (the no-op add and remove were not).
    expect(bob.of('message:updated')).toHaveLength(5);
  });

  it('treats prototype names as invalid emoji', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const { id } = server.messages('general')[1]!;
    for (const emoji of ['__proto__', 'constructor', 'prototype', '', '   ', 'x'.repeat(33)]) {
      expect(errorCode(alice.request('reaction:add', { id, emoji })), emoji).toBe('invalid_payload');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('read state', () => {
  it('moves the read seq forward only, clamps it, and pushes read to all members', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const bob = record(server, 'bob');
    const last = server.conversation('general')!.lastSeq;
    const unreadOf = () => ok(alice.request('conversations:list')).conversations.find((c) => c.id === 'general')!.unreadCount;
    expect(unreadOf()).toBe(3);
    ok(alice.request('read', { conversationId: 'general', seq: last - 1 }));
    expect(server.conversation('general')!.readSeqs.alice).toBe(last - 1);
    ok(alice.request('read', { conversationId: 'general', seq: 5 })); // backwards: ignored
    expect(server.conversation('general')!.readSeqs.alice).toBe(last - 1);
    ok(alice.request('read', { conversationId: 'general', seq: 1e12 })); // clamped
    expect(server.conversation('general')!.readSeqs.alice).toBe(last);
    expect(unreadOf()).toBe(0);
    expect(bob.of('read')).toEqual([
      { conversationId: 'general', userId: 'alice', seq: last - 1 },
      { conversationId: 'general', userId: 'alice', seq: last },
    ]);
    expect(alice.of('read')).toHaveLength(2);
  });

  it('counts messages from others (and system notices) as unread, not one’s own', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const bob = record(server, 'bob');
    const last = server.conversation('general')!.lastSeq;
    ok(alice.request('read', { conversationId: 'general', seq: last }));
    ok(alice.request('message:send', { conversationId: 'general', clientId: 'own', text: 'mine' }));
    ok(bob.request('message:send', { conversationId: 'general', clientId: 'b1', text: 'one' }));
    ok(bob.request('message:send', { conversationId: 'general', clientId: 'b2', text: 'two' }));
    server.postMessage('general', { authorId: 'alice', text: 'Alice renamed the group', kind: 'system' });
    expect(server.conversation('general', 'alice')?.unreadCount).toBe(3);
    expect(server.conversation('general', 'bob')?.unreadCount).toBeGreaterThanOrEqual(2);
  });
});

describe('delivered state', () => {
  /** alice-bob with one new message from alice that bob has neither received nor read. */
  function withNewMessage() {
    const server = newServer();
    const alice = record(server, 'alice');
    const bob = record(server, 'bob');
    const carol = record(server, 'carol');
    const { message } = ok(alice.request('message:send', { conversationId: 'alice-bob', clientId: 'd1', text: 'did it arrive?' }));
    const deliveredTo = (userId: string) => server.conversation('alice-bob')!.deliveredSeqs[userId];
    return { server, alice, bob, carol, seq: message.seq, deliveredTo };
  }

  it('records delivered, pushes it to every member (the reporter included) and nobody else', () => {
    const { alice, bob, carol, seq, deliveredTo } = withNewMessage();
    expect(deliveredTo('bob')).toBe(seq - 1);
    expect(ok(bob.request('delivered', { conversationId: 'alice-bob', seq }))).toEqual({ ok: true });
    expect(deliveredTo('bob')).toBe(seq);
    const push = { conversationId: 'alice-bob', userId: 'bob', seq };
    expect(alice.of('delivered')).toEqual([push]);
    expect(bob.of('delivered')).toEqual([push]);
    expect(carol.of('delivered')).toEqual([]);
    // The list and conversation:updated carry it.
    const listed = ok(alice.request('conversations:list')).conversations.find((c) => c.id === 'alice-bob')!;
    expect(listed.deliveredSeqs.bob).toBe(seq);
  });

  it('only moves forward, clamps to the last message, and a repeat pushes nothing', () => {
    const { server, alice, bob, seq, deliveredTo } = withNewMessage();
    ok(bob.request('delivered', { conversationId: 'alice-bob', seq: 1e12 })); // clamped
    expect(deliveredTo('bob')).toBe(server.conversation('alice-bob')!.lastSeq);
    expect(deliveredTo('bob')).toBe(seq);
    ok(bob.request('delivered', { conversationId: 'alice-bob', seq: 1 })); // backwards: ignored
    ok(bob.request('delivered', { conversationId: 'alice-bob', seq })); // repeat: idempotent
    expect(deliveredTo('bob')).toBe(seq);
    expect(alice.of('delivered')).toEqual([{ conversationId: 'alice-bob', userId: 'bob', seq }]);
  });

  it('refuses non-members and unknown conversations, changing nothing', () => {
    const { server, alice, carol, deliveredTo } = withNewMessage();
    const before = server.conversation('alice-bob')!.deliveredSeqs;
    expect(errorCode(carol.request('delivered', { conversationId: 'alice-bob', seq: 1e6 }))).toBe('not_found');
    expect(errorCode(carol.request('delivered', { conversationId: 'nope', seq: 1 }))).toBe('not_found');
    expect(server.conversation('alice-bob')!.deliveredSeqs).toEqual(before);
    expect(deliveredTo('carol')).toBeUndefined();
    expect(alice.of('delivered')).toEqual([]);
  });

  it('reading raises delivered (never below read), and a later delivered below it changes nothing', () => {
    const { alice, bob, seq, deliveredTo } = withNewMessage();
    ok(bob.request('read', { conversationId: 'alice-bob', seq }));
    expect(deliveredTo('bob')).toBe(seq);
    ok(bob.request('delivered', { conversationId: 'alice-bob', seq }));
    // The read push stands for delivery; no separate delivered push, before or after.
    expect(alice.of('read')).toEqual([{ conversationId: 'alice-bob', userId: 'bob', seq }]);
    expect(alice.of('delivered')).toEqual([]);
  });

  it('starts every member of the seed at or above their read seq; new members start with everything delivered', () => {
    const server = newServer();
    for (const c of server.conversations()) {
      for (const [userId, read] of Object.entries(c.readSeqs)) expect(c.deliveredSeqs[userId], `${c.id} ${userId}`).toBeGreaterThanOrEqual(read);
    }
    const added = server.addMember('design', 'bob');
    expect(added.deliveredSeqs.bob).toBe(added.lastSeq);
    const removed = server.removeMember('design', 'bob');
    expect(removed.deliveredSeqs).not.toHaveProperty('bob');
  });

  it('the bot has a message at once and reads it when it answers', async () => {
    const { vi } = await import('vitest');
    vi.useFakeTimers();
    try {
      const server = newServer({ botDelayMs: 100 });
      const alice = record(server, 'alice');
      const { message } = ok(alice.request('message:send', { conversationId: 'alice-bot', clientId: 'b', text: 'hello bot' }));
      expect(alice.of('delivered')).toEqual([{ conversationId: 'alice-bot', userId: 'parley-bot', seq: message.seq }]);
      expect(server.conversation('alice-bot')!.readSeqs['parley-bot']).toBeLessThan(message.seq);
      vi.advanceTimersByTime(100);
      expect(alice.of('read')).toEqual([{ conversationId: 'alice-bot', userId: 'parley-bot', seq: message.seq }]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('typing', () => {
  it('pushes typing to the other members only', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const aliceTab2 = record(server, 'alice');
    const bob = record(server, 'bob');
    const carol = record(server, 'carol');
    expect(alice.request('typing', { conversationId: 'alice-bob', isTyping: true })).toEqual({ ok: true });
    expect(bob.of('typing')).toEqual([{ conversationId: 'alice-bob', userId: 'alice', isTyping: true }]);
    expect(alice.of('typing')).toEqual([]);
    expect(aliceTab2.of('typing')).toEqual([]);
    expect(carol.of('typing')).toEqual([]);
  });
});
