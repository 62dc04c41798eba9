/**
 * `GET /media/proxy?url=&exp=&sig=`: external images served through the
 * server, so a member's browser never fetches them itself (no tracking pixel,
 * no viewer's IP given away, no mixed content). Only URLs the server signed
 * (imageProxyUrls.ts); anything else, forged, changed or expired, is the one
 * 404 `not_found`. The fetch itself is imageProxyFetch.ts; what it refuses is
 * 502 `bad_gateway` with a `reason`. A fetched image is held in memory up to
 * its cap, so only so many are fetched at once (429 beyond).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http';
import { fetchImage, UpstreamError, type ImageFetchLimits } from './imageProxyFetch';
import { createProxyUrlSigner } from './imageProxyUrls';
import { rateLimitedHttp } from './limits/refusal';

export interface ImageProxySettings {
  /** Internal addresses it may fetch from anyway (all, or these exact ones): for tests only. */
  readonly allowPrivateNetworks?: boolean | readonly string[];
  /** Largest image, in bytes. Default 5 MB. */
  readonly maxBytes?: number;
  /** The whole fetch, redirects included. Default 5 s. */
  readonly timeoutMs?: number;
  /** Images fetched at once, server-wide. Default 16. */
  readonly fetchesAtOnce?: number;
}

export interface ImageProxy {
  /** The absolute proxy URL for an external image; throws for one the proxy would never fetch. */
  sign(externalUrl: string, ttlMs?: number): string;
  handle(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void>;
}

export const DEFAULT_IMAGE_PROXY = { maxBytes: 5_000_000, timeoutMs: 5_000, fetchesAtOnce: 16 } as const;

function badGateway(error: unknown): never {
  if (error instanceof UpstreamError) throw new HttpError('bad_gateway', error.message, {}, { reason: error.reason });
  throw error;
}

export function createImageProxy(settings: ImageProxySettings, baseUrl: () => string): ImageProxy {
  const limits: ImageFetchLimits = {
    allowPrivateNetworks: settings.allowPrivateNetworks ?? false,
    maxBytes: settings.maxBytes ?? DEFAULT_IMAGE_PROXY.maxBytes,
    timeoutMs: settings.timeoutMs ?? DEFAULT_IMAGE_PROXY.timeoutMs,
  };
  const fetchesAtOnce = settings.fetchesAtOnce ?? DEFAULT_IMAGE_PROXY.fetchesAtOnce;
  const signer = createProxyUrlSigner({ baseUrl });
  let fetching = 0;
  return {
    sign: (externalUrl, ttlMs) => signer.sign(externalUrl, ttlMs),
    async handle(_req, res, query) {
      const target = signer.verify(query);
      if (!target) throw new HttpError('not_found', 'No such image');
      if (fetching >= fetchesAtOnce) {
        throw rateLimitedHttp({ message: `Too many images being fetched: at most ${fetchesAtOnce} at once. Try again in 1 s.`, retryAfterMs: 1_000 });
      }
      // The viewer gone, the fetch is of no use to anyone.
      const cancel = new AbortController();
      res.once('close', () => cancel.abort());
      fetching++;
      const image = await fetchImage(target, limits, cancel.signal)
        .catch(badGateway)
        .finally(() => fetching--);
      res.writeHead(200, {
        'Content-Type': image.mimeType,
        'Content-Length': image.body.length,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        // A public image, the same for every viewer: any cache may keep it for a day.
        'Cache-Control': 'public, max-age=86400',
        'Cross-Origin-Resource-Policy': 'cross-origin',
      });
      res.end(image.body);
    },
  };
}
