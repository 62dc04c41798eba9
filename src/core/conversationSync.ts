/**
 * Keeps each open conversation's timeline complete and in seq order: loads
 * the latest page when a conversation is opened, older pages on demand, and
 * fills any gap in seq (a lost push, a reconnect) with `messages:since`.
 */
import { ChatError, isRetryable, toChatError } from './errors';

export { toChatError };
import { firstSeq, lastSeq } from './messageTimeline';
import type { Message } from './protocol';
import type { Requester } from './requests';
import { updateStore, type ChatStore } from './store';
import { applyMessages, dropMessagesBelow, openTimeline, patchHistory } from './storeUpdates';

/** Wait before asking again after a `messages:since` that timed out. */
const FILL_RETRY_MS = 1_000;

export class ConversationSync {
  /** Highest seq up to which the loaded window has no holes, per conversation. */
  readonly #contiguous = new Map<string, number>();
  readonly #opening = new Map<string, Promise<void>>();
  readonly #filling = new Map<string, Promise<void>>();
  readonly #refill = new Set<string>();
  /** id → seq of every message seen, per conversation. */
  readonly #seqOfId = new Map<string, Map<string, number>>();
  readonly #retryTimers = new Map<string, ReturnType<typeof setTimeout>>();

  readonly #store: ChatStore;
  readonly #request: Requester;
  readonly #pageSize: number;
  readonly #report: (error: ChatError) => void;
  /** Every message that reached the store, from a push, an ack or a page. */
  readonly #onAdmitted: (conversationId: string, messages: readonly Message[]) => void;

  constructor(
    store: ChatStore,
    request: Requester,
    pageSize: number,
    report: (error: ChatError) => void,
    onAdmitted: (conversationId: string, messages: readonly Message[]) => void = () => undefined,
  ) {
    this.#store = store;
    this.#request = request;
    this.#pageSize = pageSize;
    this.#report = report;
    this.#onAdmitted = onAdmitted;
  }

  isOpen(conversationId: string): boolean {
    return this.#store.getState().history[conversationId] !== undefined;
  }

