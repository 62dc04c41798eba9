/**
 * Store bench: the cost of ONE inbound message into a conversation that already
 * holds N messages (docs/architecture.md "Budgets": ≤ 50 µs median at N = 100 000).
 *
 * Run: `npm run bench` (all benches) or `npm run bench -- store`.
 * How it runs: bench/run.mjs bundles this file with esbuild (Node 20 cannot strip
 * TypeScript types and `tsx` is not installed) and runs it with `node --expose-gc`.
 * It is a plain script, not a Vitest bench: it needs per-insert timings, a
 * custom table and a budget check that sets the exit code.
 *
 * Paths compared, per N, in the same process and interleaved round by round:
 *  (a) parley        — the real store: `createChatStore('alice')`, the seeded
 *                      conversation list applied (`applyConversationList`),
 *                      'general' opened (`openTimeline`) and filled with N
 *                      confirmed messages through `applyMessages` in batches of
 *                      10 000 (chunks of 512), then per inbound message
 *                      `store.setState((s) => applyMessages(s, 'general', [m], true))`.
 *  (a') parley paged — the same, but filled the way the client fills it: newest
 *                      page first, then older pages of 50 (the client's default
 *                      page size) prepended, so the timeline has N / 50 chunks.
 *                      Same budget.
 *  (b) naive         — a zustand vanilla store with `messages: Record<string, Message[]>`
 *                      where each message does `[...old, message]`, plus the same
 *                      conversation-summary update (summary object, conversations
 *                      record, recomputed order).
 *  (c) end-to-end    — a real `createChatClient` on `createMockServer`'s memory
 *                      transport with N messages loaded (`openConversation` then
 *                      `loadOlder` until the start), timed from
 *                      `server.postMessage` until the message is in `client.store`.
 *                      Includes the server, validation and the transport's
 *                      microtask hops: end-to-end, NOT comparable to the budget.
 *
 * Timing: every insert is timed on its own with `performance.now()` (sub-µs
 * resolution in Node; the measured overhead of one timing is printed). Inserts
 * run in rounds of ROUND: before each round the store is reset (untimed) to the
 * snapshot taken after the fill, so every timed insert sees N … N + ROUND - 1
 * messages rather than a conversation that grows during the run. Each store also
 * has one subscriber reading the conversation's messages, like a mounted list.
 * Medians and p95 are over TIMED_ROUNDS × ROUND inserts after WARMUP_ROUNDS.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  createChatClient,
  createChatStore,
  createMemoryOutbox,
  orderConversations,
  type ChatState,
  type ChatStore,
  type Conversation,
  type Message,
} from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import { lastSeq, type MessageTimeline } from '../src/core/messageTimeline';
import { applyConversationList, applyMessages, openTimeline, toChatMessage } from '../src/core/storeUpdates';

const SIZES = [1_000, 10_000, 100_000] as const;
const ROUND = 50;
const WARMUP_ROUNDS = 10;
const TIMED_ROUNDS = 40; // 40 × 50 = 2 000 timed inserts per N and path
const E2E_WARMUP = 50;
const E2E_TIMED = 500;
/** docs/architecture.md "Budgets": one inbound message into a 100 000-message conversation. */
const BUDGET_N = 100_000;
const BUDGET_MEDIAN_US = 50;
/** (c) is skipped at sizes whose history takes longer than this to load. */
const E2E_LOAD_LIMIT_MS = 30_000;

const CONVERSATION = 'general';
const AUTHORS = ['bob', 'carol', 'dave'] as const;
const T0 = Date.UTC(2024, 0, 1);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function message(seq: number): Message {
  return {
    id: `m${seq}`,
    clientId: `c${seq}`,
    conversationId: CONVERSATION,
    authorId: AUTHORS[seq % AUTHORS.length]!,
    seq,
    createdAt: T0 + seq * 1_000,
    text: `Message number ${seq}, with a little text in it`,
    attachments: [],
  };
}

function messages(fromSeq: number, toSeq: number): Message[] {
  const out: Message[] = [];
  for (let seq = fromSeq; seq <= toSeq; seq++) out.push(message(seq));
  return out;
}

// ------------------------------------------------------------------ the stores

