/**
 * An upload over the simulated network. Uploads are HTTP requests, not socket
 * frames, so they are never dropped, duplicated or reordered here, only slow:
 * the body goes out in a few chunks, each taking one latency (plus jitter), and
 * the answer takes one more. With `server.setNetwork({ latencyMs: 800 })` a
 * progress bar visibly moves; with a perfect network it all happens in
 * microtasks. The answer is copied through JSON, as a response body would be.
 */
import { deferred } from '../core/deferred';
import { UploadError, type UploadRequest } from '../core/transport';
import { later, type Cancel } from './schedule';

/** What the server side receives (the multipart fields). */
export interface MemoryUploadInput {
  readonly conversationId: string;
  readonly file: Blob;
  readonly name: string;
}

export interface SimulatedUploadOptions {
  readonly request: UploadRequest;
  /** The server's handler; answers `{ ok: true, attachment }` or `{ ok: false, error }`. */
  readonly send: (input: MemoryUploadInput) => Promise<unknown>;
  /** One trip's delay, read for every chunk so a network change applies at once. */
  readonly delay: () => number;
  /** How many chunks the body is sent in (progress reports after each). */
  readonly chunks?: number;
}

export interface SimulatedUpload {
  readonly promise: Promise<unknown>;
  /** Ends the upload now (the link died); later events are ignored. */
  fail(error: UploadError): void;
}

const DEFAULT_CHUNKS = 4;

function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/** The server's answer as the transport's result: the attachment, or an `UploadError`. */
function settle(ack: unknown): { ok: true; value: unknown } | { ok: false; error: UploadError } {
  const a = (typeof ack === 'object' && ack !== null ? ack : {}) as { ok?: unknown; attachment?: unknown; error?: unknown };
  if (a.ok === true) return { ok: true, value: a.attachment };
  const e = (typeof a.error === 'object' && a.error !== null ? a.error : {}) as Record<string, unknown>;
  if (typeof e.code === 'string' && typeof e.message === 'string') {
    const number = (n: unknown) => (typeof n === 'number' ? n : undefined);
    return { ok: false, error: new UploadError(e.code, e.message, number(e.maxBytes), number(e.retryAfterMs)) };
  }
  return { ok: false, error: new UploadError('invalid_payload', 'Malformed answer from the upload endpoint') };
}

export function simulateUpload({ request, send, delay, chunks = DEFAULT_CHUNKS }: SimulatedUploadOptions): SimulatedUpload {
  const { file, signal, onProgress } = request;
  const total = file.size;
  let cancel: Cancel | null = null;
  let finished = false;
  const answer = deferred<unknown>();

  const finish = () => {
    finished = true;
    cancel?.();
    cancel = null;
    signal?.removeEventListener('abort', onAbort);
  };
  const fail = (error: UploadError) => {
    if (finished) return;
    finish();
    answer.reject(error);
  };
  function onAbort() {
    fail(new UploadError('aborted', 'The upload was cancelled'));
  }
  const progress = (sent: number) => {
    try {
      onProgress?.(sent, total);
    } catch (error) {
      rethrowLater(error);
    }
  };

  let sentChunks = 0;
  const sendChunk = () => {
    cancel = null;
    if (finished) return;
    sentChunks++;
    progress(Math.round((total * sentChunks) / chunks));
    if (sentChunks < chunks) {
      cancel = later(delay(), sendChunk);
      return;
    }
    send({ conversationId: request.conversationId, file, name: request.name }).then(
      (ack) => {
        if (finished) return;
        const json = JSON.stringify(ack ?? null);
        cancel = later(delay(), () => {
          if (finished) return;
          const result = settle(JSON.parse(json) as unknown);
          if (!result.ok) return fail(result.error);
          finish();
          answer.resolve(result.value);
        });
      },
      (error: unknown) => fail(new UploadError('internal', `The upload endpoint failed: ${String(error).slice(0, 300)}`)),
    );
  };

  if (signal?.aborted) onAbort();
  else {
    signal?.addEventListener('abort', onAbort, { once: true });
    progress(0);
    cancel = later(delay(), sendChunk);
  }
  return { promise: answer.promise, fail };
}
