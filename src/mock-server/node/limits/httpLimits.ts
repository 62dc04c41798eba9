/**
 * HTTP requests per address, before any route runs, socket.io's long-polling requests and
 * websocket upgrades included (a `FrontCheck`, frontDoor.ts): over the budget, a 429
 * `rate_limited` with `Retry-After` (and the CORS headers an allowed page needs to read it).
 * Uploads have budgets of their own per user (uploadLimits.ts).
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http';
import type { OriginPolicy } from '../origins';
import type { RateLimits } from '../rateLimit';
import { addressKey } from './addressKey';
import { rateLimitedHttp, tooMany } from './refusal';
import { KeyedBuckets, type Clock } from './tokenBucket';

export function httpRequestCheck(
  limits: RateLimits | false,
  origins: OriginPolicy,
  clock?: Clock,
): (req: IncomingMessage) => HttpError | null {
  if (limits === false) return () => null;
  const perAddress = new KeyedBuckets(limits.http, clock);
  return (req) => {
    const waitMs = perAddress.take(addressKey(req.socket.remoteAddress));
    if (waitMs === 0) return null;
    const refusal = rateLimitedHttp(tooMany('HTTP requests', limits.http, 'from one address', waitMs));
    // Not read: the answer closes the connection, so a flood cannot keep it busy.
    const headers = { ...refusal.headers, ...origins.corsHeaders(req.headers.origin), Connection: 'close' };
    return new HttpError(refusal.code, refusal.message, headers, refusal.details);
  };
}
