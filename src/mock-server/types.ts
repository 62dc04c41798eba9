/**
 * Internal shapes of the mock server. Stored messages are treated as
 * immutable: an edit or a reaction replaces the object in the log, so a value
 * handed out once can never change under its holder.
 */
import type { Attachment, ConversationKind, ErrorInfo, Message, ServerEvent } from '../core/protocol';

/** A message as the server keeps it: the wire `Message`, read-only, with its reactions in a Map. */
export interface StoredMessage extends Readonly<Omit<Message, 'attachments' | 'reactions' | 'kind'>> {
  readonly attachments: readonly Attachment[];
  /** emoji → user ids; a Map so a `__proto__` emoji is just another key. */
  readonly reactions?: ReadonlyMap<string, readonly string[]>;
  readonly kind?: 'system';
}

/**
 * A conversation history whose messages are computed on demand from
 * (seed, conversation, seq), so a 10 000-message archive costs nothing until
 * someone pages through it.
 */
export interface LazyHistory {
  readonly count: number;
  messageAt(seq: number): StoredMessage;
  /** Cheaper than `messageAt(seq).authorId`: used to count unread messages. */
  authorAt(seq: number): string;
  isSystemAt(seq: number): boolean;
}

/** Why the server cut a session; `retry` tells the transport whether to come back. */
export interface DropReason {
  readonly retry: boolean;
  readonly error: ErrorInfo;
}

/** An attached connection of one user, as transports see it: an opaque handle. */
export interface ServerSession {
  readonly id: string;
  readonly userId: string;
}

export type Deliver = (event: ServerEvent, payload: unknown) => void;

export interface SessionCallbacks {
  /** Server → client push. Called synchronously; the transport schedules delivery. */
  deliver: Deliver;
  /** The server closed this session (user cut off, restart, dispose). */
  drop(reason: DropReason): void;
}

export interface ConversationInit {
  readonly id: string;
  readonly kind: ConversationKind;
  readonly title: string;
  readonly memberIds: readonly string[];
  readonly createdAt: number;
  readonly history: LazyHistory | null;
  readonly readSeqs: ReadonlyMap<string, number>;
  /** Newest seq that reached each member's client; defaults to `readSeqs` (reading implies delivery). */
  readonly deliveredSeqs?: ReadonlyMap<string, number>;
  /** Members who may unpin any message (a group's creator). */
  readonly adminIds?: readonly string[];
}
