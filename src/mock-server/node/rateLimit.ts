/**
 * Per-socket rate limits: one token bucket per kind of request. Buckets refill
 * lazily from the clock on each take, so they hold no timers (and no handles
 * that would keep a test process alive).
 */
import type { ClientEvent } from '../../core/protocol';

export interface RateLimitRule {
  /** Requests allowed per `intervalMs` in the long run. */
  readonly limit: number;
  readonly intervalMs: number;
  /** Requests allowed at once after a quiet spell; defaults to `limit`. */
  readonly burst?: number;
}

export interface RateLimits {
  /** message:send, message:edit, message:delete, reaction:add, reaction:remove. */
  readonly send: RateLimitRule;
  readonly typing: RateLimitRule;
  /** Everything else (reads, history pages, read and delivery receipts, unknown events): generous, bounds abuse. */
  readonly other: RateLimitRule;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  send: { limit: 20, intervalMs: 10_000, burst: 20 },
  typing: { limit: 10, intervalMs: 10_000, burst: 10 },
  other: { limit: 200, intervalMs: 10_000, burst: 100 },
};

export type RateLimitKind = keyof RateLimits;

const SEND_EVENTS: ReadonlySet<string> = new Set<ClientEvent>([
  'message:send',
  'message:edit',
  'message:delete',
  'reaction:add',
  'reaction:remove',
]);

export function rateLimitKindOf(event: string): RateLimitKind {
  if (SEND_EVENTS.has(event)) return 'send';
  if (event === 'typing') return 'typing';
  return 'other';
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(
    readonly rule: RateLimitRule,
    private readonly clock: () => number = Date.now,
  ) {
    this.capacity = Math.max(1, rule.burst ?? rule.limit);
    this.perMs = rule.limit / rule.intervalMs;
    this.tokens = this.capacity;
    this.last = clock();
  }

  /** Takes one token; returns 0 when allowed, else the ms until one is available. */
  take(): number {
    const now = this.clock();
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, now - this.last) * this.perMs);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - this.tokens) / this.perMs);
  }
}

export interface SocketRateLimiter {
  /** `null` when allowed, else a clear message for the `rate_limited` ack. */
  check(event: string): string | null;
}

const WHAT: Record<RateLimitKind, string> = {
  send: 'messages, edits and reactions',
  typing: 'typing notifications',
  other: 'requests',
};

export function createSocketRateLimiter(limits: RateLimits | false, clock: () => number = Date.now): SocketRateLimiter {
  if (limits === false) return { check: () => null };
  const buckets = {
    send: new TokenBucket(limits.send, clock),
    typing: new TokenBucket(limits.typing, clock),
    other: new TokenBucket(limits.other, clock),
  };
  return {
    check(event) {
      const kind = rateLimitKindOf(event);
      const bucket = buckets[kind];
      const waitMs = bucket.take();
      if (waitMs === 0) return null;
      const { limit, intervalMs } = bucket.rule;
      return `Too many ${WHAT[kind]}: at most ${limit} per ${intervalMs / 1000} s. Try again in ${(waitMs / 1000).toFixed(1)} s.`;
    },
  };
}
