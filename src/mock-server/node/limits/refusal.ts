/**
 * A `rate_limited` refusal: a clear message and how long to wait, so a client
 * can try again exactly then (`retryAfterMs` on socket.io acks and handshake
 * errors, `Retry-After` and `retryAfterMs` over HTTP).
 */
import { HttpError } from '../http';
import type { RateLimitRule } from '../rateLimit';

export interface Refusal {
  readonly message: string;
  readonly retryAfterMs: number;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** "Too many <what>: at most <limit> per <interval> <scope>. Try again in <wait>." */
export function tooMany(what: string, rule: RateLimitRule, scope: string, waitMs: number): Refusal {
  return {
    message: `Too many ${what}: at most ${rule.limit} per ${seconds(rule.intervalMs)} ${scope}. Try again in ${seconds(waitMs)}.`,
    retryAfterMs: waitMs,
  };
}

/** The ack of a refused socket.io request. */
export function rateLimitedAck(refusal: Refusal): { ok: false; error: { code: 'rate_limited'; message: string; retryAfterMs: number } } {
  return { ok: false, error: { code: 'rate_limited', message: refusal.message, retryAfterMs: refusal.retryAfterMs } };
}

/** The same refusal over HTTP: 429 with `Retry-After` (whole seconds) and `retryAfterMs` in the body. */
export function rateLimitedHttp(refusal: Refusal): HttpError {
  const retryAfter = String(Math.max(1, Math.ceil(refusal.retryAfterMs / 1000)));
  return new HttpError('rate_limited', refusal.message, { 'Retry-After': retryAfter }, { retryAfterMs: refusal.retryAfterMs });
}
