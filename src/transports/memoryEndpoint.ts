/**
 * What a memory transport connects to: the server side of an in-process link,
 * with the credentials already bound. A server offers this through an adapter,
 * so its own code needs nothing of the transport.
 */
import type { ErrorInfo } from '../core/protocol';
import type { MemoryUploadInput } from './memoryUpload';

/** Why the server ended a link; `retry: false` means "do not come back" (e.g. shut down). */
export interface MemoryDropReason {
  readonly retry: boolean;
  readonly error: ErrorInfo;
}

/** The server side of one open link. */
export interface MemoryLink {
  /** Handles one request and returns its ack (a plain, JSON-serializable object). */
  request(event: string, payload: unknown): unknown;
  /** The client hung up. */
  close(): void;
  /** The server's upload endpoint; answers `{ ok: true, attachment }` or `{ ok: false, error }`. */
  upload?(input: MemoryUploadInput): Promise<unknown>;
}

export interface MemoryLinkCallbacks {
  /** Server → client push; may be called during `open`. */
  deliver(event: string, payload: unknown): void;
  /** The server ended the link. */
  drop(reason: MemoryDropReason): void;
}

export type MemoryOpenResult =
  | { readonly ok: true; readonly link: MemoryLink }
  | { readonly ok: false; readonly error: ErrorInfo; readonly retry: boolean };

export interface MemoryEndpoint {
  open(callbacks: MemoryLinkCallbacks): MemoryOpenResult;
}
