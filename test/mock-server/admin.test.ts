import { describe, expect, it } from 'vitest';
import { MockServerError } from 'parley/mock-server';
import { errorCode, newServer, ok, record } from './helpers';

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof MockServerError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a MockServerError');
}

describe('createUser and issueToken', () => {
  it('adds a user who connects with an issued token, never with <id>-token', () => {
    const server = newServer();
    expect(server.createUser({ id: 'grace', name: 'Grace Hopper', color: '#123456' })).toEqual({
      id: 'grace',
      name: 'Grace Hopper',
      color: '#123456',
    });
    expect(server.users().find((u) => u.id === 'grace')).toMatchObject({ name: 'Grace Hopper' });
    // The demo convenience is for the six seeded users only.
    expect(server.authenticate({ token: 'grace-token' })).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Invalid token for user "grace"' },
    });
    const token = server.issueToken('grace');
    expect(token).toMatch(/^ptk_[0-9a-f]{48}$/);
    expect(server.issueToken('grace')).not.toBe(token);
    expect(server.authenticate({ token })).toEqual({ ok: true, userId: 'grace' });
    expect(server.authenticate({ token, userId: 'grace' })).toEqual({ ok: true, userId: 'grace' });
    // An issued token names its user: it cannot be used as someone else.
    expect(server.authenticate({ token, userId: 'alice' }).ok).toBe(false);
    expect(server.authenticate({ token: `${token}x` }).ok).toBe(false);
  });

  it('refuses duplicates, bad ids, empty names, and tokens for bots or unknown users', () => {
    const server = newServer();
    expect(refusal(() => server.createUser({ id: 'alice', name: 'Again' })).code).toBe('conflict');
    for (const id of ['', '../x', 'a b', '__proto__', 'x'.repeat(101), 'system']) {
      expect(refusal(() => server.createUser({ id, name: 'X' })).code).toBe('invalid_payload');
    }
    expect(refusal(() => server.createUser({ id: 'ok', name: '   ' })).code).toBe('invalid_payload');
    expect(refusal(() => server.issueToken('nobody')).code).toBe('not_found');
    server.createUser({ id: 'helper-bot', name: 'Helper', isBot: true });
    expect(refusal(() => server.issueToken('helper-bot')).code).toBe('invalid_payload');
    expect(server.authenticate({ token: 'helper-bot-token' }).ok).toBe(false);
  });
});

describe('createConversation', () => {
  it('creates a conversation and tells its connected members', () => {
    const server = newServer({ now: () => 2_000_000_000_000 });
    const alice = record(server, 'alice');
    const carol = record(server, 'carol');
    const created = server.createConversation({ id: 'team', kind: 'group', title: 'Team', memberIds: ['alice', 'bob', 'alice'] });
    expect(created).toMatchObject({ id: 'team', kind: 'group', title: 'Team', memberIds: ['alice', 'bob'], lastSeq: 0, createdAt: 2_000_000_000_000 });
    expect(alice.of('conversation:updated')).toEqual([expect.objectContaining({ id: 'team', memberIds: ['alice', 'bob'] })]);
    expect(carol.of('conversation:updated')).toEqual([]);
    expect(server.isMember('team', 'bob')).toBe(true);
    const list = ok(alice.request('conversations:list'));
    expect(list.conversations.map((c) => c.id)).toContain('team');
    ok(alice.request('message:send', { conversationId: 'team', clientId: 'c1', text: 'first' }));
    expect(server.messages('team')).toMatchObject([{ seq: 1, authorId: 'alice', text: 'first' }]);
  });

  it('makes up an id, titles direct conversations by their members, and validates', () => {
    const server = newServer();
    const direct = server.createConversation({ kind: 'direct', title: '', memberIds: ['carol', 'dave'] });
    expect(direct.id).toMatch(/^c-[0-9a-f]{16}$/);
    expect(direct.title).toBe('Carol Okafor & Dave Kowalski');
    expect(server.conversation(direct.id, 'carol')?.title).toBe('Dave Kowalski');
    expect(refusal(() => server.createConversation({ id: 'general', kind: 'group', title: 'x', memberIds: ['alice'] })).code).toBe('conflict');
    expect(refusal(() => server.createConversation({ kind: 'group', title: 'x', memberIds: [] })).code).toBe('invalid_payload');
    expect(refusal(() => server.createConversation({ kind: 'group', title: 'x', memberIds: ['nobody'] })).code).toBe('not_found');
    expect(refusal(() => server.createConversation({ kind: 'direct', title: '', memberIds: ['alice'] })).code).toBe('invalid_payload');
    expect(refusal(() => server.createConversation({ kind: 'group', title: ' ', memberIds: ['alice'] })).code).toBe('invalid_payload');
    expect(refusal(() => server.createConversation({ kind: 'nope' as 'group', title: 'x', memberIds: ['alice'] })).code).toBe('invalid_payload');
  });
});

