/** Read receipts: how far the other members have got, and what that makes of each own message. */
import type { Conversation } from '../protocol';
import type { ChatState } from '../store';
import type { DisplayMessage } from '../types';
import { memoByKey } from './memo';

/** What an own, sent message shows beyond "sent". */
export type Receipt = 'delivered' | 'read';

/** The furthest seq another member has read, and has on a device (never below read). */
export interface ReceiptSeqs {
  readonly read: number;
  readonly delivered: number;
}

/** How far the furthest other member has got: read, and delivered (never below read). */
export function otherMemberSeqs(conversation: Conversation | undefined, userId: string): ReceiptSeqs {
  let read = 0;
  let delivered = 0;
  if (!conversation) return { read, delivered };
  for (const [id, seq] of Object.entries(conversation.readSeqs)) if (id !== userId && seq > read) read = seq;
  for (const [id, seq] of Object.entries(conversation.deliveredSeqs)) if (id !== userId && seq > delivered) delivered = seq;
  return { read, delivered: Math.max(read, delivered) };
}

/** An own, sent message's receipt; undefined means plain "sent" (or not applicable). */
export function receiptFor(message: DisplayMessage, own: boolean, seqs: ReceiptSeqs): Receipt | undefined {
  if (!own || message.seq === null) return undefined;
  if (seqs.read >= message.seq) return 'read';
  if (seqs.delivered >= message.seq) return 'delivered';
  return undefined;
}

const NO_SEQS: ReceiptSeqs = { read: 0, delivered: 0 };
const seqsOf = /* @__PURE__ */ memoByKey((conversation: Conversation, userId: string) => otherMemberSeqs(conversation, userId));

/** The conversation's receipt positions; the same object until that conversation changes. */
export function selectReceiptSeqs(state: ChatState, conversationId: string): ReceiptSeqs {
  const conversation = state.conversations[conversationId];
  return conversation ? seqsOf(conversation, state.userId) : NO_SEQS;
}

/** One message's receipt: a string, so a subscriber wakes only when this message's receipt changes. */
export function selectReceipt(state: ChatState, message: DisplayMessage): Receipt | undefined {
  return receiptFor(message, message.authorId === state.userId, selectReceiptSeqs(state, message.conversationId));
}
