/**
 * Image proxy URLs, signed by the server itself (the expiring signer of
 * fileUrls.ts, its own secret): `<base>/media/proxy?url=<external>&exp=<ms>&sig=<hex>`.
 * Only the server decides what it fetches; a client cannot make it fetch a URL
 * of its choosing, and a signed URL stops working at `exp` (a leaked one does
 * not turn the server into an open proxy for good).
 */
import { createExpiringSigner, singleParam } from './fileUrls';

export const PROXY_PATH = '/media/proxy';

/** Default life of a proxy URL: a day, long enough for a page left open. */
export const DEFAULT_PROXY_URL_TTL_MS = 86_400_000;

/** The URL (relative to `base`, for a redirect) as the proxy may fetch it: http or https, no user name or password; or null. */
export function proxyTarget(text: string, base?: URL): URL | null {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Credentials in a URL would be sent upstream as Authorization: nothing of the kind goes out.
  if (url.username !== '' || url.password !== '') return null;
  url.hash = '';
  return url;
}

export interface ProxyUrlSigner {
  /** The absolute proxy URL for `externalUrl`; throws for a URL the proxy would never fetch. */
  sign(externalUrl: string, ttlMs?: number): string;
  /** The external URL a request's query was signed for, or null (unsigned, forged, tampered or expired). */
  verify(query: URLSearchParams): URL | null;
}

export function createProxyUrlSigner(options: { baseUrl: () => string; now?: () => number }): ProxyUrlSigner {
  const signer = createExpiringSigner(options.now);
  return {
    sign(externalUrl, ttlMs = DEFAULT_PROXY_URL_TTL_MS) {
      const target = proxyTarget(externalUrl);
      if (!target) throw new Error(`The image proxy fetches http and https URLs without credentials only, not ${JSON.stringify(externalUrl)}`);
      const { exp, sig } = signer.sign([target.href], ttlMs);
      return `${options.baseUrl()}${PROXY_PATH}?${new URLSearchParams({ url: target.href, exp, sig })}`;
    },
    verify(query) {
      const text = singleParam(query, 'url');
      if (text === null || !signer.verify([text], query)) return null;
      return proxyTarget(text);
    },
  };
}
