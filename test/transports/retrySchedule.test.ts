// @vitest-environment node
/** When both transports try to reconnect next. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRetrySchedule } from '../../src/transports/retrySchedule';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('retry schedule', () => {
  it('waits longer after each failure, announces when, and starts over after reset', () => {
    const retry = createRetrySchedule({ backoff: { baseMs: 100, maxMs: 1000 }, random: () => 1 });
    const now = Date.now();
    const runs: number[] = [];
    expect(retry.schedule(() => runs.push(1)) - now).toBe(100);
    vi.advanceTimersByTime(99);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([1]);
    expect(retry.schedule(() => runs.push(2)) - Date.now()).toBe(200);
    expect(retry.cancel()).toBe(true); // it was waiting
    expect(retry.cancel()).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual([1]);
    retry.reset();
    expect(retry.schedule(() => {}) - Date.now()).toBe(100);
  });

  it("waits at least the server's wait (notBeforeMs), and ignores one that is not a number of ms up to an hour", () => {
    const retry = createRetrySchedule({ backoff: { baseMs: 100, maxMs: 1000 }, random: () => 1 });
    const runs: number[] = [];
    // Longer than the backoff's 100 ms: the server's wait.
    expect(retry.schedule(() => runs.push(1), 2_500) - Date.now()).toBe(2_500);
    vi.advanceTimersByTime(2_499);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([1]);
    // Shorter than the backoff (now 200 ms): the backoff.
    expect(retry.schedule(() => {}, 50) - Date.now()).toBe(200);
    for (const junk of [undefined, null, 'soon', {}, Number.NaN, -5_000]) {
      retry.reset();
      expect(retry.schedule(() => {}, junk) - Date.now()).toBe(100);
    }
    // Past the protocol's bound (an hour), or endless: an hour, never a timer that overflows into "now".
    expect(retry.schedule(() => {}, Number.POSITIVE_INFINITY) - Date.now()).toBe(3_600_000);
    retry.cancel();
  });
});
