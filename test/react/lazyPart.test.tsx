/**
 * lazyPart: a part whose code is fetched on first use. A failed fetch (a network blip) is
 * tried again by itself, with backoff, while a part is waiting for it.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { lazyPart } from '../../src/react/lazyPart';

afterEach(() => {
  vi.useRealTimers();
});

const Hello = ({ name }: { name: string }) => <p>Hello {name}</p>;

it('renders nothing until the code is there, then the part', async () => {
  const Part = lazyPart(() => Promise.resolve(Hello));
  render(<Part name="Ada" />);
  expect(screen.queryByText('Hello Ada')).toBeNull();
  expect(await screen.findByText('Hello Ada')).toBeTruthy();
});

it('a failed fetch is retried after 1 s, then 2 s, while the part waits; it shows once one succeeds', async () => {
  vi.useFakeTimers();
  let calls = 0;
  const Part = lazyPart(() => (++calls <= 2 ? Promise.reject(new Error('chunk failed')) : Promise.resolve(Hello)));
  render(<Part name="Grace" />);
  await act(() => vi.advanceTimersByTimeAsync(0));
  expect(calls).toBe(1);
  await act(() => vi.advanceTimersByTimeAsync(999));
  expect(calls).toBe(1);
  await act(() => vi.advanceTimersByTimeAsync(1));
  expect(calls).toBe(2);
  await act(() => vi.advanceTimersByTimeAsync(2_000));
  expect(calls).toBe(3);
  expect(screen.getByText('Hello Grace')).toBeTruthy();
});

it('no retry once no part waits for the code', async () => {
  vi.useFakeTimers();
  let calls = 0;
  const Part = lazyPart<{ name: string }>(() => (++calls, Promise.reject(new Error('chunk failed'))));
  const { unmount } = render(<Part name="Linus" />);
  await act(() => vi.advanceTimersByTimeAsync(0));
  unmount();
  await act(() => vi.advanceTimersByTimeAsync(60_000));
  expect(calls).toBe(1);
});
