// @vitest-environment node
/**
 * The socket.io transport and the client behind a fault proxy in front of the
 * real Node mock server: the network drops, stalls, refuses and comes back,
 * and the client is online again within the backoff ceiling each time, with
 * what was typed meanwhile stored exactly once. (The same faults in real
 * Chromium, with the UI: test/e2e/networkFaults.test.tsx.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChatClient, createMemoryOutbox, type ChatClient } from '../../src/core';
import { startMockServer, type RunningMockServer } from '../../src/mock-server/node';
import { createSocketIoTransport } from '../../src/transports/socketio';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';

/** The backoff ceiling under test: after the network returns, online again within this plus a handshake. */
const MAX_RETRY_MS = 1_000;
/** Generous for a busy machine; on today's machines a handshake takes a few ms. */
const HANDSHAKE_MARGIN_MS = 4_000;
const BACK_WITHIN_MS = MAX_RETRY_MS + HANDSHAKE_MARGIN_MS;

let live: RunningMockServer;
let proxy: FaultProxy;
const clients: ChatClient[] = [];

beforeEach(async () => {
  // A short heartbeat, so a silent link is noticed in under a second instead of 45 s.
  live = await startMockServer({ port: 0, host: '127.0.0.1', seed: 'demo', pingIntervalMs: 300, pingTimeoutMs: 300, rateLimits: false });
  proxy = await startFaultProxy(live.url);
});

afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of clients.splice(0)) c.disconnect();
  await proxy.close();
  await live.close();
});

function newClient(userId = 'alice', connectTimeoutMs = 2_000): ChatClient {
  const client = createChatClient({
    transport: createSocketIoTransport({
      url: proxy.url,
      token: `${userId}-token`,
      initialRetryMs: 100,
      maxRetryMs: MAX_RETRY_MS,
      connectTimeoutMs,
    }),
    userId,
    outbox: createMemoryOutbox(),
    syncIntervalMs: 0,
  });
  clients.push(client);
  return client;
}

const stateOf = (client: ChatClient) => client.store.getState().connection.state;

async function online(client: ChatClient, withinMs: number): Promise<number> {
  const started = Date.now();
  await vi.waitFor(() => expect(stateOf(client)).toBe('online'), { timeout: withinMs, interval: 10 });
  return Date.now() - started;
}

async function notOnline(client: ChatClient): Promise<void> {
  await vi.waitFor(() => expect(stateOf(client)).not.toBe('online'), { timeout: 5_000, interval: 10 });
}

/** The server's log holds each text exactly once; the client shows each as sent. */
async function deliveredOnce(client: ChatClient, texts: readonly string[]): Promise<void> {
  await vi.waitFor(
    () => {
      const shown = client.getMessages('alice-bob').filter((m) => texts.includes(m.text));
      expect(shown.map((m) => m.status)).toEqual(texts.map(() => 'sent'));
    },
    { timeout: 10_000, interval: 20 },
  );
  const log = live.server.messages('alice-bob');
  for (const text of texts) expect(log.filter((m) => m.text === text), text).toHaveLength(1);
}

