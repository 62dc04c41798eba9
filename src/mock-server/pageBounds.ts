/**
 * Which seqs a page of history covers, the same for a conversation's log and a
 * thread's replies: `…:before` takes up to `limit` just below `beforeSeq`,
 * `…:since` up to `limit` after `afterSeq`; both say whether more lie beyond.
 */
import { LIMITS } from '../core/protocol';

export interface PageBounds {
  readonly from: number;
  readonly to: number;
  readonly hasMore: boolean;
}

export function pageBefore(lastSeq: number, beforeSeq: number, limit: number): PageBounds {
  const to = Math.min(beforeSeq - 1, lastSeq);
  const from = Math.max(1, to - Math.min(limit, LIMITS.maxPageSize) + 1);
  return { from, to, hasMore: to >= 1 && from > 1 };
}

export function pageSince(lastSeq: number, afterSeq: number, limit: number | undefined): PageBounds {
  const to = Math.min(lastSeq, afterSeq + Math.min(limit ?? LIMITS.maxPageSize, LIMITS.maxPageSize));
  return { from: afterSeq + 1, to, hasMore: to < lastSeq };
}
