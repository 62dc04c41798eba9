// @vitest-environment node
/**
 * The socket.io transport against a real socket.io server on 127.0.0.1:
 * connection states, acks, timeouts, refusals, reconnection after the server
 * drops us, and a clean teardown.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Transport, TransportStatus } from '../../src/core/transport';
import { createSocketIoTransport } from '../../src/transports/socketio';

let http: HttpServer;
let io: Server;
let url: string;
let sockets: Socket[];
const transports: Transport[] = [];

beforeEach(async () => {
  http = createServer();
  io = new Server(http);
  sockets = [];
  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    if (token === 'alice-token') return next();
    const err = new Error('Invalid token') as Error & { data?: unknown };
    err.data = { code: 'unauthorized' };
    next(err);
  });
  io.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('conversations:list', (_payload: unknown, ack: (a: unknown) => void) => ack({ ok: true, conversations: [], users: [] }));
    socket.on('typing', () => {
      // never acks: lets the client time out
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  vi.useRealTimers();
  for (const t of transports.splice(0)) t.disconnect();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

function open(token = 'alice-token', extra: Partial<Parameters<typeof createSocketIoTransport>[0]> = {}) {
  const transport = createSocketIoTransport({ url, token, initialRetryMs: 50, maxRetryMs: 200, ...extra });
  transports.push(transport);
  const statuses: TransportStatus[] = [];
  transport.onStatus((s) => statuses.push(s));
  return { transport, statuses };
}

// A wait for an event over a real socket: milliseconds idle, the bound only matters on a starved machine.
const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 10_000, interval: 10 });

/** Past the longest wait before a retry with `open()`'s options (maxRetryMs: 200), with room to spare. */
const PAST_ANY_RETRY_MS = 1_000;

/**
 * Fakes setTimeout while time still flows (the real sockets work as usual), so a test can
 * run every timer due in the next `PAST_ANY_RETRY_MS` at once: a retry the transport had
 * scheduled would start, and announce itself with `connecting`, before that returns.
 */
function fakeTimeouts(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
}

// Socket handshakes over 127.0.0.1, each well under a second idle; room for a loaded machine.
describe('socket.io transport', { timeout: 20_000 }, () => {
  it('connects, answers requests with the raw ack and forwards server events', async () => {
    const { transport, statuses } = open();
    const events: [string, unknown][] = [];
    transport.onEvent((event, payload) => events.push([event, payload]));
    transport.connect();
    await until(() => transport.status.state === 'connected');
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'connected']);
    await expect(transport.request('conversations:list', {}, 1000)).resolves.toEqual({ ok: true, conversations: [], users: [] });
    sockets[0]!.emit('presence', { userId: 'bob', online: true });
    await until(() => events.length === 1);
    expect(events[0]).toEqual(['presence', { userId: 'bob', online: true }]);
  });

  it('rejects with timeout when no ack comes, and with disconnected when offline', async () => {
    const { transport } = open();
    await expect(transport.request('typing', { conversationId: 'general', isTyping: true }, 100)).rejects.toMatchObject({ code: 'disconnected' });
    transport.connect();
    await until(() => transport.status.state === 'connected');
    await expect(transport.request('typing', { conversationId: 'general', isTyping: true }, 100)).rejects.toMatchObject({ code: 'timeout' });
  });

  it('reports a refused token clearly and does not retry', async () => {
    fakeTimeouts();
    const { transport, statuses } = open('wrong');
    transport.connect();
    await until(() => transport.status.state === 'disconnected');
    expect(transport.status).toEqual({ state: 'disconnected', willRetry: false, error: { code: 'unauthorized', message: 'Invalid token' } });
    await vi.advanceTimersByTimeAsync(PAST_ANY_RETRY_MS);
    expect(statuses.filter((s) => s.state === 'connecting')).toHaveLength(1);
  });

  it('reconnects by itself after the server drops the socket, announcing when', async () => {
    const { transport, statuses } = open();
    transport.connect();
    await until(() => transport.status.state === 'connected');
    const inFlight = transport.request('typing', { conversationId: 'general', isTyping: true }, 5000);
    sockets[0]!.disconnect(true);
    await expect(inFlight).rejects.toMatchObject({ code: 'disconnected' });
    const retrying = statuses.find((s) => s.state === 'disconnected' && s.willRetry);
    expect(retrying && retrying.state === 'disconnected' && retrying.nextRetryAt).toBeGreaterThan(Date.now() - 1000);
    await until(() => transport.status.state === 'connected' && sockets.length === 2);
  });

  it('retries while the server is down and reconnects when it is back; reconnectNow skips the wait', async () => {
    const { transport } = open('alice-token', { initialRetryMs: 5_000, maxRetryMs: 5_000 });
    transport.connect();
    await until(() => transport.status.state === 'connected');
    // Refuse new handshakes for a moment, then drop the socket.
    let refuse = true;
    io.use((_socket, next) => (refuse ? next(new Error('Server busy')) : next()));
    sockets[0]!.disconnect(true);
    await until(() => transport.status.state === 'disconnected' && transport.status.willRetry);
    refuse = false;
    // The scheduled retry is seconds away; reconnectNow does not wait for it.
    transport.reconnectNow();
    await until(() => transport.status.state === 'connected');
  });

  it('disconnect() closes the socket for good: no retry, no open handles', async () => {
    fakeTimeouts();
    const { transport, statuses } = open();
    transport.connect();
    await until(() => transport.status.state === 'connected');
    transport.disconnect();
    expect(transport.status).toEqual({ state: 'disconnected', willRetry: false });
    const afterDisconnect = statuses.length;
    await until(() => io.sockets.sockets.size === 0);
    await vi.advanceTimersByTimeAsync(PAST_ANY_RETRY_MS);
    expect(statuses.slice(afterDisconnect)).toEqual([]);
    expect(io.sockets.sockets.size).toBe(0);
  });

  it('connect() twice opens one connection (StrictMode double effects)', async () => {
    const { transport, statuses } = open();
    transport.connect();
    transport.connect();
    // Every attempt announces itself as it starts: the second call started none.
    expect(statuses).toEqual([{ state: 'connecting' }]);
    await until(() => transport.status.state === 'connected');
    expect(io.sockets.sockets.size).toBe(1);
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'connected']);
  });
});
