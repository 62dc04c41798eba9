// @vitest-environment node
/** Who hears from a transport: status and pushed events. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TransportStatus } from '../../src/core/transport';
import { createTransportListeners, IDLE_STATUS } from '../../src/transports/transportListeners';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('transport listeners', () => {
  it('a listener that throws does not keep the others from hearing, and its error still surfaces', () => {
    const listeners = createTransportListeners();
    const heard: TransportStatus[] = [];
    const events: [string, unknown][] = [];
    listeners.onStatus(() => {
      throw new Error('faulty status listener');
    });
    listeners.onStatus((status) => heard.push(status));
    listeners.onEvent(() => {
      throw new Error('faulty event listener');
    });
    listeners.onEvent((event, payload) => events.push([event, payload]));

    listeners.setStatus({ state: 'connected' });
    listeners.emitEvent('presence', { userId: 'bob', online: true });

    expect(heard).toEqual([{ state: 'connected' }]);
    expect(events).toEqual([['presence', { userId: 'bob', online: true }]]);
    expect(() => vi.runAllTimers()).toThrow(/faulty/);
  });

  it('starts idle, keeps the current status for late subscribers, and unsubscribes', () => {
    const listeners = createTransportListeners();
    expect(listeners.status).toBe(IDLE_STATUS);
    const heard: TransportStatus[] = [];
    const off = listeners.onStatus((status) => heard.push(status));
    listeners.setStatus({ state: 'connecting' });
    off();
    listeners.setStatus({ state: 'connected' });
    expect(heard).toEqual([{ state: 'connecting' }]);
    expect(listeners.status).toEqual({ state: 'connected' });
  });
});
