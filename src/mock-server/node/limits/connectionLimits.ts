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

  /** One handshake from `key`: its rate first, then the connections it already holds. */
  const admit = (key: string, handshakes: KeyedBuckets, open: KeyedCounter, cap: number, per: string, by: string): Refusal | null => {
    const waitMs = handshakes.take(key);
    if (waitMs > 0) return tooMany('connection attempts', handshakes.rule, per, waitMs);
    if (open.count(key) < cap) return null;
    return { message: `Too many connections ${by}: at most ${cap} at once. Close one and try again.`, retryAfterMs: FULL_RETRY_MS };
  };

  return {
    admitAddress: (address) => admit(address, handshakesPerIp, perIp, limits.connectionsPerIp, 'from one address', 'from this address'),
    admitUser: (userId) => admit(userId, handshakesPerUser, perUser, limits.connections, 'for each user', 'for this user'),
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
