/**
 * Where every stored message lives (id → conversation and seq), and the
 * check that holds a server to its promises: a message only in its own
 * conversation, an id only ever at one seq (two rows with one key would
 * break every list that renders them). What breaks them is reported, never stored.
 */
import { ChatError } from './errors';
import type { Message } from './protocol';

/** A conversation's stream holds its own messages, never a thread's replies. */
const conversationOf = (m: Message) => (m.parentId === undefined ? m.conversationId : undefined);

export class MessageIndex {
  /** id → seq of every message admitted, per conversation. */
  readonly #seqOfId = new Map<string, Map<string, number>>();
  readonly #report: (error: ChatError) => void;
  /** Which stream a message belongs to: its conversation (the default), or its thread's root. */
  readonly #keyOf: (m: Message) => string | undefined;

  constructor(report: (error: ChatError) => void, keyOf: (m: Message) => string | undefined = conversationOf) {
    this.#report = report;
    this.#keyOf = keyOf;
  }

  /** The messages that may be stored in `conversationId` (or a thread, by root id), in the order given. */
  admit(conversationId: string, messages: readonly Message[]): Message[] {
    let ids = this.#seqOfId.get(conversationId);
    if (!ids) this.#seqOfId.set(conversationId, (ids = new Map()));
    const out: Message[] = [];
    for (const m of messages) {
      const known = ids.get(m.id);
      const problem =
        this.#keyOf(m) !== conversationId
          ? `message ${m.id} of "${this.#keyOf(m) ?? m.conversationId}" arrived for "${conversationId}"`
          : known !== undefined && known !== m.seq
            ? `message id ${m.id} arrived at seq ${m.seq}, already seen at seq ${known}`
            : null;
      if (problem) {
        this.#report(new ChatError({ code: 'invalid_payload', message: `Dropped a message: ${problem}` }));
        continue;
      }
      ids.set(m.id, m.seq);
      out.push(m);
    }
    return out;
  }

  /** Where a stored message lives, by id, without scanning timelines. */
  locate(id: string): { conversationId: string; seq: number } | undefined {
    for (const [conversationId, ids] of this.#seqOfId) {
      const seq = ids.get(id);
      if (seq !== undefined) return { conversationId, seq };
    }
    return undefined;
  }
}
