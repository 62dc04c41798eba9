// @vitest-environment node
/**
 * warmSearch: the Node server reads the seeded history into the search index
 * a slice at a time after starting, so the first search is answered without
 * holding the server for the second a whole read takes; sockets are served
 * between the slices.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { closeAllClients, connect } from './helpers';

let running: RunningMockServer;

beforeAll(async () => {
  running = await startMockServer({ seed: 'demo', warmSearch: true, rateLimits: false });
});
afterAll(async () => {
  closeAllClients();
  await running.close();
});

describe('warmSearch (Node server)', () => {
  it('indexes the seeded history in the background; the first search then finds it at once', { timeout: 60_000 }, async () => {
    const alice = await connect(running.url, 'alice-token');
    // A budget of 0 reads nothing: it only says whether everything is read.
    expect(running.server.warmSearch(0)).toBe(false);
    // Sockets are served while it reads: this is answered before the reading is done.
    expect((await alice.request('conversations:list')).ok).toBe(true);
    expect(running.server.warmSearch(0)).toBe(false);
    await vi.waitFor(() => expect(running.server.warmSearch(0)).toBe(true), { timeout: 50_000, interval: 50 });
    const found = await alice.request('messages:search', { query: 'deployed', conversationId: 'archive', limit: 100 });
    expect(found.ok).toBe(true);
    // The seeded archive says it often, over two years.
    expect(found.results.length).toBe(100);
    expect(found.nextCursor).toBeDefined();
  });
});
