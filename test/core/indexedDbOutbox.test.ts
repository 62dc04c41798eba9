/** The IndexedDB outbox against fake-indexeddb: what survives a reload, per user, in order. */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createIndexedDbOutbox } from '../../src/core/indexedDbOutbox';
import type { OutboxEntry } from '../../src/core/outbox';

const entry = (clientId: string, authorId: string, createdAt: number): OutboxEntry => ({
  clientId,
  conversationId: 'general',
  authorId,
  text: `text of ${clientId}`,
  attachments: [],
  createdAt,
  status: 'sending',
});

beforeEach(() => {
  // A fresh, empty database server per test.
  globalThis.indexedDB = new IDBFactory();
});

describe('createIndexedDbOutbox', () => {
  it('gives back one user’s entries, oldest first, from a second instance (a reload)', async () => {
    const first = createIndexedDbOutbox({ name: 'a' });
    await first.put(entry('c3', 'alice', 30));
    await first.put(entry('c1', 'alice', 10));
    await first.put(entry('b1', 'bob', 5));
    await first.put(entry('c2', 'alice', 20));
    const reloaded = createIndexedDbOutbox({ name: 'a' });
    expect((await reloaded.load('alice')).map((e) => e.clientId)).toEqual(['c1', 'c2', 'c3']);
    expect((await reloaded.load('bob')).map((e) => e.clientId)).toEqual(['b1']);
    expect(await reloaded.load('carol')).toEqual([]);
  });

  it('replaces an entry by clientId and deletes it', async () => {
    const outbox = createIndexedDbOutbox({ name: 'b' });
    await outbox.put(entry('c1', 'alice', 10));
    await outbox.put({ ...entry('c1', 'alice', 10), status: 'failed', error: { code: 'timeout', message: 'no answer' } });
    expect(await outbox.load('alice')).toEqual([{ ...entry('c1', 'alice', 10), status: 'failed', error: { code: 'timeout', message: 'no answer' } }]);
    await outbox.delete('c1');
    expect(await createIndexedDbOutbox({ name: 'b' }).load('alice')).toEqual([]);
  });

  it('keeps databases of different names apart', async () => {
    await createIndexedDbOutbox({ name: 'one' }).put(entry('c1', 'alice', 10));
    expect(await createIndexedDbOutbox({ name: 'two' }).load('alice')).toEqual([]);
  });

  it('steps aside when another tab upgrades the database, and reopens on the next call', async () => {
    const outbox = createIndexedDbOutbox({ name: 'c' });
    await outbox.put(entry('c1', 'alice', 10));
    // Another tab opens version 2: it is blocked until our connection closes.
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('c', 2);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    upgraded.close();
    expect((await outbox.load('alice')).map((e) => e.clientId)).toEqual(['c1']);
  });

  it('rejects (so the caller can fall back) when IndexedDB refuses to open', async () => {
    globalThis.indexedDB = {
      open: () => {
        const request = {} as IDBOpenDBRequest;
        queueMicrotask(() => (request.onerror as (() => void) | null)?.call(request));
        Object.defineProperty(request, 'error', { value: new DOMException('denied', 'InvalidStateError') });
        return request;
      },
    } as unknown as IDBFactory;
    await expect(createIndexedDbOutbox({ name: 'd' }).load('alice')).rejects.toThrow('denied');
  });
});

describe('createDefaultOutbox', () => {
  it('keeps entries in IndexedDB where there is one: a second outbox (a reload) finds them', async () => {
    const { createDefaultOutbox } = await import('../../src/core/defaultOutbox');
    await createDefaultOutbox({ name: 'd' }).put(entry('c1', 'alice', 10));
    expect((await createDefaultOutbox({ name: 'd' }).load('alice')).map((e) => e.clientId)).toEqual(['c1']);
  });

  it('keeps them in memory where there is none (SSR, Node): nothing survives a new outbox', async () => {
    const { createDefaultOutbox } = await import('../../src/core/defaultOutbox');
    const saved = globalThis.indexedDB;
    try {
      // @ts-expect-error -- a platform without IndexedDB
      delete globalThis.indexedDB;
      const outbox = createDefaultOutbox({ name: 'e' });
      await outbox.put(entry('c1', 'alice', 10));
      expect((await outbox.load('alice')).map((e) => e.clientId)).toEqual(['c1']);
      expect(await createDefaultOutbox({ name: 'e' }).load('alice')).toEqual([]);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
