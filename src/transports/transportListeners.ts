/**
 * Who hears from a transport: status changes (the current status kept, so a
 * listener that subscribes late can read where the link stands) and pushed
 * events. Built on core's Emitter, so a listener that throws cannot stop the
 * others, and the client's bundle already holds the code.
 */
import { Emitter } from '../core/emitter';
import type { Transport, TransportStatus } from '../core/transport';

/** Not connected and not trying: before `connect()`, after `disconnect()`. */
export const IDLE_STATUS: TransportStatus = { state: 'disconnected', willRetry: false };

export interface TransportListeners extends Pick<Transport, 'onEvent' | 'onStatus'> {
  readonly status: TransportStatus;
  setStatus(next: TransportStatus): void;
  emitEvent(event: string, payload: unknown): void;
}

export function createTransportListeners(): TransportListeners {
  const emitter = new Emitter<{ status: TransportStatus; event: readonly [string, unknown] }>();
  let status = IDLE_STATUS;
  return {
    get status() {
      return status;
    },
    setStatus(next) {
      status = next;
      emitter.emit('status', next);
    },
    emitEvent(event, payload) {
      emitter.emit('event', [event, payload]);
    },
    onEvent: (listener) => emitter.on('event', ([event, payload]) => listener(event, payload)),
    onStatus: (listener) => emitter.on('status', listener),
  };
}
