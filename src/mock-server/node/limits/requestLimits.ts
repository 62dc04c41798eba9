/**
 * Budgets for socket.io requests, kept per user so that all of a user's sockets
 * draw on one and a new socket starts where the last one left off. Each request
 * costs one from its kind's budget (send, typing, other); reads also cost what
 * they return from the `history` budget: the page size asked for is taken up
 * front (so a burst of reads that arrive together is judged before any of them
 * runs) and the unused part given back once the answer is known. A socket whose
 * requests keep being refused (`refusals` per window) is disconnected.
 */
import { LIMITS } from '../../../core/protocol';
import { rateLimitKindOf, type RateLimitKind, type RateLimits } from '../rateLimit';
import { tooMany, type Refusal } from './refusal';
import { KeyedBuckets, TokenBucket, type Clock } from './tokenBucket';

export type Verdict =
  | { readonly ok: true; settle(answer: unknown): void }
  | { readonly ok: false; readonly refusal: Refusal; /** This socket has been refused too often: close it after answering. */ readonly disconnect: boolean };

export interface SocketLimiter {
  check(event: string, payload: unknown): Verdict;
}

export interface RequestLimiter {
  /** The limiter for one socket of `userId`; its budgets are the user's. */
  forSocket(userId: string): SocketLimiter;
}

const WHAT: Record<RateLimitKind, string> = {
  send: 'messages, edits, reactions, pins, forwards and searches',
  typing: 'typing notifications',
  other: 'requests',
};

const READS: ReadonlySet<string> = new Set([
  'messages:since',
  'messages:before',
  'thread:since',
  'thread:before',
  'messages:search',
  'conversations:list',
]);

/** Requests that read and answer with lists: weighted by what they return, and queued (readQueue.ts). */
export function isRead(event: string): boolean {
  return READS.has(event);
}

/** What a read may return at most, judged from its payload before it runs. */
function upfrontCost(event: string, payload: unknown): number {
  if (event === 'conversations:list') return 1;
  const limit = typeof payload === 'object' && payload !== null ? (payload as { limit?: unknown }).limit : undefined;
  return typeof limit === 'number' && limit >= 1 ? Math.min(Math.floor(limit), LIMITS.maxPageSize) : LIMITS.maxPageSize;
}

/** What a read's answer returned: its messages (a thread page's root too), search results or conversations. */
function returned(answer: unknown): number {
  if (typeof answer !== 'object' || answer === null) return 0;
  const { messages, results, conversations, root } = answer as Record<string, unknown>;
  const list = [messages, results, conversations].find(Array.isArray);
  return (list?.length ?? 0) + (root === undefined ? 0 : 1);
}

const ALLOWED: Verdict = { ok: true, settle: () => {} };
const UNLIMITED: RequestLimiter = { forSocket: () => ({ check: () => ALLOWED }) };

export function createRequestLimiter(limits: RateLimits | false, clock?: Clock): RequestLimiter {
  if (limits === false) return UNLIMITED;
  const perUser: Record<RateLimitKind | 'history', KeyedBuckets> = {
    send: new KeyedBuckets(limits.send, clock),
    typing: new KeyedBuckets(limits.typing, clock),
    other: new KeyedBuckets(limits.other, clock),
    history: new KeyedBuckets(limits.history, clock),
  };

  return {
    forSocket(userId) {
      const refusals = new TokenBucket(limits.refusals, clock);
      const refuse = (refusal: Refusal): Verdict => {
        const disconnect = refusals.take() > 0;
        if (!disconnect) return { ok: false, refusal, disconnect };
        const message = `${refusal.message} This connection is closed: it kept sending past its limits.`;
        return { ok: false, refusal: { ...refusal, message }, disconnect };
      };
      return {
        check(event, payload) {
          const kind = rateLimitKindOf(event);
          const waitMs = perUser[kind].take(userId);
          if (waitMs > 0) return refuse(tooMany(WHAT[kind], perUser[kind].rule, 'for each user', waitMs));
          if (!READS.has(event)) return ALLOWED;
          const history = perUser.history.get(userId);
          const cost = upfrontCost(event, payload);
          const historyWaitMs = history.take(cost);
          if (historyWaitMs > 0) return refuse(tooMany('messages read', history.rule, 'for each user', historyWaitMs));
          return { ok: true, settle: (answer) => history.adjust(cost - returned(answer)) };
        },
      };
    },
  };
}
