/**
 * Mock authentication, the one check every way in goes through (socket.io
 * handshake, `server.connect`, uploads, file downloads): the token must be
 * one this server issued, or, where demo tokens are on, `<id>-token` of a
 * seeded user (tokens.ts). A socket.io handshake carries only the token, so
 * the user comes from it; a memory transport also names the user, and then
 * both must agree.
 */
import type { ErrorInfo, User } from '../core/protocol';
import { DEMO_TOKEN_SUFFIX, type TokenStore } from './tokens';

export interface Credentials {
  readonly token: unknown;
  /** When given, the token must belong to this user. */
  readonly userId?: unknown;
}

export type AuthResult = { readonly ok: true; readonly userId: string } | { readonly ok: false; readonly error: ErrorInfo };

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Whom a refusal names: the user the caller claimed, or the one a `<id>-token` spells. */
function claimedUser(token: unknown, userId: unknown): unknown {
  if (userId !== undefined) return userId;
  return typeof token === 'string' && token.endsWith(DEMO_TOKEN_SUFFIX) ? token.slice(0, -DEMO_TOKEN_SUFFIX.length) : undefined;
}

export function authenticate(users: ReadonlyMap<string, User>, credentials: Credentials, tokens: TokenStore): AuthResult {
  const { token, userId } = credentials;
  const owner = typeof token === 'string' ? tokens.owner(token) : undefined;
  const user = owner && (userId === undefined || userId === owner.userId) ? users.get(owner.userId) : undefined;
  // Bots post through the server, never through a client connection.
  if (!owner || !user || user.isBot) {
    const claimed = claimedUser(token, userId);
    const message = claimed === undefined ? 'Invalid token' : `Invalid token for user "${shown(claimed)}"`;
    return { ok: false, error: { code: 'unauthorized', message } };
  }
  if (owner.revoked) return { ok: false, error: { code: 'unauthorized', message: 'This token was revoked' } };
  if (owner.expired) {
    return { ok: false, error: { code: 'token_expired', message: 'This token has expired: connect with a fresh one' } };
  }
  return { ok: true, userId: user.id };
}