/** The seeded conversation list and users, as the client would get them. */
function seedWorld(): { conversations: Conversation[]; users: ReturnType<ReturnType<typeof createMockServer>['users']> } {
  const server = createMockServer({ seed: 'demo' });
  const world = { conversations: server.conversations('alice'), users: server.users() };
  server.dispose();
  // The bench's messages start at seq 1: start 'general' empty so seqs line up.
  world.conversations = world.conversations.map((c) =>
    c.id === CONVERSATION ? { ...c, lastSeq: 0, lastMessage: null, unreadCount: 0, readSeqs: {}, updatedAt: T0 } : c,
  );
  return world;
}

function parleyStore(n: number, fill: 'batches' | 'pages'): ChatStore {
  const store = createChatStore('alice');
  const world = seedWorld();
  store.setState((s) => applyConversationList(s, world.conversations, world.users));
  store.setState((s) => openTimeline(s, CONVERSATION, { status: 'ready', hasOlder: false, loadingOlder: false }));
  if (fill === 'batches') {
    for (let from = 1; from <= n; from += 10_000) {
      const batch = messages(from, Math.min(n, from + 9_999));
      store.setState((s) => applyMessages(s, CONVERSATION, batch, false));
    }
  } else {
    // Like ConversationSync: the latest page, then older pages prepended.
    for (let to = n; to >= 1; to -= 50) {
      const page = messages(Math.max(1, to - 49), to);
      store.setState((s) => applyMessages(s, CONVERSATION, page, false));
    }
  }
  const timeline = store.getState().messages[CONVERSATION]!;
  if (timeline.confirmedCount !== n || lastSeq(timeline) !== n) throw new Error(`parley fill: ${timeline.confirmedCount} ≠ ${n}`);
  return store;
}

interface NaiveState {
  readonly userId: string;
  readonly conversations: Readonly<Record<string, Conversation>>;
  readonly conversationOrder: readonly string[];
  readonly messages: Readonly<Record<string, readonly Message[]>>;
}

function naiveStore(n: number): StoreApi<NaiveState> {
  const world = seedWorld();
  const conversations: Record<string, Conversation> = {};
  for (const c of world.conversations) conversations[c.id] = c;
  const store = createStore<NaiveState>()(() => ({
    userId: 'alice',
    conversations,
    conversationOrder: orderConversations(conversations),
    messages: {},
  }));
  const all = messages(1, n).map(toChatMessage);
  const conv = conversations[CONVERSATION]!;
  const last = all[all.length - 1]!;
  store.setState((s) => ({
    messages: { ...s.messages, [CONVERSATION]: all },
    conversations: { ...s.conversations, [CONVERSATION]: { ...conv, lastSeq: last.seq, lastMessage: last, updatedAt: last.createdAt } },
  }));
  store.setState((s) => ({ conversationOrder: orderConversations(s.conversations) }));
  return store;
}

/** The naive kit's reducer: copy the conversation's array, update its summary. */
function naiveApply(s: NaiveState, conversationId: string, m: Message): Partial<NaiveState> {
  const old = s.messages[conversationId] ?? [];
  const patch: { -readonly [K in keyof NaiveState]?: NaiveState[K] } = {
    messages: { ...s.messages, [conversationId]: [...old, toChatMessage(m)] },
  };
  const conv = s.conversations[conversationId];
  if (conv && m.seq > conv.lastSeq) {
    const unread = m.authorId !== s.userId && m.seq > (conv.readSeqs[s.userId] ?? 0);
    const updated: Conversation = {
      ...conv,
      lastSeq: m.seq,
      lastMessage: m,
      updatedAt: Math.max(conv.updatedAt, m.createdAt),
      unreadCount: conv.unreadCount + (unread ? 1 : 0),
    };
    const conversations = { ...s.conversations, [conversationId]: updated };
    patch.conversations = conversations;
    const order = orderConversations(conversations);
    patch.conversationOrder =
      order.length === s.conversationOrder.length && order.every((id, i) => id === s.conversationOrder[i])
        ? s.conversationOrder
        : order;
  }
  return patch;
}

// ------------------------------------------------------------------ measuring

interface Path {
  readonly name: string;
  /** Back to the state right after the fill (untimed). */
  reset(): void;
  /** One inbound message; timed. */
  insert(m: Message): void;
  /** What a mounted list would subscribe to (checked after each round). */
  count(): number;
  /** Chunks in the filled timeline (parley paths). */
  chunks?: number;
}

function storePath<S>(name: string, store: StoreApi<S>, insert: (m: Message) => void, count: (s: S) => number): Path {
  const snapshot = store.getState();
  // One subscriber, like a mounted MessageList's selector.
  let seen: unknown;
  store.subscribe((s) => {
    seen = count(s);
  });
  return {
    name,
    reset: () => store.setState(snapshot, true),
    insert,
    count: () => {
      void seen;
      return count(store.getState());
    },
  };
}

