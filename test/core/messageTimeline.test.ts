import { describe, expect, it } from 'vitest';
import {
  EMPTY_TIMELINE,
  countConfirmedAfter,
  findBySeq,
  removePending,
  timelineAt,
  timelineToArray,
  upsertConfirmed,
  upsertPending,
} from '../../src/core/messageTimeline';
import type { ChatMessage, PendingMessage } from '../../src/core/types';

function msg(seq: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`,
    clientId: `c${seq}`,
    conversationId: 'general',
    authorId: seq % 2 ? 'bob' : 'alice',
    seq,
    createdAt: seq * 1000,
    text: `message ${seq}`,
    attachments: [],
    status: 'sent',
    ...extra,
  };
}

function pending(clientId: string): PendingMessage {
  return {
    id: clientId,
    clientId,
    conversationId: 'general',
    authorId: 'alice',
    seq: null,
    createdAt: 0,
    text: 'pending',
    attachments: [],
    status: 'sending',
  };
}

const seqs = (t: ReturnType<typeof upsertConfirmed>) => timelineToArray(t).map((m) => m.seq);

describe('message timeline', () => {
  it('keeps messages in seq order whatever order they arrive in', () => {
    let t = EMPTY_TIMELINE;
    for (const s of [5, 1, 3, 2, 4]) t = upsertConfirmed(t, [msg(s)]);
    expect(seqs(t)).toEqual([1, 2, 3, 4, 5]);
  });

  it('ignores an exact duplicate and returns the same timeline object', () => {
    const t = upsertConfirmed(EMPTY_TIMELINE, [msg(1), msg(2)]);
    expect(upsertConfirmed(t, [msg(2)])).toBe(t);
    expect(t.length).toBe(2);
  });

  it('replaces a message that changed (edit, delete, reaction)', () => {
    const t = upsertConfirmed(EMPTY_TIMELINE, [msg(1), msg(2)]);
    const edited = upsertConfirmed(t, [msg(2, { text: 'edited', editedAt: 5 })]);
    expect(findBySeq(edited, 2)?.text).toBe('edited');
    expect(edited.length).toBe(2);
  });

  it('prepends a page of history without copying the existing chunks', () => {
    const recent = Array.from({ length: 2000 }, (_, i) => msg(1001 + i));
    const t = upsertConfirmed(EMPTY_TIMELINE, recent);
    const older = upsertConfirmed(t, Array.from({ length: 1000 }, (_, i) => msg(1 + i)));
    expect(older.length).toBe(3000);
    expect(timelineAt(older, 0)?.seq).toBe(1);
    expect(timelineAt(older, 2999)?.seq).toBe(3000);
    // Structural sharing: every old chunk is reused as is.
    for (const chunk of t.chunks) expect(older.chunks).toContain(chunk);
  });

  it('copies only the tail chunk on append', () => {
    const t = upsertConfirmed(EMPTY_TIMELINE, Array.from({ length: 5000 }, (_, i) => msg(i + 1)));
    const next = upsertConfirmed(t, [msg(5001)]);
    const reused = next.chunks.filter((c) => t.chunks.includes(c)).length;
    expect(reused).toBeGreaterThanOrEqual(t.chunks.length - 1);
    expect(timelineAt(next, 5000)?.seq).toBe(5001);
  });

  it('fills a hole in the middle and splits full chunks', () => {
    const evens = Array.from({ length: 3000 }, (_, i) => msg((i + 1) * 2));
    let t = upsertConfirmed(EMPTY_TIMELINE, evens);
    t = upsertConfirmed(
      t,
      Array.from({ length: 3000 }, (_, i) => msg(i * 2 + 1)),
    );
    expect(seqs(t)).toEqual(Array.from({ length: 6000 }, (_, i) => i + 1));
    for (let i = 0; i < 6000; i += 997) expect(timelineAt(t, i)?.seq).toBe(i + 1);
  });

  it('shows pending messages after confirmed ones and drops them when confirmed', () => {
    let t = upsertConfirmed(EMPTY_TIMELINE, [msg(1)]);
    t = upsertPending(t, pending('c2'));
    expect(t.length).toBe(2);
    expect(timelineAt(t, 1)?.status).toBe('sending');
    t = upsertConfirmed(t, [msg(2)]);
    expect(t.pending).toHaveLength(0);
    expect(timelineToArray(t).map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('removes a pending message by clientId', () => {
    const t = upsertPending(EMPTY_TIMELINE, pending('x'));
    expect(removePending(t, 'x').length).toBe(0);
    expect(removePending(t, 'nope')).toBe(t);
  });

  it('counts messages after a seq from the newest end', () => {
    const t = upsertConfirmed(EMPTY_TIMELINE, Array.from({ length: 100 }, (_, i) => msg(i + 1)));
    expect(countConfirmedAfter(t, 90, () => true)).toBe(10);
    expect(countConfirmedAfter(t, 90, (m) => m.authorId === 'bob')).toBe(5);
  });
});
