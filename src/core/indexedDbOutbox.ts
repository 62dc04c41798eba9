/**
 * An outbox in IndexedDB, so a message typed just before the tab closed (or
 * the page reloaded) is still delivered, exactly once, when the app opens
 * again: the entry keeps its clientId and the server dedupes on it.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { createMemoryOutbox, type Outbox, type OutboxEntry } from './outbox';

const STORE = 'outbox';

export interface IndexedDbOutboxOptions {
  /** Database name; use one per backend or account so outboxes never mix. */
  name?: string;
}

export function hasIndexedDb(): boolean {
  return typeof globalThis.indexedDB !== 'undefined' && globalThis.indexedDB !== null;
}

export function createIndexedDbOutbox({ name = 'parley-outbox' }: IndexedDbOutboxOptions = {}): Outbox {
  let db: Promise<IDBPDatabase> | null = null;
  const open = () =>
    (db ??= openDB(name, 1, {
      upgrade(database) {
        const store = database.createObjectStore(STORE, { keyPath: 'clientId' });
        store.createIndex('byAuthor', 'authorId');
      },
    }));
  return {
    async load(userId) {
      const entries = (await (await open()).getAllFromIndex(STORE, 'byAuthor', userId)) as OutboxEntry[];
      return entries.sort((a, b) => a.createdAt - b.createdAt);
    },
    async put(entry) {
      await (await open()).put(STORE, entry);
    },
    async delete(clientId) {
      await (await open()).delete(STORE, clientId);
    },
  };
}

/** IndexedDB where the platform has it (browsers), memory elsewhere (SSR, Node). */
export function createDefaultOutbox(options?: IndexedDbOutboxOptions): Outbox {
  return hasIndexedDb() ? createIndexedDbOutbox(options) : createMemoryOutbox();
}
