/**
 * The outbox a client gets unless it is given one: IndexedDB where the platform
 * has it (browsers), memory elsewhere (SSR, Node). The IndexedDB code is loaded
 * with the first call rather than with the client: every call is asynchronous
 * anyway, and the first comes when the client connects, well after start.
 */
import type { IndexedDbOutboxOptions } from './indexedDbOutbox';
import { createMemoryOutbox, type Outbox } from './outbox';

export function hasIndexedDb(): boolean {
  return typeof globalThis.indexedDB !== 'undefined' && globalThis.indexedDB !== null;
}

export function createDefaultOutbox(options?: IndexedDbOutboxOptions): Outbox {
  if (!hasIndexedDb()) return createMemoryOutbox();
  let outbox: Promise<Outbox> | undefined;
  // Should the code not arrive (a network drop before it was fetched), entries wait in
  // memory for this page's life: still sent, exactly once, just not across a reload.
  const ready = () =>
    (outbox ??= import('./indexedDbOutbox').then(
      (m) => m.createIndexedDbOutbox(options),
      () => createMemoryOutbox(),
    ));
  return {
    load: (userId) => ready().then((o) => o.load(userId)),
    put: (entry) => ready().then((o) => o.put(entry)),
    delete: (clientId) => ready().then((o) => o.delete(clientId)),
  };
}
