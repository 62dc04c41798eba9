/**
 * Mock authentication: the token of user `x` is `x-token`. A socket.io
 * handshake carries only the token, so the user id may be derived from it; a
 * memory transport also names the user, and then both must agree.
 */
import type { ErrorInfo, User } from '../core/protocol';

export interface Credentials {
  readonly token: unknown;
  /** When given, the token must belong to this user. */
  readonly userId?: unknown;
}

export type AuthResult = { readonly ok: true; readonly userId: string } | { readonly ok: false; readonly error: ErrorInfo };

const SUFFIX = '-token';

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * `issued` maps tokens handed out at run time (the admin API's `issueToken`) to
 * their user; such a token works alongside `<id>-token`.
 */
export function authenticate(
  users: ReadonlyMap<string, User>,
  credentials: Credentials,
  issued?: ReadonlyMap<string, string>,
): AuthResult {
  const { token, userId } = credentials;
  const issuedTo = typeof token === 'string' ? issued?.get(token) : undefined;
  if (issuedTo !== undefined && (userId === undefined || userId === issuedTo)) {
    const user = users.get(issuedTo);
    if (user && !user.isBot) return { ok: true, userId: user.id };
  }
  const claimed = userId ?? (typeof token === 'string' && token.endsWith(SUFFIX) ? token.slice(0, -SUFFIX.length) : undefined);
  if (claimed === undefined) {
    return { ok: false, error: { code: 'unauthorized', message: 'Invalid token: expected "<userId>-token"' } };
  }
  const user = typeof claimed === 'string' ? users.get(claimed) : undefined;
  // Bots post through the server, never through a client connection.
  if (!user || user.isBot || token !== `${user.id}${SUFFIX}`) {
    return { ok: false, error: { code: 'unauthorized', message: `Invalid token for user "${shown(claimed)}"` } };
  }
  return { ok: true, userId: user.id };
}
