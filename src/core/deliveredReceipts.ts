/**
 * Delivery receipts, outbound: tells the server how far messages from others
 * have reached this client (`delivered {conversationId, seq}`, a watermark
 * like `read`). Coalesced to one request per conversation per short window,
 * never for a position already reported, and kept until the server has it: a
 * report lost with the link is sent again after reconnecting, one that timed
 * out is retried while the link is up.
 */
import { ChatError, isRetryable, toChatError } from './errors';
import type { Message } from './protocol';
import type { Requester } from './requests';

/** Default wait before a report goes out, so a burst of messages makes one request. */
export const DELIVERED_DELAY_MS = 100;
const MAX_RETRY_MS = 30_000;

export interface DeliveredReporterDeps {
  readonly userId: string;
  readonly request: Requester;
  readonly isOnline: () => boolean;
  /** This user's delivered position as the store knows it (from the server, or raised by reading). */
  readonly knownSeq: (conversationId: string) => number;
  readonly report: (error: ChatError) => void;
  readonly delayMs: number;
  readonly now: () => number;
}

export class DeliveredReporter {
  /** Positions waiting for the next flush, per conversation. */
  private readonly queued = new Map<string, number>();
  /** Highest position in flight, per conversation. */
  private readonly inFlight = new Map<string, number>();
  /** Highest position the server acknowledged, per conversation. */
  private readonly acked = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerDue = 0;
  private failures = 0;
  private disposed = false;

  constructor(private readonly deps: DeliveredReporterDeps) {}

  /** Messages that reached this client: the newest one by someone else is reported. */
  arrived(conversationId: string, messages: readonly Message[]): void {
    let top = 0;
    for (const m of messages) if (m.authorId !== this.deps.userId && m.seq > top) top = m.seq;
    if (top > 0 && top > this.covered(conversationId)) {
      this.queued.set(conversationId, top);
      this.schedule(this.deps.delayMs);
    }
  }

  /** After (re)connecting: send whatever is still waiting. */
  resume(): void {
    if (this.queued.size > 0) this.schedule(0);
  }

  /** After `dispose()`: the client connects again (`resume` sends what arrives from now on). */
  revive(): void {
    this.disposed = false;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queued.clear();
  }

  private covered(conversationId: string): number {
    return Math.max(
      this.queued.get(conversationId) ?? 0,
      this.inFlight.get(conversationId) ?? 0,
      this.acked.get(conversationId) ?? 0,
      this.deps.knownSeq(conversationId),
    );
  }

  /** Flush after `delayMs`, unless a flush is due sooner (a retry's backoff gives way to new arrivals). */
  private schedule(delayMs: number): void {
    if (this.disposed || !this.deps.isOnline()) return;
    const due = this.deps.now() + delayMs;
    if (this.timer !== undefined && this.timerDue <= due) return;
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, delayMs);
  }

  private flush(): void {
    // Offline: the queue waits for resume().
    if (!this.deps.isOnline()) return;
    const due = [...this.queued];
    this.queued.clear();
    for (const [conversationId, seq] of due) {
      if (seq > this.covered(conversationId)) this.send(conversationId, seq);
    }
  }

  private send(conversationId: string, seq: number): void {
    this.inFlight.set(conversationId, seq);
    const settle = () => {
      if (this.inFlight.get(conversationId) === seq) this.inFlight.delete(conversationId);
    };
    this.deps.request('delivered', { conversationId, seq }).then(
      () => {
        settle();
        this.failures = 0;
        if (seq > (this.acked.get(conversationId) ?? 0)) this.acked.set(conversationId, seq);
      },
      (err: unknown) => {
        settle();
        if (this.disposed) return;
        const error = toChatError(err);
        if (!isRetryable(error.code)) {
          this.deps.report(error);
          return;
        }
        // Back in the queue (a later report in flight or queued covers it anyway).
        if (seq > this.covered(conversationId)) this.queued.set(conversationId, seq);
        // A lost link resends on reconnect (resume); otherwise try again after a while.
        if (error.code !== 'disconnected') this.schedule(Math.min(MAX_RETRY_MS, 1_000 * 2 ** this.failures++));
      },
    );
  }
}
