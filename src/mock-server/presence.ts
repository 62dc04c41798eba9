/**
 * Session lifecycle with presence: a user is online while they have at least
 * one session. The first session to attach and the last to leave are told to
 * everyone who shares a conversation with them; a new session is told who of
 * its contacts is online right now (so presence is right from the start).
 */
import type { ErrorInfo } from '../core/protocol';
import { authenticate, type Credentials } from './auth';
import type { ServerContext } from './messaging';
import type { DropReason, ServerSession, SessionCallbacks } from './types';

export type AttachResult =
  | { readonly ok: true; readonly session: ServerSession }
  | { readonly ok: false; readonly error: ErrorInfo; readonly retry: boolean };

export interface PresenceOptions {
  /** Users who are "always online" (bots). */
  readonly alwaysOnline: ReadonlySet<string>;
  /** Users whose network is cut: refused until healed. */
  readonly isCut: (userId: string) => boolean;
  readonly isDisposed: () => boolean;
}

export function attachSession(
  ctx: ServerContext,
  options: PresenceOptions,
  credentials: Credentials,
  callbacks: SessionCallbacks,
): AttachResult {
  if (options.isDisposed()) {
    return { ok: false, retry: false, error: { code: 'disconnected', message: 'The mock server was disposed' } };
  }
  const auth = authenticate(ctx.state.users, credentials, ctx.state.tokens);
  if (!auth.ok) return { ok: false, retry: false, error: auth.error };
  const { userId } = auth;
  if (options.isCut(userId)) {
    // Retryable on purpose: the transport keeps trying until setOnline(userId, true).
    return { ok: false, retry: true, error: { code: 'disconnected', message: `Network cut for user "${userId}"` } };
  }
  // Accepted, so the token is a string; the session remembers it for revocation and expiry.
  const { session, first } = ctx.sessions.add(userId, String(credentials.token), callbacks);
  const contacts = ctx.state.contactsOf(userId);
  if (first) ctx.sessions.send(contacts, 'presence', { userId, online: true });
  for (const contact of contacts) {
    if (options.alwaysOnline.has(contact) || ctx.sessions.isOnline(contact)) {
      ctx.sessions.sendTo(session, 'presence', { userId: contact, online: true });
    }
  }
  return { ok: true, session };
}

/** The client left (or its socket closed). Unknown or already closed sessions are ignored. */
export function detachSession(ctx: ServerContext, session: ServerSession): void {
  if (ctx.sessions.remove(session)) announceOffline(ctx, session.userId);
}

/** Closes sessions from the server side: one user's (a network cut) or everyone's (`null`). */
export function dropSessions(ctx: ServerContext, userId: string | null, reason: DropReason): void {
  const dropped = ctx.sessions.drop(userId, reason);
  // After a full drop nobody is left to tell; after a cut, the user's contacts are.
  if (userId !== null && dropped.length > 0) announceOffline(ctx, userId);
}

/** Closes the sessions opened with one token (revoked, expired); its user goes offline if those were all. */
export function dropTokenSessions(ctx: ServerContext, token: string, reason: DropReason): void {
  const userId = ctx.sessions.dropToken(token, reason)[0]?.userId;
  if (userId !== undefined && !ctx.sessions.isOnline(userId)) announceOffline(ctx, userId);
}

function announceOffline(ctx: ServerContext, userId: string): void {
  ctx.sessions.send(ctx.state.contactsOf(userId), 'presence', { userId, online: false });
}
