// @vitest-environment node
/**
 * Uploads and downloads over HTTP tell an expired token from a bad one, as the socket.io
 * handshake does: 401 `token_expired` for an issued token past its time (get a fresh one and
 * try again), 401 `unauthorized` for an unknown or revoked one (final). Against
 * startMockServer on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { ADMIN_KEY, api, png, upload } from './helpers';

// Long enough that an upload on a busy machine still finds its token alive; the test waits past it once.
const TTL_MS = 2_000;
let running: RunningMockServer;

beforeAll(async () => {
  running = await startMockServer({ adminKey: ADMIN_KEY, tokenTtlMs: TTL_MS, rateLimits: false });
});
afterAll(async () => {
  await running.close();
});

async function issue(): Promise<{ token: string; expiresAt: number }> {
  const res = await api(running.url, 'POST', '/admin/users/alice/tokens');
  expect(res.status).toBe(201);
  return res.body;
}

const sendFile = (token: string) =>
  upload(running.url, token, [['conversationId', 'general'], ['file', { filename: 'dot.png', data: png(2, 2) }]]);

async function download(id: string, token: string) {
  const res = await fetch(`${running.url}/uploads/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: res.status === 200 ? undefined : ((await res.json()) as unknown) };
}

const waitPast = (expiresAt: number) => new Promise((resolve) => setTimeout(resolve, expiresAt - Date.now() + 50));

describe('HTTP uploads and downloads with an expired token', () => {
  it('answer 401 token_expired, and a fresh token works again', async () => {
    const { token, expiresAt } = await issue();
    const stored = await sendFile(token);
    expect(stored.status).toBe(201);
    await waitPast(expiresAt);

    const refused = await sendFile(token);
    expect(refused).toEqual({ status: 401, body: { error: { code: 'token_expired', message: expect.stringMatching(/expired/) } } });
    expect(await download(stored.body.id, token)).toEqual({ status: 401, body: { error: { code: 'token_expired', message: expect.any(String) } } });

    const fresh = await issue();
    expect((await sendFile(fresh.token)).status).toBe(201);
    expect((await download(stored.body.id, fresh.token)).status).toBe(200);
  });

  it('an unknown or revoked token stays 401 unauthorized', async () => {
    const { token } = await issue();
    expect((await api(running.url, 'DELETE', `/admin/users/alice/tokens/${token}`)).status).toBe(204);
    for (const bad of [token, 'ptk_' + '0'.repeat(48), 'mallory-token']) {
      const refused = await sendFile(bad);
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('unauthorized');
    }
  });
});
