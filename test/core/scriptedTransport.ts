/** A Transport answered by a test's own handler: for acks and pushes a real server would never send. */
import type { Transport, TransportStatus } from '../../src/core/transport';

export type Handler = (event: string, payload: unknown) => unknown;

export class ScriptedTransport implements Transport {
  status: TransportStatus = { state: 'disconnected', willRetry: false };
  readonly sent: { event: string; payload: unknown }[] = [];
  private eventListeners = new Set<(event: string, payload: unknown) => void>();
  private statusListeners = new Set<(status: TransportStatus) => void>();

  constructor(private handler: Handler) {}

  connect(): void {
    this.setStatus({ state: 'connected' });
  }
  disconnect(): void {
    this.setStatus({ state: 'disconnected', willRetry: false });
  }
  reconnectNow(): void {}
  async request(event: string, payload: unknown): Promise<unknown> {
    this.sent.push({ event, payload });
    await Promise.resolve();
    return this.handler(event, payload);
  }
  onEvent(listener: (event: string, payload: unknown) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }
  onStatus(listener: (status: TransportStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }
  push(event: string, payload: unknown): void {
    for (const l of this.eventListeners) l(event, payload);
  }
  setStatus(status: TransportStatus): void {
    this.status = status;
    for (const l of this.statusListeners) l(status);
  }
}

export const conversation = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'group',
  title: id,
  memberIds: ['alice', 'bob'],
  lastSeq: 0,
  lastMessage: null,
  readSeqs: {},
  unreadCount: 0,
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});

export const message = (seq: number, extra: Record<string, unknown> = {}) => ({
  id: `m${seq}`,
  clientId: `c${seq}`,
  conversationId: 'general',
  authorId: 'bob',
  seq,
  createdAt: 1000 + seq,
  text: `hello ${seq}`,
  attachments: [],
  ...extra,
});

/** A handler for a server with one conversation holding `log`. */
export function simpleServer(log: ReturnType<typeof message>[]): Handler {
  return (event, payload) => {
    const p = payload as Record<string, number>;
    switch (event) {
      case 'conversations:list':
        return { ok: true, conversations: [conversation('general', { lastSeq: log.length })], users: [] };
      case 'messages:before':
        return { ok: true, messages: log.filter((m) => m.seq < p.beforeSeq!).slice(-(p.limit ?? 50)), hasMore: false };
      case 'messages:since':
        return { ok: true, messages: log.filter((m) => m.seq > p.afterSeq!), hasMore: false };
      default:
        return { ok: true };
    }
  };
}
