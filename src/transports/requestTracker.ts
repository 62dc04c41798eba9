/**
 * Requests waiting for their ack: each one times out on its own, and all of
 * them fail at once when the link they went out on dies, since an ack can
 * only come back over that link. (A closure rather than a class: its names minify.)
 */
import { TransportError } from '../core/transport';

type Settle = (error: TransportError | undefined, ack?: unknown) => void;

export interface RequestTracker {
  /**
   * Sends a request with `send`, handing it the function that settles the request
   * with its ack (a late or second ack is ignored). Rejects with `timeout` after
   * `timeoutMs` (never, if it is not finite).
   */
  track(event: string, timeoutMs: number, send: (answer: (ack: unknown) => void) => void): Promise<unknown>;
  /** The link died: every waiting request fails with `disconnected`. */
  rejectAll(reason: string): void;
}

export function createRequestTracker(): RequestTracker {
  const pending = new Set<Settle>();
  return {
    track(event, timeoutMs, send) {
      return new Promise<unknown>((resolve, reject) => {
        const timer =
          Number.isFinite(timeoutMs) && timeoutMs >= 0
            ? setTimeout(() => settle(new TransportError('timeout', `No answer to "${event}" within ${timeoutMs} ms`)), timeoutMs)
            : undefined;
        const settle: Settle = (error, ack) => {
          // A duplicate ack, or one after the timeout or the link's end, finds nothing to do.
          if (!pending.delete(settle)) return;
          clearTimeout(timer);
          if (error) reject(error);
          else resolve(ack);
        };
        pending.add(settle);
        send((ack) => settle(undefined, ack));
      });
    },
    rejectAll(reason) {
      for (const settle of [...pending]) settle(new TransportError('disconnected', reason));
    },
  };
}
