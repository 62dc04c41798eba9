/**
 * Requests waiting for their ack: each one times out on its own, and all of
 * them fail at once when the link they went out on dies, since an ack can
 * only come back over that link.
 */
import { TransportError } from '../core/transport';

interface PendingRequest {
  readonly resolve: (ack: unknown) => void;
  readonly reject: (error: TransportError) => void;
  readonly timer: ReturnType<typeof setTimeout> | undefined;
}

export interface TrackedRequest {
  readonly promise: Promise<unknown>;
  /** Settles the request with its ack; a late or second ack is ignored. */
  answer(ack: unknown): void;
}

export class RequestTracker {
  private readonly pending = new Map<number, PendingRequest>();
  private nextId = 0;

  /** A request for `event` that rejects with `timeout` after `timeoutMs` (never, if not finite). */
  track(event: string, timeoutMs: number): TrackedRequest {
    const id = ++this.nextId;
    const promise = new Promise<unknown>((resolve, reject) => {
      const timer =
        Number.isFinite(timeoutMs) && timeoutMs >= 0
          ? setTimeout(() => {
              this.pending.delete(id);
              reject(new TransportError('timeout', `No answer to "${event}" within ${timeoutMs} ms`));
            }, timeoutMs)
          : undefined;
      this.pending.set(id, { resolve, reject, timer });
    });
    return {
      promise,
      answer: (ack) => {
        const request = this.pending.get(id);
        if (!request) return; // a duplicate, or already timed out
        this.pending.delete(id);
        if (request.timer !== undefined) clearTimeout(request.timer);
        request.resolve(ack);
      },
    };
  }

  /** The link died: every waiting request fails with `disconnected`. */
  rejectAll(reason: string): void {
    const requests = [...this.pending.values()];
    this.pending.clear();
    for (const request of requests) {
      if (request.timer !== undefined) clearTimeout(request.timer);
      request.reject(new TransportError('disconnected', reason));
    }
  }
}
