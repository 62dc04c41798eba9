// @vitest-environment node
/** Requests waiting for an ack, as both transports track them. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRequestTracker } from '../../src/transports/requestTracker';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('request tracker', () => {
  it('resolves with the first ack only, and a timeout beats a late ack', async () => {
    const requests = createRequestTracker();
    let answer: (ack: unknown) => void = () => {};
    const answered = requests.track('typing', 1000, (a) => (answer = a));
    answer({ ok: true, n: 1 });
    answer({ ok: true, n: 2 });
    await expect(answered).resolves.toEqual({ ok: true, n: 1 });

    const late = requests.track('typing', 1000, (a) => (answer = a));
    const outcome = late.catch((e: unknown) => e);
    vi.advanceTimersByTime(1000);
    answer({ ok: true });
    expect(await outcome).toMatchObject({ code: 'timeout', message: 'No answer to "typing" within 1000 ms' });
  });

  it('a timed-out request stays timed out; one without a finite limit waits until the link dies', async () => {
    const requests = createRequestTracker();
    const first = requests.track('read', 5000, () => {}).catch((e: unknown) => e);
    const unlimited = requests.track('read', Infinity, () => {}).catch((e: unknown) => e);
    vi.advanceTimersByTime(60_000);
    requests.rejectAll('Connection lost');
    expect(await first).toMatchObject({ code: 'timeout' });
    expect(await unlimited).toMatchObject({ code: 'disconnected', message: 'Connection lost' });
  });
});
