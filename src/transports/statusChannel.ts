/**
 * A transport's current status and the listeners told of every change, so a
 * listener that subscribes late can still read where the link stands.
 */
import type { TransportStatus } from '../core/transport';
import { Listeners } from './listeners';

/** Not connected and not trying: before `connect()`, after `disconnect()`. */
export const IDLE_STATUS: TransportStatus = { state: 'disconnected', willRetry: false };

export class StatusChannel {
  private status: TransportStatus = IDLE_STATUS;
  private readonly listeners = new Listeners<[TransportStatus]>();

  get current(): TransportStatus {
    return this.status;
  }

  set(next: TransportStatus): void {
    this.status = next;
    this.listeners.emit(next);
  }

  subscribe(listener: (status: TransportStatus) => void): () => void {
    return this.listeners.add(listener);
  }
}
