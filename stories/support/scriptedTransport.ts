/**
 * A Transport whose connection status a story sets by hand, for states the
 * mock server only passes through briefly (connecting, waiting to retry).
 * It drives the real client, so the component sees a real store.
 */
import { TransportError, type ClientEvent, type Transport, type TransportStatus } from 'parley/core';

export interface ScriptedTransport extends Transport {
  setStatus(status: TransportStatus): void;
}

export interface ScriptedTransportOptions {
  /** Status reported once `connect()` is called. */
  onConnect: TransportStatus;
  /** Acks for requests while "connected"; missing events fail as disconnected. */
  acks?: Partial<Record<ClientEvent, unknown>>;
  /** Called by `reconnectNow()` (e.g. to show a failed attempt and a new countdown). */
  onReconnectNow?: (transport: ScriptedTransport) => void;
}

export function createScriptedTransport({ onConnect, acks = {}, onReconnectNow }: ScriptedTransportOptions): ScriptedTransport {
  let status: TransportStatus = { state: 'disconnected', willRetry: false };
  const statusListeners = new Set<(s: TransportStatus) => void>();
  const transport: ScriptedTransport = {
    get status() {
      return status;
    },
    setStatus(next) {
      status = next;
      for (const listener of [...statusListeners]) listener(next);
    },
    connect() {
      transport.setStatus(onConnect);
    },
    disconnect() {
      transport.setStatus({ state: 'disconnected', willRetry: false });
    },
    reconnectNow() {
      onReconnectNow?.(transport);
    },
    request(event) {
      const ack = acks[event];
      if (status.state !== 'connected' || ack === undefined) {
        return Promise.reject(new TransportError('disconnected', `Not connected: cannot send "${event}"`));
      }
      return Promise.resolve(ack);
    },
    onEvent() {
      return () => {};
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
  return transport;
}