  /** Load the latest page once; later calls share the same promise. */
  open(conversationId: string): Promise<void> {
    const state = this.#store.getState();
    if (state.history[conversationId]?.status === 'ready') return Promise.resolve();
    const existing = this.#opening.get(conversationId);
    if (existing) return existing;
    updateStore(this.#store, (s) =>
      openTimeline(s, conversationId, { status: 'loading', hasOlder: false, loadingOlder: false }),
    );
    const run = this.#request('messages:before', {
      conversationId,
      beforeSeq: Number.MAX_SAFE_INTEGER,
      limit: this.#pageSize,
    })
      .then(({ messages, hasMore }) => {
        this.#acceptPage(conversationId, messages);
        // Pushes that arrived while the page loaded and are older than it would
        // leave a hole below the page that paging back could never fill.
        const bottom = messages[0]?.seq;
        if (hasMore && bottom !== undefined) updateStore(this.#store, (s) => dropMessagesBelow(s, conversationId, bottom));
        const top = messages[messages.length - 1]?.seq ?? 0;
        this.#contiguous.set(conversationId, Math.max(this.#contiguous.get(conversationId) ?? 0, top));
        updateStore(this.#store, (s) => patchHistory(s, conversationId, { status: 'ready', hasOlder: hasMore, error: undefined }));
        // Pushes that arrived while the page was loading may sit above a hole.
        this.#checkGap(conversationId);
      })
      .catch((err: unknown) => {
        const error = toChatError(err);
        updateStore(this.#store, (s) => patchHistory(s, conversationId, { status: 'error', error: { code: error.code, message: error.message } }));
        throw error;
      })
      .finally(() => this.#opening.delete(conversationId));
    this.#opening.set(conversationId, run);
    return run;
  }

  /** One older page; resolves false when the start of the conversation was already loaded. */
  async loadOlder(conversationId: string): Promise<boolean> {
    await this.open(conversationId);
    const history = this.#store.getState().history[conversationId];
    if (!history || !history.hasOlder) return false;
    if (history.loadingOlder) return true;
    const timeline = this.#store.getState().messages[conversationId];
    const oldest = timeline ? firstSeq(timeline) : undefined;
    if (oldest === undefined) return false;
    updateStore(this.#store, (s) => patchHistory(s, conversationId, { loadingOlder: true }));
    try {
      const { messages, hasMore } = await this.#request('messages:before', {
        conversationId,
        beforeSeq: oldest,
        limit: this.#pageSize,
      });
      this.#acceptPage(conversationId, messages);
      updateStore(this.#store, (s) => patchHistory(s, conversationId, { loadingOlder: false, hasOlder: hasMore }));
      return messages.length > 0;
    } catch (err) {
      updateStore(this.#store, (s) => patchHistory(s, conversationId, { loadingOlder: false }));
      throw toChatError(err);
    }
  }

  /**
   * Messages from a push or an ack: store them, then look for holes. While
   * older history exists, nothing below the loaded window is stored (only the
   * conversation summary sees it): paging back starts at the window's bottom.
   * Returns how many were admitted (the rest were refused and reported).
   */
  accept(conversationId: string, messages: readonly Message[], fromServerPush: boolean): number {
    const admitted = this.#admit(conversationId, messages);
    if (admitted.length === 0) return 0;
    const history = this.#store.getState().history[conversationId];
    const timeline = this.#store.getState().messages[conversationId];
    const floor = history?.status === 'ready' && history.hasOlder && timeline ? firstSeq(timeline) : undefined;
    updateStore(this.#store, (s) => applyMessages(s, conversationId, admitted, fromServerPush, floor));
    if (this.isOpen(conversationId)) {
      this.#advance(conversationId);
      this.#checkGap(conversationId);
    }
    return admitted.length;
  }

  /** A page of history (`messages:before`): extends the window downwards. */
  #acceptPage(conversationId: string, messages: readonly Message[]): void {
    const admitted = this.#admit(conversationId, messages);
    if (admitted.length === 0) return;
    updateStore(this.#store, (s) => applyMessages(s, conversationId, admitted, false));
    this.#advance(conversationId);
  }

  /**
   * Drop what a correct server never sends: another conversation's message
   * in this one's page, or an id already seen at another seq (it would give
   * two rows one key). Reported, never stored.
   */
  #admit(conversationId: string, messages: readonly Message[]): Message[] {
    let ids = this.#seqOfId.get(conversationId);
    if (!ids) this.#seqOfId.set(conversationId, (ids = new Map()));
    const out: Message[] = [];
    for (const m of messages) {
      const known = ids.get(m.id);
      const problem =
        m.conversationId !== conversationId
          ? `message ${m.id} of conversation "${m.conversationId}" arrived for "${conversationId}"`
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
    if (out.length > 0) this.#onAdmitted(conversationId, out);
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

  /** The server says the conversation reaches `serverLastSeq`: fetch what an open one lacks. */
  catchUp(conversationId: string, serverLastSeq: number): void {
    if (this.#store.getState().history[conversationId]?.status !== 'ready') return;
    const mark = this.#contiguous.get(conversationId);
    if (mark !== undefined && serverLastSeq > mark) void this.fill(conversationId);
  }

  /** After a reconnect: fetch whatever every open conversation missed. */
  resyncAll(): void {
    for (const id of Object.keys(this.#store.getState().history)) {
      const h = this.#store.getState().history[id];
      if (h?.status === 'ready') void this.fill(id);
      else if (h?.status === 'error') void this.open(id).catch(this.#report);
    }
  }

  /** Move the contiguous mark over messages that are now present. */
  #advance(conversationId: string): void {
    const mark = this.#contiguous.get(conversationId);
    const timeline = this.#store.getState().messages[conversationId];
    if (mark === undefined || !timeline) return;
    const top = lastSeq(timeline) ?? 0;
    if (top <= mark) return;
    // Walking the newest messages backwards is enough: holes are rare and recent.
    let seq = mark;
    const present = new Set<number>();
    for (let c = timeline.chunks.length - 1; c >= 0; c--) {
      const chunk = timeline.chunks[c]!;
      let done = false;
      for (let i = chunk.length - 1; i >= 0; i--) {
        if (chunk[i]!.seq <= mark) {
          done = true;
          break;
        }
        present.add(chunk[i]!.seq);
      }
      if (done) break;
    }
    while (present.has(seq + 1)) seq++;
    this.#contiguous.set(conversationId, seq);
  }

  #checkGap(conversationId: string): void {
    const mark = this.#contiguous.get(conversationId);
    const timeline = this.#store.getState().messages[conversationId];
    if (mark === undefined || !timeline) return;
    if ((lastSeq(timeline) ?? 0) > mark) void this.fill(conversationId);
  }

  /** `messages:since` from the contiguous mark until the server has no more. */
  fill(conversationId: string): Promise<void> {
    const running = this.#filling.get(conversationId);
    if (running) {
      this.#refill.add(conversationId);
      return running;
    }
    const run = (async () => {
      for (;;) {
        const after = this.#contiguous.get(conversationId) ?? 0;
        const { messages, hasMore } = await this.#request('messages:since', {
          conversationId,
          afterSeq: after,
          limit: this.#pageSize,
        });
        const admitted = this.#admit(conversationId, messages);
        updateStore(this.#store, (s) => applyMessages(s, conversationId, admitted, false));
        const top = messages[messages.length - 1]?.seq ?? after;
        this.#contiguous.set(conversationId, Math.max(after, top));
        this.#advance(conversationId);
        if (!hasMore) break;
      }
    })()
      .catch((err: unknown) => {
        const error = toChatError(err);
        // A lost link is retried by the resync after reconnecting.
        if (error.code === 'disconnected') return;
        if (isRetryable(error.code)) this.#retryLater(conversationId);
        else this.#report(error);
      })
      .finally(() => {
        this.#filling.delete(conversationId);
        if (this.#refill.delete(conversationId)) this.#checkGap(conversationId);
      });
    this.#filling.set(conversationId, run);
    return run;
  }

  #retryLater(conversationId: string): void {
    clearTimeout(this.#retryTimers.get(conversationId));
    this.#retryTimers.set(
      conversationId,
      setTimeout(() => {
        this.#retryTimers.delete(conversationId);
        void this.fill(conversationId);
      }, FILL_RETRY_MS),
    );
  }

  dispose(): void {
    for (const t of this.#retryTimers.values()) clearTimeout(t);
    this.#retryTimers.clear();
  }
}

