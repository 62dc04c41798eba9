/**
 * An outbox in IndexedDB, so a message typed just before the tab closed (or
 * the page reloaded) is still delivered, exactly once, when the app opens
 * again: the entry keeps its clientId and the server dedupes on it.
 */
import type { Outbox, OutboxEntry } from './outbox';

const STORE = 'outbox';

export interface IndexedDbOutboxOptions {
  /** Database name; use one per backend or account so outboxes never mix. */
  name?: string;
}

/** A request's result once its transaction has committed (so a put is on disk, not just queued). */
function committed<T>(db: IDBDatabase, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = tx.onabort = () => reject(tx.error ?? request.error ?? new Error('IndexedDB transaction failed'));
  });
}

// Hand-written rather than through a wrapper library: three calls do not pay
// for its bytes in the bundle budget.
export function createIndexedDbOutbox({ name = 'parley-outbox' }: IndexedDbOutboxOptions = {}): Outbox {
  let db: Promise<IDBDatabase> | null = null;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      // No version: a newer Parley in another tab may have upgraded the schema; open whatever is there.
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore(STORE, { keyPath: 'clientId' });
        store.createIndex('byAuthor', 'authorId');
      };
      request.onsuccess = () => {
        const database = request.result;
        // Another tab upgrading the schema: let it, and reopen on the next call.
        database.onversionchange = () => {
          database.close();
          db = null;
        };
        resolve(database);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    }));
  return {
    async load(userId) {
      const entries = (await committed(await open(), 'readonly', (store) => store.index('byAuthor').getAll(userId))) as OutboxEntry[];
      return entries.sort((a, b) => a.createdAt - b.createdAt);
    },
    async put(entry) {
      await committed(await open(), 'readwrite', (store) => store.put(entry));
    },
    async delete(clientId) {
      await committed(await open(), 'readwrite', (store) => store.delete(clientId));
    },
  };
}
