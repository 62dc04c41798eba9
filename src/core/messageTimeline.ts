/**
 * An immutable, seq-ordered list of a conversation's messages, stored in
 * chunks so that adding one message copies one chunk (≤ CHUNK_MAX entries)
 * and the chunk index, never the whole conversation. Old versions stay valid
 * (structural sharing), which is what React's `useSyncExternalStore` needs.
 *
 * Confirmed messages (with a server seq) live in the chunks; messages still
 * waiting for their ack live in `pending`, shown after the confirmed ones.
 */
import type { Message } from './protocol';
import type { ChatMessage, PendingMessage } from './types';

const CHUNK_MAX = 512;

export interface MessageTimeline {
  /** Confirmed messages, ascending seq, split in chunks. */
  readonly chunks: readonly (readonly ChatMessage[])[];
  /** Start index of each chunk; `starts[i]` = sum of previous chunk lengths. */
  readonly starts: readonly number[];
  /** Number of confirmed messages. */
  readonly confirmedCount: number;
  /** Not yet acknowledged, in send order. */
  readonly pending: readonly PendingMessage[];
  /** Confirmed count + pending count: the number of rows to display. */
  readonly length: number;
}

export const EMPTY_TIMELINE: MessageTimeline = Object.freeze({
  chunks: [],
  starts: [],
  confirmedCount: 0,
  pending: [],
  length: 0,
});

function build(chunks: (readonly ChatMessage[])[], pending: readonly PendingMessage[]): MessageTimeline {
  const starts = new Array<number>(chunks.length);
  let total = 0;
  for (let i = 0; i < chunks.length; i++) {
    starts[i] = total;
    total += chunks[i]!.length;
  }
  return { chunks, starts, confirmedCount: total, pending, length: total + pending.length };
}

/** The message at display index `index` (confirmed first, then pending). */
export function timelineAt(t: MessageTimeline, index: number): ChatMessage | PendingMessage | undefined {
  if (index < 0 || index >= t.length) return undefined;
  if (index >= t.confirmedCount) return t.pending[index - t.confirmedCount];
  const c = chunkOfIndex(t, index);
  return t.chunks[c]![index - t.starts[c]!];
}

function chunkOfIndex(t: MessageTimeline, index: number): number {
  let lo = 0;
  let hi = t.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Chunk index and position of `seq`, or where it would be inserted. */
function locate(chunks: readonly (readonly ChatMessage[])[], seq: number): { chunk: number; pos: number; found: boolean } {
  if (chunks.length === 0) return { chunk: 0, pos: 0, found: false };
  // Fast path: the common case is an append after the newest message.
  const lastChunk = chunks.length - 1;
  const last = chunks[lastChunk]!;
  if (seq > last[last.length - 1]!.seq) return { chunk: lastChunk, pos: last.length, found: false };
  let lo = 0;
  let hi = lastChunk;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = chunks[mid]!;
    if (c[c.length - 1]!.seq < seq) lo = mid + 1;
    else hi = mid;
  }
  const c = chunks[lo]!;
  let a = 0;
  let b = c.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (c[m]!.seq < seq) a = m + 1;
    else b = m;
  }
  return { chunk: lo, pos: a, found: a < c.length && c[a]!.seq === seq };
}

export function findBySeq(t: MessageTimeline, seq: number): ChatMessage | undefined {
  const at = locate(t.chunks, seq);
  return at.found ? t.chunks[at.chunk]![at.pos] : undefined;
}

export function firstSeq(t: MessageTimeline): number | undefined {
  return t.chunks[0]?.[0]?.seq;
}

export function lastSeq(t: MessageTimeline): number | undefined {
  const c = t.chunks[t.chunks.length - 1];
  return c?.[c.length - 1]?.seq;
}

/** How far seqs run on without a hole from `mark`: `mark` itself when `mark + 1` is missing. */
export function contiguousFrom(t: MessageTimeline, mark: number): number {
  let seq = mark;
  while (findBySeq(t, seq + 1)) seq++;
  return seq;
}

function toChunks(sorted: readonly ChatMessage[]): ChatMessage[][] {
  const out: ChatMessage[][] = [];
  for (let i = 0; i < sorted.length; i += CHUNK_MAX) out.push(sorted.slice(i, i + CHUNK_MAX));
  return out;
}

/** Insert or replace one message in `chunks` (mutated; its chunk is copied). */
function insertOne(chunks: (readonly ChatMessage[])[], m: ChatMessage): boolean {
  if (chunks.length === 0) {
    chunks.push([m]);
    return true;
  }
  const at = locate(chunks, m.seq);
  const old = chunks[at.chunk]!;
  if (at.found && (old[at.pos] === m || sameMessage(old[at.pos]!, m))) return false;
  const chunk = old.slice();
  if (at.found) chunk[at.pos] = m;
  else chunk.splice(at.pos, 0, m);
  if (chunk.length <= CHUNK_MAX) {
    chunks[at.chunk] = chunk;
  } else if (at.chunk === chunks.length - 1 && at.pos === chunk.length - 1) {
    // Appending past a full tail chunk starts a new tail rather than halving it.
    chunks[at.chunk] = old;
    chunks.push([m]);
  } else {
    const half = chunk.length >> 1;
    chunks.splice(at.chunk, 1, chunk.slice(0, half), chunk.slice(half));
  }
  return true;
}

