/**
 * messages:search on the reference server: what it finds (every query word begins a word
 * of the message, case and accents aside), where it looks (the caller's conversations now),
 * in what order and how it pages, and what it never returns.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/protocol';
import { SearchIndex } from '../../src/mock-server/searchIndex';
import { queryTokens } from '../../src/mock-server/searchTokens';
import { buildSeedConversations, SEED_USERS } from '../../src/mock-server/seed';
import { ServerData } from '../../src/mock-server/state';
import type { StoredMessage } from '../../src/mock-server/types';
import { errorCode, newServer, ok, record, type Recorder } from './helpers';

const T0 = Date.UTC(2026, 0, 5, 9);

function emptyServer() {
  return newServer({ seed: 'empty', now: () => T0 + 10 * 60_000 });
}

function search(user: Recorder, payload: Record<string, unknown>) {
  return ok(user.request('messages:search', payload));
}

const texts = (results: readonly Message[]) => results.map((m) => m.text);

describe('what a query finds', () => {
  it('matches word prefixes regardless of case and accents, and only word prefixes', () => {
    const server = emptyServer();
    server.addMessages('general', [
      { authorId: 'bob', text: 'Meet at the Café at noon', createdAt: T0 },
      { authorId: 'carol', text: 'We are DEPLOYING tonight', createdAt: T0 + 1 },
      { authorId: 'dave', text: 'redeploy needed', createdAt: T0 + 2 },
      { authorId: 'erin', text: 'Ça va, Zoë? naïve question', createdAt: T0 + 3 },
    ]);
    const alice = record(server, 'alice');
    expect(texts(search(alice, { query: 'cafe' }).results)).toEqual(['Meet at the Café at noon']);
    expect(texts(search(alice, { query: 'CAFÉ' }).results)).toEqual(['Meet at the Café at noon']);
    expect(texts(search(alice, { query: 'depl' }).results)).toEqual(['We are DEPLOYING tonight']);
    // "ploy" is inside "deploying" and "redeploy" but begins neither.
    expect(search(alice, { query: 'ploy' }).results).toEqual([]);
    expect(texts(search(alice, { query: 'zoe naive ca' }).results)).toEqual(['Ça va, Zoë? naïve question']);
  });

  it('needs every query word in the same message', () => {
    const server = emptyServer();
    server.addMessages('general', [
      { authorId: 'bob', text: 'deploy on friday', createdAt: T0 },
      { authorId: 'bob', text: 'deploy on monday', createdAt: T0 + 1 },
      { authorId: 'bob', text: 'friday drinks', createdAt: T0 + 2 },
    ]);
    const alice = record(server, 'alice');
    expect(texts(search(alice, { query: 'deploy fri' }).results)).toEqual(['deploy on friday']);
    expect(texts(search(alice, { query: 'fri, deploy!' }).results)).toEqual(['deploy on friday']);
  });

  it('cuts text without spaces into words (Chinese, Thai)', () => {
    const server = emptyServer();
    server.addMessages('general', [
      { authorId: 'bob', text: '我们今天部署了新版本', createdAt: T0 },
      { authorId: 'bob', text: 'ภาษาไทยง่ายนิดเดียว', createdAt: T0 + 1 },
    ]);
    const alice = record(server, 'alice');
    expect(texts(search(alice, { query: '部署' }).results)).toEqual(['我们今天部署了新版本']);
    expect(texts(search(alice, { query: 'ไทย' }).results)).toEqual(['ภาษาไทยง่ายนิดเดียว']);
  });

  it('finds nothing for a query of punctuation alone (not everything)', () => {
    const server = emptyServer();
    server.addMessages('general', [{ authorId: 'bob', text: 'hello?! …', createdAt: T0 }]);
    const alice = record(server, 'alice');
    for (const query of ['?!', '…', '--- ***', '👍']) expect(search(alice, { query })).toEqual({ ok: true, results: [] });
  });

  it('leaves out system notices and deleted messages', () => {
    const server = emptyServer();
    server.addMessages('general', [
      { authorId: 'alice', text: 'Alice renamed the launch channel', createdAt: T0, kind: 'system' },
      { authorId: 'bob', text: 'launch checklist is ready', createdAt: T0 + 1 },
    ]);
    const alice = record(server, 'alice');
    expect(texts(search(alice, { query: 'launch' }).results)).toEqual(['launch checklist is ready']);
    const bob = record(server, 'bob');
    const [own] = search(bob, { query: 'checklist' }).results;
    ok(bob.request('message:delete', { id: own!.id }));
    expect(search(alice, { query: 'launch' }).results).toEqual([]);
  });

  it('follows edits: the new words find it, the old ones no longer do, and results carry the edited message', () => {
    const server = emptyServer();
    const bob = record(server, 'bob');
    const sent = ok(bob.request('message:send', { conversationId: 'general', clientId: 'c1', text: 'the staging server is down' })).message;
    ok(bob.request('message:edit', { id: sent.id, text: 'the production server is down' }));
    ok(bob.request('reaction:add', { id: sent.id, emoji: '👍' }));
    const alice = record(server, 'alice');
    expect(search(alice, { query: 'staging' }).results).toEqual([]);
    const [found] = search(alice, { query: 'product serv' }).results;
    expect(found).toMatchObject({ id: sent.id, text: 'the production server is down', editedAt: expect.any(Number), reactions: { '👍': ['bob'] } });
  });
});

describe('the seeded history (computed on demand)', () => {
  /** An independent oracle: every stored message, normalized and split by hand. */
  function scan(messages: readonly Message[], word: string): string[] {
    const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    return messages
      .filter((m) => m.kind !== 'system' && m.deletedAt === undefined)
      .filter((m) => (fold(m.text).match(/[\p{L}\p{N}]+/gu) ?? []).some((w) => w.startsWith(word)))
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((m) => m.id);
  }

  it('finds what a scan of the whole archive finds, newest first', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const expected = scan(server.messages('archive'), 'review');
    expect(expected.length).toBeGreaterThan(200);
    const first = search(alice, { query: 'Review', conversationId: 'archive', limit: 200 });
    expect(first.results.map((m) => m.id)).toEqual(expected.slice(0, 200));
    const second = search(alice, { query: 'Review', conversationId: 'archive', limit: 200, cursor: first.nextCursor });
    expect(second.results.map((m) => m.id)).toEqual(expected.slice(200, 400));
    // Reads and indexes the 10 000 seeded messages: a second idle, several on a busy machine.
  }, 60_000);

  it('sees edits and deletes of seeded messages made before the first search and after it', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const own = server.messages('archive').filter((m) => m.authorId === 'alice' && m.kind !== 'system' && !m.deletedAt && m.text);
    ok(alice.request('message:edit', { id: own[0]!.id, text: 'quokka sighting before the first search' }));
    ok(alice.request('message:delete', { id: own[1]!.id }));
    expect(texts(search(alice, { query: 'quokka' }).results)).toEqual(['quokka sighting before the first search']);
    ok(alice.request('message:edit', { id: own[2]!.id, text: 'quokka sighting after it' }));
    expect(search(alice, { query: 'quokka' }).results.map((m) => m.id)).toEqual([own[2]!.id, own[0]!.id]);
    const deletedWord = own[1]!.text.split(/\s+/).find((w) => /^[a-z]{4,}$/i.test(w));
    if (deletedWord) expect(search(alice, { query: deletedWord, limit: 200 }).results.map((m) => m.id)).not.toContain(own[1]!.id);
  }, 60_000);
});

