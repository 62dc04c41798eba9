import * as v from '../../src/core/schema';
import { describe, expect, it, vi } from 'vitest';
import * as random from '../../src/mock-server/random';
import { ConversationSchema, LIMITS, MessageSchema, UserSchema } from '../../src/core/protocol';
import { SEED_BASE_DAY } from '../../src/mock-server/seed';
import { newServer, ok, record } from './helpers';

// Counts which seeded messages get generated, to prove the archive is lazy.
vi.mock('../../src/mock-server/random', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/mock-server/random')>();
  return { ...actual, createRandom: vi.fn(actual.createRandom) };
});

const HUMANS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

describe('seed data', () => {
  it('has the users and conversations the public contract names', () => {
    const server = newServer();
    const users = server.users();
    expect(users.filter((u) => !u.isBot).map((u) => u.id)).toEqual(HUMANS);
    expect(users.find((u) => u.isBot)?.id).toBe('parley-bot');
    expect(server.conversation('general')?.memberIds.slice().sort()).toEqual([...HUMANS].sort());
    expect(server.conversation('alice-bob')?.kind).toBe('direct');
    expect(server.conversation('bob-carol')?.memberIds).not.toContain('alice');
    const bot = server.conversation('alice-bot');
    expect(bot?.kind).toBe('bot');
    expect(bot?.memberIds).toEqual(expect.arrayContaining(['alice', 'parley-bot']));
    expect(server.conversations().length).toBeGreaterThanOrEqual(8);
  });

  it('gives every avatar colour AA contrast (4.5:1) with white initials', () => {
    for (const user of newServer().users()) {
      expect(user.color, user.id).toMatch(/^#[0-9a-f]{6}$/i);
      const contrast = 1.05 / (luminance(user.color as string) + 0.05);
      expect(contrast, `${user.id} ${user.color}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('is deterministic: the same seed gives the same data, another seed other texts', () => {
    const a = newServer({ seed: 'demo' });
    const b = newServer({ seed: 'demo' });
    const c = newServer({ seed: 'other' });
    expect(a.messages('general')).toEqual(b.messages('general'));
    expect(a.conversations('alice')).toEqual(b.conversations('alice'));
    expect(a.messages('archive').slice(5000, 5100)).toEqual(b.messages('archive').slice(5000, 5100));
    expect(c.messages('general').map((m) => m.id)).toEqual(a.messages('general').map((m) => m.id));
    expect(c.messages('general').map((m) => m.text)).not.toEqual(a.messages('general').map((m) => m.text));
  });

  it('produces messages, users and conversations that pass the wire schemas', () => {
    const server = newServer();
    for (const user of server.users()) expect(v.safeParse(UserSchema, user).success).toBe(true);
    for (const conversation of server.conversations('alice')) {
      expect(v.safeParse(ConversationSchema, conversation).success, conversation.id).toBe(true);
    }
    for (const { id } of server.conversations()) {
      if (id === 'archive') continue;
      for (const message of server.messages(id)) {
        const parsed = v.safeParse(MessageSchema, message);
        expect(parsed.success, `${message.id}: ${JSON.stringify(parsed.issues?.[0]?.message)}`).toBe(true);
      }
    }
  });

  it('writes varied, realistic history spread over several past days', () => {
    const server = newServer();
    const all = ['general', 'random', 'design', 'launch', 'alice-bob'].flatMap((id) => server.messages(id));
    const texts = all.map((m) => m.text);
    expect(texts.some((t) => t.includes('\n'))).toBe(true);
    expect(texts.some((t) => /https:\/\/\S+/.test(t))).toBe(true);
    expect(texts.some((t) => t.length > 200)).toBe(true);
    expect(texts.some((t) => t !== '' && !/[\p{L}\p{N}]/u.test(t))).toBe(true); // emoji-only
    expect(all.some((m) => m.kind === 'system')).toBe(true);
    expect(all.some((m) => Object.keys(m.reactions ?? {}).length > 0)).toBe(true);
    // Mostly distinct texts (tombstones and emoji-only replies may repeat).
    expect(new Set(texts).size / texts.length).toBeGreaterThan(0.9);
    const general = server.messages('general');
    const days = new Set(general.map((m) => new Date(m.createdAt).toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < general.length; i++) {
      expect(general[i]!.createdAt).toBeGreaterThan(general[i - 1]!.createdAt);
    }
    expect(Math.max(...all.map((m) => m.createdAt))).toBeLessThan(SEED_BASE_DAY + 86_400_000);
    const authors = new Set(general.map((m) => m.authorId));
    expect(authors.size).toBeGreaterThanOrEqual(5);
  });

  it('leaves alice some unread messages in a couple of conversations', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const { conversations, users } = ok(alice.request('conversations:list', {}));
    const unread = conversations.filter((c) => c.unreadCount > 0);
    expect(unread.length).toBeGreaterThanOrEqual(2);
    expect(conversations.map((c) => c.id)).not.toContain('bob-carol');
    const updated = conversations.map((c) => c.updatedAt);
    expect(updated).toEqual([...updated].sort((x, y) => y - x));
    const userIds = users.map((u) => u.id);
    for (const c of conversations) for (const id of c.memberIds) expect(userIds).toContain(id);
    // A direct conversation is titled with the other person's name.
    expect(conversations.find((c) => c.id === 'alice-bob')?.title).toBe('Bob Nguyen');
  });
});

describe('the lazy 10 000-message archive', () => {
  it('does not generate the archive up front: creating a server touches only a few of its messages', () => {
    const createRandom = vi.mocked(random.createRandom);
    createRandom.mockClear();
    const server = newServer({ seed: 'lazy' });
    const archiveCalls = () => createRandom.mock.calls.filter(([key]) => String(key).startsWith('lazy|archive|')).length;
    expect(server.conversation('archive')?.lastSeq).toBe(10_000);
    expect(archiveCalls()).toBeLessThan(20);
    server.messages('archive');
    expect(archiveCalls()).toBeGreaterThanOrEqual(10_000);
  });

  it('pages from the newest message back to the first, gap-free', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    expect(server.conversation('archive')?.lastSeq).toBe(10_000);
    let beforeSeq = Number.MAX_SAFE_INTEGER;
    let expected = 10_000;
    let pages = 0;
    for (;;) {
      const page = ok(alice.request('messages:before', { conversationId: 'archive', beforeSeq, limit: LIMITS.maxPageSize }));
      pages++;
      const seqs = page.messages.map((m) => m.seq);
      expect(seqs[seqs.length - 1]).toBe(expected);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1]! + 1);
      expected = seqs[0]! - 1;
      beforeSeq = seqs[0]!;
      if (!page.hasMore) break;
    }
    expect(expected).toBe(0);
    expect(pages).toBe(10_000 / LIMITS.maxPageSize);
  });

  it('answers messages:since in the middle of the archive and keeps edits of lazy messages', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const page = ok(alice.request('messages:since', { conversationId: 'archive', afterSeq: 4_000, limit: 5 }));
    expect(page.messages.map((m) => m.seq)).toEqual([4001, 4002, 4003, 4004, 4005]);
    expect(page.hasMore).toBe(true);
    const target = page.messages[0]!;
    const reacted = ok(alice.request('reaction:add', { id: target.id, emoji: '🎯' }));
    expect(reacted.message.reactions?.['🎯']).toEqual(['alice']);
    const again = ok(alice.request('messages:since', { conversationId: 'archive', afterSeq: 4_000, limit: 1 }));
    expect(again.messages[0]?.reactions?.['🎯']).toEqual(['alice']);
  });
});

describe("the 'empty' seed", () => {
  it('has the demo users, tokens and conversations, and no message anywhere', () => {
    const demo = newServer({ seed: 'demo' });
    const empty = newServer({ seed: 'empty' });
    expect(empty.users()).toEqual(demo.users());
    expect(empty.conversations().map((c) => c.id).sort()).toEqual(demo.conversations().map((c) => c.id).sort());
    for (const c of empty.conversations('alice')) {
      expect(empty.messages(c.id), c.id).toEqual([]);
      expect(c).toMatchObject({ lastSeq: 0, lastMessage: null, unreadCount: 0 });
    }
    // The demo convenience tokens work as in the demo world.
    const alice = record(empty, 'alice');
    expect(ok(alice.request('messages:before', { conversationId: 'general', beforeSeq: 1_000, limit: 50 })).messages).toEqual([]);
  });

  it('numbers the first message sent there 1', () => {
    const server = newServer({ seed: 'empty' });
    const bob = record(server, 'bob');
    const { message } = ok(bob.request('message:send', { conversationId: 'general', clientId: 'c-1', text: 'first' }));
    expect(message.seq).toBe(1);
    expect(server.messages('general').map((m) => m.text)).toEqual(['first']);
  });
});
