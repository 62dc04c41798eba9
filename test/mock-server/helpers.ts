/** Attaches recorder sessions straight to the server core (no transport in between). */
import { createMockServer, SEED_USERS, type MockChatServer, type MockServerOptions, type ServerSession } from 'parley/mock-server';
import type { ClientEvent } from '../../src/core/protocol';
import type { AckFor, ServerAck } from '../../src/mock-server/requestHandlers';
import type { DropReason } from '../../src/mock-server/types';

export interface Recorded {
  readonly event: string;
  readonly payload: unknown;
}

export interface Recorder {
  readonly session: ServerSession;
  readonly events: Recorded[];
  readonly drops: DropReason[];
  /** Payloads of one event, in arrival order. */
  of(event: string): unknown[];
  /** A known event, with the ack typed for it (the payload may still be anything). */
  request<E extends ClientEvent>(event: E, payload?: unknown): AckFor<E>;
  /** Any event name at all. */
  raw(event: string, payload?: unknown): ServerAck;
}

/** Seeded users attach with their demo token, users created later with one issued for them. */
export function record(server: MockChatServer, userId: string): Recorder {
  const events: Recorded[] = [];
  const drops: DropReason[] = [];
  const token = SEED_USERS.some((u) => u.id === userId) ? `${userId}-token` : server.issueToken(userId);
  const result = server.attach(
    { userId, token },
    { deliver: (event, payload) => events.push({ event, payload }), drop: (reason) => drops.push(reason) },
  );
  if (!result.ok) throw new Error(`attach failed: ${result.error.message}`);
  const { session } = result;
  return {
    session,
    events,
    drops,
    of: (event) => events.filter((e) => e.event === event).map((e) => e.payload),
    request: <E extends ClientEvent>(event: E, payload: unknown = {}) =>
      server.handleRequest(session, event, payload) as AckFor<E>,
    raw: (event, payload = {}) => server.handleRequest(session, event, payload),
  };
}

export function newServer(options: MockServerOptions = {}): MockChatServer {
  return createMockServer({ botDelayMs: 50, ...options });
}

/** Narrows an ack to success, failing the test with the server's message otherwise. */
export function ok<T extends { ok: boolean }>(ack: T): Extract<T, { ok: true }> {
  if (!ack.ok) throw new Error(`expected ok ack, got ${JSON.stringify(ack)}`);
  return ack as Extract<T, { ok: true }>;
}

export function errorCode(ack: { ok: boolean; error?: { code: string } }): string | undefined {
  return ack.ok ? undefined : ack.error?.code;
}