describe('where it looks', () => {
  it('never returns a conversation the caller is not in, whatever they send', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const mine = new Set(server.conversations('alice').map((c) => c.id));
    const results = search(alice, { query: 'the', limit: 200, userId: 'bob', conversationIds: ['bob-carol'] }).results;
    expect(results.length).toBe(200);
    expect(results.every((m) => mine.has(m.conversationId))).toBe(true);
    // bob-carol holds plenty of "the", so the scope is what kept them out.
    expect(search(record(server, 'bob'), { query: 'the', conversationId: 'bob-carol' }).results.length).toBeGreaterThan(0);
  });

  it('answers a conversation the caller is not in exactly as one that does not exist', () => {
    const alice = record(newServer(), 'alice');
    const theirs = alice.request('messages:search', { query: 'the', conversationId: 'bob-carol' });
    const none = alice.request('messages:search', { query: 'the', conversationId: 'no-such-conversation' });
    expect(theirs).toEqual({ ok: false, error: { code: 'not_found', message: 'No such conversation' } });
    expect(none).toEqual(theirs);
  });

  it('narrows to one conversation, and stops looking in one the caller was removed from', () => {
    const server = emptyServer();
    server.addMessages('general', [{ authorId: 'bob', text: 'budget for Q3', createdAt: T0 }]);
    server.addMessages('launch', [{ authorId: 'bob', text: 'budget approved', createdAt: T0 + 1 }]);
    const alice = record(server, 'alice');
    expect(texts(search(alice, { query: 'budget' }).results)).toEqual(['budget approved', 'budget for Q3']);
    expect(texts(search(alice, { query: 'budget', conversationId: 'general' }).results)).toEqual(['budget for Q3']);
    server.removeMember('launch', 'alice');
    expect(texts(search(alice, { query: 'budget' }).results)).toEqual(['budget for Q3']);
    expect(errorCode(alice.request('messages:search', { query: 'budget', conversationId: 'launch' }))).toBe('not_found');
  });
});

