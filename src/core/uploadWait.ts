/**
 * Which server waits an upload sits out. On its own (not with the upload code, which decides
 * by it) because FileUpload words a refusal by it too, and must not load that code to do so.
 */
import type { UploadErrorInfo } from './types';

/**
 * The longest server wait (`rate_limited`) an upload sits out by itself. Longer ones (a full
 * quota frees only as old files are removed, an hour by default) are a refusal to show with
 * the server's reason, not a moment to wait.
 */
export const MAX_AUTO_RETRY_WAIT_MS = 60_000;

/** The server's wait on a `rate_limited` refusal short enough to retry after, else undefined. */
export function shortRateLimitWait(error: UploadErrorInfo | undefined): number | undefined {
  const wait = error?.code === 'rate_limited' ? error.retryAfterMs : undefined;
  return wait !== undefined && wait <= MAX_AUTO_RETRY_WAIT_MS ? wait : undefined;
}
