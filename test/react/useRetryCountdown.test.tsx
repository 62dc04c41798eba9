import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useRetryCountdown } from '../../src/react/components/ConnectionStatus/useRetryCountdown';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(100_000);
});
afterEach(() => {
  vi.useRealTimers();
});

test('counts down once a second and stops its timer at zero', () => {
  const { result } = renderHook(() => useRetryCountdown(103_000));
  expect(result.current).toBe(3);
  act(() => vi.advanceTimersByTime(1_010));
  expect(result.current).toBe(2);
  act(() => vi.advanceTimersByTime(1_000));
  expect(result.current).toBe(1);
  act(() => vi.advanceTimersByTime(1_000));
  expect(result.current).toBe(0);
  expect(vi.getTimerCount()).toBe(0);
});

test('undefined and no timer without a retry time', () => {
  const { result } = renderHook(() => useRetryCountdown(undefined));
  expect(result.current).toBeUndefined();
  expect(vi.getTimerCount()).toBe(0);
});

test('a new retry time replaces the timer; unmounting clears it', () => {
  const { result, rerender, unmount } = renderHook(({ at }) => useRetryCountdown(at), { initialProps: { at: 105_000 } });
  expect(result.current).toBe(5);
  expect(vi.getTimerCount()).toBe(1);
  rerender({ at: 110_000 });
  expect(result.current).toBe(10);
  expect(vi.getTimerCount()).toBe(1);
  unmount();
  expect(vi.getTimerCount()).toBe(0);
});