describe('paging', () => {
  function fill(server: ReturnType<typeof emptyServer>, count: number) {
    // Several messages share each createdAt, so ties must be broken the same way on every page.
    server.addMessages(
      'general',
      Array.from({ length: count }, (_, i) => ({ authorId: 'bob', text: `standup note ${i}`, createdAt: T0 + Math.floor(i / 5) })),
    );
  }

  it('walks every match once, newest first, in pages of the limit, with no cursor after the last', () => {
    const server = emptyServer();
    fill(server, 47);
    const alice = record(server, 'alice');
    const seen: Message[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = search(alice, { query: 'standup', limit: 20, ...(cursor ? { cursor } : {}) });
      sizes.push(page.results.length);
      seen.push(...page.results);
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([20, 20, 7]);
    expect(new Set(seen.map((m) => m.id)).size).toBe(47);
    // Newest first; among equal times the later seq first.
    expect(seen.map((m) => m.seq)).toEqual(Array.from({ length: 47 }, (_, i) => 47 - i));
  });

  it('keeps going older when newer matches arrive between pages', () => {
    const server = emptyServer();
    fill(server, 30);
    const alice = record(server, 'alice');
    const first = search(alice, { query: 'standup', limit: 10 });
    record(server, 'bob').request('message:send', { conversationId: 'general', clientId: 'late', text: 'standup moved' });
    const second = search(alice, { query: 'standup', limit: 10, cursor: first.nextCursor });
    expect(second.results.map((m) => m.seq)).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12, 11]);
  });

  it('defaults to 20 results and never returns more than the page size limit', () => {
    const server = emptyServer();
    fill(server, 250);
    const alice = record(server, 'alice');
    expect(search(alice, { query: 'standup' }).results).toHaveLength(20);
    const big = search(alice, { query: 'standup', limit: 100_000 });
    expect(big.results).toHaveLength(200);
    expect(big.nextCursor).toEqual(expect.any(String));
  });

  it('refuses a cursor it did not make as invalid_payload', () => {
    const server = emptyServer();
    fill(server, 5);
    const alice = record(server, 'alice');
    const forged = ['garbage', 'p1.', 'p1.***', `p1.${btoa('yesterday:m_general_1')}`, `p1.${btoa('12')}`, `p1.${btoa('99999999999999999:x')}`];
    for (const cursor of forged) {
      expect(errorCode(alice.request('messages:search', { query: 'standup', cursor })), cursor).toBe('invalid_payload');
    }
    expect(errorCode(alice.request('messages:search', { query: 'standup', cursor: 'x'.repeat(5_000) }))).toBe('invalid_payload');
    expect(errorCode(alice.request('messages:search', { query: '   ' }))).toBe('invalid_payload');
    expect(errorCode(alice.request('messages:search', { query: 'x'.repeat(201) }))).toBe('invalid_payload');
  });
});

