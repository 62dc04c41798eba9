// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/core/protocol';
import type { DisplayMessage } from '../../../src/core/types';
import { otherMemberSeqs, receiptFor, selectReceipt, selectReceiptSeqs } from '../../../src/core/selectors';
import { createChatStore } from '../../../src/core/store';

function conversation(readSeqs: Record<string, number>, deliveredSeqs: Record<string, number>): Conversation {
  return {
    id: 'c', kind: 'group', title: 'C', memberIds: ['alice', 'bob', 'carol'], lastSeq: 9, lastMessage: null,
    readSeqs, deliveredSeqs, unreadCount: 0, pinnedIds: [], unreadThreads: {}, mentionCount: 0, createdAt: 0, updatedAt: 0,
  };
}
const sent = (seq: number) => ({ id: `m${seq}`, clientId: `c${seq}`, conversationId: 'c', authorId: 'alice', seq, createdAt: 0, text: 'x', attachments: [], status: 'sent' }) as DisplayMessage;
const pending = { ...sent(1), id: 'p', seq: null, status: 'sending' } as DisplayMessage;

describe('receipts', () => {
  it('takes the furthest other member, ignoring the user’s own positions, with delivered never below read', () => {
    expect(otherMemberSeqs(conversation({ alice: 9, bob: 3, carol: 5 }, { alice: 9, bob: 7 }), 'alice')).toEqual({ read: 5, delivered: 7 });
    // An older server sends no delivered positions: read ones count.
    expect(otherMemberSeqs(conversation({ bob: 4 }, {}), 'alice')).toEqual({ read: 4, delivered: 4 });
    expect(otherMemberSeqs(undefined, 'alice')).toEqual({ read: 0, delivered: 0 });
  });

  it('read when another member read it, else delivered when another client has it, else nothing (sent)', () => {
    const seqs = { read: 3, delivered: 5 };
    expect(receiptFor(sent(2), true, seqs)).toBe('read');
    expect(receiptFor(sent(3), true, seqs)).toBe('read');
    expect(receiptFor(sent(4), true, seqs)).toBe('delivered');
    expect(receiptFor(sent(5), true, seqs)).toBe('delivered');
    expect(receiptFor(sent(6), true, seqs)).toBeUndefined();
  });

  it('gives no receipt to others’ messages or unsent ones', () => {
    expect(receiptFor(sent(1), false, { read: 9, delivered: 9 })).toBeUndefined();
    expect(receiptFor(pending, true, { read: 9, delivered: 9 })).toBeUndefined();
  });

  it('from the store: per message, and the positions stay the same object while the conversation does', () => {
    const store = createChatStore('alice');
    store.setState({ conversations: { c: conversation({ bob: 3 }, { bob: 5 }) } });
    const seqs = selectReceiptSeqs(store.getState(), 'c');
    expect(seqs).toEqual({ read: 3, delivered: 5 });
    store.setState({ typing: { c: { bob: 1 } } });
    expect(selectReceiptSeqs(store.getState(), 'c')).toBe(seqs);
    expect([2, 4, 6].map((seq) => selectReceipt(store.getState(), sent(seq)))).toEqual(['read', 'delivered', undefined]);
    expect(selectReceipt(store.getState(), { ...sent(2), authorId: 'bob' } as DisplayMessage)).toBeUndefined();
    store.setState({ conversations: { c: conversation({ bob: 6 }, { bob: 6 }) } });
    expect(selectReceipt(store.getState(), sent(6))).toBe('read');
    expect(selectReceiptSeqs(store.getState(), 'unknown')).toEqual({ read: 0, delivered: 0 });
  });
});
