/**
 * This user's positions, outbound: how far they have read (`read`) and how far
 * messages from others have reached this client (`delivered`), each a
 * watermark per conversation sent as `{conversationId, seq}`. Coalesced to one
 * request per conversation per window, never for a position already reported,
 * and kept until the server has it: a report lost with the link is sent again
 * after reconnecting, one that timed out is retried while the link is up.
 */
import { exponentialDelay } from './backoff';
import type { Engine } from './engine';
import { ChatError, isRetryable, toChatError } from './errors';
import type { Message } from './protocol';
import type { Requester } from './requests';

/** Default wait before a delivered report goes out, so a burst of messages makes one request. */
export const DELIVERED_DELAY_MS = 100;
const REPORT_RETRY = { baseMs: 1_000, maxMs: 30_000 };

export interface PositionReporterDeps {
  /** `thread:read` keeps a position per thread (its root id as the key), the others per conversation. */
  readonly event: 'read' | 'delivered' | 'thread:read';
  readonly request: Requester;
  readonly isOnline: () => boolean;
  /** The position the server already has for this user, beyond what this reporter sent (0 if unknown). */
  readonly knownSeq: (conversationId: string) => number;
  readonly report: (error: ChatError) => void;
  readonly delayMs: number;
  readonly now: () => number;
}

/** The newest seq among messages by someone other than `userId` (0 when there is none). */
export function newestFromOthers(messages: readonly Message[], userId: string): number {
  let top = 0;
  for (const m of messages) if (m.authorId !== userId && m.seq > top) top = m.seq;
  return top;
}

export class PositionReporter implements Engine {
  /** Positions waiting for the next flush, per conversation. */
  readonly #queued = new Map<string, number>();
  /** Highest position in flight, per conversation. */
  readonly #inFlight = new Map<string, number>();
  /** Highest position the server acknowledged, per conversation. */
  readonly #acked = new Map<string, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerDue = 0;
  #failures = 0;
  #stopped = false;

  readonly #deps: PositionReporterDeps;

  constructor(deps: PositionReporterDeps) {
    this.#deps = deps;
  }

  /** Report `seq` for the conversation, unless that position is already covered. */
  reach(conversationId: string, seq: number): void {
    if (seq > 0 && seq > this.#covered(conversationId)) {
      this.#queued.set(conversationId, seq);
      this.#schedule(this.#deps.delayMs);
    }
  }

  start(): void {
    this.#stopped = false;
  }

  /** After (re)connecting: send whatever is still waiting. */
  online(): void {
    if (this.#queued.size > 0) this.#schedule(0);
  }

  offline(): void {
    // Nothing to do: a flush finds the link down and leaves the queue for online().
  }

  /** Nothing more goes out until the next start; what waits is kept for then. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #covered(conversationId: string): number {
    return Math.max(
      this.#queued.get(conversationId) ?? 0,
      this.#inFlight.get(conversationId) ?? 0,
      this.#acked.get(conversationId) ?? 0,
      this.#deps.knownSeq(conversationId),
    );
  }

  /** Flush after `delayMs`, unless a flush is due sooner (a retry's backoff gives way to new arrivals). */
  #schedule(delayMs: number): void {
    if (this.#stopped || !this.#deps.isOnline()) return;
    const due = this.#deps.now() + delayMs;
    if (this.#timer !== undefined && this.#timerDue <= due) return;
    clearTimeout(this.#timer);
    this.#timerDue = due;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flush();
    }, delayMs);
  }

  #flush(): void {
    // Offline: the queue waits for online().
    if (!this.#deps.isOnline()) return;
    const due = [...this.#queued];
    this.#queued.clear();
    for (const [conversationId, seq] of due) {
      if (seq > this.#covered(conversationId)) this.#send(conversationId, seq);
    }
  }

  #send(conversationId: string, seq: number): void {
    this.#inFlight.set(conversationId, seq);
    const settle = () => {
      if (this.#inFlight.get(conversationId) === seq) this.#inFlight.delete(conversationId);
    };
    const { event, request } = this.#deps;
    const sent = event === 'thread:read' ? request(event, { rootId: conversationId, seq }) : request(event, { conversationId, seq });
    sent.then(
      () => {
        settle();
        this.#failures = 0;
        if (seq > (this.#acked.get(conversationId) ?? 0)) this.#acked.set(conversationId, seq);
      },
      (err: unknown) => {
        settle();
        const error = toChatError(err);
        if (!isRetryable(error.code)) {
          if (!this.#stopped) this.#deps.report(error);
          return;
        }
        // Back in the queue (a later report in flight or queued covers it anyway).
        if (seq > this.#covered(conversationId)) this.#queued.set(conversationId, seq);
        if (this.#stopped) return;
        // A lost link resends on reconnect (online); otherwise try again after a while.
        if (error.code !== 'disconnected') this.#schedule(exponentialDelay(this.#failures++, REPORT_RETRY));
      },
    );
  }
}
