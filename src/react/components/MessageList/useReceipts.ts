import { useMemo } from 'react';
import type { Conversation } from '../../../core/protocol';
import { otherMemberSeqs, receiptFor } from '../../../core/selectors';
import type { DisplayMessage } from '../../../core/types';
import type { Receipt } from '../MessageBubble/MessageStatus';

/**
 * Per-row receipts for a conversation (the rule is core's `receiptFor`). Rows get
 * the receipt itself (a string), so a read or delivered change re-renders only
 * the rows whose receipt changes.
 */
export function useReceipts(conversation: Conversation | undefined, userId: string): (message: DisplayMessage, own: boolean) => Receipt | undefined {
  const { read, delivered } = otherMemberSeqs(conversation, userId);
  return useMemo(() => (message: DisplayMessage, own: boolean) => receiptFor(message, own, { read, delivered }), [read, delivered]);
}
