// @vitest-environment node
/**
 * "Anyone can be anyone", closed: over real socket.io and HTTP against startMockServer on
 * 127.0.0.1. `<id>-token` is only for the six seeded users; everyone else needs a token the
 * server issued, which is random, per issue, expiring and revocable everywhere at once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { ADMIN_KEY, api, closeAllClients, connect, disconnected, png, refusal, upload, uniqueId } from './helpers';

let running: RunningMockServer;
let url: string;

beforeAll(async () => {
  running = await startMockServer({ port: 0, host: '127.0.0.1', adminKey: ADMIN_KEY, botDelayMs: 50 });
  url = running.url;
});

afterEach(() => closeAllClients());

afterAll(async () => {
  await running.close();
});

/** A user made through the admin API, a member of `general`. */
async function newUser(): Promise<string> {
  const id = uniqueId('user');
  expect((await api(url, 'POST', '/admin/users', { id, name: 'New User' })).status).toBe(201);
  expect((await api(url, 'POST', '/admin/conversations/general/members', { userId: id })).status).toBe(201);
  return id;
}

async function issue(serverUrl: string, userId: string, key = ADMIN_KEY): Promise<{ token: string; expiresAt: number }> {
  const res = await api(serverUrl, 'POST', `/admin/users/${userId}/tokens`, undefined, key);
  expect(res.status).toBe(201);
  return res.body;
}

const image = () => ['file', { filename: 'dot.png', data: png(2, 2), type: 'image/png' }] as const;

describe('who may connect', () => {
  it('a user created through the admin API cannot connect with <id>-token; an issued token works', async () => {
    const id = await newUser();
    const forged = await refusal(url, `${id}-token`);
    expect(forged.data).toEqual({ code: 'unauthorized', retry: false });
    const { token } = await issue(url, id);
    const client = await connect(url, token);
    expect((await client.request('conversations:list')).conversations.map((c: { id: string }) => c.id)).toContain('general');
    expect(running.server.isConnected(id)).toBe(true);
    // The forged token does not open HTTP either.
    expect((await upload(url, `${id}-token`, [['conversationId', 'general'], image()])).status).toBe(401);
  });

  it('two issued tokens differ and both work at once', async () => {
    const id = await newUser();
    const first = await issue(url, id);
    const second = await issue(url, id);
    expect(first.token).not.toBe(second.token);
    // Each issue is a session of its own, with its own lifetime.
    expect(second.expiresAt).toBeGreaterThanOrEqual(first.expiresAt);
    const a = await connect(url, first.token);
    const b = await connect(url, second.token);
    expect(a.socket.connected && b.socket.connected).toBe(true);
  });

  it('the seeded users keep their demo tokens on loopback; bots and unknown users have none', async () => {
    await connect(url, 'alice-token');
    expect((await refusal(url, 'parley-bot-token')).data.code).toBe('unauthorized');
    expect((await refusal(url, 'mallory-token')).data.code).toBe('unauthorized');
  });
});

