// @vitest-environment node
/** The admin REST API of `startMockServer`: auth, each route, validation, live member removal. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { ADMIN_KEY, api, closeAllClients, connect, uniqueId } from './helpers';

let running: RunningMockServer;
let url: string;

beforeAll(async () => {
  running = await startMockServer({ adminKey: ADMIN_KEY, botDelayMs: 50 });
  url = running.url;
});

afterEach(() => closeAllClients());

afterAll(async () => {
  await running.close();
});

describe('admin key', () => {
  it('answers 401 without a key or with a wrong one, on every route', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/admin/users'],
      ['POST', '/admin/users', { id: 'x', name: 'X' }],
      ['POST', '/admin/users/alice/tokens'],
      ['GET', '/admin/conversations'],
      ['POST', '/admin/conversations', { kind: 'group', title: 'x', memberIds: ['alice'] }],
      ['POST', '/admin/conversations/general/members', { userId: 'alice' }],
      ['DELETE', '/admin/conversations/general/members/alice'],
      ['POST', '/admin/conversations/general/messages', { text: 'x' }],
    ];
    for (const [method, route, body] of routes) {
      const missing = await api(url, method, route, body, null);
      expect(missing.status, `${method} ${route}`).toBe(401);
      expect(missing.body.error.code).toBe('unauthorized');
      expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const wrong = await api(url, method, route, body, 'parley-admin-key');
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual({ error: { code: 'unauthorized', message: 'Wrong admin key' } });
    }
    // A user token is not an admin key either.
    expect((await api(url, 'GET', '/admin/users', undefined, 'alice-token')).status).toBe(401);
    expect(running.server.users().some((u) => u.id === 'x')).toBe(false);
    expect(running.server.isMember('general', 'alice')).toBe(true);
  });
});

describe('users and tokens', () => {
  it('lists, creates and issues tokens that connect over socket.io', async () => {
    const list = await api(url, 'GET', '/admin/users');
    expect(list.status).toBe(200);
    expect(list.body.users.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining(['alice', 'bob', 'parley-bot']));

    const created = await api(url, 'POST', '/admin/users', { id: 'grace', name: 'Grace Hopper', color: '#0b7285' });
    expect(created).toMatchObject({ status: 201, body: { user: { id: 'grace', name: 'Grace Hopper', color: '#0b7285' } } });
    expect((await api(url, 'POST', '/admin/users', { id: 'grace', name: 'Again' })).status).toBe(409);

    const issued = await api(url, 'POST', '/admin/users/grace/tokens');
    expect(issued.status).toBe(201);
    expect(issued.body).toEqual({ userId: 'grace', token: expect.stringMatching(/^ptk_[0-9a-f]{48}$/), expiresAt: expect.any(Number) });
    // The default lifetime: an hour from now.
    expect(Math.abs(issued.body.expiresAt - (Date.now() + 3_600_000))).toBeLessThan(60_000);
    const grace = await connect(url, issued.body.token);
    const conversations = await grace.request('conversations:list');
    expect(conversations).toMatchObject({ ok: true, conversations: [] });
    expect((await api(url, 'POST', '/admin/users/nobody/tokens')).status).toBe(404);
  });

  it('validates bodies with clear errors', async () => {
    const cases: [unknown, RegExp][] = [
      [{ id: 'a b', name: 'X' }, /id/],
      [{ id: '../etc', name: 'X' }, /id/],
      [{ id: 'ok1', name: '' }, /name/],
      [{ id: 'ok2' }, /name/],
      [{ id: 'ok3', name: 'X', color: 'red;background:url(x)' }, /color/],
      [[], /Invalid body/],
    ];
    for (const [body, message] of cases) {
      const res = await api(url, 'POST', '/admin/users', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_payload');
      expect(res.body.error.message).toMatch(message);
    }
    const notJson = await fetch(`${url}/admin/users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
      body: '{"id":',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: { code: 'invalid_payload', message: 'The body is not valid JSON' } });
    const form = await fetch(`${url}/admin/users`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_KEY}` }, body: 'id=x' });
    expect(form.status).toBe(415);
    const huge = await api(url, 'POST', '/admin/users', { id: 'big', name: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('too_large');
    // Without a Content-Length the cap holds while reading, and the client still gets its answer.
    const chunk = new TextEncoder().encode('x'.repeat(32 * 1024));
    let sent = 0;
    const streamed = await fetch(`${url}/admin/users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
      body: new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ >= 20) controller.close();
          else controller.enqueue(chunk);
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.code).toBe('too_large');
    expect((await api(url, 'PUT', '/admin/users')).status).toBe(405);
    expect((await api(url, 'GET', '/admin/nothing')).status).toBe(404);
  });
});

describe('conversations and members', () => {
  it('creates a conversation that its connected members see at once', async () => {
    const alice = await connect(url, 'alice-token');
    const id = uniqueId('ops');
    const res = await api(url, 'POST', '/admin/conversations', { id, kind: 'group', title: 'Ops', memberIds: ['alice', 'bob'] });
    expect(res.status).toBe(201);
    expect(res.body.conversation).toMatchObject({ id, kind: 'group', title: 'Ops', memberIds: ['alice', 'bob'], lastSeq: 0 });
    await alice.next('conversation:updated', (c) => c.id === id);
    expect((await api(url, 'GET', '/admin/conversations')).body.conversations.map((c: { id: string }) => c.id)).toContain(id);
    expect((await api(url, 'GET', `/admin/conversations/${id}`)).body.conversation.id).toBe(id);
    expect((await api(url, 'GET', '/admin/conversations/nope')).status).toBe(404);
    const made = await api(url, 'POST', '/admin/conversations', { kind: 'direct', memberIds: ['carol', 'dave'] });
    expect(made.status).toBe(201);
    expect(made.body.conversation.id).toMatch(/^c-/);
    expect((await api(url, 'POST', '/admin/conversations', { kind: 'group', title: 'x', memberIds: ['ghost'] })).status).toBe(404);
    expect((await api(url, 'POST', '/admin/conversations', { kind: 'weird', title: 'x', memberIds: ['alice'] })).status).toBe(400);
    expect((await api(url, 'POST', '/admin/conversations', { id, kind: 'group', title: 'x', memberIds: ['alice'] })).status).toBe(409);
  });

  it('adds a member who can then use the conversation over their live socket', async () => {
    const id = uniqueId('team');
    await api(url, 'POST', '/admin/conversations', { id, kind: 'group', title: 'Team', memberIds: ['alice'] });
    const carol = await connect(url, 'carol-token');
    expect((await carol.request('messages:since', { conversationId: id, afterSeq: 0 })).error.code).toBe('not_found');
    const added = await api(url, 'POST', `/admin/conversations/${id}/members`, { userId: 'carol' });
    expect(added.status).toBe(201);
    expect(added.body.conversation.memberIds).toEqual(['alice', 'carol']);
    await carol.next('conversation:updated', (c) => c.id === id && c.memberIds.includes('carol'));
    expect((await carol.request('message:send', { conversationId: id, clientId: uniqueId('c'), text: 'hi team' })).ok).toBe(true);
    expect((await api(url, 'POST', `/admin/conversations/${id}/members`, { userId: 'carol' })).status).toBe(409);
    expect((await api(url, 'POST', `/admin/conversations/${id}/members`, { userId: 'ghost' })).status).toBe(404);
    expect((await api(url, 'POST', `/admin/conversations/${id}/members`, {})).status).toBe(400);
  });

  it('removal takes effect on a connected socket at once', async () => {
    const id = uniqueId('secret');
    await api(url, 'POST', '/admin/conversations', { id, kind: 'group', title: 'Secret', memberIds: ['alice', 'bob', 'dave'] });
    const bob = await connect(url, 'bob-token');
    const alice = await connect(url, 'alice-token');
    const own = await bob.request('message:send', { conversationId: id, clientId: uniqueId('b'), text: 'before' });
    expect(own.ok).toBe(true);

    const removed = await api(url, 'DELETE', `/admin/conversations/${id}/members/bob`);
    expect(removed.status).toBe(200);
    expect(removed.body.conversation.memberIds).toEqual(['alice', 'dave']);
    // Bob's socket hears it (his client drops the conversation) …
    const update = await bob.next('conversation:updated', (c) => c.id === id && !c.memberIds.includes('bob'));
    expect(update.memberIds).toEqual(['alice', 'dave']);
    // … and every further event for it is refused, on the same socket, without reconnecting.
    expect(bob.socket.connected).toBe(true);
    for (const [event, payload] of [
      ['message:send', { conversationId: id, clientId: uniqueId('b'), text: 'after' }],
      ['messages:since', { conversationId: id, afterSeq: 0 }],
      ['typing', { conversationId: id, isTyping: true }],
      ['read', { conversationId: id, seq: 1 }],
      ['message:edit', { id: own.message.id, text: 'edited' }],
    ] as const) {
      expect((await bob.request(event, payload)).error.code, event).toBe('not_found');
    }
    const list = await bob.request('conversations:list');
    expect(list.conversations.map((c: { id: string }) => c.id)).not.toContain(id);
    // New messages no longer reach him.
    const clientId = uniqueId('a');
    await alice.request('message:send', { conversationId: id, clientId, text: 'bob is gone' });
    await bob.request('conversations:list');
    expect(bob.of('message:new').some((m: any) => m.clientId === clientId)).toBe(false);
    expect((await api(url, 'DELETE', `/admin/conversations/${id}/members/bob`)).status).toBe(404);
  });
});

describe('system and bot messages', () => {
  it('posts a system notice, broadcast live', async () => {
    const alice = await connect(url, 'alice-token');
    const res = await api(url, 'POST', '/admin/conversations/general/messages', { text: 'Maintenance tonight' });
    expect(res.status).toBe(201);
    expect(res.body.message).toMatchObject({ kind: 'system', authorId: 'system', text: 'Maintenance tonight', conversationId: 'general' });
    const pushed = await alice.next('message:new', (m) => m.id === res.body.message.id);
    expect(pushed.kind).toBe('system');
    expect((await api(url, 'POST', '/admin/conversations/nope/messages', { text: 'x' })).status).toBe(404);
    expect((await api(url, 'POST', '/admin/conversations/general/messages', { text: '' })).status).toBe(400);
    const long = await api(url, 'POST', '/admin/conversations/general/messages', { text: 'x'.repeat(10_001) });
    expect([long.status, long.body.error.code]).toEqual([413, 'too_large']);
    expect((await api(url, 'POST', '/admin/conversations/general/messages', { text: '  ', kind: 'user', authorId: 'bob' })).status).toBe(400);
  });

  it('posts as a bot that is a member', async () => {
    await api(url, 'POST', '/admin/users', { id: 'ci-bot', name: 'CI Bot', isBot: true });
    const botTokens = await api(url, 'POST', '/admin/users/ci-bot/tokens');
    expect(botTokens.status).toBe(400);
    const notMember = await api(url, 'POST', '/admin/conversations/general/messages', { kind: 'user', authorId: 'ci-bot', text: 'build green' });
    expect(notMember.status).toBe(403);
    await api(url, 'POST', '/admin/conversations/general/members', { userId: 'ci-bot' });
    const bob = await connect(url, 'bob-token');
    const res = await api(url, 'POST', '/admin/conversations/general/messages', { kind: 'user', authorId: 'ci-bot', text: 'build green ✅' });
    expect(res.status).toBe(201);
    expect(res.body.message).toMatchObject({ authorId: 'ci-bot', text: 'build green ✅' });
    expect(res.body.message.kind).toBeUndefined();
    await bob.next('message:new', (m) => m.id === res.body.message.id);
    expect((await api(url, 'POST', '/admin/conversations/general/messages', { kind: 'user', text: 'who?' })).status).toBe(400);
  });
});
