/**
 * HTTP requests per address, before any route runs: over the budget, a 429
 * `rate_limited` with `Retry-After` (and the CORS headers an allowed page needs
 * to read it). Uploads have budgets of their own per user (uploadLimits.ts).
 */
import type { RequestListener } from 'node:http';
import { sendError } from '../http';
import type { OriginPolicy } from '../origins';
import type { RateLimits } from '../rateLimit';
import { addressKey } from './addressKey';
import { rateLimitedHttp, tooMany } from './refusal';
import { KeyedBuckets, type Clock } from './tokenBucket';

export function limitHttpRequests(
  listener: RequestListener,
  limits: RateLimits | false,
  origins: OriginPolicy,
  clock?: Clock,
): RequestListener {
  if (limits === false) return listener;
  const perAddress = new KeyedBuckets(limits.http, clock);
  return (req, res) => {
    const waitMs = perAddress.take(addressKey(req.socket.remoteAddress));
    if (waitMs === 0) return listener(req, res);
    for (const [name, value] of Object.entries(origins.corsHeaders(req.headers.origin))) res.setHeader(name, value);
    // Not read: the answer closes the connection, so a flood cannot keep it busy.
    res.setHeader('Connection', 'close');
    sendError(res, rateLimitedHttp(tooMany('HTTP requests', limits.http, 'from one address', waitMs)));
  };
}
