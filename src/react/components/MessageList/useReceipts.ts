import { useMemo } from 'react';
import type { Conversation } from '../../../core/protocol';
import type { DisplayMessage } from '../../../core/types';
import type { Receipt } from '../MessageBubble/MessageStatus';

/** How far the furthest other member has got: read, and delivered (never below read). */
export function otherMemberSeqs(conversation: Conversation | undefined, userId: string): { read: number; delivered: number } {
  let read = 0;
  let delivered = 0;
  if (!conversation) return { read, delivered };
  for (const [id, seq] of Object.entries(conversation.readSeqs)) if (id !== userId && seq > read) read = seq;
  for (const [id, seq] of Object.entries(conversation.deliveredSeqs)) if (id !== userId && seq > delivered) delivered = seq;
  return { read, delivered: Math.max(read, delivered) };
}

/** An own, sent message's receipt; undefined means plain "sent" (or not applicable). */
export function receiptFor(message: DisplayMessage, own: boolean, seqs: { read: number; delivered: number }): Receipt | undefined {
  if (!own || message.seq === null) return undefined;
  if (seqs.read >= message.seq) return 'read';
  if (seqs.delivered >= message.seq) return 'delivered';
  return undefined;
}

/**
 * Per-row receipts for a conversation. Rows get the receipt itself (a string),
 * so a read or delivered change re-renders only the rows whose receipt changes.
 */
export function useReceipts(conversation: Conversation | undefined, userId: string): (message: DisplayMessage, own: boolean) => Receipt | undefined {
  const { read, delivered } = otherMemberSeqs(conversation, userId);
  return useMemo(() => (message: DisplayMessage, own: boolean) => receiptFor(message, own, { read, delivered }), [read, delivered]);
}
