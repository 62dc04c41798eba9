/**
 * How the image proxy fetches an external image. The network part is the
 * unfurler's guarded GET (unfurl/guardedGet.ts): http and https only, every
 * address of each hop's host public (privateAddress.ts) and connected to as
 * checked (no DNS rebinding), at most 3 redirects, the body counted while it
 * streams and cut off past the cap whatever `Content-Length` says, nothing of
 * the viewer's request upstream. Here: one deadline for everything (lookups,
 * connects, redirects, body), also ended by the viewer leaving; only bytes
 * that are PNG, JPEG, GIF or WEBP are served; and the proxy's own reasons and
 * messages, which its 502 answers carry.
 */
import { sniffBinaryType } from '../fileSniffing';
import { guardedGet, systemResolver, UnfurlError, type GuardOptions } from './unfurl/guardedGet';

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
const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

function guardOf(limits: ImageFetchLimits): GuardOptions {
  const allowed = limits.allowPrivateNetworks;
  return {
    resolve: systemResolver,
    allowAddress: (address) => allowed === true || (allowed !== false && allowed.includes(address)),
    maxRedirects: MAX_REDIRECTS,
    userAgent: 'ParleyImageProxy/1',
  };
}

/** The guarded GET's refusal in the proxy's words (its reasons are the 502's `reason`). */
function upstreamError(error: unknown, limits: ImageFetchLimits): unknown {
  if (!(error instanceof UnfurlError)) return error;
  switch (error.reason) {
    // The first URL is a proxyTarget already: only a redirect can lead off http(s).
    case 'scheme':
      return new UpstreamError('address', 'The image redirected to a URL the proxy does not fetch');
    case 'address':
      return new UpstreamError('address', 'The image is on an address the proxy does not fetch from');
    case 'unreachable': {
      const { host, cutOff } = error.facts;
      if (host !== undefined) return new UpstreamError('unreachable', `The image's host ${host} could not be found`);
      return new UpstreamError('unreachable', cutOff ? 'The image was cut off' : 'The image could not be fetched');
    }
    case 'status':
      return new UpstreamError('status', `The image's server answered ${error.facts.status ?? 0}`);
    case 'redirects':
      return new UpstreamError('redirects', `The image redirected more than ${MAX_REDIRECTS} times`);
    case 'too_large':
      return new UpstreamError('too_large', `The image is larger than ${limits.maxBytes} bytes`);
    case 'timeout':
      return new UpstreamError('timeout', `The image took longer than ${limits.timeoutMs} ms`);
    case 'type':
      return new UpstreamError('not_an_image', 'The file is not a PNG, JPEG, GIF or WEBP image');
  }
}

/** Fetches `url` as an image, or throws an UpstreamError saying why not. */
export async function fetchImage(url: URL, limits: ImageFetchLimits, cancel?: AbortSignal): Promise<FetchedImage> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  const timer = setTimeout(stop, limits.timeoutMs);
  cancel?.addEventListener('abort', stop);
  try {
    const { body } = await guardedGet(url.href, guardOf(limits), ACCEPT, limits.maxBytes, controller.signal).catch((error: unknown) => {
      throw upstreamError(error, limits);
    });
    const mimeType = sniffBinaryType(body);
    if (mimeType === null || !IMAGE_TYPES.has(mimeType)) throw new UpstreamError('not_an_image', 'The file is not a PNG, JPEG, GIF or WEBP image');
    return { mimeType, body };
  } finally {
    clearTimeout(timer);
    cancel?.removeEventListener('abort', stop);
  }
}
