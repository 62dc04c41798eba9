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
   * `nextRetryAt` (epoch ms); `error` explains a refusal (e.g. a bad token).
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
}

export class TransportError extends Error {
  readonly code: 'timeout' | 'disconnected';
  constructor(code: 'timeout' | 'disconnected', message: string) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
  }
}
