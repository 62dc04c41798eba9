/**
 * One thread: the replies to a root message, with their own gap-free seq
 * (1, 2, 3 …), so a client pages and fills a thread exactly as it does a
 * conversation. Kept in its conversation's record (`threads`). Replies are
 * never removed (a deleted one stays as a tombstone), so seq N is always at
 * index N - 1.
 */
import { LIMITS } from '../core/protocol';
import type { StoredMessage } from './types';

/** What a root shows of its thread: replies that stand, when the newest came, who wrote the newest few. */
export interface ThreadSummary {
  readonly replyCount: number;
  readonly lastReplyAt?: number;
  readonly replierIds: readonly string[];
}

export class ThreadLog {
  readonly replies: StoredMessage[] = [];
  /** `authorId \n clientId` → thread seq, so a resent reply is stored once. */
  readonly sentByClientId = new Map<string, number>();
  /**
   * Thread seq each participant has read up to. Having an entry is what makes
   * a user a participant (the root's author, every replier, anyone who read it).
   */
  readonly readSeqs = new Map<string, number>();
  /** Replies that are not deleted. */
  private standing = 0;

  constructor(
    readonly rootId: string,
    /** The root's seq in its conversation's log. */
    readonly rootSeq: number,
  ) {}

  get lastSeq(): number {
    return this.replies.length;
  }

  get(seq: number): StoredMessage | undefined {
    return Number.isInteger(seq) && seq >= 1 ? this.replies[seq - 1] : undefined;
  }

  /** Appends the reply built for the next seq; the builder gets that seq. */
  append(build: (seq: number) => StoredMessage): StoredMessage {
    const reply = build(this.lastSeq + 1);
    this.replies.push(reply);
    if (reply.deletedAt === undefined) this.standing++;
    return reply;
  }

  /** Puts an updated copy of an existing reply in its place. */
  replace(reply: StoredMessage): void {
    const before = this.get(reply.seq);
    if (!before) throw new RangeError(`No reply with seq ${reply.seq} in thread ${this.rootId}`);
    this.standing += Number(reply.deletedAt === undefined) - Number(before.deletedAt === undefined);
    this.replies[reply.seq - 1] = reply;
  }

  /** Replies with from <= seq <= to (clamped to the thread), ascending. */
  range(from: number, to: number): StoredMessage[] {
    return this.replies.slice(Math.max(0, Math.ceil(from) - 1), Math.max(0, Math.floor(to)));
  }

  /** The root's counters, from the replies that stand: deleted ones count for nothing. */
  summary(): ThreadSummary {
    const repliers: string[] = [];
    let lastReplyAt: number | undefined;
    for (let i = this.replies.length - 1; i >= 0 && repliers.length < LIMITS.maxRepliers; i--) {
      const reply = this.replies[i]!;
      if (reply.deletedAt !== undefined) continue;
      lastReplyAt ??= reply.createdAt;
      if (!repliers.includes(reply.authorId)) repliers.push(reply.authorId);
    }
    return { replyCount: this.standing, replierIds: repliers, ...(lastReplyAt !== undefined ? { lastReplyAt } : {}) };
  }
}

/** The root with the thread's counters on it, or the same object when they did not change. */
export function withSummary(root: StoredMessage, summary: ThreadSummary): StoredMessage {
  const same =
    root.replyCount === summary.replyCount &&
    root.lastReplyAt === summary.lastReplyAt &&
    (root.replierIds ?? []).join('\n') === summary.replierIds.join('\n') &&
    root.replierIds !== undefined;
  if (same) return root;
  const { lastReplyAt: _last, ...rest } = root;
  return { ...rest, ...summary, replierIds: [...summary.replierIds] };
}
