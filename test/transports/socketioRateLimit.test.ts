// @vitest-environment node
/**
 * The socket.io transport against the Node mock server's connection cap: a refused
 * handshake (`rate_limited`, `retryAfterMs` in `err.data`) is tried again after the
 * wait the server asked for, not after the transport's own (much shorter) backoff,
 * and nothing but the user's `reconnectNow` tries before that wait is over.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import type { Transport, TransportStatus } from '../../src/core/transport';
import { createSocketIoTransport } from '../../src/transports/socketio';
import { closeAllClients, connect, refusal } from '../mock-server/node/helpers';

let running: RunningMockServer | undefined;
const transports: Transport[] = [];

afterEach(async () => {
  vi.useRealTimers();
  for (const t of transports.splice(0)) t.disconnect();
  vi.unstubAllGlobals();
  closeAllClients();
  await running?.close();
  running = undefined;
});

// A wait for an event over a real socket: milliseconds idle, the bound only matters on a starved machine.
const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 10_000, interval: 10 });

/**
 * Alice may hold one connection, and holds it (`blocker`): her next handshake is refused with
 * the server's wait for a full cap. The transport's own backoff is 50–100 ms, far shorter.
 */
async function capped() {
  running = await startMockServer({ port: 0, host: '127.0.0.1', rateLimits: { connections: 1 } });
  const { url } = running;
  const blocker = await connect(url, 'alice-token');
  // What the server answers this handshake, measured with a plain socket.io client.
  const { data } = await refusal(url, 'alice-token');
  const serverWaitMs = (data as { retryAfterMs: number }).retryAfterMs;
  expect(serverWaitMs).toBeGreaterThan(1_000);
  const transport = createSocketIoTransport({ url, token: 'alice-token', initialRetryMs: 50, maxRetryMs: 100 });
  transports.push(transport);
  const statuses: TransportStatus[] = [];
  transport.onStatus((s) => statuses.push(s));
  const attempts = () => statuses.filter((s) => s.state === 'connecting').length;
  return { blocker, transport, statuses, attempts, serverWaitMs };
}

/**
 * Fakes setTimeout while time still flows (the real sockets and the server work as usual), so
 * the test moves the transport's clock past its wait instead of sleeping through it.
 */
function fakeTimeouts(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
}

describe('socket.io transport, refused with rate_limited', { timeout: 20_000 }, () => {
  it('tries again only after the wait the server asked for, then connects', async () => {
    const { blocker, transport, statuses, attempts, serverWaitMs } = await capped();
    // The browser's network signals, which otherwise make a waiting transport try at once.
    const page = new EventTarget();
    vi.stubGlobal('window', page);
    fakeTimeouts();
    let refusedAt = 0;
    transport.onStatus((s) => {
      if (s.state === 'disconnected' && refusedAt === 0) refusedAt = Date.now();
    });
    transport.connect();
    await until(() => transport.status.state === 'disconnected');
    const status = transport.status as Extract<TransportStatus, { state: 'disconnected' }>;
    // Announced for when the server said, not for the 100 ms the backoff alone would wait.
    expect(status.nextRetryAt! - refusedAt).toBeGreaterThanOrEqual(serverWaitMs);
    expect(status).toMatchObject({ willRetry: true, error: { code: 'rate_limited', message: expect.stringMatching(/^Too many connections/) } });

    // Every timer due before the server's wait is over runs now: no attempt among them.
    await vi.advanceTimersByTimeAsync(serverWaitMs - 200);
    expect(attempts()).toBe(1);
    // Nor does the network coming back cut the server's wait short.
    page.dispatchEvent(new Event('online'));
    expect(attempts()).toBe(1);

    blocker.close();
    await until(() => !running!.server.isConnected('alice'));
    await vi.advanceTimersByTimeAsync(400);
    expect(attempts()).toBe(2);
    await until(() => transport.status.state === 'connected');
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'disconnected', 'connecting', 'connected']);
  });

  it('reconnectNow (the user asking) still tries at once', async () => {
    const { transport, attempts } = await capped();
    fakeTimeouts();
    transport.connect();
    await until(() => transport.status.state === 'disconnected');
    transport.reconnectNow();
    expect(attempts()).toBe(2);
  });
});
