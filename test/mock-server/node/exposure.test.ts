// @vitest-environment node
/**
 * A running dev server seen by a web page elsewhere: the requests a page on
 * evil.example can make (cross-origin, or same-origin through DNS rebinding,
 * where only the Host header tells) read nothing, and the admin key is nobody's
 * to guess. Raw node:http requests, so every header is the attacker's choice.
 */
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { api, closeAllClients, connect, multipart, png } from './helpers';
import { raw, upgrade, type Answer } from './rawHttp';

const EVIL = 'http://evil.example';
const PAGE = 'http://localhost:5173';
const HANDSHAKE = '/socket.io/?EIO=4&transport=polling';
const ACAO = 'access-control-allow-origin';

/** socket.io-client over the websocket transport, sending this Origin: connects or is refused. */
function handshake(url: string, origin: string): Promise<'connected' | 'refused'> {
  const socket = io(url, { auth: { token: 'alice-token' }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { Origin: origin } });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', () => {
      socket.disconnect();
      resolve('refused');
    });
  });
}

function uploadBody(): { body: Buffer; headers: Record<string, string> } {
  const { body, contentType } = multipart([['conversationId', 'general'], ['file', { filename: 'a.png', data: png(2, 2) }]]);
  return { body, headers: { 'Content-Type': contentType, Authorization: 'Bearer alice-token' } };
}

let plain: RunningMockServer;
let listed: RunningMockServer;

beforeAll(async () => {
  [plain, listed] = await Promise.all([startMockServer(), startMockServer({ corsOrigins: [PAGE] })]);
});

afterEach(() => closeAllClients());

afterAll(async () => {
  await Promise.all([plain.close(), listed.close()]);
});

/** REST, admin and upload routes as an origin sees them (a stored file for the download). */
async function routesFrom(running: RunningMockServer, origin: string): Promise<Record<string, Answer>> {
  const key = `Bearer ${running.adminKey}`;
  const { body, headers } = uploadBody();
  const stored = await raw(running.url, '/uploads', { ...headers, Origin: origin }, 'POST', body);
  const id = (JSON.parse(stored.text) as { id: string }).id;
  return {
    health: await raw(running.url, '/health', { Origin: origin }),
    adminUsers: await raw(running.url, '/admin/users', { Origin: origin, Authorization: key }),
    history: await raw(running.url, '/admin/conversations/alice-bob', { Origin: origin, Authorization: key }),
    upload: stored,
    download: await raw(running.url, `/uploads/${id}`, { Origin: origin, Authorization: 'Bearer alice-token' }),
    notFound: await raw(running.url, '/nothing', { Origin: origin }),
  };
}

describe('origins: no CORS unless listed', () => {
  it('a page on another origin gets no CORS header from REST, admin or upload routes', async () => {
    for (const running of [plain, listed]) {
      for (const [route, answer] of Object.entries(await routesFrom(running, EVIL))) {
        expect(answer.status, route).toBeLessThan(500);
        expect(answer.headers[ACAO], route).toBeUndefined();
      }
    }
  });

  it('refuses its preflight, and its socket.io handshake over websocket and polling', async () => {
    for (const running of [plain, listed]) {
      const preflight = await raw(running.url, '/admin/users', { Origin: EVIL, 'Access-Control-Request-Method': 'GET' }, 'OPTIONS');
      expect(preflight.status).toBe(403);
      expect(preflight.headers[ACAO]).toBeUndefined();
      expect(JSON.parse(preflight.text).error.code).toBe('forbidden_origin');
      expect(await handshake(running.url, EVIL)).toBe('refused');
      // engine.io answers a refused upgrade 400 and a refused poll 403, each with our reason.
      const socket = await upgrade(running.url, { Origin: EVIL });
      expect(socket.status).toBe(400);
      expect(socket.text).toMatch(/evil\.example.*corsOrigins/);
      const polling = await raw(running.url, HANDSHAKE, { Origin: EVIL });
      expect(polling.status).toBe(403);
      expect(polling.headers[ACAO]).toBeUndefined();
      expect(polling.text).toMatch(/evil\.example.*corsOrigins/);
    }
    expect(plain.server.users().length).toBeGreaterThan(0); // still serving
  });

  it('a listed origin gets CORS headers (with Vary: Origin), its preflight and its socket.io handshake', async () => {
    for (const [route, answer] of Object.entries(await routesFrom(listed, PAGE))) {
      expect(answer.headers[ACAO], route).toBe(PAGE);
      expect(answer.headers.vary, route).toMatch(/Origin/);
    }
    const preflight = await raw(listed.url, '/uploads', { Origin: PAGE, 'Access-Control-Request-Method': 'POST' }, 'OPTIONS');
    expect(preflight.status).toBe(204);
    expect(preflight.headers[ACAO]).toBe(PAGE);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
    expect(await handshake(listed.url, PAGE)).toBe('connected');
    expect((await upgrade(listed.url, { Origin: PAGE })).status).toBe(101);
    const polling = await raw(listed.url, HANDSHAKE, { Origin: PAGE });
    expect(polling.status).toBe(200);
    expect(polling.headers[ACAO]).toBe(PAGE);
    // The list is exact: another port of the same host is another origin.
    expect(await handshake(listed.url, 'http://localhost:5174')).toBe('refused');
    // On the unlisted server the same page is a stranger.
    expect(await handshake(plain.url, PAGE)).toBe('refused');
  });

  it('requests without an Origin (Node, curl, tests) work as before, with no CORS header', async () => {
    const users = await api(plain.url, 'GET', '/admin/users', undefined, plain.adminKey);
    expect(users.status).toBe(200);
    expect(users.headers.get(ACAO)).toBeNull();
    const alice = await connect(plain.url, 'alice-token');
    expect(alice.socket.connected).toBe(true);
    expect((await raw(plain.url, '/health', {}, 'OPTIONS')).status).toBe(204);
  });

  it('refuses a corsOrigins entry that is not an origin', async () => {
    for (const bad of ['*', 'http://localhost:5173/', 'localhost:5173', 'http://localhost:5173/app']) {
      await expect(startMockServer({ corsOrigins: [bad] })).rejects.toThrow(/corsOrigins/);
    }
  });
});

