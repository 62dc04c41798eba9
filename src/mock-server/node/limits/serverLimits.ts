/**
 * Every limit of one server, made from the `rateLimits` option: each a no-op
 * when it is `false`. Budgets live as long as the server, not the sockets.
 */
import { resolveRateLimits, type RateLimits, type RateLimitsOption } from '../rateLimit';
import { createConnectionLimiter, type ConnectionLimiter } from './connectionLimits';
import { createRequestLimiter, type RequestLimiter } from './requestLimits';
import type { Clock } from './tokenBucket';
import { createUploadLimiter, type UploadLimiter } from './uploadLimits';

export interface ServerLimits {
  /** The merged rules, or `false` (for the HTTP limit, httpRequestCheck). */
  readonly rules: RateLimits | false;
  readonly connections: ConnectionLimiter;
  readonly requests: RequestLimiter;
  readonly uploads: UploadLimiter;
}

export function createServerLimits(option: RateLimitsOption | undefined, unattachedUploadTtlMs: number, clock?: Clock): ServerLimits {
  const rules = resolveRateLimits(option);
  return {
    rules,
    connections: createConnectionLimiter(rules, clock),
    requests: createRequestLimiter(rules, clock),
    uploads: createUploadLimiter(rules, unattachedUploadTtlMs, clock),
  };
}
