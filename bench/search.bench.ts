/**
 * Search bench: `messages:search` over 100 000 messages in one conversation of the
 * reference server, through its request handler, against a plain scan in the same
 * run. Budget: ≤ 20 ms median for every query.
 *
 * Run: `npm run bench -- search` (bench/run.mjs bundles it and runs it in Node).
 *
 * Set-up: `createMockServer({ seed: 'empty' })`, then 'general' filled by
 * `server.addMessages` with 100 000 texts made by the seed's own text composer
 * (seedText.ts), a rare word planted in 20 of them. Each query is asked as alice,
 * `{ query, conversationId: 'general' }` (a first page, 20 results), through
 * `server.handleRequest`: schema, membership, index, wire messages, cursor.
 *
 * Against: a plain scan of the same messages (already in memory, untimed): per
 * message, lowercase + NFD + drop marks, then `includes` for each query word,
 * then the newest 20 of the matches. It is looser than the index (a substring,
 * not a word prefix), so it is the cheapest honest scan, not the same answer; the
 * index's first page is checked once against a word-prefix scan (it must be equal).
 *
 * Timing: rounds, each query in turn, each round one scan and INDEX_PER_ROUND
 * index searches, each timed on its own with performance.now(); median and p95
 * over all rounds after a warm-up.
 */
import { createMockServer, type ServerSession } from 'parley/mock-server';
import type { Message } from 'parley/core';
import { createRandom } from '../src/mock-server/random';
import type { AckFor } from '../src/mock-server/requestHandlers';
import { composeMessageText } from '../src/mock-server/seedText';

const N = 100_000;
const RARE = 'zeppelin';
const ROUNDS = 15;
const WARMUP_ROUNDS = 2;
const INDEX_PER_ROUND = 14;
const PAGE = 20;
const BUDGET_MEDIAN_MS = 20;

const QUERIES = [
  { label: 'common word', query: 'the' },
  { label: 'rare word', query: RARE },
  { label: '2 words', query: 'deploy friday' },
  { label: 'prefix', query: 'depl' },
  { label: 'accents', query: 'cafe' },
] as const;

const started = performance.now();
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
const words = (s: string) => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

function makeHistory() {
  const rng = createRandom('search-bench');
  const names = ['Alice', 'Carol', 'Dave', 'Erin', 'Frank'];
  const t0 = Date.UTC(2025, 0, 1);
  return Array.from({ length: N }, (_, i) => {
    const text = composeMessageText(rng, { names });
    return { authorId: 'bob', text: i % (N / 20) === 7 ? `${text} (the ${RARE} is back)` : text, createdAt: t0 + i * 30_000 };
  });
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), samples: sorted.length };
}

/** The newest PAGE messages whose folded text includes every folded query word. */
function plainScan(messages: readonly Message[], query: string): Message[] {
  const needles = words(query);
  const found: Message[] = [];
  for (const m of messages) {
    if (m.kind === 'system' || m.deletedAt !== undefined) continue;
    const text = fold(m.text);
    if (needles.every((n) => text.includes(n))) found.push(m);
  }
  return found.sort((a, b) => b.createdAt - a.createdAt).slice(0, PAGE);
}

/** All messages where every query word begins a word: what the index must answer. */
function prefixScan(messages: readonly Message[], query: string): Message[] {
  const needles = words(query);
  return messages
    .filter((m) => m.kind !== 'system' && m.deletedAt === undefined)
    .filter((m) => {
      const own = words(m.text);
      return needles.every((n) => own.some((w) => w.startsWith(n)));
    })
    .sort((a, b) => b.createdAt - a.createdAt);
}

// ---------------------------------------------------------------- set-up

const server = createMockServer({ seed: 'empty' });
const history = makeHistory();
gc();
const heapBefore = process.memoryUsage().heapUsed;
let t = performance.now();
server.addMessages('general', history);
const addMs = performance.now() - t;
gc();
const heapAfter = process.memoryUsage().heapUsed;

const attached = server.attach({ userId: 'alice', token: 'alice-token' }, { deliver: () => {}, drop: () => {} });
if (!attached.ok) throw new Error(attached.error.message);
const session: ServerSession = attached.session;

