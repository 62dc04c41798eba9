/**
 * When a transport tries to reconnect next: after each failed attempt it waits
 * the kit's one backoff (src/core/backoff.ts) for the failures so far, but never
 * less than a wait the server asked for (`retryAfterMs` of a refused handshake),
 * and a link that comes up starts the count over. (A closure rather than a class: its names minify.)
 */
import { jitteredDelay, type Backoff } from '../core/backoff';

export interface RetryScheduleOptions {
  readonly backoff: Backoff;
  /** Uniform in [0, 1), for the jitter; a seeded one makes the waits replayable. */
  readonly random?: () => number;
  /** Epoch ms, for the `nextRetryAt` a status announces. */
  readonly clock?: () => number;
}

export interface RetrySchedule {
  /**
   * Counts one failed attempt and runs `retry` after the wait it earns, and not before
   * `notBeforeMs` from now (the server's wait: anything but a number of ms up to an hour is
   * ignored, as the protocol allows no more); returns when (epoch ms).
   */
  schedule(retry: () => void, notBeforeMs?: unknown): number;
  /** Drops the waiting retry; returns whether one was waiting. */
  cancel(): boolean;
  /** A link came up, or the user started over: the next failure waits the shortest time again. */
  reset(): void;
}

export function createRetrySchedule({ backoff, random, clock = Date.now }: RetryScheduleOptions): RetrySchedule {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    const waiting = timer !== undefined;
    clearTimeout(timer);
    timer = undefined;
    return waiting;
  };
  return {
    schedule(retry, notBeforeMs) {
      cancel();
      // At most an hour, the protocol's bound for `retryAfterMs` (a longer timer would overflow into "now").
      const wait = Math.min(Number(notBeforeMs) || 0, 3_600_000);
      const delay = Math.max(jitteredDelay(failures++, backoff, random), wait);
      // A timer even at zero: a retry never runs inside the failure that scheduled it.
      timer = setTimeout(() => {
        timer = undefined;
        retry();
      }, delay);
      return clock() + delay;
    },
    cancel,
    reset() {
      failures = 0;
    },
  };
}
