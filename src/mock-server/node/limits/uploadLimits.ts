/**
 * Per-user upload budgets: uploads started per window, uploads at once, and
 * bytes stored (a quota: stored files count until they are removed, e.g. as
 * never sent in a message). Over any of them: 429 `rate_limited` with
 * `Retry-After`, before a byte of the body is stored; a file that would take
 * the user over the quota is refused once its size is known, and not kept.
 */
import type { HttpError } from '../http';
import type { RateLimits } from '../rateLimit';
import { rateLimitedHttp, tooMany } from './refusal';
import { KeyedBuckets, KeyedCounter, type Clock } from './tokenBucket';

export interface UploadTicket {
  /** Bytes this upload may still store under the user's quota. */
  readonly room: number;
  /** The error for a file bigger than `room` (when `room` is below the size cap). */
  overQuota(): HttpError;
  /** Counts a stored file against the quota; throws the 429 when it does not fit (the caller deletes it). */
  commit(size: number): void;
  /** The upload is over, stored or not: frees its place among those at once. Idempotent. */
  end(): void;
}

export interface UploadLimiter {
  /** Throws the 429 to answer when `userId` may not start an upload now. */
  begin(userId: string): UploadTicket;
  /** A stored file of `userId` was removed: its bytes no longer count. */
  freed(userId: string, size: number): void;
}

const UNLIMITED: UploadLimiter = {
  // `room` is endless, so `overQuota` is never asked for.
  begin: () => ({ room: Infinity, overQuota: () => rateLimitedHttp({ message: 'No quota', retryAfterMs: 0 }), commit: () => {}, end: () => {} }),
  freed: () => {},
};

/**
 * @param freesWithinMs when stored files may be removed (the unattached-upload TTL): the honest wait on a full quota.
 */
export function createUploadLimiter(limits: RateLimits | false, freesWithinMs: number, clock?: Clock): UploadLimiter {
  if (limits === false) return UNLIMITED;
  const started = new KeyedBuckets(limits.uploads, clock);
  const atOnce = new KeyedCounter();
  const storedBytes = new Map<string, number>();
  const stored = (userId: string) => storedBytes.get(userId) ?? 0;
  const quotaFull = (userId: string) =>
    rateLimitedHttp({
      message:
        `Upload quota reached: ${stored(userId)} of ${limits.uploadBytes} bytes stored for this user. ` +
        'Files never sent in a message are removed after a while; then try again.',
      retryAfterMs: freesWithinMs,
    });

  return {
    begin(userId) {
      if (atOnce.count(userId) >= limits.uploadsAtOnce) {
        const message = `Too many uploads at once: at most ${limits.uploadsAtOnce} for each user. Wait for one to finish.`;
        throw rateLimitedHttp({ message, retryAfterMs: 1_000 });
      }
      if (stored(userId) >= limits.uploadBytes) throw quotaFull(userId);
      const waitMs = started.take(userId);
      if (waitMs > 0) throw rateLimitedHttp(tooMany('uploads', limits.uploads, 'for each user', waitMs));
      const end = atOnce.hold(userId);
      return {
        room: limits.uploadBytes - stored(userId),
        overQuota: () => quotaFull(userId),
        commit(size) {
          if (stored(userId) + size > limits.uploadBytes) throw quotaFull(userId);
          storedBytes.set(userId, stored(userId) + size);
        },
        end,
      };
    },
    freed(userId, size) {
      const left = stored(userId) - size;
      if (left > 0) storedBytes.set(userId, left);
      else storedBytes.delete(userId);
    },
  };
}
