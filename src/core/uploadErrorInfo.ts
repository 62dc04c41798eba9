/**
 * What an upload's failure means: the `{ code, message }` the store shows, and whether the
 * upload tries again by itself (after a lost link, or a server's short wait) or waits for the user.
 */
import { exponentialDelay } from './backoff';
import { shortRateLimitWait } from './uploadWait';
import type { UploadErrorInfo } from './types';

/** Lost links an upload rides out on its own (then waits for the user's Retry). */
const AUTO_RETRIES = 3;
const UPLOAD_RETRY = { baseMs: 1_000, maxMs: 8_000 };

/** How far a failing upload has gone on by itself: both start over at the user's Retry. */
export interface AutoRetries {
  /** Link losses ridden out. */
  lostLinks: number;
  /** When the one server wait it sat out ends (epoch ms), which a reconnect does not cut short; null while none. */
  waitedUntil: number | null;
}

/**
 * In how many ms a failed try goes again by itself (counted in `tries`), or undefined: it has
 * failed, for the user to Retry. A lost link is ridden out three times, after pauses that
 * grow, and so is an expired token (the link comes back with a fresh one); a server's short
 * wait (`rate_limited`) once, exactly as long as it said.
 */
export function autoRetryIn(error: UploadErrorInfo, tries: AutoRetries, now: number): number | undefined {
  const serverWait = tries.waitedUntil === null ? shortRateLimitWait(error) : undefined;
  if (serverWait !== undefined) {
    tries.waitedUntil = now + serverWait;
    return serverWait;
  }
  // An expired token ends the socket too; the transport reconnects with a fresh one (a token
  // function), so the next try is sent with it, as after a lost link.
  const linkWillRecover = error.code === 'disconnected' || error.code === 'token_expired';
  if (!linkWillRecover || tries.lostLinks >= AUTO_RETRIES) return undefined;
  return exponentialDelay(tries.lostLinks++, UPLOAD_RETRY);
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/** Any rejection as the `{ code, message }` the store shows; errors are recognised by shape, not class. */
export function toUploadErrorInfo(err: unknown): UploadErrorInfo {
  if (typeof err === 'object' && err !== null) {
    const { code, message, maxBytes, retryAfterMs, name } = err as Record<string, unknown>;
    if (name === 'AbortError') return { code: 'aborted', message: 'The upload was cancelled' };
    if (typeof code === 'string' && code !== '') {
      return {
        code: code.slice(0, 100),
        message: typeof message === 'string' ? message.slice(0, 2_000) : code,
        ...(finite(maxBytes) ? { maxBytes } : {}),
        // At most an hour, as the protocol bounds it.
        ...(finite(retryAfterMs) ? { retryAfterMs: Math.min(retryAfterMs, 3_600_000) } : {}),
      };
    }
  }
  return { code: 'internal', message: `The upload failed: ${String(err).slice(0, 300)}` };
}
