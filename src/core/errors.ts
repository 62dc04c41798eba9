import type { ErrorInfo } from './protocol';

/** What the client reports through `client.on('error')` and rejects with. */
export class ChatError extends Error {
  readonly code: string;
  /** The server event or request this error is about, when there is one. */
  readonly event?: string;
  /** On `rate_limited`: how long the server asked to wait before trying again. */
  readonly retryAfterMs?: number;
  constructor(info: ErrorInfo & { event?: string }) {
    super(info.message);
    this.name = 'ChatError';
    this.code = info.code;
    if (info.event !== undefined) this.event = info.event;
    if (info.retryAfterMs !== undefined) this.retryAfterMs = info.retryAfterMs;
  }
}

/** Errors worth another attempt: the message may simply not have arrived. */
export function isRetryable(code: string): boolean {
  return code === 'timeout' || code === 'disconnected' || code === 'rate_limited' || code === 'internal';
}

/**
 * Text for any thrown value, never throwing itself: a broken transport may
 * reject with a null-prototype object, a value whose toString throws, or a
 * structure too deep to print.
 */
export function safeString(value: unknown): string {
  try {
    if (value instanceof Error) return value.message;
    return String(value).slice(0, 500);
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return 'unprintable value';
    }
  }
}

export function toChatError(err: unknown): ChatError {
  if (err instanceof ChatError) return err;
  return new ChatError({ code: 'internal', message: safeString(err) });
}
