/**
 * When a transport tries to reconnect next: after each failed attempt it waits
 * the kit's one backoff (src/core/backoff.ts) for the failures so far, and a
 * link that comes up starts the count over.
 */
import { jitteredDelay, type Backoff } from '../core/backoff';
import { later, type Cancel } from './schedule';

export interface RetryScheduleOptions {
  readonly backoff: Backoff;
  /** Uniform in [0, 1), for the jitter; a seeded one makes the waits replayable. */
  readonly random?: () => number;
  /** Epoch ms, for the `nextRetryAt` a status announces. */
  readonly clock?: () => number;
}

export class RetrySchedule {
  private failures = 0;
  private cancelWait: Cancel | null = null;
  private retry: (() => void) | null = null;
  private readonly random: () => number;
  private readonly clock: () => number;

  constructor(private readonly options: RetryScheduleOptions) {
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? Date.now;
  }

  /** Whether a retry is scheduled and has not run yet. */
  get waiting(): boolean {
    return this.cancelWait !== null;
  }

  /** Counts one failed attempt and runs `retry` after the wait it earns; returns when (epoch ms). */
  schedule(retry: () => void): number {
    this.cancel();
    const delay = jitteredDelay(this.failures++, this.options.backoff, this.random);
    this.retry = retry;
    this.cancelWait = later(delay, () => this.fire());
    return this.clock() + delay;
  }

  /** Runs the waiting retry at once; `false` when none was waiting. */
  runNow(): boolean {
    if (!this.cancelWait) return false;
    this.cancelWait();
    this.fire();
    return true;
  }

  cancel(): void {
    this.cancelWait?.();
    this.cancelWait = null;
    this.retry = null;
  }

  /** A link came up, or the user started over: the next failure waits the shortest time again. */
  reset(): void {
    this.failures = 0;
  }

  private fire(): void {
    const retry = this.retry;
    this.cancelWait = null;
    this.retry = null;
    retry?.();
  }
}
