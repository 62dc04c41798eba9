/**
 * Tokens in the server core and through the memory transport (`server.connect`): the same
 * rules as over socket.io (test/mock-server/node/tokens.test.ts), without a network.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MockServerError, SEED_USERS } from 'parley/mock-server';
import { newServer } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

const DEMO_USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];

describe('demo tokens', () => {
  it('work for the six seeded users only, on every seed', () => {
    expect(SEED_USERS.filter((u) => !u.isBot).map((u) => u.id)).toEqual(DEMO_USERS);
    for (const seed of ['demo', 'empty']) {
      const server = newServer({ seed });
      for (const id of DEMO_USERS) expect(server.authenticate({ token: `${id}-token` })).toEqual({ ok: true, userId: id });
      expect(server.authenticate({ token: 'parley-bot-token' }).ok).toBe(false);
      server.createUser({ id: 'grace', name: 'Grace' });
      expect(server.authenticate({ token: 'grace-token' }).ok).toBe(false);
      expect(server.authenticate({ token: 'grace-token', userId: 'grace' }).ok).toBe(false);
      server.dispose();
    }
  });

  it('are refused with demoTokens: false, on attach and upload alike', async () => {
    const server = newServer({ demoTokens: false });
    expect(server.authenticate({ token: 'alice-token' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const refused = server.attach({ userId: 'alice', token: 'alice-token' }, { deliver() {}, drop() {} });
    expect(refused).toMatchObject({ ok: false, retry: false, error: { code: 'unauthorized' } });
    const file = new Blob(['hello'], { type: 'text/plain' });
    const uploaded = await server.upload({ token: 'alice-token' }, { conversationId: 'general', file, name: 'a.txt' });
    expect(uploaded).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const token = server.issueToken('alice');
    expect(server.authenticate({ token, userId: 'alice' })).toEqual({ ok: true, userId: 'alice' });
    server.dispose();
  });
});

describe('issued tokens', () => {
  it('expire after tokenTtlMs by the server clock, answering token_expired', () => {
    let now = 1_000;
    const server = newServer({ tokenTtlMs: 5_000, now: () => now });
    const token = server.issueToken('alice');
    expect(server.tokenExpiresAt(token)).toBe(6_000);
    now = 5_999;
    expect(server.authenticate({ token }).ok).toBe(true);
    now = 6_000;
    expect(server.authenticate({ token })).toEqual({
      ok: false,
      error: { code: 'token_expired', message: 'This token has expired: connect with a fresh one' },
    });
    // Someone else's token stays unauthorized, expired or not: nothing is told about it.
    expect(server.authenticate({ token, userId: 'bob' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    server.dispose();
  });

  it('refuse a bad TTL', () => {
    for (const tokenTtlMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => newServer({ tokenTtlMs })).toThrow(/tokenTtlMs/);
    }
  });

  it('revoked: the memory transport opened with it ends at once, as unauthorized, not retrying', async () => {
    vi.useFakeTimers();
    const server = newServer();
    const token = server.issueToken('bob');
    const transport = server.connect({ userId: 'bob', token });
    transport.connect();
    await vi.advanceTimersByTimeAsync(0);
    expect(transport.status).toEqual({ state: 'connected' });
    const other = server.connect({ userId: 'bob', token: 'bob-token' });
    other.connect();
    await vi.advanceTimersByTimeAsync(0);

    server.revokeToken('bob', token);
    await vi.advanceTimersByTimeAsync(0);
    expect(transport.status).toEqual({
      state: 'disconnected',
      willRetry: false,
      error: { code: 'unauthorized', message: 'This token was revoked' },
    });
    expect(other.status).toEqual({ state: 'connected' });
    expect(server.tokenExpiresAt(token)).toBeUndefined();
    expect(() => server.revokeToken('bob', token)).toThrow(MockServerError);
    server.dispose();
  });

  it('expired while connected: the session closes, and the memory transport is refused token_expired', async () => {
    vi.useFakeTimers();
    const server = newServer({ tokenTtlMs: 1_000 });
    const token = server.issueToken('carol');
    const transport = server.connect({ userId: 'carol', token });
    transport.connect();
    await vi.advanceTimersByTimeAsync(0);
    expect(transport.status.state).toBe('connected');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.isConnected('carol')).toBe(false);
    // It comes back once (the drop is retryable) and learns why it may not.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(transport.status).toMatchObject({ state: 'disconnected', willRetry: false, error: { code: 'token_expired' } });
    server.dispose();
  });
});
