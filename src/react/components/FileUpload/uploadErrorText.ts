import { shortRateLimitWait } from '../../../core/uploadWait';
import type { Upload } from '../../../core/types';
import type { Catalog } from '../../../i18n/en';
import { formatFileSize } from '../../../i18n/fileSize';
import { formatNumber, interpolate } from '../../../i18n/text';

/** Whole seconds left of the server's short wait on this refusal: `secondsLeft` as counted down, else all of it. */
function waitSeconds(upload: Pick<Upload, 'error'>, secondsLeft: number | undefined): number | undefined {
  const wait = shortRateLimitWait(upload.error);
  return wait === undefined ? undefined : (secondsLeft ?? Math.ceil(wait / 1000));
}

/**
 * The sentence a person reads for a failed upload. Core reports codes (and
 * English for developers); what the UI says comes from the catalog, but for a
 * refusal only the server can explain (a full quota), which it says in its own words.
 * `secondsLeft`: what is left of a server's short wait (`rate_limited`), as counted down.
 */
export function uploadErrorText(catalog: Catalog, upload: Pick<Upload, 'name' | 'error'>, secondsLeft?: number): string {
  const t = catalog.upload;
  const { name, error } = upload;
  switch (error?.code) {
    case 'too_large':
      return error.maxBytes !== undefined
        ? interpolate(t.tooLarge, { name, max: formatFileSize(catalog, error.maxBytes) })
        : interpolate(t.tooLargeNoLimit, { name });
    case 'unsupported_type':
      return interpolate(t.unsupportedType, { name });
    case 'forbidden':
    case 'not_found':
      return interpolate(t.forbidden, { name });
    case 'unauthorized':
      return interpolate(t.unauthorized, { name });
    case 'disconnected':
    case 'timeout':
      return interpolate(t.offline, { name });
    case 'unsupported':
      return t.unsupported;
    case 'rate_limited': {
      const seconds = waitSeconds(upload, secondsLeft);
      if (seconds === undefined && error.retryAfterMs !== undefined) return interpolate(t.refused, { name, reason: error.message });
      return seconds ? interpolate(t.rateLimited, { name, seconds: formatNumber(catalog, seconds) }) : interpolate(t.rateLimitedNow, { name });
    }
    default:
      return interpolate(t.failed, { name });
  }
}

/** The sentence for an upload that waits: for the connection, or out a server's short wait (counting down). */
export function uploadWaitingText(catalog: Catalog, upload: Pick<Upload, 'name' | 'error'>, secondsLeft?: number): string {
  const seconds = waitSeconds(upload, secondsLeft);
  if (seconds === undefined) return catalog.upload.waiting;
  return interpolate(catalog.upload.rateLimitedWaiting, { name: upload.name, seconds: formatNumber(catalog, seconds) });
}
