import type { UploadErrorInfo } from './types';

/** Any rejection as the `{ code, message }` the store shows; errors are recognised by shape, not class. */
export function toUploadErrorInfo(err: unknown): UploadErrorInfo {
  if (typeof err === 'object' && err !== null) {
    const { code, message, maxBytes, name } = err as { code?: unknown; message?: unknown; maxBytes?: unknown; name?: unknown };
    if (name === 'AbortError') return { code: 'aborted', message: 'The upload was cancelled' };
    if (typeof code === 'string' && code !== '') {
      return {
        code: code.slice(0, 100),
        message: typeof message === 'string' ? message.slice(0, 2_000) : code,
        ...(typeof maxBytes === 'number' && Number.isFinite(maxBytes) && maxBytes >= 0 ? { maxBytes } : {}),
      };
    }
  }
  return { code: 'internal', message: `The upload failed: ${String(err).slice(0, 300)}` };
}
