/**
 * `POST /uploads` as multipart/form-data with the user's token (the protocol's
 * upload endpoint). XHR rather than fetch: it reports upload progress, which
 * fetch cannot. A request that makes no progress for `stallTimeoutMs` is
 * aborted as `disconnected`, so a link that went silent (a half-open
 * connection, a stalled proxy) cannot leave an upload "uploading" forever.
 */
import { UploadError, type UploadRequest } from '../core/transport';

/** No byte sent and no answer for this long: the link is taken as lost. */
export const UPLOAD_STALL_TIMEOUT_MS = 30_000;

export interface HttpUploadTarget {
  readonly baseUrl: string;
  readonly token: () => string;
  readonly stallTimeoutMs?: number;
}

export function uploadOverHttp(target: HttpUploadTarget, request: UploadRequest): Promise<unknown> {
  const { conversationId, file, name, signal, onProgress } = request;
  const stallTimeoutMs = target.stallTimeoutMs ?? UPLOAD_STALL_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new UploadError('aborted', 'The upload was cancelled'));
      return;
    }
    const form = new FormData();
    form.append('conversationId', conversationId);
    form.append('file', file, name);
    const xhr = new XMLHttpRequest();
    let stalled = false;
    let stallTimer: ReturnType<typeof setTimeout> | undefined;
    const armStallTimer = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => {
        stalled = true;
        xhr.abort();
      }, stallTimeoutMs);
    };
    const settle = () => {
      clearTimeout(stallTimer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => xhr.abort();

    xhr.open('POST', new URL('/uploads', target.baseUrl).href);
    xhr.setRequestHeader('Authorization', `Bearer ${target.token()}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      armStallTimer();
      onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    };
    xhr.onload = () => {
      settle();
      if (xhr.status === 201) {
        resolve(xhr.response as unknown);
        return;
      }
      reject(uploadErrorOf(xhr));
    };
    xhr.onerror = () => {
      settle();
      reject(new UploadError('disconnected', 'The upload could not reach the server'));
    };
    xhr.onabort = () => {
      settle();
      reject(
        stalled
          ? new UploadError('disconnected', `The upload made no progress for ${stallTimeoutMs / 1000} s`)
          : new UploadError('aborted', 'The upload was cancelled'),
      );
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    armStallTimer();
    xhr.send(form);
  });
}

/**
 * The server's `{ error: { code, message, maxBytes?, retryAfterMs? } }`, or a code read from the
 * HTTP status; a 429's wait also from `Retry-After` (in seconds), which a cross-origin page can
 * read only when the server exposes it.
 */
function uploadErrorOf(xhr: XMLHttpRequest): UploadError {
  const { status } = xhr;
  const error = (xhr.response as { error?: { code?: unknown; message?: unknown; maxBytes?: unknown; retryAfterMs?: unknown } } | null)?.error;
  const byStatus: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 413: 'too_large', 415: 'unsupported_type', 429: 'rate_limited' };
  const code = typeof error?.code === 'string' ? error.code : (byStatus[status] ?? 'invalid_payload');
  const message = typeof error?.message === 'string' ? error.message : `Upload failed (HTTP ${status})`;
  const maxBytes = typeof error?.maxBytes === 'number' ? error.maxBytes : undefined;
  const retryAfterMs = typeof error?.retryAfterMs === 'number' ? error.retryAfterMs : undefined;
  return new UploadError(code, message, maxBytes, retryAfterMs);
}