describe('addMember and removeMember', () => {
  it('adds a member who then reads, sends and hears the conversation, with history marked read', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const bob = record(server, 'bob');
    const before = server.conversation('design')!;
    expect(errorCode(bob.request('messages:since', { conversationId: 'design', afterSeq: 0 }))).toBe('not_found');
    const updated = server.addMember('design', 'bob');
    expect(updated.memberIds).toEqual([...before.memberIds, 'bob']);
    expect(updated.readSeqs.bob).toBe(before.lastSeq);
    expect(bob.of('conversation:updated')).toEqual([expect.objectContaining({ id: 'design', unreadCount: 0 })]);
    expect(alice.of('conversation:updated')).toEqual([expect.objectContaining({ id: 'design' })]);
    ok(bob.request('messages:since', { conversationId: 'design', afterSeq: 0 }));
    ok(bob.request('message:send', { conversationId: 'design', clientId: 'b1', text: 'hello design' }));
    expect(alice.of('message:new')).toEqual([expect.objectContaining({ authorId: 'bob', text: 'hello design' })]);
    expect(refusal(() => server.addMember('design', 'bob')).code).toBe('conflict');
    expect(refusal(() => server.addMember('alice-bob', 'carol')).code).toBe('invalid_payload');
    expect(refusal(() => server.addMember('nope', 'carol')).code).toBe('not_found');
    expect(refusal(() => server.addMember('design', 'nobody')).code).toBe('not_found');
  });

  it('tells new contacts who is online', () => {
    const server = newServer();
    server.createUser({ id: 'grace', name: 'Grace' });
    const grace = record(server, 'grace');
    const alice = record(server, 'alice');
    server.addMember('general', 'grace');
    expect(grace.of('presence')).toContainEqual({ userId: 'alice', online: true });
    expect(alice.of('presence')).toContainEqual({ userId: 'grace', online: true });
  });

  it('removal takes effect at once on every event of a connected member', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const bob = record(server, 'bob');
    const own = ok(bob.request('message:send', { conversationId: 'general', clientId: 'b1', text: 'mine' })).message;
    const removed = server.removeMember('general', 'bob');
    expect(removed.memberIds).not.toContain('bob');
    expect(removed.readSeqs).not.toHaveProperty('bob');
    // Bob's client is told (it drops the conversation); so are the others.
    expect(bob.of('conversation:updated')).toEqual([expect.objectContaining({ id: 'general', memberIds: removed.memberIds })]);
    expect(alice.of('conversation:updated')).toHaveLength(1);
    for (const [event, payload] of [
      ['message:send', { conversationId: 'general', clientId: 'b2', text: 'still here?' }],
      ['messages:since', { conversationId: 'general', afterSeq: 0 }],
      ['messages:before', { conversationId: 'general', beforeSeq: 1e9, limit: 5 }],
      ['typing', { conversationId: 'general', isTyping: true }],
      ['read', { conversationId: 'general', seq: 1 }],
      ['message:edit', { id: own.id, text: 'edited' }],
      ['message:delete', { id: own.id }],
      ['reaction:add', { id: own.id, emoji: '👍' }],
    ] as const) {
      expect(errorCode(bob.raw(event, payload)), event).toBe('not_found');
    }
    ok(bob.request('conversations:list')).conversations.forEach((c) => expect(c.id).not.toBe('general'));
    // Nothing more reaches bob from there.
    const before = bob.events.length;
    ok(alice.request('message:send', { conversationId: 'general', clientId: 'a1', text: 'bye bob' }));
    expect(bob.events.length).toBe(before);
    expect(refusal(() => server.removeMember('general', 'bob')).code).toBe('not_found');
  });
});

describe('postSystemMessage', () => {
  it('posts a system notice live, by "system" or a named author', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const notice = server.postSystemMessage('general', 'Maintenance at 6 pm');
    expect(notice).toMatchObject({ kind: 'system', authorId: 'system', text: 'Maintenance at 6 pm' });
    expect(alice.of('message:new')).toEqual([notice]);
    expect(server.postSystemMessage('general', 'Bob joined', { authorId: 'bob' })).toMatchObject({ authorId: 'bob', kind: 'system' });
    expect(refusal(() => server.postSystemMessage('general', '  ')).code).toBe('invalid_payload');
    expect(refusal(() => server.postSystemMessage('general', 'x'.repeat(10_001))).code).toBe('too_large');
    expect(refusal(() => server.postSystemMessage('nope', 'x')).code).toBe('not_found');
    expect(refusal(() => server.postSystemMessage('general', 'x', { authorId: 'nobody' })).code).toBe('not_found');
  });

  it('a created bot posts through postMessage', () => {
    const server = newServer();
    server.createUser({ id: 'deploy-bot', name: 'Deploy Bot', isBot: true });
    server.addMember('general', 'deploy-bot');
    const alice = record(server, 'alice');
    expect(alice.of('presence')).toContainEqual({ userId: 'deploy-bot', online: true });
    const message = server.postMessage('general', { authorId: 'deploy-bot', text: 'v1.2 is live' });
    expect(alice.of('message:new')).toEqual([message]);
  });
});
