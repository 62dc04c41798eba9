/**
 * A Transport standing in for a remote backend: each requested message is built
 * from its index (data.ts `messageAt`), so the page holds no copy of the
 * conversation besides what Parley's client loaded, as with a real server.
 * Acks are fresh objects, as after a network hop.
 */
import type { Message } from 'parley/core';
import type { Transport, TransportStatus } from 'parley/core';
import type { BenchData } from '../data';

type Listener = (event: string, payload: unknown) => void;

export function createRemoteTransport(conversationId: string, userId: string, data: BenchData) {
  const listeners = new Set<Listener>();
  const statusListeners = new Set<(s: TransportStatus) => void>();
  let status: TransportStatus = { state: 'disconnected', willRetry: false };
  const extra: Message[] = [];
  const at = (seq: number): Message => {
    if (seq > data.total) return extra[seq - data.total - 1]!;
    const m = data.at(seq - 1);
    return { id: m.id, clientId: `c-${m.id}`, conversationId, authorId: m.authorId, seq, createdAt: m.createdAt, text: m.text, attachments: [] };
  };
  const lastSeq = () => data.total + extra.length;
  const page = (from: number, to: number) => {
    const out: Message[] = [];
    for (let s = Math.max(1, from); s <= to; s++) out.push(at(s));
    return out;
  };
  const answer = (event: string, payload: Record<string, number>): unknown => {
    switch (event) {
      case 'conversations:list':
        return {
          ok: true,
          conversations: [
            { id: conversationId, kind: 'group', title: 'Bench', memberIds: ['alice', 'bob', 'carol', 'dave'], lastSeq: lastSeq(), lastMessage: at(lastSeq()), readSeqs: { [userId]: lastSeq() }, unreadCount: 0, createdAt: 0, updatedAt: at(lastSeq()).createdAt },
          ],
          users: [],
        };
      case 'messages:before': {
        const before = Math.min(payload.beforeSeq!, lastSeq() + 1);
        const from = before - payload.limit!;
        return { ok: true, messages: page(from, before - 1), hasMore: from > 1 };
      }
      case 'messages:since':
        return { ok: true, messages: page(payload.afterSeq! + 1, lastSeq()), hasMore: false };
      default:
        return { ok: true };
    }
  };
  const transport: Transport = {
    get status() {
      return status;
    },
    connect() {
      status = { state: 'connected' };
      queueMicrotask(() => statusListeners.forEach((l) => l(status)));
    },
    disconnect() {
      status = { state: 'disconnected', willRetry: false };
      statusListeners.forEach((l) => l(status));
    },
    reconnectNow() {},
    request: async (event, payload) => JSON.parse(JSON.stringify(answer(event, payload as unknown as Record<string, number>))) as unknown,
    onEvent(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onStatus(l) {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
  };
  /** Another member posts a message: pushed like `message:new` from a server. */
  const post = (authorId: string, text: string) => {
    const seq = lastSeq() + 1;
    const m: Message = { id: `x${seq}`, clientId: `cx${seq}`, conversationId, authorId, seq, createdAt: Date.now(), text, attachments: [] };
    extra.push(m);
    listeners.forEach((l) => l('message:new', JSON.parse(JSON.stringify(m))));
  };
  return { transport, post };
}