function parleyPath(name: string, n: number, fill: 'batches' | 'pages'): Path {
  const store = parleyStore(n, fill);
  const path = storePath<ChatState>(
    name,
    store,
    (m) => store.setState((s) => applyMessages(s, CONVERSATION, [m], true)),
    (s) => (s.messages[CONVERSATION] as MessageTimeline).confirmedCount,
  );
  return { ...path, chunks: store.getState().messages[CONVERSATION]!.chunks.length };
}

function naivePath(n: number): Path {
  const store = naiveStore(n);
  return storePath<NaiveState>(
    'naive [...old, m]',
    store,
    (m) => store.setState((s) => naiveApply(s, CONVERSATION, m)),
    (s) => s.messages[CONVERSATION]!.length,
  );
}

interface Stats {
  median: number;
  p95: number;
  samples: number;
}

function stats(samplesMs: number[]): Stats {
  const sorted = samplesMs.slice().sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 1_000;
  return { median: at(0.5), p95: at(0.95), samples: sorted.length };
}

/** Rounds of ROUND inserts, the paths interleaved round by round. */
function measure(n: number, paths: Path[]): Map<Path, Stats> {
  const next = messages(n + 1, n + ROUND);
  const samples = new Map<Path, number[]>(paths.map((p) => [p, []]));
  for (let round = 0; round < WARMUP_ROUNDS + TIMED_ROUNDS; round++) {
    for (const path of paths) {
      path.reset();
      const out = samples.get(path)!;
      for (const m of next) {
        const t0 = performance.now();
        path.insert(m);
        const t1 = performance.now();
        if (round >= WARMUP_ROUNDS) out.push(t1 - t0);
      }
      if (path.count() !== n + ROUND) throw new Error(`${path.name}: expected ${n + ROUND} messages, got ${path.count()}`);
    }
  }
  return new Map(paths.map((p) => [p, stats(samples.get(p)!)]));
}

function timerOverheadUs(): number {
  const samples: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const t0 = performance.now();
    const t1 = performance.now();
    samples.push(t1 - t0);
  }
  return stats(samples).median;
}

// ------------------------------------------------------------------ end to end

