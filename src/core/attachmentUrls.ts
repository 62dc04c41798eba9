/**
 * Where to load an attachment from. A server issues file URLs per viewer and
 * they expire (`attachment:url`), so the client asks for one when it shows a
 * file, keeps it until shortly before it expires, and asks again when loading
 * failed (`fresh`). A server without `attachment:url` (or a file it does not
 * know, like history a story added) leaves the message's own URL, through the
 * transport's `resolveUrl`.
 */
import type { Attachment } from './protocol';
import type { Requester } from './requests';

/** Asked again this long before the server said the URL stops working. */
const EARLY_MS = 5_000;

export interface AttachmentUrls {
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
      } catch {
        return deps.resolve(attachment.url);
      }
    },
  };
}
