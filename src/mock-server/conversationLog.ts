/**
 * The message log of one conversation: an optional lazy prefix (seed history,
 * computed per seq on demand) followed by an array of materialized messages.
 * seq N lives at a fixed place, so lookups and pages are O(1) per message and
 * appending never copies the log.
 */
import type { LazyHistory, StoredMessage } from './types';

export class ConversationLog {
  private readonly lazyCount: number;
  /** Lazy messages that were edited, deleted or reacted to since the seed. */
  private readonly overrides = new Map<number, StoredMessage>();
  private readonly tail: StoredMessage[] = [];

  constructor(private readonly history: LazyHistory | null) {
    this.lazyCount = history?.count ?? 0;
  }

  get lastSeq(): number {
    return this.lazyCount + this.tail.length;
  }

  get(seq: number): StoredMessage | undefined {
    if (!Number.isInteger(seq) || seq < 1 || seq > this.lastSeq) return undefined;
    if (seq <= this.lazyCount && this.history) return this.overrides.get(seq) ?? this.history.messageAt(seq);
    return this.tail[seq - this.lazyCount - 1];
  }

  /** Appends the message built for the next seq; the builder gets that seq. */
  append(build: (seq: number) => StoredMessage): StoredMessage {
    const message = build(this.lastSeq + 1);
    this.tail.push(message);
    return message;
  }

  /** Puts an updated copy of an existing message in its place. */
  replace(message: StoredMessage): void {
    const { seq } = message;
    if (seq < 1 || seq > this.lastSeq) throw new RangeError(`No message with seq ${seq}`);
    if (seq <= this.lazyCount) this.overrides.set(seq, message);
    else this.tail[seq - this.lazyCount - 1] = message;
  }

  /** Messages with from <= seq <= to (clamped to the log), ascending. */
  range(from: number, to: number): StoredMessage[] {
    const first = Math.max(1, Math.ceil(from));
    const last = Math.min(this.lastSeq, Math.floor(to));
    const out: StoredMessage[] = [];
    for (let seq = first; seq <= last; seq++) {
      const message = this.get(seq);
      if (message) out.push(message);
    }
    return out;
  }

  /**
   * Messages after `afterSeq` stored since the seed (the lazy prefix is left out: seed history
   * mentions nobody), ascending. For counts that must not materialize the archive.
   */
  liveAfter(afterSeq: number): readonly StoredMessage[] {
    return this.tail.slice(Math.max(0, afterSeq - this.lazyCount));
  }

  /** Messages after `afterSeq` that `userId` did not write (system notices always count). */
  countUnread(afterSeq: number, userId: string): number {
    let count = 0;
    for (let seq = Math.max(1, afterSeq + 1); seq <= this.lastSeq; seq++) {
      if (this.isUnreadFor(seq, userId)) count++;
    }
    return count;
  }

  /** Whether seq counts as unread for `userId`, without materializing a lazy message. */
  isUnreadFor(seq: number, userId: string): boolean {
    if (seq <= this.lazyCount && this.history) {
      return this.history.isSystemAt(seq) || this.history.authorAt(seq) !== userId;
    }
    const message = this.get(seq);
    return message !== undefined && (message.kind === 'system' || message.authorId !== userId);
  }
}