async function endToEnd(n: number): Promise<{ stats: Stats; loadMs: number } | { skipped: string }> {
  const server = createMockServer({ seed: 'demo', botDelayMs: 60_000 });
  const client = createChatClient({
    transport: server.connect({ userId: 'alice', token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
    pageSize: 200,
  });
  try {
    const existing = server.conversation(CONVERSATION)!.lastSeq;
    const start = Date.now() - n * 1_000;
    server.addMessages(
      CONVERSATION,
      Array.from({ length: Math.max(0, n - existing) }, (_, i) => ({
        authorId: AUTHORS[i % AUTHORS.length]!,
        text: `Message number ${i}, with a little text in it`,
        createdAt: start + i * 1_000,
      })),
    );
    await client.connect();
    const t0 = performance.now();
    await client.openConversation(CONVERSATION);
    while (await client.loadOlder(CONVERSATION)) {
      if (performance.now() - t0 > E2E_LOAD_LIMIT_MS) return { skipped: `loading ${n} messages took over ${E2E_LOAD_LIMIT_MS / 1000} s` };
    }
    const loadMs = performance.now() - t0;
    const loaded = () => client.store.getState().messages[CONVERSATION]!.confirmedCount;
    if (loaded() !== n) throw new Error(`end-to-end: ${loaded()} loaded, expected ${n}`);

    const arrived = (seq: number) =>
      new Promise<number>((resolve) => {
        const done = () => {
          unsubscribe();
          resolve(performance.now());
        };
        const unsubscribe = client.store.subscribe((s) => {
          const t = s.messages[CONVERSATION];
          if (t && (lastSeq(t) ?? 0) >= seq) done();
        });
      });
    const samples: number[] = [];
    for (let i = 0; i < E2E_WARMUP + E2E_TIMED; i++) {
      const expected = server.conversation(CONVERSATION)!.lastSeq + 1;
      const landed = arrived(expected);
      const t1 = performance.now();
      server.postMessage(CONVERSATION, { authorId: AUTHORS[i % AUTHORS.length]!, text: `Live message ${i}` });
      const t2 = await landed;
      if (i >= E2E_WARMUP) samples.push(t2 - t1);
    }
    return { stats: stats(samples), loadMs };
  } finally {
    client.disconnect();
    server.dispose();
  }
}

// ------------------------------------------------------------------ main

const fmt = (us: number) => (us < 10 ? us.toFixed(2) : us < 100 ? us.toFixed(1) : us.toFixed(0)).padStart(8);
const fmtN = (n: number) => n.toLocaleString('en-US').padStart(7);

const started = performance.now();
console.log(`Node ${process.version}, ${ROUND}-insert rounds, ${WARMUP_ROUNDS} warm-up + ${TIMED_ROUNDS} timed rounds per N and path`);
console.log(`Timer overhead (two back-to-back performance.now()): ${timerOverheadUs().toFixed(3)} µs median\n`);

// JIT warm-up on a small conversation, thrown away.
measure(1_000, [parleyPath('warm-up', 1_000, 'batches'), naivePath(1_000)]);

interface Row {
  n: number;
  parley: Stats;
  paged: Stats;
  naive: Stats;
  chunks: { batches: number; pages: number };
}
const rows: Row[] = [];
for (const n of SIZES) {
  gc();
  const parley = parleyPath('parley', n, 'batches');
  const paged = parleyPath('parley paged', n, 'pages');
  const naive = naivePath(n);
  const result = measure(n, [parley, paged, naive]);
  rows.push({
    n,
    parley: result.get(parley)!,
    paged: result.get(paged)!,
    naive: result.get(naive)!,
    chunks: { batches: parley.chunks ?? 0, pages: paged.chunks ?? 0 },
  });
}

console.log('One inbound message into a conversation of N messages (µs per message; each insert timed on its own)');
console.log('');
console.log('      N │ parley median     p95 │ parley paged median     p95 │ naive median      p95 │ naive/parley  naive/paged');
console.log('────────┼───────────────────────┼─────────────────────────────┼───────────────────────┼──────────────────────────');
for (const r of rows) {
  console.log(
    `${fmtN(r.n)} │      ${fmt(r.parley.median)} ${fmt(r.parley.p95)} │            ${fmt(r.paged.median)} ${fmt(r.paged.p95)} │     ${fmt(r.naive.median)} ${fmt(r.naive.p95)} │ ${(r.naive.median / r.parley.median).toFixed(1).padStart(10)}× ${(r.naive.median / r.paged.median).toFixed(1).padStart(10)}×`,
  );
}
console.log('');
console.log('parley: filled by applyMessages in batches of 10 000 (chunks of ≤ 512); parley paged: filled like the client,');
console.log('newest page first, then pages of 50 prepended; naive: Record<string, Message[]> copied per message.');
console.log('All three do the same conversation-summary update. Timeline chunks at fill:');
for (const r of rows) console.log(`  N = ${r.n.toLocaleString('en-US')}: parley ${r.chunks.batches}, parley paged ${r.chunks.pages}`);

// (c) End to end.
console.log('');
console.log('End to end (createChatClient + createMockServer memory transport, pageSize 200): from server.postMessage');
console.log('until the message is in client.store; includes server, validation and transport hops — NOT comparable to the budget.');
console.log('');
console.log('      N │   median      p95 │ samples │ history load');
console.log('────────┼───────────────────┼─────────┼─────────────');
for (const n of SIZES) {
  gc();
  const e2e = await endToEnd(n);
  if ('skipped' in e2e) console.log(`${fmtN(n)} │ skipped: ${e2e.skipped}`);
  else
    console.log(
      `${fmtN(n)} │ ${fmt(e2e.stats.median)} ${fmt(e2e.stats.p95)} │ ${String(e2e.stats.samples).padStart(7)} │ ${(e2e.loadMs / 1000).toFixed(1).padStart(9)} s`,
    );
}

// Budget.
const atBudget = rows.find((r) => r.n === BUDGET_N)!;
const checks = [
  { name: 'parley', median: atBudget.parley.median },
  { name: 'parley paged', median: atBudget.paged.median },
];
console.log('');
console.log(`Budget (docs/architecture.md "Budgets"): one inbound message into a ${BUDGET_N.toLocaleString('en-US')}-message conversation ≤ ${BUDGET_MEDIAN_US} µs median`);
let pass = true;
for (const c of checks) {
  const ok = c.median <= BUDGET_MEDIAN_US;
  pass &&= ok;
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${c.name.padEnd(13)} ${c.median.toFixed(2)} µs median`);
}
console.log(`\nstore.bench: ${pass ? 'PASS' : 'FAIL'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (!pass) process.exitCode = 1;
