// @vitest-environment node
/**
 * The socket.io transport's tokens against the real Node mock server on 127.0.0.1: a token
 * function asked again after `token_expired` (paced by the backoff), reused on a plain
 * reconnect; revocation and a refused token final, with the server's reason.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import type { Transport, TransportStatus } from '../../src/core/transport';
import { createSocketIoTransport, type SocketIoTransportOptions } from '../../src/transports/socketio';

const TTL_MS = 300;
let running: RunningMockServer;
const transports: Transport[] = [];

beforeAll(async () => {
  running = await startMockServer({ port: 0, host: '127.0.0.1', tokenTtlMs: TTL_MS });
});

afterEach(() => {
  for (const t of transports.splice(0)) t.disconnect();
});

afterAll(async () => {
  await running.close();
});

function open(token: SocketIoTransportOptions['token']) {
  const transport = createSocketIoTransport({ url: running.url, token, initialRetryMs: 50, maxRetryMs: 400 });
  transports.push(transport);
  const statuses: TransportStatus[] = [];
  transport.onStatus((s) => statuses.push(s));
  return { transport, statuses };
}

const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 10_000, interval: 10 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A token of `userId` that the server already counts as expired. */
async function expiredToken(userId: string): Promise<string> {
  const token = running.server.issueToken(userId);
  await sleep(running.server.tokenExpiresAt(token)! - Date.now() + 30);
  return token;
}

describe('socket.io transport tokens', { timeout: 20_000 }, () => {
  it('asks a token function again after token_expired, and ends connected', async () => {
    const stale = await expiredToken('alice');
    const calls: string[] = [];
    const { transport, statuses } = open(async () => {
      const token = calls.length === 0 ? stale : running.server.issueToken('alice');
      calls.push(token);
      return token;
    });
    transport.connect();
    await until(() => transport.status.state === 'connected');
    expect(calls).toHaveLength(2);
    expect(calls[1]).not.toBe(stale);
    // The refusal was a retry like any other, announced with its time.
    expect(statuses).toContainEqual(expect.objectContaining({ state: 'disconnected', willRetry: true, nextRetryAt: expect.any(Number) }));
    await expect(transport.request('conversations:list', {}, 3000)).resolves.toMatchObject({ ok: true });
  });

  it('a function that keeps returning expired tokens is asked at the backoff, not in a hot loop', async () => {
    const stale = await expiredToken('bob');
    const calledAt: number[] = [];
    const { transport, statuses } = open(() => {
      calledAt.push(Date.now());
      return stale;
    });
    transport.connect();
    await sleep(1_500);
    // Waits of 25–50, 50–100, 100–200, then 200–400 ms: at most about eight attempts in 1.5 s
    // (fewer on a busy machine); a loop would make hundreds.
    expect(calledAt.length).toBeGreaterThanOrEqual(2);
    expect(calledAt.length).toBeLessThanOrEqual(12);
    const gaps = calledAt.slice(1).map((at, i) => at - calledAt[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(20);
    expect(statuses.some((s) => s.state === 'connected')).toBe(false);
    // Each refusal is a scheduled retry (the status may be mid-attempt right now).
    const refusals = statuses.filter((st) => st.state === 'disconnected');
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    for (const st of refusals) expect(st).toMatchObject({ willRetry: true, nextRetryAt: expect.any(Number) });
  });

  it('reuses the token on a plain reconnect (server restart): the function is not asked again', async () => {
    let calls = 0;
    const { transport } = open(() => {
      calls++;
      return 'carol-token';
    });
    transport.connect();
    await until(() => transport.status.state === 'connected');
    running.server.restart();
    await until(() => transport.status.state !== 'connected');
    await until(() => transport.status.state === 'connected');
    expect(calls).toBe(1);
  });

  it('token_expired with a string token is final', async () => {
    const { transport } = open(await expiredToken('dave'));
    transport.connect();
    await until(() => transport.status.state === 'disconnected');
    expect(transport.status).toEqual({
      state: 'disconnected',
      willRetry: false,
      error: { code: 'token_expired', message: 'This token has expired: connect with a fresh one' },
    });
  });

  it('after revocation: disconnected, not retrying, with the unauthorized error', async () => {
    const long = await startMockServer({ port: 0, host: '127.0.0.1' });
    try {
      let calls = 0;
      const token = long.server.issueToken('erin');
      const transport = createSocketIoTransport({ url: long.url, token: () => (calls++, token), initialRetryMs: 50, maxRetryMs: 400 });
      transports.push(transport);
      transport.connect();
      await until(() => transport.status.state === 'connected');
      const res = await fetch(`${long.url}/admin/users/erin/tokens/${token}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${long.adminKey}` },
      });
      expect(res.status).toBe(204);
      await until(() => transport.status.state === 'disconnected' && !transport.status.willRetry);
      expect(transport.status).toEqual({
        state: 'disconnected',
        willRetry: false,
        error: { code: 'unauthorized', message: 'This token was revoked' },
      });
      // Final: nothing more is tried, and the function is not asked for another token.
      await sleep(600);
      expect(transport.status).toMatchObject({ state: 'disconnected', willRetry: false });
      expect(calls).toBe(1);
      expect(long.server.isConnected('erin')).toBe(false);
    } finally {
      await long.close();
    }
  });

  it('connect() after a refusal asks the function for a fresh token', async () => {
    const tokens = ['mallory-token', 'frank-token'];
    let calls = 0;
    const { transport } = open(() => tokens[calls++]!);
    transport.connect();
    await until(() => transport.status.state === 'disconnected');
    expect(transport.status).toMatchObject({ willRetry: false, error: { code: 'unauthorized' } });
    transport.connect();
    await until(() => transport.status.state === 'connected');
    expect(calls).toBe(2);
  });

  it('a token function that fails is a failed attempt, retried with the backoff', async () => {
    let calls = 0;
    const { transport, statuses } = open(() => {
      calls++;
      if (calls === 1) throw new Error('token service down');
      return 'alice-token';
    });
    transport.connect();
    await until(() => transport.status.state === 'connected');
    expect(statuses).toContainEqual(
      expect.objectContaining({ state: 'disconnected', willRetry: true, error: { code: 'disconnected', message: 'Error: token service down' } }),
    );
    expect(calls).toBe(2);
  });
});