function searchIds(query: string): string[] {
  const ack = server.handleRequest(session, 'messages:search', { query, conversationId: 'general' }) as AckFor<'messages:search'>;
  if (!ack.ok) throw new Error(`search failed: ${ack.error.message}`);
  return ack.results.map((m) => m.id);
}

t = performance.now();
searchIds('warm');
const firstSearchMs = performance.now() - t;

// The demo seed's 10 000-message archive is computed on demand: its first search indexes it.
const demo = createMockServer({ seed: 'demo' });
const demoSession = demo.attach({ userId: 'alice', token: 'alice-token' }, { deliver: () => {}, drop: () => {} });
if (!demoSession.ok) throw new Error(demoSession.error.message);
t = performance.now();
demo.handleRequest(demoSession.session, 'messages:search', { query: 'review' });
const demoFirstMs = performance.now() - t;
t = performance.now();
demo.handleRequest(demoSession.session, 'messages:search', { query: 'review' });
const demoNextMs = performance.now() - t;
demo.dispose();

const messages = server.messages('general');

// ---------------------------------------------------------------- checks and timing

let pass = true;
const rows = QUERIES.map(({ label, query }) => {
  const expected = prefixScan(messages, query);
  const same = JSON.stringify(searchIds(query)) === JSON.stringify(expected.slice(0, PAGE).map((m) => m.id));
  pass &&= same;
  return { label, query, matches: expected.length, same, index: [] as number[], scan: [] as number[] };
});

for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
  for (const row of rows) {
    const timed = round >= WARMUP_ROUNDS;
    let s = performance.now();
    plainScan(messages, row.query);
    if (timed) row.scan.push(performance.now() - s);
    for (let i = 0; i < INDEX_PER_ROUND; i++) {
      s = performance.now();
      searchIds(row.query);
      if (timed) row.index.push(performance.now() - s);
    }
  }
}

// ---------------------------------------------------------------- report

const fmt = (ms: number) => ms.toFixed(2).padStart(8);
console.log(`Node ${process.version}; ${N.toLocaleString('en-US')} messages in one conversation; first page of ${PAGE}, newest first`);
console.log(`Set-up: addMessages (stores and indexes) ${addMs.toFixed(0)} ms, heap +${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB (log and index);`);
console.log(`first search ${firstSearchMs.toFixed(1)} ms (reads the log once for history it has not seen: none here)`);
console.log(`Demo seed, every conversation of alice's (the 10 000-message archive is lazy): first search ${demoFirstMs.toFixed(0)} ms, the next ${demoNextMs.toFixed(2)} ms\n`);
console.log('query                       │ matches │ index median      p95 │ plain scan median      p95 │ scan/index │ page = word-prefix scan');
console.log('────────────────────────────┼─────────┼───────────────────────┼────────────────────────────┼────────────┼────────────────────────');
for (const row of rows) {
  const index = stats(row.index);
  const scan = stats(row.scan);
  const name = `${row.label} "${row.query}"`.padEnd(27);
  console.log(
    `${name} │ ${String(row.matches).padStart(7)} │     ${fmt(index.median)} ${fmt(index.p95)} │          ${fmt(scan.median)} ${fmt(scan.p95)} │ ${(scan.median / index.median).toFixed(1).padStart(9)}× │ ${row.same ? 'yes' : 'NO'}`,
  );
}
console.log(`\n(ms per search; index ${rows[0]!.index.length} and scan ${rows[0]!.scan.length} samples per query, interleaved)`);

console.log(`\nBudget: search over ${N.toLocaleString('en-US')} messages ≤ ${BUDGET_MEDIAN_MS} ms median, every query`);
for (const row of rows) {
  const { median } = stats(row.index);
  const ok = median <= BUDGET_MEDIAN_MS;
  pass &&= ok;
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${row.label.padEnd(12)} ${median.toFixed(2)} ms median`);
}
server.dispose();
console.log(`\nsearch.bench: ${pass ? 'PASS' : 'FAIL'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (!pass) process.exitCode = 1;
