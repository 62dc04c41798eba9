/**
 * What every transport has alike around its own link code: who hears from it,
 * the requests waiting for acks, when it retries, and whether the user wants a
 * link at all. `expose` completes a Transport from the link's own methods, so
 * the status, the listeners and connect()'s idempotence are written once.
 * (A closure rather than a class: its names minify.)
 */
import type { Transport } from '../core/transport';
import { createRequestTracker, type RequestTracker } from './requestTracker';
import { createRetrySchedule, type RetrySchedule, type RetryScheduleOptions } from './retrySchedule';
import { createTransportListeners, type TransportListeners } from './transportListeners';

/** What a transport writes itself: `start` is what connect() does once a link is newly wanted. */
export type LinkMethods = Omit<Transport, 'connect' | 'status' | 'onEvent' | 'onStatus'> & {
  /** The first attempt after connect(); the backoff has just started over. */
  start(): void;
};

export interface TransportBase {
  readonly listeners: TransportListeners;
  readonly requests: RequestTracker;
  readonly retry: RetrySchedule;
  /** The user wants a link: connect() called, no disconnect() or refusal since. */
  readonly wanted: boolean;
  /** No more automatic attempts until connect() is called again. */
  giveUp(): void;
  expose(methods: LinkMethods): Transport;
}

export function createTransportBase(retryOptions: RetryScheduleOptions): TransportBase {
  const listeners = createTransportListeners();
  const retry = createRetrySchedule(retryOptions);
  let wanted = false;
  return {
    listeners,
    requests: createRequestTracker(),
    retry,
    get wanted() {
      return wanted;
    },
    giveUp() {
      wanted = false;
    },
    expose({ start, ...methods }) {
      return {
        get status() {
          return listeners.status;
        },
        connect() {
          if (wanted) return;
          wanted = true;
          retry.reset();
          start();
        },
        ...methods,
        onEvent: listeners.onEvent,
        onStatus: listeners.onStatus,
      };
    },
  };
}
