/**
 * What the Node server limits, and by how much. Budgets are kept per user (all
 * of a user's sockets share one, and it outlives them: reconnecting does not
 * refill it) and per address for what comes before a user is known (handshakes,
 * HTTP requests). `startMockServer({ rateLimits })` merges its rules over these
 * defaults, each key replacing the default's; `rateLimits: false` turns every one
 * of them off. Sized so a person using the kit, or 200 bench clients on one
 * address, never meet them.
 */
import type { ClientEvent } from '../../core/protocol';

export interface RateLimitRule {
  /** Allowed per `intervalMs` in the long run. */
  readonly limit: number;
  readonly intervalMs: number;
  /** Allowed at once after a quiet spell; defaults to `limit`. */
  readonly burst?: number;
}

export interface RateLimits {
  /**
   * Per user: message:send, message:edit, message:delete, reaction:add, reaction:remove, and
   * message:pin, message:unpin, message:forward, message:preview:remove (each posts or changes
   * what members see), and
   * messages:search, the costliest read (it walks the index of every conversation of the
   * caller's): 20 per 10 s is more than a person typing queries asks (a client asks once the
   * typing pauses), and a script cannot make the server search flat out. Sharing the budget
   * with sends keeps the limiter's kinds as they are.
   */
  readonly send: RateLimitRule;
  /** Per user: typing notifications. */
  readonly typing: RateLimitRule;
  /** Per user: every other request (reads, receipts, unknown events), one each. */
  readonly other: RateLimitRule;
  /** Per user: messages (and conversations) that reads return, so a scan of a long history costs what it returns. */
  readonly history: RateLimitRule;
  /** Per socket: refused requests before the socket is disconnected. */
  readonly refusals: RateLimitRule;
  /** socket.io handshakes per user (each one tells every contact about presence) and per address. */
  readonly handshakes: RateLimitRule;
  readonly handshakesPerIp: RateLimitRule;
  /** Open socket.io connections per user and per address. */
  readonly connections: number;
  readonly connectionsPerIp: number;
  /** HTTP requests per address (uploads, downloads, admin API, health). */
  readonly http: RateLimitRule;
  /** Per user: uploads started, bytes stored (until removed) and uploads at once. */
  readonly uploads: RateLimitRule;
  readonly uploadBytes: number;
  readonly uploadsAtOnce: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  send: { limit: 20, intervalMs: 10_000, burst: 20 },
  typing: { limit: 10, intervalMs: 10_000, burst: 10 },
  other: { limit: 200, intervalMs: 10_000, burst: 100 },
  history: { limit: 2_000, intervalMs: 10_000, burst: 2_000 },
  refusals: { limit: 20, intervalMs: 10_000, burst: 20 },
  handshakes: { limit: 20, intervalMs: 60_000, burst: 20 },
  handshakesPerIp: { limit: 300, intervalMs: 60_000, burst: 300 },
  connections: 10,
  connectionsPerIp: 500,
  http: { limit: 600, intervalMs: 10_000, burst: 600 },
  uploads: { limit: 60, intervalMs: 60_000, burst: 60 },
  uploadBytes: 500_000_000,
  uploadsAtOnce: 4,
};

/** The `rateLimits` option: any of the limits above, merged over the defaults. */
export type RateLimitsOption = Partial<RateLimits> | false;

export function resolveRateLimits(option: RateLimitsOption = {}): RateLimits | false {
  return option === false ? false : { ...DEFAULT_RATE_LIMITS, ...option };
}

/** The per-user budgets one request may draw on. */
export type RateLimitKind = 'send' | 'typing' | 'other';

const SEND_EVENTS: ReadonlySet<string> = new Set<ClientEvent>([
  'message:send',
  'message:edit',
  'message:delete',
  'reaction:add',
  'reaction:remove',
  'message:pin',
  'message:unpin',
  'message:forward',
  'message:preview:remove',
  'messages:search',
]);

export function rateLimitKindOf(event: string): RateLimitKind {
  if (SEND_EVENTS.has(event)) return 'send';
  if (event === 'typing') return 'typing';
  return 'other';
}
