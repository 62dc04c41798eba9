/**
 * The sync engine's central promise, checked as a property: several clients
 * send while the network loses, duplicates and reorders frames, users drop
 * off and the server restarts. Once the network heals and everything
 * settles, every client's view of every conversation equals the server's log
 * (same ids, same order, no duplicates) and every sendMessage call is in that
 * log exactly once; and every member's delivered position has reached the
 * newest message from others (lost `delivered` reports are sent again), as
 * every client sees it. Each run opens some conversations at the start and
 * leaves the others closed: a closed one holds exactly what reached the server
 * after connect(); one opened later by a send merges that with its history.
 * Thread replies go the same way: some clients open a thread in `general` at
 * the start, everyone may reply to it, and every open thread view ends equal
 * to the server's thread, every reply in it exactly once.
 *
 * Time is simulated (fake timers), so a run covers minutes of retries in
 * milliseconds and replays exactly. A failure prints its seed and path;
 * replay with PARLEY_FC_SEED=<seed> PARLEY_FC_PATH=<path>.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChatClient, type ChatClient } from '../../src/core/client';
import { createMemoryOutbox } from '../../src/core/outbox';
import type { Message } from '../../src/core/protocol';
import { createMockServer, type MockChatServer } from '../../src/mock-server';

const USERS = ['alice', 'bob', 'carol'] as const;
type UserId = (typeof USERS)[number];
/** Conversations and who of USERS is in them. */
const CONVERSATIONS: Record<string, readonly UserId[]> = { general: USERS, 'alice-bob': ['alice', 'bob'] };
/** Every (member, conversation) pair, as `user|conversation`. */
const MEMBERSHIPS = Object.entries(CONVERSATIONS).flatMap(([conversation, members]) => members.map((user) => `${user}|${conversation}`));

type Action =
  | { kind: 'send'; user: UserId; conversation: string }
  | { kind: 'reply'; user: UserId }
  | { kind: 'network'; latencyMs: number; jitterMs: number; dropRate: number; duplicateRate: number; reorderRate: number }
  | { kind: 'online'; user: UserId; online: boolean }
  | { kind: 'restart' }
  | { kind: 'wait'; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...Object.entries(CONVERSATIONS).flatMap(([conversation, members]) => members.map((user) => ({ user, conversation }))))
      .map(({ user, conversation }) => ({ kind: 'send' as const, user, conversation })),
  },
  { weight: 3, arbitrary: fc.constantFrom(...USERS).map((user) => ({ kind: 'reply' as const, user })) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('network' as const),
      latencyMs: fc.integer({ min: 0, max: 400 }),
      jitterMs: fc.integer({ min: 0, max: 300 }),
      dropRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
      duplicateRate: fc.double({ min: 0, max: 0.4, noNaN: true }),
      reorderRate: fc.double({ min: 0, max: 0.4, noNaN: true }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('online' as const), user: fc.constantFrom(...USERS), online: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3_000 }) }) },
);

interface World {
  server: MockChatServer;
  clients: Record<UserId, ChatClient>;
  sends: { user: UserId; conversation: string; text: string; result: Promise<Message> }[];
  replies: { user: UserId; text: string; result: Promise<Message> }[];
  /** The thread every reply goes to (in `general`), and who opened it at the start. */
  rootId: string;
  threadOpenedBy: readonly UserId[];
  /** Memberships whose conversation the client has opened (openConversation, or a send, which opens it). */
  opened: Set<string>;
  /** Each conversation's last seq when the clients connected: what a closed conversation holds starts above it. */
  seqAtConnect: Record<string, number>;
}

async function advance(ms: number): Promise<void> {
  // Small steps so promise chains between timers get to run.
  for (let left = ms; left > 0; left -= 100) await vi.advanceTimersByTimeAsync(Math.min(100, left));
}

async function createWorld(openedAtStart: readonly string[], threadOpenedBy: readonly UserId[]): Promise<World> {
  const server = createMockServer({ seed: 'demo', botDelayMs: 50 });
  const rootId = server.postMessage('general', { authorId: 'carol', text: 'Thread root' }).id;
  const seqAtConnect = Object.fromEntries(Object.keys(CONVERSATIONS).map((id) => [id, server.conversation(id)!.lastSeq]));
  const clients = {} as Record<UserId, ChatClient>;
  for (const user of USERS) {
    clients[user] = createChatClient({
      transport: server.connect({ userId: user, token: `${user}-token` }),
      userId: user,
      outbox: createMemoryOutbox(),
      requestTimeoutMs: 1_000,
      // Enough attempts to outlast any fault schedule below: the property is about delivery.
      retry: { maxAttempts: 1_000, baseDelayMs: 200, maxDelayMs: 2_000 },
    });
  }
  const connected = Promise.all(USERS.map((u) => clients[u].connect()));
  await advance(100);
  await connected;
  const opening = Promise.all([
    ...openedAtStart.map((membership) => {
      const [user, conversation] = membership.split('|') as [UserId, string];
      return clients[user].openConversation(conversation);
    }),
    ...threadOpenedBy.map((user) => clients[user].openThread(rootId)),
  ]);
  await advance(100);
  await opening;
  return { server, clients, sends: [], replies: [], rootId, threadOpenedBy, opened: new Set(openedAtStart), seqAtConnect };
}

