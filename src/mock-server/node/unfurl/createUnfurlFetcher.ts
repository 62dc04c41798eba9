/**
 * `createUnfurlFetcher()`: a real `unfurl` for the Node server. It fetches the
 * page (HTML only, at most `maxHtmlBytes`), reads its card (pageMeta.ts) and
 * fetches its image on the server (at most `maxImageBytes`), all within one
 * deadline and through the same guards (guardedGet.ts: public addresses only,
 * checked on every hop, at most 3 redirects). Anything refused, failed or slow
 * is just no preview (null); a page whose image fails keeps its text.
 */
import type { UnfurlFn } from '../../previews/unfurl';
import { guardedGet, systemResolver } from './guardedGet';
import { UnfurlError, type Resolver } from './unfurlErrors';
import { readPageMeta } from './pageMeta';

export interface UnfurlFetcherOptions {
  /** The whole unfurl, page and image (default 3 s). */
  timeoutMs?: number;
  /** Largest page read (default 512 kB). */
  maxHtmlBytes?: number;
  /** Largest image fetched (default 1 MB). */
  maxImageBytes?: number;
  /** Redirects followed per fetch, each checked like the first URL (default 3, at most 3). */
  maxRedirects?: number;
  /** How host names are looked up (default: the system resolver). */
  resolve?: Resolver;
  /**
   * Tests only: internal addresses it may reach anyway, for a fixture server on this
   * machine. Everything internal is refused without it.
   */
  allowAddress?: (address: string) => boolean;
  /** Told why an unfurl gave up (logs, tests). */
  onError?: (url: string, error: UnfurlError) => void;
}

export const UNFURL_FETCHER_DEFAULTS = { timeoutMs: 3_000, maxHtmlBytes: 512_000, maxImageBytes: 1_000_000, maxRedirects: 3 } as const;

const HTML_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);

function absolute(text: string, base: URL): string | null {
  try {
    return new URL(text, base).href;
  } catch {
    return null;
  }
}

export function createUnfurlFetcher(options: UnfurlFetcherOptions = {}): UnfurlFn {
  const timeoutMs = options.timeoutMs ?? UNFURL_FETCHER_DEFAULTS.timeoutMs;
  const maxHtmlBytes = options.maxHtmlBytes ?? UNFURL_FETCHER_DEFAULTS.maxHtmlBytes;
  const maxImageBytes = options.maxImageBytes ?? UNFURL_FETCHER_DEFAULTS.maxImageBytes;
  const guard = {
    resolve: options.resolve ?? systemResolver,
    allowAddress: options.allowAddress ?? (() => false),
    maxRedirects: Math.min(options.maxRedirects ?? UNFURL_FETCHER_DEFAULTS.maxRedirects, UNFURL_FETCHER_DEFAULTS.maxRedirects),
  };
  const report = (url: string, error: unknown) => {
    if (error instanceof UnfurlError) options.onError?.(url, error);
    else options.onError?.(url, new UnfurlError('unreachable', String(error)));
  };

  return async (url, signal) => {
    // One deadline for page and image; the server's own signal ends it too (Node 18 has no AbortSignal.any).
    const controller = new AbortController();
    const stop = () => controller.abort();
    const timer = setTimeout(stop, timeoutMs);
    signal.addEventListener('abort', stop, { once: true });
    if (signal.aborted) stop();
    const deadline = controller.signal;
    try {
      const page = await guardedGet(url, guard, 'text/html,application/xhtml+xml', maxHtmlBytes, deadline);
      if (!HTML_TYPES.has(page.contentType)) throw new UnfurlError('type', `A ${page.contentType || 'typeless'} answer is no page`);
      const meta = readPageMeta(new TextDecoder('utf-8').decode(page.body));
      if (meta.title === undefined) return null;
      const card = {
        title: meta.title,
        ...(meta.description !== undefined ? { description: meta.description } : {}),
        ...(meta.siteName !== undefined ? { siteName: meta.siteName } : {}),
      };
      if (meta.image === undefined) return card;
      const imageUrl = absolute(meta.image, page.url);
      if (imageUrl === null) return card;
      try {
        const image = await guardedGet(imageUrl, guard, 'image/png,image/jpeg,image/gif,image/webp', maxImageBytes, deadline);
        return { ...card, image: { bytes: new Uint8Array(image.body) } };
      } catch (error) {
        report(imageUrl, error);
        return card;
      }
    } catch (error) {
      report(url, error);
      return null;
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
    }
  };
}
