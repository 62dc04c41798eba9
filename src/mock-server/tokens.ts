/**
 * Who a token belongs to. Issued tokens are random (Web Crypto), one per issue
 * (a user may hold several: tabs, devices), expire after `ttlMs` and can be
 * revoked. `<id>-token` is a demo convenience for the seeded users only, and
 * only while demo tokens are on (the in-browser server, a loopback Node server).
 */

export interface TokenStoreOptions {
  /** How long an issued token works, from its issue. */
  readonly ttlMs: number;
  /** The users `<id>-token` works for; empty when demo tokens are off. */
  readonly demoUserIds: ReadonlySet<string>;
  readonly now: () => number;
  /** An issued token just expired (its open sessions should end). */
  readonly onExpired: (token: string) => void;
}

export interface IssuedToken {
  readonly token: string;
  readonly userId: string;
  /** Epoch ms, by the server's clock. */
  readonly expiresAt: number;
}

/** What a token names: its user, and whether it was revoked or is past its time (issued ones only). */
export interface TokenOwner {
  readonly userId: string;
  readonly revoked: boolean;
  readonly expired: boolean;
}

interface TokenRecord extends IssuedToken {
  revoked: boolean;
}

export const DEMO_TOKEN_SUFFIX = '-token';
export const DEFAULT_TOKEN_TTL_MS = 60 * 60 * 1000;
/** An expired or revoked token is still told apart from a forged one for this long past its expiry. */
const REMEMBER_EXPIRED_MS = 24 * 60 * 60 * 1000;
/** setTimeout's ceiling; a longer wait is taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  return Array.from(buffer, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class TokenStore {
  /** In issue order, which is expiry order while the TTL is fixed: forgetting starts at the front. */
  private readonly issued = new Map<string, TokenRecord>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly options: TokenStoreOptions) {}

  issue(userId: string): IssuedToken {
    const { now, ttlMs } = this.options;
    this.forgetLongExpired();
    const token = `ptk_${randomHex(24)}`;
    const expiresAt = now() + ttlMs;
    this.issued.set(token, { token, userId, expiresAt, revoked: false });
    this.watch(token, expiresAt);
    return { token, userId, expiresAt };
  }

  /** When an issued token expires; undefined for unknown, revoked and demo tokens. */
  expiresAt(token: string): number | undefined {
    const record = this.issued.get(token);
    return record && !record.revoked ? record.expiresAt : undefined;
  }

  /** Ends one of the user's issued tokens for good; false if they hold no such token (or it was revoked). */
  revoke(userId: string, token: string): boolean {
    const record = this.issued.get(token);
    if (!record || record.revoked || record.userId !== userId) return false;
    record.revoked = true;
    this.unwatch(token);
    return true;
  }

  owner(token: string): TokenOwner | undefined {
    const issued = this.issued.get(token);
    if (issued) return { userId: issued.userId, revoked: issued.revoked, expired: this.options.now() >= issued.expiresAt };
    if (!token.endsWith(DEMO_TOKEN_SUFFIX)) return undefined;
    const userId = token.slice(0, -DEMO_TOKEN_SUFFIX.length);
    return this.options.demoUserIds.has(userId) ? { userId, revoked: false, expired: false } : undefined;
  }

  /** Stops every expiry timer (the server is gone). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Calls `onExpired` once the token's time is up by the server's clock (which tests may set). */
  private watch(token: string, expiresAt: number): void {
    const left = expiresAt - this.options.now();
    const timer = setTimeout(() => {
      this.timers.delete(token);
      if (this.issued.get(token)?.revoked !== false) return;
      if (this.options.now() >= expiresAt) this.options.onExpired(token);
      else this.watch(token, expiresAt);
    }, Math.min(Math.max(left, 0), MAX_TIMER_MS));
    // In Node an expiry hours away must not keep a process alive that is otherwise done.
    (timer as { unref?: () => void }).unref?.();
    this.timers.set(token, timer);
  }

  private unwatch(token: string): void {
    clearTimeout(this.timers.get(token));
    this.timers.delete(token);
  }

  private forgetLongExpired(): void {
    const horizon = this.options.now() - REMEMBER_EXPIRED_MS;
    for (const [token, { expiresAt }] of this.issued) {
      if (expiresAt > horizon) break;
      this.issued.delete(token);
      this.unwatch(token);
    }
  }
}