// Each case waits on events with its own bounds; the test timeout only stops a hang.
describe('socket.io transport under network faults', { timeout: 30_000 }, () => {
  it('a drop while connected: reconnects and sends what was typed and read meanwhile, once', async () => {
    const client = newClient();
    await client.connect();
    await client.openConversation('alice-bob');
    const fromBob = live.server.postMessage('alice-bob', { authorId: 'bob', text: 'unread until the drop' });
    await vi.waitFor(() => expect(client.getMessages('alice-bob').at(-1)?.id).toBe(fromBob.id), { timeout: 5_000, interval: 10 });
    proxy.refuse(true);
    proxy.drop();
    await notOnline(client);
    // Read while offline: the read position goes out once the link is back.
    client.markRead('alice-bob');
    const typed = client.sendMessage('alice-bob', { text: 'typed during the drop' });
    expect(client.getMessages('alice-bob').at(-1)).toMatchObject({ text: 'typed during the drop', status: 'sending' });
    proxy.refuse(false);
    const back = await online(client, BACK_WITHIN_MS);
    await typed;
    await deliveredOnce(client, ['typed during the drop']);
    await vi.waitFor(() => expect(live.server.conversation('alice-bob', 'bob')?.readSeqs.alice).toBeGreaterThanOrEqual(fromBob.seq), {
      timeout: 5_000,
      interval: 10,
    });
    console.info(`[faults] drop while connected: online again ${back} ms after the network returned`);
  });

  it('a stalled link: the heartbeat notices, and it reconnects once the link moves again', async () => {
    const client = newClient();
    await client.connect();
    const connections = proxy.accepted;
    proxy.stall(true);
    // Nothing closes; only the missing heartbeat (300 + 300 ms here) tells the link is dead.
    await notOnline(client);
    void client.sendMessage('alice-bob', { text: 'typed during the stall' });
    proxy.stall(false);
    const back = await online(client, BACK_WITHIN_MS);
    expect(proxy.accepted).toBeGreaterThan(connections);
    await deliveredOnce(client, ['typed during the stall']);
    console.info(`[faults] stall until ping timeout: online again ${back} ms after the link moved again`);
  });

  it('server unreachable at start: keeps trying, connects once it is reachable', async () => {
    proxy.refuse(true);
    const client = newClient();
    const connected = client.connect();
    void client.sendMessage('alice-bob', { text: 'typed before ever connecting' });
    // Several handshakes fail meanwhile; none of them ends the trying.
    await vi.waitFor(() => expect(proxy.accepted).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 10 });
    expect(['connecting', 'reconnecting']).toContain(stateOf(client));
    proxy.refuse(false);
    const back = await online(client, BACK_WITHIN_MS);
    await connected;
    await deliveredOnce(client, ['typed before ever connecting']);
    console.info(`[faults] unreachable at start: online ${back} ms after the server became reachable`);
  });

  it('a stall during the handshake counts as a failed attempt, not a wait forever', async () => {
    proxy.stall(true);
    const client = newClient('alice', 500);
    client.connect().catch(() => undefined);
    // The TCP connection opens; nothing answers. The attempt gives up after connectTimeoutMs and tries again.
    await vi.waitFor(() => expect(proxy.accepted).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 10 });
    proxy.stall(false);
    const back = await online(client, BACK_WITHIN_MS + 500);
    console.info(`[faults] stalled handshake: online ${back} ms after the link moved again`);
  });

  it('reconnectNow() skips a long wait after a failed handshake', async () => {
    const client = createChatClient({
      transport: createSocketIoTransport({ url: proxy.url, token: 'alice-token', initialRetryMs: 60_000, maxRetryMs: 60_000 }),
      userId: 'alice',
      outbox: createMemoryOutbox(),
      syncIntervalMs: 0,
    });
    clients.push(client);
    await client.connect();
    proxy.refuse(true);
    proxy.drop();
    await vi.waitFor(() => expect(client.store.getState().connection.nextRetryAt).toBeGreaterThan(Date.now() + 10_000), { timeout: 5_000, interval: 10 });
    // A first "Retry now" while the server is still unreachable fails and schedules another long wait…
    const before = proxy.accepted;
    client.reconnectNow();
    await vi.waitFor(() => expect(proxy.accepted).toBe(before + 1), { timeout: 5_000, interval: 10 });
    await vi.waitFor(() => expect(client.store.getState().connection.nextRetryAt).toBeGreaterThan(Date.now() + 10_000), { timeout: 5_000, interval: 10 });
    // …and a second one, once it is reachable, connects at once.
    proxy.refuse(false);
    client.reconnectNow();
    await online(client, HANDSHAKE_MARGIN_MS);
  });

  it('many drops in a row: back online after the last, every message stored once and in order', async () => {
    const client = newClient();
    await client.connect();
    const texts: string[] = [];
    for (let i = 0; i < 8; i++) {
      const text = `burst ${i}`;
      texts.push(text);
      void client.sendMessage('alice-bob', { text });
      // Drops at varying moments: mid-send, mid-handshake, while waiting to retry.
      await new Promise((r) => setTimeout(r, (i * 37) % 120));
      proxy.drop();
    }
    const back = await online(client, BACK_WITHIN_MS);
    await deliveredOnce(client, texts);
    const order = live.server.messages('alice-bob').filter((m) => texts.includes(m.text)).map((m) => m.text);
    expect(order).toEqual(texts);
    console.info(`[faults] 8 drops in a row: online ${back} ms after the last`);
  });

  it('waking from sleep: a silent link is replaced at once instead of after the heartbeat', async () => {
    // A heartbeat too slow to notice within this test: only the wake check can.
    await live.close();
    live = await startMockServer({ port: 0, host: '127.0.0.1', seed: 'demo', pingIntervalMs: 60_000, pingTimeoutMs: 60_000 });
    await proxy.close();
    proxy = await startFaultProxy(live.url);
    const client = newClient();
    await client.connect();
    const connections = proxy.accepted;
    proxy.stall(true);
    // The machine sleeps for a minute: the wall clock jumps, no timer ran meanwhile.
    const realNow = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 60_000);
    proxy.stall(false);
    await vi.waitFor(() => expect(proxy.accepted).toBeGreaterThan(connections), { timeout: 5_000, interval: 10 });
    await online(client, BACK_WITHIN_MS);
  });

  it('a refused token stays final: no retry, and Retry now does not revive it', async () => {
    const transport = createSocketIoTransport({ url: proxy.url, token: 'forged-token', initialRetryMs: 50, maxRetryMs: 100 });
    const statuses: string[] = [];
    transport.onStatus((s) => statuses.push(s.state === 'disconnected' ? `disconnected:${s.willRetry}` : s.state));
    transport.connect();
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('disconnected:false'), { timeout: 5_000, interval: 10 });
    expect(transport.status).toMatchObject({ error: { code: 'unauthorized' } });
    // An attempt would say 'connecting' synchronously.
    transport.reconnectNow();
    expect(statuses).toEqual(['connecting', 'disconnected:false']);
    transport.disconnect();
  });
});