/**
 * Insert or replace confirmed messages (any order, any overlap) and drop
 * pending entries whose clientId they confirm. Returns `t` itself when
 * nothing changed so subscribers are not woken for duplicates.
 */
export function upsertConfirmed(t: MessageTimeline, messages: readonly ChatMessage[]): MessageTimeline {
  if (messages.length === 0) return t;
  const sorted = messages.length === 1 ? messages : [...messages].sort((a, b) => a.seq - b.seq);
  const first = firstSeq(t);
  const last = lastSeq(t);
  let chunks: (readonly ChatMessage[])[];
  let changed = true;
  if (first === undefined) {
    chunks = toChunks(dedupeSorted(sorted));
  } else if (sorted.length > 1 && sorted[sorted.length - 1]!.seq < first) {
    // A page of history: joins the first chunk while that stays small, else becomes
    // new leading chunks; either way at most one existing chunk is copied.
    const page = dedupeSorted(sorted);
    const head = t.chunks[0]!;
    chunks =
      head.length + page.length <= CHUNK_MAX
        ? [[...page, ...head], ...t.chunks.slice(1)]
        : [...toChunks(page), ...t.chunks];
  } else if (sorted.length > 1 && sorted[0]!.seq > last!) {
    chunks = [...t.chunks, ...toChunks(dedupeSorted(sorted))];
  } else {
    chunks = t.chunks.slice();
    changed = false;
    for (const m of sorted) changed = insertOne(chunks, m) || changed;
  }
  const confirmed = new Set(sorted.map((m) => m.clientId));
  const pending = t.pending.some((p) => confirmed.has(p.clientId))
    ? t.pending.filter((p) => !confirmed.has(p.clientId))
    : t.pending;
  if (!changed && pending === t.pending) return t;
  return build(changed ? chunks : (t.chunks as (readonly ChatMessage[])[]), pending);
}

function dedupeSorted(sorted: readonly ChatMessage[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const m of sorted) {
    if (out.length > 0 && out[out.length - 1]!.seq === m.seq) out[out.length - 1] = m;
    else out.push(m);
  }
  return out;
}

/** Same content as far as display goes (objects from two frames are never identical). */
export function sameMessage(a: Message, b: Message): boolean {
  return (
    a.id === b.id &&
    a.text === b.text &&
    a.editedAt === b.editedAt &&
    a.deletedAt === b.deletedAt &&
    a.replyCount === b.replyCount &&
    a.lastReplyAt === b.lastReplyAt &&
    a.attachments.length === b.attachments.length &&
    JSON.stringify(a.reactions ?? null) === JSON.stringify(b.reactions ?? null) &&
    JSON.stringify(a.attachments) === JSON.stringify(b.attachments) &&
    JSON.stringify(a.preview ?? null) === JSON.stringify(b.preview ?? null)
  );
}

/** Add or replace a pending message (matched by clientId). */
export function upsertPending(t: MessageTimeline, message: PendingMessage): MessageTimeline {
  const i = t.pending.findIndex((p) => p.clientId === message.clientId);
  const pending = t.pending.slice();
  if (i === -1) pending.push(message);
  else pending[i] = message;
  return { ...t, pending, length: t.confirmedCount + pending.length };
}

export function removePending(t: MessageTimeline, clientId: string): MessageTimeline {
  if (!t.pending.some((p) => p.clientId === clientId)) return t;
  const pending = t.pending.filter((p) => p.clientId !== clientId);
  return { ...t, pending, length: t.confirmedCount + pending.length };
}

/** Every message in display order (copies; for tests and small views). */
export function timelineToArray(t: MessageTimeline): (ChatMessage | PendingMessage)[] {
  const out: (ChatMessage | PendingMessage)[] = [];
  for (const c of t.chunks) for (const m of c) out.push(m);
  for (const p of t.pending) out.push(p);
  return out;
}

/** Whether a message with this clientId is already confirmed, scanning newest first. */
export function hasConfirmedClientId(t: MessageTimeline, clientId: string, scanLimit = 200): ChatMessage | undefined {
  let seen = 0;
  for (let c = t.chunks.length - 1; c >= 0 && seen < scanLimit; c--) {
    const chunk = t.chunks[c]!;
    for (let i = chunk.length - 1; i >= 0 && seen < scanLimit; i--, seen++) {
      if (chunk[i]!.clientId === clientId) return chunk[i];
    }
  }
  return undefined;
}

/** Confirmed messages with seq > `afterSeq` matching `test`, scanning from the newest. */
export function countConfirmedAfter(t: MessageTimeline, afterSeq: number, test: (m: ChatMessage) => boolean): number {
  let count = 0;
  for (let c = t.chunks.length - 1; c >= 0; c--) {
    const chunk = t.chunks[c]!;
    for (let i = chunk.length - 1; i >= 0; i--) {
      const m = chunk[i]!;
      if (m.seq <= afterSeq) return count;
      if (test(m)) count++;
    }
  }
  return count;
}

/** Without the confirmed messages below `seq`; pending ones stay. */
export function dropConfirmedBelow(t: MessageTimeline, seq: number): MessageTimeline {
  const first = firstSeq(t);
  if (first === undefined || first >= seq) return t;
  const at = locate(t.chunks, seq);
  const chunks = t.chunks.slice(at.chunk);
  if (chunks.length > 0) chunks[0] = chunks[0]!.slice(at.pos);
  return build(chunks.filter((c) => c.length > 0), t.pending);
}