describe('hosts: DNS rebinding', () => {
  const forbidden = (answer: Answer) => {
    expect(answer.status).toBe(403);
    expect(answer.headers[ACAO]).toBeUndefined();
    const body = JSON.parse(answer.text) as { error: { code: string; message: string } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
    expect(body.error.code).toBe('forbidden_host');
    expect(body.error.message).toMatch(/evil\.example.*allowedHosts/);
  };

  it('Host: evil.example gets 403 forbidden_host on REST, admin, uploads and the socket.io handshake', async () => {
    for (const running of [plain, listed]) {
      const host = { Host: 'evil.example', Origin: 'http://evil.example' };
      const key = `Bearer ${running.adminKey}`;
      forbidden(await raw(running.url, '/health', host));
      forbidden(await raw(running.url, '/admin/users', { ...host, Authorization: key }));
      const { body, headers } = uploadBody();
      forbidden(await raw(running.url, '/uploads', { ...headers, ...host }, 'POST', body));
      forbidden(await raw(running.url, `/uploads/${'0'.repeat(32)}`, { ...host, Authorization: 'Bearer alice-token' }));
      forbidden(await raw(running.url, '/uploads', { Host: 'evil.example:80' }, 'OPTIONS'));
      // Same-origin to the rebound page: no Origin header at all.
      forbidden(await raw(running.url, HANDSHAKE, { Host: 'evil.example' }));
      forbidden(await upgrade(running.url, { Host: `evil.example:${new URL(running.url).port}` }));
    }
  });

  it('loopback names with any port work; a malformed Host does not', async () => {
    const port = new URL(plain.url).port;
    for (const host of [`localhost:${port}`, 'localhost', `127.0.0.1:${port}`, `[::1]:${port}`, `app.localhost:${port}`, 'LOCALHOST:1']) {
      expect((await raw(plain.url, '/health', { Host: host })).status, host).toBe(200);
      expect((await raw(plain.url, HANDSHAKE, { Host: host })).status, host).toBe(200);
    }
    expect((await upgrade(plain.url, { Host: `localhost:${port}` })).status).toBe(101);
    for (const host of ['localhost.evil.example', 'evil-localhost', '127.0.0.1.evil.example', 'localhost@evil.example']) {
      expect((await raw(plain.url, '/health', { Host: host })).status, host).toBe(403);
    }
  });

  it('allowedHosts adds names (a leading dot for subdomains) or, with true, any', async () => {
    const named = await startMockServer({ allowedHosts: ['chat.example.com', '.example.org'] });
    const any = await startMockServer({ allowedHosts: true });
    try {
      for (const host of ['chat.example.com', 'chat.example.com:8080', 'example.org', 'a.b.example.org']) {
        expect((await raw(named.url, '/health', { Host: host })).status, host).toBe(200);
      }
      expect((await raw(named.url, '/health', { Host: 'other.example.com' })).status).toBe(403);
      expect((await raw(named.url, '/health', { Host: 'localhost' })).status).toBe(200);
      expect((await raw(any.url, '/health', { Host: 'evil.example' })).status).toBe(200);
      await expect(startMockServer({ allowedHosts: ['http://chat.example.com'] })).rejects.toThrow(/allowedHosts/);
      await expect(startMockServer({ allowedHosts: ['chat.example.com:8080'] })).rejects.toThrow(/allowedHosts/);
    } finally {
      await Promise.all([named.close(), any.close()]);
    }
  });
});

describe('admin key', () => {
  it('is random per start, returned, and the old fixed key opens nothing', async () => {
    const other = await startMockServer();
    try {
      expect(plain.adminKey).not.toBe(other.adminKey);
      for (const running of [plain, other]) {
        expect(running.adminKey).not.toBe('parley-admin-key');
        const old = await api(running.url, 'GET', '/admin/users', undefined, 'parley-admin-key');
        expect(old.status).toBe(401);
        expect(old.body.error.code).toBe('unauthorized');
        expect((await api(running.url, 'GET', '/admin/users', undefined, running.adminKey)).status).toBe(200);
      }
      // Each server's key is its own.
      expect((await api(plain.url, 'GET', '/admin/users', undefined, other.adminKey)).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('is the given one when adminKey is passed, and never the old fixed key', async () => {
    const own = await startMockServer({ adminKey: 'my-own-admin-key' });
    try {
      expect(own.adminKey).toBe('my-own-admin-key');
      expect((await api(own.url, 'GET', '/admin/users', undefined, 'my-own-admin-key')).status).toBe(200);
    } finally {
      await own.close();
    }
    await expect(startMockServer({ adminKey: 'parley-admin-key' })).rejects.toThrow(/published/);
  });
});
