/**
 * Keeps each open conversation's timeline complete and in seq order: loads
 * the latest page when a conversation is opened, older pages on demand, and
 * fills any gap in seq (a lost push, a reconnect) with `messages:since`.
 */
import { ChatError, isRetryable } from './errors';
import { firstSeq, lastSeq } from './messageTimeline';
import type { Message } from './protocol';
import type { Requester } from './requests';
import type { ChatStore } from './store';
import { applyMessages, openTimeline, patchHistory } from './storeUpdates';

/** Wait before asking again after a `messages:since` that timed out. */
const FILL_RETRY_MS = 1_000;

export class ConversationSync {
  /** Highest seq up to which the loaded window has no holes, per conversation. */
  private readonly contiguous = new Map<string, number>();
  private readonly opening = new Map<string, Promise<void>>();
  private readonly filling = new Map<string, Promise<void>>();
  private readonly refill = new Set<string>();
  private readonly retryTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly store: ChatStore,
    private readonly request: Requester,
    private readonly pageSize: number,
    private readonly report: (error: ChatError) => void,
  ) {}

  isOpen(conversationId: string): boolean {
    return this.store.getState().history[conversationId] !== undefined;
  }

  /** Load the latest page once; later calls share the same promise. */
  open(conversationId: string): Promise<void> {
    const state = this.store.getState();
    if (state.history[conversationId]?.status === 'ready') return Promise.resolve();
    const existing = this.opening.get(conversationId);
    if (existing) return existing;
    this.store.setState((s) =>
      openTimeline(s, conversationId, { status: 'loading', hasOlder: false, loadingOlder: false }),
    );
    const run = this.request('messages:before', {
      conversationId,
      beforeSeq: Number.MAX_SAFE_INTEGER,
      limit: this.pageSize,
    })
      .then(({ messages, hasMore }) => {
        this.accept(conversationId, messages, false);
        const top = messages[messages.length - 1]?.seq ?? 0;
        this.contiguous.set(conversationId, Math.max(this.contiguous.get(conversationId) ?? 0, top));
        this.store.setState((s) => patchHistory(s, conversationId, { status: 'ready', hasOlder: hasMore, error: undefined }));
        // Pushes that arrived while the page was loading may sit above a hole.
        this.checkGap(conversationId);
      })
      .catch((err: unknown) => {
        const error = toChatError(err);
        this.store.setState((s) => patchHistory(s, conversationId, { status: 'error', error: { code: error.code, message: error.message } }));
        throw error;
      })
      .finally(() => this.opening.delete(conversationId));
    this.opening.set(conversationId, run);
    return run;
  }

  /** One older page; resolves false when the start of the conversation was already loaded. */
  async loadOlder(conversationId: string): Promise<boolean> {
    await this.open(conversationId);
    const history = this.store.getState().history[conversationId];
    if (!history || !history.hasOlder) return false;
    if (history.loadingOlder) return true;
    const timeline = this.store.getState().messages[conversationId];
    const oldest = timeline ? firstSeq(timeline) : undefined;
    if (oldest === undefined) return false;
    this.store.setState((s) => patchHistory(s, conversationId, { loadingOlder: true }));
    try {
      const { messages, hasMore } = await this.request('messages:before', {
        conversationId,
        beforeSeq: oldest,
        limit: this.pageSize,
      });
      this.accept(conversationId, messages, false);
      this.store.setState((s) => patchHistory(s, conversationId, { loadingOlder: false, hasOlder: hasMore }));
      return messages.length > 0;
    } catch (err) {
      this.store.setState((s) => patchHistory(s, conversationId, { loadingOlder: false }));
      throw toChatError(err);
    }
  }

  /** Messages from a push, an ack or a page: store them, then look for holes. */
  accept(conversationId: string, messages: readonly Message[], fromServerPush: boolean): void {
    if (messages.length === 0) return;
    this.store.setState((s) => applyMessages(s, conversationId, messages, fromServerPush));
    if (!this.isOpen(conversationId)) return;
    this.advance(conversationId);
    this.checkGap(conversationId);
  }

  /** After a reconnect: fetch whatever every open conversation missed. */
  resyncAll(): void {
    for (const id of Object.keys(this.store.getState().history)) {
      const h = this.store.getState().history[id];
      if (h?.status === 'ready') void this.fill(id);
      else if (h?.status === 'error') void this.open(id).catch(this.report);
    }
  }

  /** Move the contiguous mark over messages that are now present. */
  private advance(conversationId: string): void {
    const mark = this.contiguous.get(conversationId);
    const timeline = this.store.getState().messages[conversationId];
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
    this.contiguous.set(conversationId, seq);
  }

  private checkGap(conversationId: string): void {
    const mark = this.contiguous.get(conversationId);
    const timeline = this.store.getState().messages[conversationId];
    if (mark === undefined || !timeline) return;
    if ((lastSeq(timeline) ?? 0) > mark) void this.fill(conversationId);
  }

  /** `messages:since` from the contiguous mark until the server has no more. */
  fill(conversationId: string): Promise<void> {
    const running = this.filling.get(conversationId);
    if (running) {
      this.refill.add(conversationId);
      return running;
    }
    const run = (async () => {
      for (;;) {
        const after = this.contiguous.get(conversationId) ?? 0;
        const { messages, hasMore } = await this.request('messages:since', {
          conversationId,
          afterSeq: after,
          limit: this.pageSize,
        });
        this.store.setState((s) => applyMessages(s, conversationId, messages, false));
        const top = messages[messages.length - 1]?.seq ?? after;
        this.contiguous.set(conversationId, Math.max(after, top));
        this.advance(conversationId);
        if (!hasMore) break;
      }
    })()
      .catch((err: unknown) => {
        const error = toChatError(err);
        // A lost link is retried by the resync after reconnecting.
        if (error.code === 'disconnected') return;
        if (isRetryable(error.code)) this.retryLater(conversationId);
        else this.report(error);
      })
      .finally(() => {
        this.filling.delete(conversationId);
        if (this.refill.delete(conversationId)) this.checkGap(conversationId);
      });
    this.filling.set(conversationId, run);
    return run;
  }

  private retryLater(conversationId: string): void {
    clearTimeout(this.retryTimers.get(conversationId));
    this.retryTimers.set(
      conversationId,
      setTimeout(() => {
        this.retryTimers.delete(conversationId);
        void this.fill(conversationId);
      }, FILL_RETRY_MS),
    );
  }

  dispose(): void {
    for (const t of this.retryTimers.values()) clearTimeout(t);
    this.retryTimers.clear();
  }
}

export function toChatError(err: unknown): ChatError {
  return err instanceof ChatError ? err : new ChatError({ code: 'internal', message: String(err) });
}
