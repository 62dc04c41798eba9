/**
 * Where unsent messages wait. The client writes an entry before the first
 * send attempt and deletes it on ack, so a message survives a disconnect and,
 * with a persistent outbox, a page reload.
 */
import type { Attachment, ErrorInfo } from './protocol';

export interface OutboxEntry {
  readonly clientId: string;
  readonly conversationId: string;
  readonly authorId: string;
  readonly text: string;
  readonly attachments: Attachment[];
  readonly createdAt: number;
  readonly status: 'sending' | 'failed';
  readonly error?: ErrorInfo;
  readonly replyTo?: string;
  readonly parentId?: string;
  readonly alsoInConversation?: boolean;
  readonly mentions?: string[];
}

export interface Outbox {
  /** Entries of one user, oldest first. */
  load(userId: string): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(clientId: string): Promise<void>;
}

/** Keeps entries for the life of the page (SSR, Node, tests). */
export function createMemoryOutbox(): Outbox {
  const entries = new Map<string, OutboxEntry>();
  return {
    async load(userId) {
      return [...entries.values()].filter((e) => e.authorId === userId).sort((a, b) => a.createdAt - b.createdAt);
    },
    async put(entry) {
      entries.set(entry.clientId, entry);
    },
    async delete(clientId) {
      entries.delete(clientId);
    },
  };
}
