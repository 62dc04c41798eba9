import type { UploadErrorInfo } from '../../../core/types';
import { shortRateLimitWait } from '../../../core/uploadWait';

/** When each refusal was first shown; the store keeps the same error object until the upload tries again. */
const shownAt = new WeakMap<UploadErrorInfo, number>();

/**
 * When the server's short wait on this refusal is over (epoch ms), for a countdown; undefined
 * without one. The error says how long to wait (`retryAfterMs`), not until when, so the wait
 * is counted from when it was first shown: the same end for every row and every remount.
 */
export function uploadRetryAt(error: UploadErrorInfo | undefined, now: number = Date.now()): number | undefined {
  const wait = shortRateLimitWait(error);
  if (error === undefined || wait === undefined) return undefined;
  let at = shownAt.get(error);
  if (at === undefined) shownAt.set(error, (at = now + wait));
  return at;
}
