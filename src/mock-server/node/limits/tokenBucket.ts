/**
 * Token buckets, alone and keyed (by user, by address). Buckets refill lazily
 * from the clock on each use, so they hold no timers (and no handles that would
 * keep a test process alive). A keyed bucket outlives the sockets that used it:
 * it is forgotten only once it is full again, when a new one would be the same,
 * so reconnecting never resets a budget.
 */
import type { RateLimitRule } from '../rateLimit';

export type Clock = () => number;

export class TokenBucket {
  private tokens: number;
  private last: number;
  readonly capacity: number;
  private readonly perMs: number;

  constructor(
    readonly rule: RateLimitRule,
    private readonly clock: Clock = Date.now,
  ) {
    this.capacity = Math.max(1, rule.burst ?? rule.limit);
    this.perMs = rule.limit / rule.intervalMs;
    this.tokens = this.capacity;
    this.last = clock();
  }

  private refill(): void {
    const now = this.clock();
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, now - this.last) * this.perMs);
    this.last = now;
  }

  /**
   * Takes `cost` tokens; returns 0 when allowed, else the ms until they are there.
   * A cost over the capacity is allowed from a full bucket and leaves it in debt.
   */
  take(cost = 1): number {
    this.refill();
    const need = Math.min(cost, this.capacity);
    if (this.tokens >= need) {
      this.tokens -= cost;
      return 0;
    }
    return Math.ceil((need - this.tokens) / this.perMs);
  }

  /** After the fact: gives tokens back (positive) or charges more (negative, into debt if need be). */
  adjust(delta: number): void {
    this.refill();
    this.tokens = Math.min(this.capacity, this.tokens + delta);
  }

  isFull(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }
}

/** One bucket per key, all with the same rule. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  private lastSweep: number;

  constructor(
    readonly rule: RateLimitRule,
    private readonly clock: Clock = Date.now,
  ) {
    this.lastSweep = clock();
  }

  get(key: string): TokenBucket {
    this.sweep();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.rule, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  take(key: string, cost = 1): number {
    return this.get(key).take(cost);
  }

  /** At most once per refill window: full buckets go (memory stays bounded by recent keys). */
  private sweep(): void {
    const now = this.clock();
    if (now - this.lastSweep < this.rule.intervalMs) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key);
  }
}

/** How many of something each key holds now (open connections, uploads in flight). */
export class KeyedCounter {
  private readonly counts = new Map<string, number>();

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Counts one more; the returned function (idempotent) counts it off again. */
  hold(key: string): () => void {
    this.counts.set(key, this.count(key) + 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const left = this.count(key) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    };
  }
}
