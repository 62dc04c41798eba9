/**
 * What every transport has alike around its own link code: whether the user
 * wants a link at all, and the face it shows the client. `expose` completes a
 * Transport from the link's own methods, so the status, the listeners and
 * connect()'s idempotence are written once. (A closure returning functions,
 * which a transport destructures: its calls minify, and parley/socketio has
 * little room left in its size budget.)
 */
import type { Transport } from '../core/transport';
import type { RetrySchedule } from './retrySchedule';
import type { TransportListeners } from './transportListeners';

/** What a transport writes itself; its `connect` runs only when a link is newly wanted, the backoff just started over. */
export type LinkMethods = Omit<Transport, 'status' | 'onEvent' | 'onStatus'>;

export interface TransportBase {
  /** The user wants a link: connect() called, no disconnect() or refusal since. */
  wanted(): boolean;
  /** No more automatic attempts until connect() is called again. */
  giveUp(): void;
  expose(methods: LinkMethods): Transport;
}

export function createTransportBase(listeners: TransportListeners, retry: RetrySchedule): TransportBase {
  let wanted = false;
  return {
    wanted: () => wanted,
    giveUp() {
      wanted = false;
    },
    expose: (methods) => ({
      ...methods,
      get status() {
        return listeners.status;
      },
      connect() {
        if (wanted) return;
        wanted = true;
        retry.reset();
        methods.connect();
      },
      onEvent: listeners.onEvent,
      onStatus: listeners.onStatus,
    }),
  };
}
