/**
 * The one seam between Parley and a backend. A transport moves frames; it does
 * not interpret them: acks and events are handed to the client as `unknown`
 * and validated there, so a buggy or hostile backend cannot corrupt the store.
 */
import type { ClientEvent, ErrorInfo, RequestPayload } from './protocol';

export type TransportStatus =
  /** First connection attempt in progress. */
  | { state: 'connecting' }
  | { state: 'connected' }
  /**
   * Not connected. `willRetry` says the transport reconnects by itself at
   * `nextRetryAt` (epoch ms), or, with no `nextRetryAt` and `error.code`
   * `'offline'`, as soon as the device has a network again; `error` explains a
   * loss or a refusal (e.g. a bad token).
   */
  | { state: 'disconnected'; willRetry: boolean; nextRetryAt?: number; error?: ErrorInfo };

export interface Transport {
  /** Start connecting; progress is reported through `onStatus`. Idempotent. */
  connect(): void;
  /** Close for good (until `connect` is called again); no automatic retry. */
  disconnect(): void;
  /** Skip the wait before the next automatic reconnection attempt. */
  reconnectNow(): void;
  /**
   * Send one request and resolve with the raw ack. Rejects with a
   * `TransportError` (`timeout`, `disconnected`) when no ack arrives.
   */
  request<E extends ClientEvent>(event: E, payload: RequestPayload<E>, timeoutMs: number): Promise<unknown>;
  /** Server-pushed events, unvalidated. Returns an unsubscribe function. */
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  onStatus(listener: (status: TransportStatus) => void): () => void;
  /** Current status, for listeners that subscribe late. */
  readonly status: TransportStatus;
  /**
   * Upload one file (optional: without it the client refuses uploads with
   * `unsupported`). Resolves with the raw attachment descriptor, which the
   * client validates; rejects with an error carrying `{ code, message }`
   * (`UploadErrorCode`), e.g. an `UploadError`.
   */
  upload?(request: UploadRequest): Promise<unknown>;
  /**
   * The URL to load a server-issued attachment URL with (optional): a server
   * may serve files only with this connection's credentials, which an
   * `<img src>` cannot send as a header. Never stored in messages, so one
   * user's credentials never reach another.
   */
  resolveUrl?(url: string): string;
}

export interface UploadRequest {
  conversationId: string;
  file: Blob;
  /** The file name to store (the client's choice; the server sanitizes it). */
  name: string;
  signal?: AbortSignal;
  /** Called as bytes go out; `sentBytes === totalBytes` once the body is sent. */
  onProgress?: (sentBytes: number, totalBytes: number) => void;
}

/** Why an upload failed; a server may add its own codes. */
export type UploadErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'too_large'
  | 'unsupported_type'
  | 'disconnected'
  | 'aborted'
  | 'invalid_payload'
  | 'not_found'
  | 'token_expired'
  | 'rate_limited';

/** What `Transport.upload` rejects with (any error of the same shape will do). */
export class UploadError extends Error {
  readonly code: string;
  /** The size limit that was exceeded, when the code is `too_large` and the server said. */
  readonly maxBytes?: number;
  /** How long to wait before trying again, when the code is `rate_limited` and the server said. */
  readonly retryAfterMs?: number;
  constructor(code: UploadErrorCode | (string & {}), message: string, maxBytes?: number, retryAfterMs?: number) {
    super(message);
    this.name = 'UploadError';
    this.code = code;
    if (maxBytes !== undefined) this.maxBytes = maxBytes;
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}

export class TransportError extends Error {
  readonly code: 'timeout' | 'disconnected';
  constructor(code: 'timeout' | 'disconnected', message: string) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
  }
}
