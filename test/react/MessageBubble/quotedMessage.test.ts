/**
 * What a quote finds and says: the original by id in a timeline of many
 * chunks (also after an arrival replaced the last chunk), pending messages,
 * and the summary: first non-empty line, a file's name, deleted, not loaded.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_TIMELINE, upsertConfirmed, upsertPending } from '../../../src/core/messageTimeline';
import type { ChatMessage, PendingMessage } from '../../../src/core/types';
import { findMessageIn, quoteSummary } from '../../../src/react/components/MessageBubble/quotedMessage';

const message = (seq: number, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${seq}`,
  clientId: `c${seq}`,
  conversationId: 'general',
  authorId: 'bob',
  seq,
  createdAt: seq,
  text: `Message ${seq}`,
  attachments: [],
  status: 'sent',
  ...extra,
});

describe('findMessageIn', () => {
  it('finds a message in any chunk of a long timeline, and one that arrived after the first lookup', () => {
    const long = upsertConfirmed(EMPTY_TIMELINE, Array.from({ length: 3_000 }, (_, i) => message(i + 1)));
    expect(long.chunks.length).toBeGreaterThan(3);
    expect(findMessageIn(long, 'm1')?.seq).toBe(1);
    expect(findMessageIn(long, 'm2999')?.seq).toBe(2999);
    expect(findMessageIn(long, 'm3001')).toBeUndefined();
    const more = upsertConfirmed(long, [message(3_001)]);
    expect(findMessageIn(more, 'm3001')?.seq).toBe(3001);
    // An edit replaces the message in its chunk: the new version is found.
    const edited = upsertConfirmed(more, [message(5, { text: 'Edited', editedAt: 9 })]);
    expect(findMessageIn(edited, 'm5')?.text).toBe('Edited');
  });

  it('finds pending messages by id or client id, and nothing in no timeline', () => {
    const pending: PendingMessage = {
      id: 'c9',
      clientId: 'c9',
      conversationId: 'general',
      authorId: 'alice',
      seq: null,
      createdAt: 1,
      text: 'On its way',
      attachments: [],
      status: 'sending',
    };
    const t = upsertPending(EMPTY_TIMELINE, pending);
    expect(findMessageIn(t, 'c9')).toBe(pending);
    expect(findMessageIn(undefined, 'c9')).toBeUndefined();
  });
});

describe('quoteSummary', () => {
  it('is the first non-empty line, trimmed, cut by code points', () => {
    expect(quoteSummary(message(1, { text: '\n  First line  \nsecond' }))).toEqual({ kind: 'text', text: 'First line' });
    const long = quoteSummary(message(1, { text: '😀'.repeat(300) }));
    expect(long.kind === 'text' && Array.from(long.text)).toHaveLength(200);
    expect(long.kind === 'text' && long.text.endsWith('😀')).toBe(true);
  });

  it('names the first file when there is no text; says deleted and not loaded', () => {
    const file = { id: 'a1', url: '/f', name: 'budget.xlsx', size: 1, mimeType: 'application/vnd.ms-excel' };
    expect(quoteSummary(message(1, { text: '', attachments: [file] }))).toEqual({ kind: 'attachment', text: 'budget.xlsx' });
    expect(quoteSummary(message(1, { text: '', deletedAt: 5 }))).toEqual({ kind: 'deleted' });
    expect(quoteSummary(undefined)).toEqual({ kind: 'missing' });
  });
});
