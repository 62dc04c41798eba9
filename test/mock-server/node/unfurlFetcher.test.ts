// @vitest-environment node
/**
 * createUnfurlFetcher over real HTTP against a fixture site on 127.0.0.1 (reachable only
 * through the test-only `allowAddress`), with an injected resolver: it reads the page's card
 * and image, and refuses internal addresses on every hop, too many redirects, too much and too slow.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnfurlFetcher, type UnfurlError, type UnfurlFetcherOptions } from 'parley/mock-server/node';
import { readPageMeta } from '../../../src/mock-server/node/unfurl/pageMeta';
import { png } from '../imageFixtures';

const PNG = png(6, 4);
const PAGE = `<!doctype html><html><head>
<title>Fallback &amp; title</title>
<meta content="The real title" property="og:title">
<meta property='og:description' content='Tea &amp; biscuits &#x2014; a guide'>
<meta property=og:site_name content=Biscuits>
<meta property="og:image" content="/cover.png">
</head><body><script>"<meta property='og:title' content='script'>"</script></body></html>`;

let site: Server;
let port = 0;
const hits: string[] = [];

beforeAll(async () => {
  site = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push(path);
    const redirect = /^\/r\/(\d+)$/.exec(path);
    if (redirect) {
      const left = Number(redirect[1]);
      res.writeHead(302, { Location: left === 0 ? '/page' : `/r/${left - 1}` }).end();
    } else if (path === '/page') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (path === '/cover.png') res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
    else if (path === '/big') {
      // No Content-Length: only counting the stream stops it.
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write(`<title>Big</title>${'x'.repeat(600_000)}`);
      res.end();
    } else if (path === '/big-image-page') res.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>Huge cover</title><meta property="og:image" content="/huge.png">');
    else if (path === '/huge.png') res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.concat([Buffer.from(PNG), Buffer.alloc(2_000_000)]));
    else if (path === '/slow') res.writeHead(200, { 'Content-Type': 'text/html' }).write('<title>Slow'); // never ends
    else if (path === '/plain') res.writeHead(200, { 'Content-Type': 'text/plain' }).end('<title>not html</title>');
    else if (path === '/to-private') res.writeHead(301, { Location: 'http://inside.test/page' }).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  port = (site.address() as AddressInfo).port;
});

afterAll(async () => {
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
});

/** A fetcher whose `site.test` is the fixture site; other names resolve as `names` says. */
function fetcher(names: Record<string, string[]> = {}, options: UnfurlFetcherOptions = {}) {
  const errors: UnfurlError[] = [];
  const unfurl = createUnfurlFetcher({
    resolve: async (host) => (names[host] ?? (host === 'site.test' ? ['127.0.0.1'] : [])).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    allowAddress: (address) => address === '127.0.0.1',
    onError: (_url, error) => errors.push(error),
    ...options,
  });
  const run = (url: string) => unfurl(url, new AbortController().signal);
  return { run, errors };
}

const at = (path: string, host = 'site.test') => `http://${host}:${port}${path}`;

describe('createUnfurlFetcher', () => {
  it('reads og:title, og:description, og:site_name and fetches og:image on the server', async () => {
    const { run } = fetcher();
    const card = await run(at('/page'));
    expect(card).toMatchObject({ title: 'The real title', description: 'Tea & biscuits — a guide', siteName: 'Biscuits' });
    expect(Buffer.from(card!.image!.bytes).equals(Buffer.from(PNG))).toBe(true);
  });

  it('follows up to 3 redirects, checking each hop; a 4th is refused', async () => {
    const { run, errors } = fetcher();
    expect((await run(at('/r/2')))?.title).toBe('The real title');
    expect(await run(at('/r/3'))).toBeNull();
    expect(errors.map((e) => e.reason)).toEqual(['redirects']);
  });

  it('refuses a redirect to an internal address, and never connects there', async () => {
    const { run, errors } = fetcher({ 'inside.test': ['10.0.0.7'] });
    expect(await run(at('/to-private'))).toBeNull();
    expect(errors.map((e) => e.reason)).toEqual(['address']);
  });

  it.each([
    ['loopback', '127.0.0.2'],
    ['10/8', '10.1.2.3'],
    ['172.16/12', '172.16.0.1'],
    ['172.16/12 (top)', '172.31.255.254'],
    ['192.168/16', '192.168.1.1'],
    ['link-local (metadata)', '169.254.169.254'],
    ['CGNAT', '100.64.0.1'],
    ['unspecified', '0.0.0.0'],
    ['IPv6 loopback', '::1'],
    ['IPv6 unique-local', 'fd12:3456::1'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped private (hex)', '::ffff:a00:1'],
    ['one internal address among public ones', '93.184.216.34,10.0.0.1'],
  ])('refuses a host on %s (%s)', async (_name, addresses) => {
    const before = hits.length;
    const { run, errors } = fetcher({ 'evil.test': addresses.split(',') });
    expect(await run(at('/page', 'evil.test'))).toBeNull();
    expect(errors.map((e) => e.reason)).toEqual(['address']);
    expect(hits.length).toBe(before);
  });

  it('refuses literal internal addresses, 127.0.0.1 itself without allowAddress, and other schemes', async () => {
    const { run, errors } = fetcher({}, { allowAddress: () => false });
    for (const url of [at('/page'), `http://127.0.0.1:${port}/page`, `http://[::1]:${port}/page`, 'file:///etc/passwd', 'ftp://site.test/x']) {
      expect(await run(url)).toBeNull();
    }
    expect(errors.map((e) => e.reason)).toEqual(['address', 'address', 'address', 'scheme', 'scheme']);
  });

  it('cuts a page off past maxHtmlBytes and an image past maxImageBytes (the page keeps its text)', async () => {
    const { run, errors } = fetcher({}, { maxHtmlBytes: 100_000 });
    expect(await run(at('/big'))).toBeNull();
    expect(await run(at('/big-image-page'))).toEqual({ title: 'Huge cover' });
    expect(errors.map((e) => e.reason)).toEqual(['too_large', 'too_large']);
  });

  it('gives up after timeoutMs, and on the server’s own signal', async () => {
    const { run, errors } = fetcher({}, { timeoutMs: 200 });
    const started = Date.now();
    expect(await run(at('/slow'))).toBeNull();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(errors.map((e) => e.reason)).toEqual(['timeout']);

    const unfurl = createUnfurlFetcher({ resolve: async () => [{ address: '127.0.0.1', family: 4 }], allowAddress: () => true });
    const controller = new AbortController();
    const pending = unfurl(at('/slow'), controller.signal);
    controller.abort();
    expect(await pending).toBeNull();
  });

  it('only HTML is a page', async () => {
    const { run, errors } = fetcher();
    expect(await run(at('/plain'))).toBeNull();
    expect(errors.map((e) => e.reason)).toEqual(['type']);
  });
});

describe('readPageMeta', () => {
  it('falls back to <title> and the description meta, and ignores comments', () => {
    expect(readPageMeta('<!-- <meta property="og:title" content="no"> --><TITLE> Plain  page </TITLE><meta name="description" content="d">')).toEqual({
      title: 'Plain page',
      description: 'd',
    });
    expect(readPageMeta('<html>nothing</html>')).toEqual({});
  });
});
