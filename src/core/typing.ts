/**
 * Typing state in both directions. Outbound: at most one `typing: true` per
 * throttle window, and an automatic `false` when the user pauses. Inbound:
 * each "is typing" expires on its own, so a lost `typing: false` cannot leave
 * someone typing forever.
 */
export const TYPING_THROTTLE_MS = 3_000;
export const TYPING_IDLE_MS = 5_000;
export const TYPING_EXPIRY_MS = 6_000;

export class OutboundTyping {
  #lastSentAt = new Map<string, number>();
  #idleTimers = new Map<string, ReturnType<typeof setTimeout>>();

  readonly #send: (conversationId: string, isTyping: boolean) => void;
  readonly #now: () => number;

  constructor(send: (conversationId: string, isTyping: boolean) => void, now: () => number) {
    this.#send = send;
    this.#now = now;
  }

  /** The user typed something in this conversation. */
  keystroke(conversationId: string): void {
    const last = this.#lastSentAt.get(conversationId);
    if (last === undefined || this.#now() - last >= TYPING_THROTTLE_MS) {
      this.#lastSentAt.set(conversationId, this.#now());
      this.#send(conversationId, true);
    }
    clearTimeout(this.#idleTimers.get(conversationId));
    this.#idleTimers.set(conversationId, setTimeout(() => this.stop(conversationId), TYPING_IDLE_MS));
  }

  /** The user sent, cleared the input, or left. */
  stop(conversationId: string): void {
    clearTimeout(this.#idleTimers.get(conversationId));
    this.#idleTimers.delete(conversationId);
    if (!this.#lastSentAt.has(conversationId)) return;
    this.#lastSentAt.delete(conversationId);
    this.#send(conversationId, false);
  }

  dispose(): void {
    for (const t of this.#idleTimers.values()) clearTimeout(t);
    this.#idleTimers.clear();
    this.#lastSentAt.clear();
  }
}

/** Schedules removal of inbound typing entries when they expire. */
export class InboundTyping {
  #timers = new Map<string, ReturnType<typeof setTimeout>>();

  readonly #expire: (conversationId: string, userId: string) => void;

  constructor(expire: (conversationId: string, userId: string) => void) {
    this.#expire = expire;
  }

  started(conversationId: string, userId: string): void {
    const key = `${conversationId}\u0000${userId}`;
    clearTimeout(this.#timers.get(key));
    this.#timers.set(
      key,
      setTimeout(() => {
        this.#timers.delete(key);
        this.#expire(conversationId, userId);
      }, TYPING_EXPIRY_MS),
    );
  }

  stopped(conversationId: string, userId: string): void {
    const key = `${conversationId}\u0000${userId}`;
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
  }

  dispose(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
  }
}
