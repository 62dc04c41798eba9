// @vitest-environment node
/**
 * The image proxy, attacker style, over real HTTP on 127.0.0.1: only URLs the
 * server signed, only public addresses (a fixture address opened by
 * `allowPrivateNetworks` for these tests), only raster images, within size and
 * time, with nothing of the viewer's request passed on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { HUGE, PNG, startImageOrigin, type ImageOrigin } from './imageOrigin';

const MAX = 50_000;
let origin: ImageOrigin;
/** A second host, on another loopback address the proxy is not allowed to reach. */
let internal: ImageOrigin;
let proxied: RunningMockServer;
/** The same with a short deadline, for the slow answers. */
let hurried: RunningMockServer;

beforeAll(async () => {
  origin = await startImageOrigin('127.0.0.1');
  internal = await startImageOrigin('127.0.0.2');
  proxied = await startMockServer({
    rateLimits: false,
    imageProxy: { allowPrivateNetworks: ['127.0.0.1'], maxBytes: MAX },
  });
  hurried = await startMockServer({ rateLimits: false, imageProxy: { allowPrivateNetworks: ['127.0.0.1'], timeoutMs: 300 } });
});

afterAll(async () => {
  await Promise.all([proxied.close(), hurried.close(), origin.close(), internal.close()]);
});

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers, redirect: 'manual' });
  const body = Buffer.from(await res.arrayBuffer());
  const json = res.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(body.toString()) as any) : undefined;
  return { status: res.status, headers: res.headers, body, error: json?.error };
}

const through = (server: RunningMockServer, path: string, base = origin.base) => get(server.proxyImageUrl(`${base}${path}`));

describe('a signed URL', () => {
  it('serves the image as its bytes say, with safe headers, and no cookie of the origin', async () => {
    const res = await through(proxied, '/cat.png');
    expect(res.status).toBe(200);
    expect(res.body.equals(Buffer.from(PNG))).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('is absolute, on the server, and names the external URL', () => {
    const url = new URL(proxied.proxyImageUrl(`${origin.base}/cat.png#frag`));
    expect(`${url.origin}${url.pathname}`).toBe(`${proxied.url}/media/proxy`);
    expect(url.searchParams.get('url')).toBe(`${origin.base}/cat.png`);
  });

  it('passes on nothing of the viewer: no cookie, authorization, referer or address; a fixed User-Agent', async () => {
    const res = await get(proxied.proxyImageUrl(`${origin.base}/cat.png?who=headers`), {
      Cookie: 'session=secret',
      Authorization: 'Bearer alice-token',
      Referer: 'http://127.0.0.1/private/page',
      'User-Agent': 'ViewerBrowser/1.0',
      'X-Forwarded-For': '203.0.113.5',
    });
    expect(res.status).toBe(200);
    const seen = await origin.requested('/cat.png?who=headers');
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers.referer).toBeUndefined();
    expect(seen.headers['x-forwarded-for']).toBeUndefined();
    expect(seen.headers['user-agent']).toBe('ParleyImageProxy/1');
  });

  it('cannot be made for anything but an http or https URL without credentials', () => {
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'data:image/png;base64,AAAA', 'ftp://127.0.0.1/x.png', 'http://user:pw@127.0.0.1/x.png', 'not a url']) {
      expect(() => proxied.proxyImageUrl(bad), bad).toThrow(/http and https/);
    }
  });
});

describe('what the server did not sign', () => {
  it('is the one 404, and nothing is fetched: unsigned, forged, tampered, expired', async () => {
    const before = origin.connections();
    const signed = new URL(proxied.proxyImageUrl(`${origin.base}/cat.png`));
    const other = `${origin.base}/icon.svg`;
    const variants: URL[] = [];
    const withParams = (change: (q: URLSearchParams) => void) => {
      const url = new URL(signed);
      change(url.searchParams);
      variants.push(url);
    };
    withParams((q) => (q.delete('sig'), q.delete('exp')));
    withParams((q) => q.delete('sig'));
    withParams((q) => q.set('sig', 'ab'.repeat(32)));
    withParams((q) => q.set('sig', 'not hex'));
    withParams((q) => q.set('url', other));
    withParams((q) => q.set('url', `${q.get('url')}?x=1`));
    withParams((q) => q.set('exp', String(Number(q.get('exp')) + 1)));
    withParams((q) => q.append('url', other));
    variants.push(new URL(proxied.proxyImageUrl(`${origin.base}/cat.png`, { ttlMs: 0 })));
    variants.push(new URL(`${proxied.url}/media/proxy`));
    for (const url of variants) {
      const res = await get(url.href);
      expect(res.status, url.search).toBe(404);
      expect(res.error).toEqual({ code: 'not_found', message: 'No such image' });
    }
    expect(origin.connections()).toBe(before);
  });

  it('another server (another secret) signed is not signed here', async () => {
    const elsewhere = await startMockServer({ rateLimits: false });
    try {
      const foreign = new URL(elsewhere.proxyImageUrl(`${origin.base}/cat.png`));
      const res = await get(`${proxied.url}${foreign.pathname}${foreign.search}`);
      expect(res.status).toBe(404);
    } finally {
      await elsewhere.close();
    }
  });

  it('only GET', async () => {
    const res = await fetch(proxied.proxyImageUrl(`${origin.base}/cat.png`), { method: 'POST' });
    expect(res.status).toBe(405);
  });
});