describe('revocation', () => {
  it('a revoked token is refused everywhere, and its open socket is disconnected at once', async () => {
    const id = await newUser();
    const revoked = await issue(url, id);
    const kept = await issue(url, id);
    const victim = await connect(url, revoked.token);
    const other = await connect(url, kept.token);
    const sent = await victim.request('message:send', { conversationId: 'general', clientId: 'c1', text: 'before' });
    expect(sent.ok).toBe(true);

    const gone = disconnected(victim.socket);
    const res = await api(url, 'DELETE', `/admin/users/${id}/tokens/${revoked.token}`);
    expect(res.status).toBe(204);
    expect(await gone).toBe('io server disconnect');

    const again = await refusal(url, revoked.token);
    expect(again.message).toBe('This token was revoked');
    expect(again.data).toEqual({ code: 'unauthorized', retry: false });
    expect((await upload(url, revoked.token, [['conversationId', 'general'], image()])).status).toBe(401);
    // The user's other token and its socket are untouched.
    expect(other.socket.connected).toBe(true);
    expect((await upload(url, kept.token, [['conversationId', 'general'], image()])).status).toBe(201);
    expect(running.server.isConnected(id)).toBe(true);
  });

  it('answers 404 for a token the user does not hold, and for one already revoked', async () => {
    const id = await newUser();
    const { token } = await issue(url, id);
    const otherUser = await newUser();
    expect((await api(url, 'DELETE', `/admin/users/${otherUser}/tokens/${token}`)).status).toBe(404);
    expect((await api(url, 'DELETE', `/admin/users/${id}/tokens/ptk_nope`)).status).toBe(404);
    expect((await api(url, 'DELETE', `/admin/users/nobody/tokens/${token}`)).status).toBe(404);
    expect((await api(url, 'DELETE', `/admin/users/${id}/tokens/${token}`)).status).toBe(204);
    expect((await api(url, 'DELETE', `/admin/users/${id}/tokens/${token}`)).status).toBe(404);
    // The demo tokens are no issued tokens: nothing to revoke.
    expect((await api(url, 'DELETE', '/admin/users/alice/tokens/alice-token')).status).toBe(404);
    expect((await api(url, 'DELETE', `/admin/users/${id}/tokens/${token}`, undefined, null)).status).toBe(401);
    expect((await api(url, 'GET', `/admin/users/${id}/tokens/${token}`)).status).toBe(405);
  });
});

describe('expiry', () => {
  let short: RunningMockServer;
  const TTL_MS = 400;

  beforeAll(async () => {
    short = await startMockServer({ port: 0, host: '127.0.0.1', adminKey: ADMIN_KEY, tokenTtlMs: TTL_MS });
  });
  afterAll(async () => {
    await short.close();
  });

  it('an expired token gets token_expired (not unauthorized), and a fresh one works', async () => {
    const before = Date.now();
    const { token, expiresAt } = await issue(short.url, 'alice');
    expect(expiresAt).toBeGreaterThanOrEqual(before + TTL_MS);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + TTL_MS);
    await new Promise((resolve) => setTimeout(resolve, expiresAt - Date.now() + 50));
    const err = await refusal(short.url, token);
    expect(err.data).toEqual({ code: 'token_expired', retry: false });
    expect((await upload(short.url, token, [['conversationId', 'general'], image()])).status).toBe(401);
    const fresh = await issue(short.url, 'alice');
    expect(fresh.token).not.toBe(token);
    expect((await connect(short.url, fresh.token)).socket.connected).toBe(true);
  });

  it('a connection opened with a token closes when it expires', async () => {
    const { token } = await issue(short.url, 'bob');
    const bob = await connect(short.url, token);
    expect(await disconnected(bob.socket, TTL_MS + 3_000)).toBe('io server disconnect');
    expect((await refusal(short.url, token)).data.code).toBe('token_expired');
  });
});

describe('demo tokens and the address', () => {
  it('refuses to start on a non-loopback address with demo tokens on (before binding anything)', async () => {
    for (const host of ['0.0.0.0', '::']) {
      await expect(startMockServer({ host, adminKey: ADMIN_KEY })).rejects.toThrow(/demoTokens: false/);
      await expect(startMockServer({ host, adminKey: ADMIN_KEY, demoTokens: true })).rejects.toThrow(/demo tokens/);
    }
  });

  it('with demoTokens: false the demo tokens are refused and only issued ones work', async () => {
    // On loopback, as tests must be; the option means the same on any address.
    const strict = await startMockServer({ port: 0, host: '127.0.0.1', adminKey: ADMIN_KEY, demoTokens: false });
    try {
      expect((await refusal(strict.url, 'alice-token')).data).toEqual({ code: 'unauthorized', retry: false });
      expect((await upload(strict.url, 'alice-token', [['conversationId', 'general'], image()])).status).toBe(401);
      const { token } = await issue(strict.url, 'alice');
      expect((await connect(strict.url, token)).socket.connected).toBe(true);
    } finally {
      await strict.close();
    }
  });
});