describe('the index itself', () => {
  const state = () => new ServerData(SEED_USERS, buildSeedConversations('empty'), { ttlMs: 60_000, demoUserIds: new Set(), now: () => 0, onExpired: () => {} });
  const reply = (seq: number, text: string): StoredMessage => ({
    id: `t_general_1_${seq}`, clientId: `r${seq}`, conversationId: 'general', authorId: 'bob', seq, createdAt: T0 + seq, text,
    attachments: [], parentId: 'm_general_1',
  });

  it('finds thread replies it was given (they are in no conversation log), and drops them when deleted', () => {
    const data = state();
    const index = new SearchIndex();
    index.add(reply(1, 'thread about the rollout'));
    index.add(reply(2, 'rollout done'));
    const general = data.conversation('general')!;
    const find = (query: string) => index.search({ tokens: queryTokens(query), conversations: [general], limit: 20 }).messages.map((m) => m.id);
    expect(find('roll')).toEqual(['t_general_1_2', 't_general_1_1']);
    index.replace({ ...reply(2, ''), deletedAt: T0 + 9 });
    expect(find('roll')).toEqual(['t_general_1_1']);
    // Another conversation's scope does not see them.
    expect(index.search({ tokens: ['roll'], conversations: [data.conversation('launch')!], limit: 20 }).messages).toEqual([]);
  });

  it('stays right through many edits (old versions are compacted away)', () => {
    const data = state();
    const index = new SearchIndex();
    const general = data.conversation('general')!;
    for (let i = 0; i < 3_000; i++) index.add(reply(i + 1, `draft ${i}`));
    for (let i = 0; i < 3_000; i++) index.replace({ ...reply(i + 1, `final ${i}`), editedAt: T0 });
    expect(index.search({ tokens: ['draft'], conversations: [general], limit: 5 })).toEqual({ messages: [], more: false });
    const page = index.search({ tokens: ['final'], conversations: [general], limit: 2 });
    expect(page.messages.map((m) => m.text)).toEqual(['final 2999', 'final 2998']);
    expect(page.more).toBe(true);
    expect(index.search({ tokens: ['final', '1234'], conversations: [general], limit: 5 }).messages.map((m) => m.text)).toEqual(['final 1234']);
  });

  it('warm reads a seeded log a slice at a time; what was stored meanwhile is found once', () => {
    const server = newServer({ seed: 'demo' });
    expect(server.warmSearch(500)).toBe(false);
    const alice = record(server, 'alice');
    ok(alice.request('message:send', { conversationId: 'archive', clientId: 'mid', text: 'quokka sighting' }));
    let slices = 1;
    while (!server.warmSearch(500)) slices++;
    // The archive alone holds 10 000 messages: many slices, not one read.
    expect(slices).toBeGreaterThan(10);
    expect(ok(alice.request('messages:search', { query: 'quokka' })).results.map((m) => m.text)).toEqual(['quokka sighting']);
    expect(ok(alice.request('messages:search', { query: 'deployed', conversationId: 'archive', limit: 5 })).results).toHaveLength(5);
  }, 60_000);
});
