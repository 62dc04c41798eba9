// @vitest-environment node
/** startMockServer's lifecycle: defaults, the same core object, and a close() that leaves nothing behind. */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { createMockServer } from 'parley/mock-server';
import { DEV_ADMIN_KEY, startMockServer } from 'parley/mock-server/node';
import { api, closeAllClients, connect, disconnected, png, refusal, upload } from './helpers';

/** Open sockets and servers of this process (timers and the worker's IPC channel are not counted). */
function netHandles(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap' || r === 'TCPSocketWrap').length;
}

describe('startMockServer', () => {
  it('defaults to 127.0.0.1, a free port, the demo seed, a random admin key and no CORS', async () => {
    const { url, server, uploadDir, adminKey, close } = await startMockServer();
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(Number(new URL(url).port)).toBeGreaterThan(0);
      // The same kind of object createMockServer returns, with the same seeded data.
      expect(Object.keys(server).sort()).toEqual(Object.keys(createMockServer()).sort());
      expect(server.seed).toBe('demo');
      expect(server.messages('general')).toEqual(createMockServer().messages('general'));
      expect(uploadDir.startsWith(tmpdir())).toBe(true);
      expect(adminKey.length).toBeGreaterThanOrEqual(32);
      expect((await api(url, 'GET', '/admin/users', undefined, adminKey)).status).toBe(200);
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true });
      // No page origin is allowed unless listed (exposure.test.ts covers the list).
      const cors = await fetch(`${url}/uploads`, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:6006' } });
      expect(cors.status).toBe(403);
      expect(cors.headers.get('access-control-allow-origin')).toBeNull();
      expect((await fetch(`${url}/nothing`)).status).toBe(404);
    } finally {
      await close();
    }
  });

  it('close() drops sockets, stops listening, removes the upload dir and leaves no open handles', async () => {
    const baseline = netHandles();
    const running = await startMockServer();
    const alice = await connect(running.url, 'alice-token');
    const bob = await connect(running.url, 'bob-token');
    const stored = await upload(running.url, 'alice-token', [['conversationId', 'general'], ['file', { filename: 'a.png', data: png(2, 2) }]]);
    expect(stored.status).toBe(201);
    expect((await api(running.url, 'GET', '/admin/users', undefined, running.adminKey)).status).toBe(200);
    expect(existsSync(running.uploadDir)).toBe(true);
    expect(netHandles()).toBeGreaterThan(baseline);

    const aliceGone = disconnected(alice.socket);
    const bobGone = disconnected(bob.socket);
    await running.close();
    await running.close(); // idempotent
    expect(await aliceGone).toBe('io server disconnect');
    expect(await bobGone).toBe('io server disconnect');
    expect(existsSync(running.uploadDir)).toBe(false);
    await expect(fetch(`${running.url}/health`)).rejects.toThrow();
    const refused = await refusal(running.url, 'alice-token');
    expect(refused.message).toMatch(/xhr poll error|websocket error|ECONNREFUSED/i);
    closeAllClients();
    await vi.waitFor(() => expect(netHandles()).toBe(baseline), { timeout: 3000, interval: 20 });
  });

  it('refuses a too-short admin key, the old published one, and a port in use', async () => {
    await expect(startMockServer({ adminKey: 'short' })).rejects.toThrow(/adminKey/);
    // The published dev key guards no server at all, on loopback or elsewhere.
    await expect(startMockServer({ adminKey: DEV_ADMIN_KEY })).rejects.toThrow(/published/);
    await expect(startMockServer({ host: '0.0.0.0', adminKey: DEV_ADMIN_KEY })).rejects.toThrow(/published/);
    const first = await startMockServer();
    try {
      const port = Number(new URL(first.url).port);
      await expect(startMockServer({ port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
