/**
 * Keeps each conversation's timeline (or, over threadStream.ts, each open thread's) complete and in seq order. Once the
 * conversation list (or a `conversation:updated`) names a conversation, every
 * message pushed there is kept, above the seq the server gave then (the
 * conversation's live tail), whether or not anything ever opens it. Opening
 * loads the latest page and merges it with what the tail holds; older pages
 * come on demand; any gap in seq (a lost push, a reconnect) is filled with
 * `messages:since`.
 *
 * Per conversation: a contiguous mark (every seq from the window's bottom up
 * to it is in the timeline) and, until it is opened, the floor of its tail:
 * nothing older is stored, since paging back starts at the window's bottom.
 */
import { exponentialDelay } from './backoff';
import type { Engine } from './engine';
import { ChatError, isRetryable, toChatError } from './errors';
import type { MessageIndex } from './messageIndex';
import { contiguousFrom, firstSeq, lastSeq } from './messageTimeline';
import type { Message } from './protocol';
import type { Requester } from './requests';
import { updateStore, type ChatStore } from './store';
import { conversationStream, type SyncStream } from './syncStream';

/** The wait before asking again after a `messages:since` that failed (a timeout, a busy server). */
const FILL_RETRY = { baseMs: 1_000, maxMs: 30_000 };

export interface ConversationSyncDeps {
  readonly store: ChatStore;
  readonly request: Requester;
  /** Messages per page and per `messages:since`. */
  readonly pageSize: number;
  readonly report: (error: ChatError) => void;
  /** Where stored messages live; refuses what a correct server never sends. */
  readonly index: MessageIndex;
  /** Every message that reached the store, from a push, an ack or a page. */
  readonly onAdmitted: (conversationId: string, messages: readonly Message[]) => void;
  /** What is kept in sync: conversations (the default) or threads (threadStream.ts). */
  readonly stream?: SyncStream;
}

export class ConversationSync implements Engine {
  /** Highest seq up to which the window has no holes, per followed or opened conversation. */
  readonly #contiguous = new Map<string, number>();
  /** Lowest seq the live tail of a followed conversation keeps, until it is opened. */
  readonly #tailFloor = new Map<string, number>();
  readonly #opening = new Map<string, Promise<void>>();
  readonly #loadingOlder = new Map<string, Promise<boolean>>();
  readonly #filling = new Map<string, Promise<void>>();
  readonly #refill = new Set<string>();
  readonly #retryTimers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #fillFailures = new Map<string, number>();
  readonly #store: ChatStore;
  readonly #deps: ConversationSyncDeps;
  readonly #stream: SyncStream;

  constructor(deps: ConversationSyncDeps) {
    this.#deps = deps;
    this.#store = deps.store;
    this.#stream = deps.stream ?? conversationStream;
  }

  isOpen(conversationId: string): boolean {
    return this.#history(conversationId) !== undefined;
  }

  #history = (key: string) => this.#stream.history(this.#store.getState(), key);
  #timeline = (key: string) => this.#stream.timeline(this.#store.getState(), key);

