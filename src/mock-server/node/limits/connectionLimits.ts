/**
 * Who may open a socket.io connection: handshakes per address and per user
 * (each accepted one tells every contact the user is online), and open
 * connections per address and per user. The address is checked before the
 * token is read; the user after it authenticates and before the session is
 * attached, so a refused handshake pushes nothing to anyone.
 */
import type { RateLimits } from '../rateLimit';
import { tooMany, type Refusal } from './refusal';
import { KeyedBuckets, KeyedCounter, type Clock } from './tokenBucket';

export interface ConnectionLimiter {
  admitAddress(address: string): Refusal | null;
  admitUser(userId: string): Refusal | null;
  /** Counts an open connection until the returned function is called. */
  opened(address: string, userId: string): () => void;
}

/** A cap on connections at once frees up when one closes: a short, honest wait. */
const FULL_RETRY_MS = 10_000;

const UNLIMITED: ConnectionLimiter = { admitAddress: () => null, admitUser: () => null, opened: () => () => {} };

export function createConnectionLimiter(limits: RateLimits | false, clock?: Clock): ConnectionLimiter {
  if (limits === false) return UNLIMITED;
  const handshakesPerIp = new KeyedBuckets(limits.handshakesPerIp, clock);
  const handshakesPerUser = new KeyedBuckets(limits.handshakes, clock);
  const perIp = new KeyedCounter();
  const perUser = new KeyedCounter();

  const full = (count: number, cap: number, scope: string): Refusal | null =>
    count < cap
      ? null
      : { message: `Too many connections ${scope}: at most ${cap} at once. Close one and try again.`, retryAfterMs: FULL_RETRY_MS };

  return {
    admitAddress(address) {
      const waitMs = handshakesPerIp.take(address);
      if (waitMs > 0) return tooMany('connection attempts', limits.handshakesPerIp, 'from one address', waitMs);
      return full(perIp.count(address), limits.connectionsPerIp, 'from this address');
    },
    admitUser(userId) {
      const waitMs = handshakesPerUser.take(userId);
      if (waitMs > 0) return tooMany('connection attempts', limits.handshakes, 'for each user', waitMs);
      return full(perUser.count(userId), limits.connections, 'for this user');
    },
    opened(address, userId) {
      const releaseIp = perIp.hold(address);
      const releaseUser = perUser.hold(userId);
      return () => {
        releaseIp();
        releaseUser();
      };
    },
  };
}
