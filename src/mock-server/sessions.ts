/**
 * Who is attached. A user may have several sessions (tabs, devices); a push
 * goes to all of them. Transport-agnostic: a session is a pair of callbacks,
 * whether behind it sits a memory transport or a socket.io socket.
 */
import type { ServerEvent } from '../core/protocol';
import type { DropReason, ServerSession, SessionCallbacks } from './types';

interface SessionEntry extends ServerSession {
  readonly callbacks: SessionCallbacks;
  /** The token it was opened with: revoking it (or its expiry) ends the session. */
  readonly token: string;
  open: boolean;
}

function rethrowLater(error: unknown): void {
  // One broken receiver must not stop a broadcast, yet its bug should surface.
  queueMicrotask(() => {
    throw error;
  });
}

export class SessionRegistry {
  private readonly byUser = new Map<string, Set<SessionEntry>>();
  /** Handles given out → entries; a forged or stale handle finds nothing. */
  private readonly entries = new WeakMap<ServerSession, SessionEntry>();
  private counter = 0;

  /** Adds a session; returns it and whether it is the user's first one (they just came online). */
  add(userId: string, token: string, callbacks: SessionCallbacks): { session: ServerSession; first: boolean } {
    const entry: SessionEntry = { id: `s${++this.counter}`, userId, token, callbacks, open: true };
    const handle: ServerSession = Object.freeze({ id: entry.id, userId });
    this.entries.set(handle, entry);
    let set = this.byUser.get(userId);
    const first = !set || set.size === 0;
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(entry);
    return { session: handle, first };
  }

  /** Whether the handle belongs to a live session. */
  isOpen(session: ServerSession): boolean {
    return this.entries.get(session)?.open === true;
  }

  /** Removes a session; returns whether it was the user's last one (they just went offline). */
  remove(session: ServerSession): boolean {
    const entry = this.entries.get(session);
    if (!entry || !entry.open) return false;
    entry.open = false;
    const set = this.byUser.get(entry.userId);
    set?.delete(entry);
    if (set && set.size === 0) {
      this.byUser.delete(entry.userId);
      return true;
    }
    return false;
  }

  isOnline(userId: string): boolean {
    return (this.byUser.get(userId)?.size ?? 0) > 0;
  }

  onlineUserIds(): string[] {
    return [...this.byUser.keys()];
  }

  /** Pushes one event to every session of the given users, optionally sparing one user. */
  send(userIds: Iterable<string>, event: ServerEvent, payload: unknown, exceptUserId?: string): void {
    for (const userId of userIds) {
      if (userId === exceptUserId) continue;
      const set = this.byUser.get(userId);
      if (set) for (const entry of [...set]) this.deliver(entry, event, payload);
    }
  }

  /** Pushes to a single session. */
  sendTo(session: ServerSession, event: ServerEvent, payload: unknown): void {
    const entry = this.entries.get(session);
    if (entry?.open) this.deliver(entry, event, payload);
  }

  /** Closes every session of `userId` (or of everyone) from the server side. */
  drop(userId: string | null, reason: DropReason): ServerSession[] {
    const victims: SessionEntry[] = [];
    for (const [id, set] of this.byUser) if (userId === null || id === userId) victims.push(...set);
    return this.close(victims, reason);
  }

  /** Closes the sessions opened with `token` (revoked or expired). */
  dropToken(token: string, reason: DropReason): ServerSession[] {
    const victims: SessionEntry[] = [];
    for (const set of this.byUser.values()) for (const entry of set) if (entry.token === token) victims.push(entry);
    return this.close(victims, reason);
  }

  /** Marks them closed first, then tells each: a drop callback that reattaches finds a consistent registry. */
  private close(victims: SessionEntry[], reason: DropReason): ServerSession[] {
    for (const entry of victims) {
      entry.open = false;
      const set = this.byUser.get(entry.userId);
      set?.delete(entry);
      if (set?.size === 0) this.byUser.delete(entry.userId);
    }
    for (const entry of victims) {
      try {
        entry.callbacks.drop(reason);
      } catch (error) {
        rethrowLater(error);
      }
    }
    return victims;
  }

  private deliver(entry: SessionEntry, event: ServerEvent, payload: unknown): void {
    if (!entry.open) return;
    try {
      entry.callbacks.deliver(event, payload);
    } catch (error) {
      rethrowLater(error);
    }
  }
}
