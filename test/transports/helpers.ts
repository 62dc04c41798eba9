/** Shared helpers for the memory transport tests (fake timers are on in these suites). */
import { expect, vi } from 'vitest';
import type { Message } from '../../src/core/protocol';
import type { Transport, TransportStatus } from '../../src/core/transport';
import type { MockChatServer } from 'parley/mock-server';

export interface Watched {
  readonly transport: Transport;
  readonly statuses: TransportStatus[];
  readonly events: { event: string; payload: unknown }[];
  of(event: string): unknown[];
}

export function watch(transport: Transport): Watched {
  const statuses: TransportStatus[] = [];
  const events: { event: string; payload: unknown }[] = [];
  transport.onStatus((s) => statuses.push(s));
  transport.onEvent((event, payload) => events.push({ event, payload }));
  return {
    transport,
    statuses,
    events,
    of: (event) => events.filter((e) => e.event === event).map((e) => e.payload),
  };
}

/** Lets microtask-scheduled frames (zero latency) arrive. */
export const settle = () => vi.advanceTimersByTimeAsync(0);

export async function online(server: MockChatServer, userId: string): Promise<Watched> {
  const watched = watch(server.connect({ userId, token: `${userId}-token` }));
  watched.transport.connect();
  await settle();
  expect(watched.transport.status).toEqual({ state: 'connected' });
  return watched;
}

export const send = (t: Transport, conversationId: string, clientId: string, text: string) =>
  t.request('message:send', { conversationId, clientId, text }, 5_000) as Promise<{ ok: true; message: Message }>;
