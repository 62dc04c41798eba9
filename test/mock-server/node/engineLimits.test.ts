// @vitest-environment node
/**
 * What comes before a socket.io handshake: engine.io's own long-polling requests and
 * websocket upgrades count against the per-address HTTP budget like every other request,
 * and a connection that opens but never joins (so never shows a token) is closed after
 * 10 s, not socket.io's 45 s.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { startMockServer, type RunningMockServer, type StartMockServerOptions } from 'parley/mock-server/node';
import { raw, upgrade } from './rawHttp';

const OPEN_POLLING = '/socket.io/?EIO=4&transport=polling';

async function serve(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  const running = await startMockServer({ port: 0, host: '127.0.0.1', ...options });
  onTestFinished(() => running.close());
  return running;
}

const host = (url: string) => ({ Host: new URL(url).host });

describe('engine.io before the handshake', () => {
  it('counts long-polling opens against the address budget and refuses the rest with 429', async () => {
    const { url } = await serve({ rateLimits: { http: { limit: 3, intervalMs: 60_000 } } });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await raw(url, OPEN_POLLING, host(url)));
    expect(answers.slice(0, 3).map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers[0]!.text).toMatch(/^0\{"sid":/);
    for (const refused of answers.slice(3)) {
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      expect(JSON.parse(refused.text)).toMatchObject({ error: { code: 'rate_limited' } });
    }
  });

  it('counts websocket upgrades too', async () => {
    const { url } = await serve({ rateLimits: { http: { limit: 2, intervalMs: 60_000 } } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await upgrade(url, host(url))).status);
    expect(statuses).toEqual([101, 101, 429, 429]);
  });

  it('lets them all through with rateLimits: false', async () => {
    const { url } = await serve({ rateLimits: false });
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await raw(url, OPEN_POLLING, host(url))).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it('closes a connection that never joins after about 10 s', { timeout: 30_000 }, async () => {
    const { url } = await serve();
    const opened = await raw(url, OPEN_POLLING, host(url));
    const { sid } = JSON.parse(opened.text.slice(1)) as { sid: string };
    const started = Date.now();
    // A long poll waits for the next packet; for a connection that never joined, that is the close
    // ("1"), or the session is already gone (400). Pings come only every 25 s, after the close.
    let answer = await raw(url, `${OPEN_POLLING}&sid=${sid}`, host(url));
    while (answer.status === 200 && !answer.text.split('\x1e').includes('1')) {
      answer = await raw(url, `${OPEN_POLLING}&sid=${sid}`, host(url));
    }
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThan(8_000);
    expect(waited).toBeLessThan(20_000);
  });
});
