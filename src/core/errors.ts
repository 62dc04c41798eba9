import type { ErrorInfo } from './protocol';

/** What the client reports through `client.on('error')` and rejects with. */
export class ChatError extends Error {
  readonly code: string;
  /** The server event or request this error is about, when there is one. */
  readonly event?: string;
  constructor(info: ErrorInfo & { event?: string }) {
    super(info.message);
    this.name = 'ChatError';
    this.code = info.code;
    if (info.event !== undefined) this.event = info.event;
  }
}

/** Errors worth another attempt: the message may simply not have arrived. */
export function isRetryable(code: string): boolean {
  return code === 'timeout' || code === 'disconnected' || code === 'rate_limited' || code === 'internal';
}
