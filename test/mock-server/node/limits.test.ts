// @vitest-environment node
/**
 * Limits per user and per address, as an attacker meets them over real socket.io on
 * 127.0.0.1: many sockets of one user share one budget, reconnecting does not refill
 * it, handshakes are counted, history scans cost what they return (and cannot stall
 * the server), a socket that keeps pushing is disconnected; `rateLimits: false` lets
 * all of it through. Small limits through options keep it quick.
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { startMockServer, type RunningMockServer, type StartMockServerOptions } from 'parley/mock-server/node';
import { closeAllClients, connect, disconnected, refusal, uniqueId, type Client } from './helpers';

afterEach(() => closeAllClients());

async function serve(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  const running = await startMockServer({ port: 0, host: '127.0.0.1', ...options });
  onTestFinished(() => running.close());
  return running;
}

const send = (client: Client, text = 'hi') =>
  client.request('message:send', { conversationId: 'general', clientId: uniqueId('limit'), text }, 10_000);

const RATE_LIMITED = {
  ok: false,
  error: { code: 'rate_limited', message: expect.stringMatching(/^Too many .* for each user\. Try again in [\d.]+ s\./), retryAfterMs: expect.any(Number) },
};

describe('connections', () => {
  it("refuses one user's 11th socket with rate_limited, and takes one again when another closes", async () => {
    // The default cap (10 at once); handshakes raised so the retries at the end are not what is measured.
    const { url } = await serve({ rateLimits: { handshakes: { limit: 100, intervalMs: 60_000 } } });
    const open: Client[] = [];
    for (let i = 0; i < 10; i++) open.push(await connect(url, 'alice-token'));
    const err = await refusal(url, 'alice-token');
    expect(err.message).toBe('Too many connections for this user: at most 10 at once. Close one and try again.');
    expect(err.data).toEqual({ code: 'rate_limited', retry: true, retryAfterMs: expect.any(Number) });
    // Someone else is not affected.
    expect((await connect(url, 'bob-token')).socket.connected).toBe(true);
    open[0]!.close();
    // Counted off once the server has seen it close.
    await vi.waitFor(() => connect(url, 'alice-token'), { timeout: 10_000, interval: 200 });
  });

  it('refuses a handshake flood from one address, before the token is looked at', async () => {
    const { url } = await serve({ rateLimits: { handshakesPerIp: { limit: 5, intervalMs: 60_000 } } });
    const users = ['alice', 'bob', 'carol', 'dave', 'erin'];
    for (const user of users) (await connect(url, `${user}-token`)).close();
    for (const token of ['frank-token', 'junk', undefined]) {
      const err = await refusal(url, token);
      expect(err.data).toMatchObject({ code: 'rate_limited', retry: true });
      expect(err.message).toMatch(/^Too many connection attempts: at most 5 per 60 s from one address\./);
    }
  });

  it("limits one user's handshakes: a connect/disconnect loop stops telling contacts", async () => {
    const { url } = await serve({ rateLimits: { handshakes: { limit: 3, intervalMs: 60_000 } } });
    const bob = await connect(url, 'bob-token');
    const presenceOfAlice = async () => {
      await bob.request('conversations:list'); // pushes made before this answer have arrived
      return bob.of('presence').filter((p: any) => p.userId === 'alice').length;
    };
    for (let i = 0; i < 3; i++) {
      const alice = await connect(url, 'alice-token');
      alice.close();
    }
    // Each cycle told bob twice (online, offline); wait for the last one.
    await vi.waitFor(() => expect(bob.of('presence').filter((p: any) => p.userId === 'alice' && !p.online)).toHaveLength(3), { timeout: 10_000 });
    const told = await presenceOfAlice();
    expect(told).toBe(6);
    const err = await refusal(url, 'alice-token');
    expect(err.data.code).toBe('rate_limited');
    expect(err.message).toMatch(/^Too many connection attempts: at most 3 per 60 s for each user\./);
    expect(await presenceOfAlice()).toBe(told);
  });
});

describe('request budgets are per user', () => {
  it('several sockets of one user share one send budget', async () => {
    const { url } = await serve({ rateLimits: { send: { limit: 5, intervalMs: 60_000 } } });
    const sockets = await Promise.all([1, 2, 3].map(() => connect(url, 'alice-token')));
    const acks = await Promise.all(sockets.flatMap((s) => [send(s), send(s), send(s)]));
    expect(acks.filter((a) => a.ok)).toHaveLength(5);
    const refused = acks.filter((a) => !a.ok);
    expect(refused).toHaveLength(4);
    for (const ack of refused) {
      expect(ack).toEqual(RATE_LIMITED);
      expect(ack.error.message).toMatch(/^Too many messages, edits, reactions, pins, forwards and searches: at most 5 per 60 s for each user/);
      expect(ack.error.retryAfterMs).toBeGreaterThan(1_000);
      expect(ack.error.retryAfterMs).toBeLessThanOrEqual(12_000);
    }
  });

  it('reconnecting does not refill the budget', async () => {
    const { url } = await serve({ rateLimits: { send: { limit: 3, intervalMs: 60_000 } } });
    const first = await connect(url, 'alice-token');
    for (let i = 0; i < 3; i++) expect((await send(first)).ok).toBe(true);
    first.close();
    await disconnected(first.socket);
    const again = await connect(url, 'alice-token');
    expect(await send(again)).toEqual(RATE_LIMITED);
  });

  it('disconnects a socket that keeps sending past its budget, and says why', async () => {
    const { url } = await serve({ rateLimits: { send: { limit: 1, intervalMs: 60_000 }, refusals: { limit: 3, intervalMs: 60_000 } } });
    const alice = await connect(url, 'alice-token');
    const gone = disconnected(alice.socket, 10_000);
    expect((await send(alice)).ok).toBe(true);
    const refused = [await send(alice), await send(alice), await send(alice)];
    expect(refused.every((a) => a.error.code === 'rate_limited')).toBe(true);
    const last = await send(alice);
    expect(last.error.code).toBe('rate_limited');
    expect(last.error.message).toMatch(/This connection is closed: it kept sending past its limits\.$/);
    expect(await gone).toBe('io server disconnect');
  });
});

describe('history reads cost what they return', () => {
  it('counts messages read, and gives back what a short page did not use', async () => {
    const { url } = await serve({ rateLimits: { history: { limit: 500, intervalMs: 60_000 } } });
    const alice = await connect(url, 'alice-token');
    const page = (afterSeq: number, limit: number) => alice.request('messages:since', { conversationId: 'archive', afterSeq, limit }, 10_000);
    expect((await page(0, 200)).messages).toHaveLength(200); // 300 left
    // A page's size is taken up front; a near-empty page gives back what it did not return.
    expect((await page(9_999, 200)).messages).toHaveLength(1); // 299 left, not 100
    expect((await page(200, 90)).messages).toHaveLength(90); // 209
    expect((await page(290, 200)).messages).toHaveLength(200); // 9
    const refused = await page(490, 50);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: expect.stringMatching(/^Too many messages read: at most 500 per 60 s for each user/), retryAfterMs: expect.any(Number) },
    });
    // 41 short of 50 at 500 per minute: about 4.9 s.
    expect(refused.error.retryAfterMs).toBeGreaterThan(4_000);
    expect(refused.error.retryAfterMs).toBeLessThanOrEqual(5_000);
  });

  it('a burst of archive scans from 10 sockets is refused before it stalls /health', { timeout: 60_000 }, async () => {
    const { url } = await serve();
    const sockets = await Promise.all(Array.from({ length: 10 }, () => connect(url, 'alice-token')));
    const answers: Promise<string>[] = [];
    for (const [s, client] of sockets.entries()) {
      for (let i = 0; i < 100; i++) {
        const afterSeq = (s * 100 + i) * 9;
        answers.push(
          client
            .request('messages:since', { conversationId: 'archive', afterSeq, limit: 200 }, 30_000)
            .then((ack) => (ack.ok ? 'ok' : ack.error.code), () => 'closed'),
        );
      }
    }
    let settled = false;
    const all = Promise.all(answers).finally(() => (settled = true));
    let slowest = 0;
    do {
      const started = performance.now();
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(20_000) });
      expect(res.status).toBe(200);
      slowest = Math.max(slowest, performance.now() - started);
    } while (!settled);
    const codes = await all;
    expect(slowest).toBeLessThan(1_000);
    // The default budget (2 000 messages) is ten full pages; the rest is refused or cut off.
    expect(codes.filter((c) => c === 'ok').length).toBeLessThanOrEqual(10);
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThan(100);
  });
});

describe('rateLimits: false', () => {
  it('lets every one of these through', { timeout: 60_000 }, async () => {
    const { url } = await serve({ rateLimits: false });
    const sockets: Client[] = [];
    for (let i = 0; i < 12; i++) sockets.push(await connect(url, 'alice-token'));
    for (let i = 0; i < 30; i++) (await connect(url, 'bob-token')).close();
    const sends = await Promise.all(sockets.flatMap((s) => [send(s), send(s), send(s)]));
    expect(sends.every((a) => a.ok)).toBe(true);
    const pages = await Promise.all(
      sockets.map((s, i) => s.request('messages:since', { conversationId: 'archive', afterSeq: i * 200, limit: 200 }, 30_000)),
    );
    expect(pages.every((p) => p.ok && p.messages.length === 200)).toBe(true);
    expect(sockets.every((s) => s.socket.connected)).toBe(true);
  });
});
