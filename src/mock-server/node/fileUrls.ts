/**
 * Download URLs signed for one file and one viewer, so no session token ever
 * goes into a URL (where history, copied links and logs keep it). A URL is
 * `<base>/uploads/<id>?u=<userId>&exp=<ms>&sig=<hex>`, the HMAC-SHA256 of
 * id, user and expiry under a random secret made for this server start, and
 * works until `exp`; membership is still checked at every download.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SignedFileUrl {
  readonly url: string;
  readonly expiresAt: number;
}

export interface FileUrlSigner {
  sign(id: string, userId: string, ttlMs: number): SignedFileUrl;
  /** The viewer a URL's query was signed for, or null (forged, for another file, or expired). */
  verify(id: string, query: URLSearchParams): string | null;
}

export function createFileUrlSigner(options: { baseUrl: () => string; now?: () => number }): FileUrlSigner {
  const { baseUrl, now = Date.now } = options;
  const secret = randomBytes(32);
  // Newlines cannot occur in ids, user ids or numbers, so no two triples hash the same text.
  const mac = (id: string, userId: string, exp: string) => createHmac('sha256', secret).update(`${id}\n${userId}\n${exp}`).digest();
  return {
    sign(id, userId, ttlMs) {
      const expiresAt = now() + ttlMs;
      const sig = mac(id, userId, String(expiresAt)).toString('hex');
      const query = new URLSearchParams({ u: userId, exp: String(expiresAt), sig });
      return { url: `${baseUrl()}/uploads/${id}?${query}`, expiresAt };
    },
    verify(id, query) {
      const userId = query.get('u');
      const exp = query.get('exp');
      const sig = query.get('sig');
      if (userId === null || exp === null || sig === null || !/^\d{1,16}$/.test(exp) || !/^[0-9a-f]{64}$/.test(sig)) return null;
      if (Number(exp) <= now()) return null;
      return timingSafeEqual(Buffer.from(sig, 'hex'), mac(id, userId, exp)) ? userId : null;
    },
  };
}
