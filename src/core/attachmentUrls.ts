/**
 * Where to load an attachment from. A server issues file URLs per viewer and
 * they expire (`attachment:url`), so the client asks for one when it shows a
 * file, keeps it until shortly before it expires, asks again after that (a
 * download clicked later gets a working URL, not a 404), and asks again when loading
 * failed (`fresh`). A server without `attachment:url` (or a file it does not
 * know, like history a story added) leaves the message's own URL, through the
 * transport's `resolveUrl`. Asking again for a file the server did issue a URL
 * for rejects when it fails: the old URL has stopped working, and the message's
 * own is not one this server serves the file by.
 */
import type { Attachment } from './protocol';
import type { Requester } from './requests';

/** Asked again this long before the server said the URL stops working. */
const EARLY_MS = 5_000;

export interface AttachmentUrls {
  /** Rejects only when asking again, for a file the server issued a URL for, fails. */
  url(attachment: Pick<Attachment, 'id' | 'url'>, options?: { fresh?: boolean }): Promise<string>;
}

export function createAttachmentUrls(deps: {
  readonly request: Requester;
  readonly resolve: (url: string) => string;
  readonly now: () => number;
}): AttachmentUrls {
  const cache = new Map<string, { url: string; expiresAt: number }>();
  return {
    async url(attachment, { fresh = false } = {}) {
      const cached = cache.get(attachment.id);
      if (!fresh && cached && cached.expiresAt - EARLY_MS > deps.now()) return cached.url;
      try {
        const { url, expiresAt } = await deps.request('attachment:url', { id: attachment.id });
        cache.set(attachment.id, { url, expiresAt: expiresAt ?? Infinity });
        return url;
      } catch (error) {
        if (cached) throw error;
        return deps.resolve(attachment.url);
      }
    },
  };
}
