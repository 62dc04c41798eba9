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
});