  /** Keep every message pushed to the conversation from `serverLastSeq` on (once; later calls change nothing). */
  follow(conversationId: string, serverLastSeq: number): void {
    if (this.#contiguous.has(conversationId)) return;
    this.#contiguous.set(conversationId, serverLastSeq);
    this.#tailFloor.set(conversationId, serverLastSeq + 1);
    // Pushes kept while the first page loads may already reach past the mark.
    this.#advance(conversationId);
    this.#checkGap(conversationId);
  }

  /** The server says the conversation reaches `serverLastSeq`: follow it, or fetch what it lacks. */
  catchUp(conversationId: string, serverLastSeq: number): void {
    const mark = this.#contiguous.get(conversationId);
    if (mark === undefined) this.follow(conversationId, serverLastSeq);
    else if (serverLastSeq > mark) void this.fill(conversationId);
  }

  /** Load the latest page once; later calls share the same promise. */
  open(conversationId: string): Promise<void> {
    if (this.#history(conversationId)?.status === 'ready') return Promise.resolve();
    const existing = this.#opening.get(conversationId);
    if (existing) return existing;
    updateStore(this.#store, (s) =>
      this.#stream.open(s, conversationId, { status: 'loading', hasOlder: false, loadingOlder: false }),
    );
    const run = this.#stream
      .before(this.#deps.request, conversationId, Number.MAX_SAFE_INTEGER, this.#deps.pageSize)
      .then(({ messages, hasMore }) => this.#mergeLatestPage(conversationId, messages, hasMore))
      .catch((err: unknown) => {
        const error = toChatError(err);
        updateStore(this.#store, (s) =>
          this.#stream.patchHistory(s, conversationId, { status: 'error', error: { code: error.code, message: error.message } }),
        );
        throw error;
      })
      .finally(() => this.#opening.delete(conversationId));
    this.#opening.set(conversationId, run);
    return run;
  }

  /**
   * The latest page joins what the tail (or pushes during the load) brought. A page
   * that reaches down to the contiguous mark moves it to the page's top and on over
   * whatever follows without a hole (a page older than the mark moves it down to its
   * top); a page above a hole leaves the mark, and the fill closes the hole.
   */
  #mergeLatestPage(conversationId: string, messages: readonly Message[], hasMore: boolean): void {
    this.#acceptPage(conversationId, messages);
    const tailFloor = this.#tailFloor.get(conversationId);
    this.#tailFloor.delete(conversationId);
    const mark = this.#contiguous.get(conversationId);
    const timeline = this.#timeline(conversationId);
    if (mark === undefined || (messages[0]?.seq ?? 1) <= mark + 1) {
      const top = messages[messages.length - 1]?.seq ?? 0;
      this.#contiguous.set(conversationId, timeline ? contiguousFrom(timeline, top) : top);
    }
    // Pushes older than the page and the tail would leave a hole under the window
    // that paging back (from the window's bottom) could never fill.
    const bottom = messages[0]?.seq;
    if (hasMore && bottom !== undefined) {
      const keepFrom = Math.min(bottom, tailFloor ?? bottom);
      updateStore(this.#store, (s) => this.#stream.dropBelow(s, conversationId, keepFrom));
    }
    updateStore(this.#store, (s) =>
      this.#stream.patchHistory(s, conversationId, { status: 'ready', hasOlder: hasMore, error: undefined }),
    );
    this.#advance(conversationId);
    this.#checkGap(conversationId);
  }

  /**
   * One older page; resolves once it is in the store (false when the start of the
   * conversation was already loaded). A call while a page is on its way shares it.
   */
  loadOlder(conversationId: string): Promise<boolean> {
    const running = this.#loadingOlder.get(conversationId);
    if (running) return running;
    const run = this.#loadOlderPage(conversationId).finally(() => this.#loadingOlder.delete(conversationId));
    this.#loadingOlder.set(conversationId, run);
    return run;
  }

  async #loadOlderPage(conversationId: string): Promise<boolean> {
    await this.open(conversationId);
    const history = this.#history(conversationId);
    if (!history || !history.hasOlder) return false;
    const timeline = this.#timeline(conversationId);
    const oldest = timeline ? firstSeq(timeline) : undefined;
    if (oldest === undefined) return false;
    updateStore(this.#store, (s) => this.#stream.patchHistory(s, conversationId, { loadingOlder: true }));
    try {
      const { messages, hasMore } = await this.#stream.before(this.#deps.request, conversationId, oldest, this.#deps.pageSize);
      this.#acceptPage(conversationId, messages);
      updateStore(this.#store, (s) => this.#stream.patchHistory(s, conversationId, { loadingOlder: false, hasOlder: hasMore }));
      return messages.length > 0;
    } catch (err) {
      updateStore(this.#store, (s) => this.#stream.patchHistory(s, conversationId, { loadingOlder: false }));
      throw toChatError(err);
    }
  }

  /**
   * Messages from a push or an ack: store them, then look for holes. Nothing
   * below the window's floor is stored (only the conversation summary sees it).
   * Returns how many were admitted (the rest were refused and reported).
   */
  accept(conversationId: string, messages: readonly Message[], fromServerPush: boolean): number {
    const admitted = this.#admit(conversationId, messages);
    if (admitted.length === 0) return 0;
    const followed = this.#contiguous.has(conversationId);
    const floorSeq = this.#floor(conversationId);
    updateStore(this.#store, (s) =>
      this.#stream.apply(s, conversationId, admitted, fromServerPush, { floorSeq, create: followed }),
    );
    if (followed) {
      this.#advance(conversationId);
      this.#checkGap(conversationId);
    }
    return admitted.length;
  }

  /** The lowest seq a push may add: the window's bottom while older history exists, the tail's floor before opening. */
  #floor(conversationId: string): number | undefined {
    const h = this.#history(conversationId);
    if (h?.status !== 'ready') return this.#tailFloor.get(conversationId);
    const timeline = this.#timeline(conversationId);
    return h.hasOlder && timeline ? firstSeq(timeline) : undefined;
  }

  /** A page of history (`messages:before`): extends the window downwards. */
  #acceptPage(conversationId: string, messages: readonly Message[]): void {
    const admitted = this.#admit(conversationId, messages);
    if (admitted.length === 0) return;
    updateStore(this.#store, (s) => this.#stream.apply(s, conversationId, admitted, false));
    this.#advance(conversationId);
  }

  #admit(conversationId: string, messages: readonly Message[]): Message[] {
    const admitted = this.#deps.index.admit(conversationId, messages);
    if (admitted.length > 0) this.#deps.onAdmitted(conversationId, admitted);
    return admitted;
  }

  start(): void {
    // Nothing to do: following begins with the conversation list.
  }

  /** After a (re)connect: fetch whatever every open conversation missed (followed ones catch up from the list). */
  online(): void {
    for (const id of this.#stream.opened(this.#store.getState())) {
      const h = this.#history(id);
      if (h?.status === 'ready') void this.fill(id);
      else if (h?.status === 'error') void this.open(id).catch(this.#deps.report);
    }
  }

  /** Move the contiguous mark over messages that are now present. */
  #advance(conversationId: string): void {
    const mark = this.#contiguous.get(conversationId);
    const timeline = this.#timeline(conversationId);
    if (mark === undefined || !timeline || (lastSeq(timeline) ?? 0) <= mark) return;
    this.#contiguous.set(conversationId, contiguousFrom(timeline, mark));
  }

  #checkGap(conversationId: string): void {
    const mark = this.#contiguous.get(conversationId);
    const timeline = this.#timeline(conversationId);
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
        const { messages, hasMore } = await this.#stream.since(this.#deps.request, conversationId, after, this.#deps.pageSize);
        const admitted = this.#admit(conversationId, messages);
        updateStore(this.#store, (s) => this.#stream.apply(s, conversationId, admitted, false, { create: true }));
        const top = messages[messages.length - 1]?.seq ?? after;
        this.#contiguous.set(conversationId, Math.max(after, top));
        this.#advance(conversationId);
        if (!hasMore) break;
      }
      this.#fillFailures.delete(conversationId);
    })()
      .catch((err: unknown) => {
        const error = toChatError(err);
        // A lost link is retried by the resync after reconnecting.
        if (error.code === 'disconnected') return;
        if (isRetryable(error.code)) this.#retryLater(conversationId);
        else this.#deps.report(error);
      })
      .finally(() => {
        this.#filling.delete(conversationId);
        if (this.#refill.delete(conversationId)) this.#checkGap(conversationId);
      });
    this.#filling.set(conversationId, run);
    return run;
  }

  #retryLater(conversationId: string): void {
    const failures = this.#fillFailures.get(conversationId) ?? 0;
    this.#fillFailures.set(conversationId, failures + 1);
    clearTimeout(this.#retryTimers.get(conversationId));
    this.#retryTimers.set(
      conversationId,
      setTimeout(() => {
        this.#retryTimers.delete(conversationId);
        void this.fill(conversationId);
      }, exponentialDelay(failures, FILL_RETRY)),
    );
  }

  offline(): void {
    // Nothing to do: a fill cut by the lost link is asked again by online().
  }

  stop(): void {
    for (const t of this.#retryTimers.values()) clearTimeout(t);
    this.#retryTimers.clear();
  }
}
