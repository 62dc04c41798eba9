/**
 * The one retry schedule of the kit: exponential from `baseMs`, capped at
 * `maxMs`. Reconnects, message resends, uploads and position reports all wait
 * by it, so "how long until the next try" has one answer.
 */
export interface Backoff {
  readonly baseMs: number;
  readonly maxMs: number;
}

/** The wait before the next try after `failures` failed ones (0 → `baseMs`). */
export function exponentialDelay(failures: number, { baseMs, maxMs }: Backoff): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(failures, 0), 30));
}

/**
 * The same wait with "equal jitter": half fixed, half random, so the many
 * clients of one server do not all come back in the same instant after an outage.
 */
export function jitteredDelay(failures: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = exponentialDelay(failures, backoff);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