describe('what it does not serve', () => {
  const refused = async (path: string, reason: string, server = proxied) => {
    const res = await through(server, path);
    expect(res.status, path).toBe(502);
    expect(res.error, path).toMatchObject({ code: 'bad_gateway', reason });
    return res;
  };

  it('SVG, HTML under an image type, an error page', async () => {
    await refused('/icon.svg', 'not_an_image');
    await refused('/page.png', 'not_an_image');
    await refused('/missing.png', 'status');
  });

  it('a declared size over the cap is refused before its body is read', async () => {
    await refused('/huge.png', 'too_large');
    const { closed } = await origin.requested('/huge.png');
    const { finished, sent } = await closed;
    expect(finished).toBe(false);
    expect(sent).toBeLessThan(HUGE);
  });

  it('a body over the cap without a length (chunked, or until close) is cut off while it streams', async () => {
    for (const path of ['/chunked.png', '/unframed.png']) {
      await refused(path, 'too_large');
      const { sent } = await (await origin.requested(path)).closed;
      expect(sent, path).toBeLessThan(HUGE);
    }
  });

  it('a body longer than its Content-Length is read no further than it', async () => {
    const res = await through(proxied, '/short-length.png');
    // Node's parser takes the bytes after the declared end for a malformed next answer (502),
    // unless they come after the answer was complete (then the 1 000 declared bytes).
    if (res.status === 200) expect(res.body.length).toBe(1000);
    else expect(res.error).toMatchObject({ code: 'bad_gateway', reason: 'unreachable' });
    const { sent } = await (await origin.requested('/short-length.png')).closed;
    expect(sent).toBeLessThan(HUGE);
  });

  it('a slow answer or a slow body is given up at the deadline, and its connection closed', async () => {
    for (const path of ['/no-answer.png', '/slow-body.png']) {
      await refused(path, 'timeout', hurried);
      const { finished } = await (await origin.requested(path)).closed;
      expect(finished, path).toBe(false);
    }
  });

  it('follows up to 3 redirects, and no more', async () => {
    expect((await through(proxied, '/hops/3')).status).toBe(200);
    await refused('/hops/4', 'redirects');
  });

  it('a redirect to an internal address or another scheme is refused without connecting there', async () => {
    const to = (target: string) => `/redirect?to=${encodeURIComponent(target)}`;
    await refused(to(`${internal.base}/cat.png`), 'address');
    await refused(to(`http://169.254.169.254/latest/meta-data/`), 'address');
    await refused(to('file:///etc/passwd'), 'address');
    await refused(to('gopher://127.0.0.1:6379/_INFO'), 'address');
    expect(internal.connections()).toBe(0);
  });
});

describe('with the default options', () => {
  let strict: RunningMockServer;
  beforeAll(async () => {
    strict = await startMockServer({ rateLimits: false });
  });
  afterAll(() => strict.close());

  it('no loopback, private, link-local or unspecified target is fetched, however it is spelled', async () => {
    const port = new URL(origin.base).port;
    const before = origin.connections();
    const targets = [
      `http://127.0.0.1:${port}/cat.png`,
      `http://localhost:${port}/cat.png`,
      `http://[::1]:${port}/cat.png`,
      `http://[::ffff:127.0.0.1]:${port}/cat.png`,
      `http://2130706433:${port}/cat.png`,
      `http://0.0.0.0:${port}/cat.png`,
      `http://10.0.0.1:${port}/cat.png`,
      `http://192.168.0.1/cat.png`,
      'http://169.254.169.254/latest/meta-data/',
      `http://100.64.0.1/cat.png`,
    ];
    for (const target of targets) {
      const res = await get(strict.proxyImageUrl(target));
      expect(res.status, target).toBe(502);
      expect(res.error, target).toMatchObject({ code: 'bad_gateway', reason: 'address' });
    }
    expect(origin.connections()).toBe(before);
  });
});

describe('limits', () => {
  it('counts against the per-address HTTP budget', async () => {
    const limited = await startMockServer({
      rateLimits: { http: { limit: 2, intervalMs: 60_000 } },
      imageProxy: { allowPrivateNetworks: ['127.0.0.1'] },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await through(limited, '/cat.png')).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('fetches only so many at once (429), and a viewer who leaves cancels the fetch', async () => {
    const narrow = await startMockServer({
      rateLimits: false,
      imageProxy: { allowPrivateNetworks: ['127.0.0.1'], fetchesAtOnce: 1, timeoutMs: 60_000 },
    });
    try {
      const leaving = new AbortController();
      const first = fetch(narrow.proxyImageUrl(`${origin.base}/no-answer.png?leave=1`), { signal: leaving.signal }).catch(() => null);
      const upstream = await origin.requested('/no-answer.png');
      const second = await through(narrow, '/cat.png');
      expect(second.status).toBe(429);
      expect(second.error).toMatchObject({ code: 'rate_limited' });
      leaving.abort();
      await first;
      // Closed long before the 60 s deadline: the test would time out otherwise.
      expect((await upstream.closed).finished).toBe(false);
      expect((await through(narrow, '/cat.png')).status).toBe(200);
    } finally {
      await narrow.close();
    }
  });

  it('imageProxy: false has no proxy route and signs nothing', async () => {
    const off = await startMockServer({ rateLimits: false, imageProxy: false });
    try {
      expect(() => off.proxyImageUrl(`${origin.base}/cat.png`)).toThrow(/off/);
      const signed = new URL(proxied.proxyImageUrl(`${origin.base}/cat.png`));
      const res = await get(`${off.url}${signed.pathname}${signed.search}`);
      expect(res.status).toBe(404);
      expect(res.error.code).toBe('not_found');
    } finally {
      await off.close();
    }
  });
});
