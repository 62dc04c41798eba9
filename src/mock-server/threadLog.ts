/**
 * One thread: the replies to a root message, with their own gap-free seq
 * (1, 2, 3 …), so a client pages and fills a thread exactly as it does a
 * conversation. Kept in its conversation's record (`threads`).
 */
import type { StoredMessage } from './types';

export class ThreadLog {
  readonly replies: StoredMessage[] = [];
  /** `authorId \n clientId` → thread seq, so a resent reply is stored once. */
  readonly sentByClientId = new Map<string, number>();
  /** Thread seq each participant has read up to. */
  readonly readSeqs = new Map<string, number>();

  constructor(readonly rootId: string) {}

  get lastSeq(): number {
    return this.replies.length;
  }
}