async function run(world: World, actions: Action[]): Promise<void> {
  let n = 0;
  for (const a of actions) {
    switch (a.kind) {
      case 'send': {
        const text = `${a.user} #${++n}`;
        const result = world.clients[a.user].sendMessage(a.conversation, { text });
        result.catch(() => undefined); // asserted below
        world.sends.push({ user: a.user, conversation: a.conversation, text, result });
        world.opened.add(`${a.user}|${a.conversation}`);
        break;
      }
      case 'reply': {
        const text = `${a.user} reply #${++n}`;
        const result = world.clients[a.user].sendMessage('general', { text, parentId: world.rootId });
        result.catch(() => undefined); // asserted below
        world.replies.push({ user: a.user, text, result });
        world.opened.add(`${a.user}|general`);
        break;
      }
      case 'network':
        world.server.setNetwork(a);
        break;
      case 'online':
        world.server.setOnline(a.user, a.online);
        break;
      case 'restart':
        world.server.restart();
        break;
      case 'wait':
        await advance(a.ms);
        break;
    }
  }
}

async function heal(world: World): Promise<void> {
  world.server.setNetwork({ latencyMs: 0, jitterMs: 0, dropRate: 0, duplicateRate: 0, reorderRate: 0 });
  for (const u of USERS) world.server.setOnline(u, true);
  for (const u of USERS) world.clients[u].reconnectNow();
  // Longer than the slowest backoff (transport 5 s, sends 2 s) plus request timeouts.
  await advance(30_000);
}

function check(world: World): void {
  for (const [conversationId, members] of Object.entries(CONVERSATIONS)) {
    const log = world.server.messages(conversationId);
    const logIds = log.map((m) => m.id);
    expect(new Set(logIds).size).toBe(logIds.length);
    // Seqs are gap-free from 1: the messages after connect() start at this index of the log.
    const afterConnect = world.seqAtConnect[conversationId]!;
    for (const u of members) {
      const view = world.clients[u].getMessages(conversationId);
      expect(view.filter((m) => m.status !== 'sent'), `${u} has unsent messages in ${conversationId}`).toEqual([]);
      const ids = view.map((m) => m.id);
      if (!world.opened.has(`${u}|${conversationId}`)) {
        // Never opened: every message pushed since connect(), and nothing older.
        expect(ids, `${u}'s view of ${conversationId}, never opened`).toEqual(logIds.slice(afterConnect));
        continue;
      }
      // The client holds a window that ends at the newest message: it must be the log's tail, exactly,
      // and reach back at least to connect() (a page opened late merges with what pushes brought).
      const start = logIds.indexOf(ids[0]!);
      expect(start, `${u}'s first message in ${conversationId} is in the log`).toBeGreaterThanOrEqual(0);
      expect(start, `${u}'s view of ${conversationId} reaches back to connect()`).toBeLessThanOrEqual(afterConnect);
      expect(ids, `${u}'s view of ${conversationId}`).toEqual(logIds.slice(start));
    }
  }
  for (const [conversationId, members] of Object.entries(CONVERSATIONS)) {
    const log = world.server.messages(conversationId);
    const onServer = world.server.conversation(conversationId)!.deliveredSeqs;
    for (const u of members) {
      const newestFromOthers = Math.max(0, ...log.filter((m) => m.authorId !== u).map((m) => m.seq));
      expect(onServer[u] ?? 0, `${u}'s delivered position in ${conversationId}`).toBeGreaterThanOrEqual(newestFromOthers);
      const seen = world.clients[u].store.getState().conversations[conversationId]!.deliveredSeqs;
      expect(seen, `delivered positions in ${conversationId} as ${u} sees them`).toEqual(onServer);
    }
  }
  const thread = world.server.threadMessages(world.rootId);
  const threadIds = thread.map((m) => m.id);
  expect(thread.map((m) => m.seq)).toEqual(thread.map((_, i) => i + 1));
  for (const u of USERS) {
    const view = world.clients[u].getThreadMessages(world.rootId);
    expect(view.filter((m) => m.status !== 'sent'), `${u} has unsent thread replies`).toEqual([]);
    if (world.threadOpenedBy.includes(u)) expect(view.map((m) => m.id), `${u}'s view of the thread`).toEqual(threadIds);
  }
  for (const r of world.replies) {
    expect(thread.filter((m) => m.text === r.text && m.authorId === r.user), `reply "${r.text}"`).toHaveLength(1);
  }
  expect(world.server.messages('general').find((m) => m.id === world.rootId)!.replyCount ?? 0).toBe(thread.length);
  for (const send of world.sends) {
    const copies = world.server.messages(send.conversation).filter((m) => m.text === send.text && m.authorId === send.user);
    expect(copies, `"${send.text}" in ${send.conversation}`).toHaveLength(1);
  }
}

describe('exactly-once, in-order delivery under faults (property)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // 200 runs of simulated minutes: ~4 s idle, ~8 s with both cores busy (fake timers make it
  // all CPU, no waiting); the limit is generous so a starved machine still runs every one.
  it('every client ends with the server log, every send in it exactly once', async () => {
    const seed = process.env.PARLEY_FC_SEED ? Number(process.env.PARLEY_FC_SEED) : undefined;
    const path = process.env.PARLEY_FC_PATH;
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 1, maxLength: 25 }),
        fc.subarray(MEMBERSHIPS),
        fc.subarray([...USERS]),
        async (actions, openedAtStart, threadOpenedBy) => {
        const world = await createWorld(openedAtStart, threadOpenedBy);
        try {
          await run(world, actions);
          await heal(world);
          check(world);
          const settled = await Promise.allSettled([...world.sends, ...world.replies].map((s) => s.result));
          expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
        } finally {
          for (const u of USERS) world.clients[u].disconnect();
          world.server.dispose();
        }
        },
      ),
      { numRuns: 200, ...(seed !== undefined ? { seed } : {}), ...(path ? { path } : {}), endOnFailure: true },
    );
  }, 300_000);
});
