/**
 * URLs the server signs itself, so a URL can carry a permission without a
 * session token in it (history, copied links and logs keep URLs). Each signer
 * has a random secret made for this server start; a signature is the
 * HMAC-SHA256 of its fields and an expiry (`exp`, epoch ms), and works until
 * then. Download URLs (here) are signed for one file and one viewer,
 * `<base>/uploads/<id>?u=<userId>&exp=<ms>&sig=<hex>`, and membership is
 * still checked at every download; image proxy URLs use the same signer
 * (imageProxyUrls.ts).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SignedFileUrl {
  readonly url: string;
  readonly expiresAt: number;
}

export interface ExpiringSigner {
  /** The `exp` and `sig` query fields for these fields, valid for `ttlMs` from now. */
  sign(fields: readonly string[], ttlMs: number): { readonly exp: string; readonly sig: string; readonly expiresAt: number };
  /** Whether the query's `exp` and `sig` were signed for these fields and have not expired. */
  verify(fields: readonly string[], query: URLSearchParams): boolean;
}

/** A query field given exactly once, or null: a repeated one is ambiguous, so nothing is taken from it. */
export function singleParam(query: URLSearchParams, name: string): string | null {
  const values = query.getAll(name);
  return values.length === 1 ? values[0]! : null;
}

export function createExpiringSigner(now: () => number = Date.now): ExpiringSigner {
  const secret = randomBytes(32);
  // Each field is prefixed with its length, so no two lists of fields hash the same text.
  const mac = (fields: readonly string[], exp: string) => {
    const hmac = createHmac('sha256', secret);
    for (const field of [...fields, exp]) hmac.update(`${Buffer.byteLength(field)}:${field}\n`);
    return hmac.digest();
  };
  return {
    sign(fields, ttlMs) {
      const expiresAt = now() + ttlMs;
      const exp = String(expiresAt);
      return { exp, sig: mac(fields, exp).toString('hex'), expiresAt };
    },
    verify(fields, query) {
      const exp = singleParam(query, 'exp');
      const sig = singleParam(query, 'sig');
      if (exp === null || sig === null || !/^\d{1,16}$/.test(exp) || !/^[0-9a-f]{64}$/.test(sig)) return false;
      if (Number(exp) <= now()) return false;
      return timingSafeEqual(Buffer.from(sig, 'hex'), mac(fields, exp));
    },
  };
}

export interface FileUrlSigner {
  sign(id: string, userId: string, ttlMs: number): SignedFileUrl;
  /** The viewer a URL's query was signed for, or null (forged, for another file, or expired). */
  verify(id: string, query: URLSearchParams): string | null;
}

export function createFileUrlSigner(options: { baseUrl: () => string; now?: () => number }): FileUrlSigner {
  const { baseUrl } = options;
  const signer = createExpiringSigner(options.now);
  return {
    sign(id, userId, ttlMs) {
      const { exp, sig, expiresAt } = signer.sign([id, userId], ttlMs);
      const query = new URLSearchParams({ u: userId, exp, sig });
      return { url: `${baseUrl()}/uploads/${id}?${query}`, expiresAt };
    },
    verify(id, query) {
      const userId = singleParam(query, 'u');
      return userId !== null && signer.verify([id, userId], query) ? userId : null;
    },
  };
}
