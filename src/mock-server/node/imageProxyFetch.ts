/**
 * How the image proxy fetches an external image. Only http and https; the
 * host is looked up here and every address it has must be public
 * (privateAddress.ts), then the request goes to that looked-up address (the
 * URL's host only in `Host` and TLS SNI), so a second DNS answer cannot turn
 * it to an internal one (DNS rebinding). At most 3 redirects, each target
 * checked again; one deadline for everything (lookups, connects, redirects,
 * body); the body is counted while it streams and cut off past the cap,
 * whatever `Content-Length` says. What arrives is served only when its bytes
 * are PNG, JPEG, GIF or WEBP. Nothing of the viewer's request goes upstream:
 * a fixed User-Agent, no cookies, no Referer, no credentials.
 */
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { sniffBinaryType } from '../fileSniffing';
import { proxyTarget } from './imageProxyUrls';
import { isPublicAddress } from './privateAddress';

export interface ImageFetchLimits {
  /**
   * Internal addresses the proxy may reach anyway: all (`true`) or these exact ones
   * (`['127.0.0.1']`). Only for tests serving a fixture from this machine.
   */
  readonly allowPrivateNetworks: boolean | readonly string[];
  readonly maxBytes: number;
  /** The whole fetch, redirects included. */
  readonly timeoutMs: number;
}

/** Why the upstream image was not served (the `reason` of a 502 `bad_gateway`). */
export type UpstreamProblem = 'address' | 'unreachable' | 'status' | 'redirects' | 'timeout' | 'too_large' | 'not_an_image';

export class UpstreamError extends Error {
  constructor(
    readonly reason: UpstreamProblem,
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

export interface FetchedImage {
  readonly mimeType: string;
  readonly body: Buffer;
}

const MAX_REDIRECTS = 3;
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const UPSTREAM_HEADERS = {
  'User-Agent': 'ParleyImageProxy/1',
  Accept: 'image/png,image/jpeg,image/gif,image/webp',
  // Compressed bodies would sniff as nothing and hide their real size.
  'Accept-Encoding': 'identity',
};

interface PinnedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

async function pinAddress(url: URL, limits: ImageFetchLimits): Promise<PinnedAddress> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  const found =
    literal !== 0
      ? [{ address: host, family: literal }]
      : await lookup(host, { all: true, verbatim: true }).catch(() => {
          throw new UpstreamError('unreachable', `The image's host ${host} could not be found`);
        });
  const first = found[0];
  if (!first) throw new UpstreamError('unreachable', `The image's host ${host} could not be found`);
  const allowed = limits.allowPrivateNetworks;
  const reachable = (address: string) => allowed === true || isPublicAddress(address) || (allowed !== false && allowed.includes(address));
  // Any internal address refuses the host: which one a connection would get is not ours to guess.
  if (!found.every((a) => reachable(a.address))) {
    throw new UpstreamError('address', 'The image is on an address the proxy does not fetch from');
  }
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

type Answer = { readonly kind: 'redirect'; readonly location: string } | { readonly kind: 'body'; readonly body: Buffer };

function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        res.destroy();
        reject(new UpstreamError('too_large', `The image is larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
    // A body cut off before its end is no image to serve.
    res.on('close', () => {
      if (!res.complete) reject(new UpstreamError('unreachable', 'The image was cut off'));
    });
  });
}

async function answerOf(res: IncomingMessage, maxBytes: number): Promise<Answer> {
  const status = res.statusCode ?? 0;
  const location = res.headers.location;
  if (REDIRECTS.has(status) && location) {
    res.destroy();
    return { kind: 'redirect', location };
  }
  if (status !== 200) {
    res.destroy();
    throw new UpstreamError('status', `The image's server answered ${status}`);
  }
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new UpstreamError('too_large', `The image is larger than ${maxBytes} bytes`);
  }
  return { kind: 'body', body: await readBody(res, maxBytes) };
}

function fetchOnce(url: URL, pinned: PinnedAddress, limits: ImageFetchLimits, signal: AbortSignal): Promise<Answer> {
  const https = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const options: RequestOptions & { servername?: string } = {
    host: pinned.address,
    family: pinned.family,
    port: url.port || (https ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    headers: { ...UPSTREAM_HEADERS, Host: url.host },
    agent: false,
    signal,
  };
  // The certificate is checked against the URL's name, which SNI carries (never an IP literal).
  if (https && isIP(host) === 0) options.servername = host;
  return new Promise<Answer>((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(options, (res) => answerOf(res, limits.maxBytes).then(resolve, reject));
    req.on('error', () => reject(new UpstreamError('unreachable', 'The image could not be fetched')));
    req.end();
  });
}

/** Fetches `url` as an image, or throws an UpstreamError saying why not. */
export async function fetchImage(url: URL, limits: ImageFetchLimits, cancel?: AbortSignal): Promise<FetchedImage> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const stop = () => controller.abort();
  cancel?.addEventListener('abort', stop);
  const deadline = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new UpstreamError('timeout', `The image took longer than ${limits.timeoutMs} ms`)));
  });
  deadline.catch(() => {});
  try {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      const pinned = await Promise.race([pinAddress(current, limits), deadline]);
      const answer = await Promise.race([fetchOnce(current, pinned, limits, controller.signal), deadline]);
      if (answer.kind === 'body') {
        const mimeType = sniffBinaryType(answer.body);
        if (mimeType === null || !IMAGE_TYPES.has(mimeType)) throw new UpstreamError('not_an_image', 'The file is not a PNG, JPEG, GIF or WEBP image');
        return { mimeType, body: answer.body };
      }
      if (redirects === MAX_REDIRECTS) throw new UpstreamError('redirects', `The image redirected more than ${MAX_REDIRECTS} times`);
      const next = proxyTarget(answer.location, current);
      if (!next) throw new UpstreamError('address', 'The image redirected to a URL the proxy does not fetch');
      current = next;
    }
  } finally {
    clearTimeout(timer);
    cancel?.removeEventListener('abort', stop);
  }
}
