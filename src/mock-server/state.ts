/**
 * The server's data: users and conversations with their logs and read state.
 * Lookups only; rules (membership, ownership) live in the request handlers.
 */
import type { ConversationKind, User } from '../core/protocol';
import { ConversationLog } from './conversationLog';
import type { ThreadLog } from './threadLog';
import { TokenStore, type TokenStoreOptions } from './tokens';
import type { ConversationInit, StoredMessage } from './types';

export interface ConversationRecord {
  readonly id: string;
  readonly kind: ConversationKind;
  readonly title: string;
  /** Replaced (never mutated in place) when members are added or removed (admin API). */
  memberIds: readonly string[];
  readonly members: Set<string>;
  readonly createdAt: number;
  updatedAt: number;
  readonly log: ConversationLog;
  /** Last read seq per member; only ever moves forward. */
  readonly readSeqs: Map<string, number>;
  /** Newest seq that reached each member's client; only moves forward, never below their read seq. */
  readonly deliveredSeqs: Map<string, number>;
  /** `authorId \n clientId` → seq, so a resent message is stored once. */
  readonly sentByClientId: Map<string, number>;
  /** Pinned message ids, oldest pin first; replaced, never mutated in place. */
  pinnedIds: readonly string[];
  /** Message id → who pinned it (they may unpin it, besides its author and an admin). */
  readonly pinnedBy: Map<string, string>;
  /** Members who may unpin anything (the group's creator). */
  readonly adminIds: ReadonlySet<string>;
  /** Root message id → its thread (threadLog.ts). */
  readonly threads: Map<string, ThreadLog>;
}

function atLeastRead(delivered: ReadonlyMap<string, number>, read: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map(delivered);
  for (const [userId, seq] of read) if (seq > (out.get(userId) ?? 0)) out.set(userId, seq);
  return out;
}

/** Message ids are `m_<conversationId>_<seq>`: a lookup needs no global index. */
export function messageId(conversationId: string, seq: number): string {
  return `m_${conversationId}_${seq}`;
}

/** Thread replies are `t_<conversationId>_<root seq>.<thread seq>`: never a conversation message's id, found the same way. */
export function threadReplyId(conversationId: string, rootSeq: number, seq: number): string {
  return `t_${conversationId}_${rootSeq}.${seq}`;
}

/** What `findMessage` finds: the message, its conversation, and for a thread reply its thread. */
export interface FoundMessage {
  readonly conversation: ConversationRecord;
  readonly message: StoredMessage;
  readonly thread?: ThreadLog;
}

export class ServerData {
  readonly users = new Map<string, User>();
  readonly conversations = new Map<string, ConversationRecord>();
  /** Who each token belongs to: issued ones (admin API) and, where on, the demo `<id>-token`. */
  readonly tokens: TokenStore;

  constructor(users: readonly User[], conversations: readonly ConversationInit[], tokens: TokenStoreOptions) {
    this.tokens = new TokenStore(tokens);
    for (const user of users) this.users.set(user.id, user);
    for (const init of conversations) this.addConversation(init);
  }

  addConversation(init: ConversationInit): ConversationRecord {
    const log = new ConversationLog(init.history);
    const record: ConversationRecord = {
      id: init.id,
      kind: init.kind,
      title: init.title,
      memberIds: [...init.memberIds],
      members: new Set(init.memberIds),
      createdAt: init.createdAt,
      updatedAt: log.get(log.lastSeq)?.createdAt ?? init.createdAt,
      log,
      readSeqs: new Map(init.readSeqs),
      deliveredSeqs: atLeastRead(init.deliveredSeqs ?? init.readSeqs, init.readSeqs),
      sentByClientId: new Map(),
      pinnedIds: [],
      pinnedBy: new Map(),
      adminIds: new Set(init.adminIds ?? []),
      threads: new Map(),
    };
    this.conversations.set(init.id, record);
    return record;
  }

  conversation(id: string): ConversationRecord | undefined {
    return this.conversations.get(id);
  }

  conversationsOf(userId: string): ConversationRecord[] {
    return [...this.conversations.values()].filter((c) => c.members.has(userId));
  }

  /** Everyone who shares at least one conversation with `userId` (not `userId` itself). */
  contactsOf(userId: string): Set<string> {
    const contacts = new Set<string>();
    for (const conversation of this.conversations.values()) {
      if (!conversation.members.has(userId)) continue;
      for (const id of conversation.memberIds) if (id !== userId) contacts.add(id);
    }
    return contacts;
  }

  /** A conversation message (`m_…`) or a thread reply (`t_…`, with its thread), by id alone. */
  findMessage(id: string): FoundMessage | undefined {
    const cut = id.lastIndexOf('_');
    if (cut < 2 || (!id.startsWith('m_') && !id.startsWith('t_'))) return undefined;
    const conversation = this.conversations.get(id.slice(2, cut));
    if (!conversation) return undefined;
    const place = /^([1-9]\d{0,15})(?:\.([1-9]\d{0,15}))?$/.exec(id.slice(cut + 1));
    if (!place || (id[0] === 't') !== (place[2] !== undefined)) return undefined;
    const root = conversation.log.get(Number(place[1]));
    if (!root) return undefined;
    if (place[2] === undefined) return root.id === id ? { conversation, message: root } : undefined;
    const thread = conversation.threads.get(root.id);
    const reply = thread?.get(Number(place[2]));
    return thread && reply && reply.id === id ? { conversation, message: reply, thread } : undefined;
  }
}
