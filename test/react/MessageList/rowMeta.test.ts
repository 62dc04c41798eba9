import { describe, expect, it } from 'vitest';
import { computeRowMeta, GROUP_WINDOW_MS } from '../../../src/react/components/MessageList/rowMeta';
import type { ChatMessage } from '../../../src/core/types';

const base = new Date(2026, 10, 20, 12, 0).getTime();
function msg(seq: number, authorId: string, createdAt: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id: `m${seq}`, clientId: `c${seq}`, conversationId: 'c', authorId, seq, createdAt, text: 'x', attachments: [], status: 'sent', ...extra };
}
const opts = { userId: 'alice', unreadAfterSeq: null };

describe('computeRowMeta', () => {
  it('starts a new group and a date separator at the first message', () => {
    expect(computeRowMeta(undefined, msg(1, 'bob', base), opts)).toEqual({ showDate: true, showAuthor: true, unreadStart: false });
  });

  it('groups messages by the same author within the window', () => {
    const a = msg(1, 'bob', base);
    expect(computeRowMeta(a, msg(2, 'bob', base + 60_000), opts).showAuthor).toBe(false);
    expect(computeRowMeta(a, msg(2, 'bob', base + GROUP_WINDOW_MS + 1), opts).showAuthor).toBe(true);
    expect(computeRowMeta(a, msg(2, 'carol', base + 1000), opts).showAuthor).toBe(true);
  });

  it('puts a date separator between days and breaks the group there', () => {
    const lateNight = new Date(2026, 10, 20, 23, 59).getTime();
    const meta = computeRowMeta(msg(1, 'bob', lateNight), msg(2, 'bob', lateNight + 2 * 60_000), opts);
    expect(meta).toMatchObject({ showDate: true, showAuthor: true });
  });

  it('marks the first unread message from someone else', () => {
    const o = { userId: 'alice', unreadAfterSeq: 5 };
    expect(computeRowMeta(msg(5, 'bob', base), msg(6, 'bob', base + 1), o).unreadStart).toBe(true);
    expect(computeRowMeta(msg(6, 'bob', base), msg(7, 'bob', base + 2), o).unreadStart).toBe(false);
    expect(computeRowMeta(msg(5, 'bob', base), msg(6, 'alice', base + 1), o).unreadStart).toBe(false);
  });
});
