/**
 * One GET of an outside page or image, for the unfurler and the image proxy
 * (imageProxyFetch.ts, which words its own errors from these): http and https
 * only, no credentials in the URL; the host is resolved here and every address
 * it has must be public (privateAddress.ts: loopback, private, link-local,
 * CGNAT, unique-local, unspecified and the IPv6 forms carrying such an IPv4
 * address are refused), and the request goes to that checked address (the
 * name only in `Host` and TLS SNI), so a second DNS answer cannot turn it
 * inward. Each redirect hop is checked the same way, at most `maxRedirects` of
 * them. The caller's signal bounds the time; the body is counted as it streams
 * and cut off past `maxBytes`.
 */
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { proxyTarget } from '../imageProxyUrls';
import { isPublicAddress } from '../privateAddress';
import { UnfurlError, type Resolver, type ResolvedAddress } from './unfurlErrors';

export { UnfurlError, type ResolvedAddress, type Resolver, type UnfurlFacts, type UnfurlProblem } from './unfurlErrors';

export interface GuardOptions {
  readonly resolve: Resolver;
  /** Tests only: an internal address that may be reached anyway (a fixture server on 127.0.0.1). */
  readonly allowAddress: (address: string) => boolean;
  readonly maxRedirects: number;
  /** Sent as User-Agent, fixed per caller (default `ParleyUnfurl/1`). */
  readonly userAgent?: string;
}

export interface Fetched {
  /** Where the body came from, after redirects. */
  readonly url: URL;
  readonly contentType: string;
  readonly body: Buffer;
}

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

async function checkedAddress(url: URL, guard: GuardOptions): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  const found =
    literal !== 0
      ? [{ address: host, family: literal === 6 ? (6 as const) : (4 as const) }]
      : await guard.resolve(host).catch(() => {
          throw new UnfurlError('unreachable', `${host} could not be found`, { host });
        });
  const first = found[0];
  if (!first) throw new UnfurlError('unreachable', `${host} could not be found`, { host });
  // Any internal address refuses the host: which one a connection would get is not ours to guess.
  if (!found.every((a) => isPublicAddress(a.address) || guard.allowAddress(a.address))) {
    throw new UnfurlError('address', `${host} is on an address the server does not fetch from`);
  }
  return first;
}

function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        res.destroy();
        reject(new UnfurlError('too_large', `The answer is larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', () => reject(new UnfurlError('unreachable', 'The answer was cut off', { cutOff: true })));
    res.on('close', () => {
      if (!res.complete) reject(new UnfurlError('unreachable', 'The answer was cut off', { cutOff: true }));
    });
  });
}

type Answer = { readonly redirect: string } | { readonly contentType: string; readonly body: Buffer };

function getOnce(url: URL, to: ResolvedAddress, headers: Record<string, string>, maxBytes: number, signal: AbortSignal): Promise<Answer> {
  const https = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const options: RequestOptions & { servername?: string } = {
    host: to.address,
    family: to.family,
    port: url.port || (https ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    headers: { ...headers, Host: url.host },
    agent: false,
    signal,
  };
  if (https && isIP(host) === 0) options.servername = host;
  return new Promise<Answer>((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(options, (res) => {
      const status = res.statusCode ?? 0;
      const { location } = res.headers;
      if (REDIRECTS.has(status) && location) {
        res.destroy();
        resolve({ redirect: location });
        return;
      }
      if (status !== 200) {
        res.destroy();
        reject(new UnfurlError('status', `The server answered ${status}`, { status }));
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        res.destroy();
        reject(new UnfurlError('too_large', `The answer is larger than ${maxBytes} bytes`));
        return;
      }
      const contentType = (res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      readBody(res, maxBytes).then((body) => resolve({ contentType, body }), reject);
    });
    req.on('error', () => reject(signal.aborted ? new UnfurlError('timeout', 'Gave up waiting') : new UnfurlError('unreachable', 'Could not be fetched')));
    req.end();
  });
}

/** GETs `text` within `signal`'s time, or throws an UnfurlError saying why not. */
export async function guardedGet(text: string, guard: GuardOptions, accept: string, maxBytes: number, signal: AbortSignal): Promise<Fetched> {
  let url = proxyTarget(text);
  if (!url) throw new UnfurlError('scheme', 'Only http and https links without credentials are fetched');
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(new UnfurlError('timeout', 'Gave up waiting'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => {});
  // Nothing of any user goes out: a fixed agent, no cookies, no Referer; no compression hiding the size.
  const headers = { 'User-Agent': guard.userAgent ?? 'ParleyUnfurl/1', Accept: accept, 'Accept-Encoding': 'identity' };
  for (let redirects = 0; ; redirects++) {
    const to = await Promise.race([checkedAddress(url, guard), aborted]);
    const answer = await Promise.race([getOnce(url, to, headers, maxBytes, signal), aborted]);
    if ('body' in answer) return { url, contentType: answer.contentType, body: answer.body };
    if (redirects === guard.maxRedirects) throw new UnfurlError('redirects', `More than ${guard.maxRedirects} redirects`);
    const next = proxyTarget(answer.redirect, url);
    if (!next) throw new UnfurlError('scheme', 'Redirected to a URL that is not fetched');
    url = next;
  }
}
