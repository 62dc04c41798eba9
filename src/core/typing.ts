/**
 * Typing state in both directions. Outbound: at most one `typing: true` per
 * throttle window, and an automatic `false` when the user pauses. Inbound:
 * each "is typing" expires on its own, so a lost `typing: false` cannot leave
 * someone typing forever.
 */
import type { Engine } from './engine';

export const TYPING_THROTTLE_MS = 3_000;
export const TYPING_IDLE_MS = 5_000;
export const TYPING_EXPIRY_MS = 6_000;

export interface TypingDeps {
  /** Tell the server this user started or stopped typing. */
  readonly send: (conversationId: string, isTyping: boolean) => void;
  /** Someone else's typing state ran out without a `typing: false`. */
  readonly expire: (conversationId: string, userId: string) => void;
  readonly now: () => number;
}

export class Typing implements Engine {
  /** When `typing: true` last went out, per conversation. */
  readonly #lastSentAt = new Map<string, number>();
  readonly #idleTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Expiry of each other user's typing state, by `conversationId NUL userId`. */
  readonly #expiryTimers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #deps: TypingDeps;

  constructor(deps: TypingDeps) {
    this.#deps = deps;
  }

  /** The user typed something in this conversation. */
  keystroke(conversationId: string): void {
    const last = this.#lastSentAt.get(conversationId);
    if (last === undefined || this.#deps.now() - last >= TYPING_THROTTLE_MS) {
      this.#lastSentAt.set(conversationId, this.#deps.now());
      this.#deps.send(conversationId, true);
    }
    clearTimeout(this.#idleTimers.get(conversationId));
    this.#idleTimers.set(conversationId, setTimeout(() => this.stopTyping(conversationId), TYPING_IDLE_MS));
  }

  /** The user sent, cleared the input, or left. */
  stopTyping(conversationId: string): void {
    clearTimeout(this.#idleTimers.get(conversationId));
    this.#idleTimers.delete(conversationId);
    if (!this.#lastSentAt.has(conversationId)) return;
    this.#lastSentAt.delete(conversationId);
    this.#deps.send(conversationId, false);
  }

  /** Another user's typing state as the server pushed it: a start expires by itself. */
  heard(conversationId: string, userId: string, isTyping: boolean): void {
    const key = `${conversationId}\u0000${userId}`;
    clearTimeout(this.#expiryTimers.get(key));
    this.#expiryTimers.delete(key);
    if (!isTyping) return;
    this.#expiryTimers.set(
      key,
      setTimeout(() => {
        this.#expiryTimers.delete(key);
        this.#deps.expire(conversationId, userId);
      }, TYPING_EXPIRY_MS),
    );
  }

  start(): void {
    // Nothing to do: typing state begins with the first keystroke or push.
  }

  online(): void {
    // Nothing to do: a keystroke made offline is not worth sending late.
  }

  offline(): void {
    // Nothing to do: others' states run out on their own timers.
  }

  stop(): void {
    for (const t of this.#idleTimers.values()) clearTimeout(t);
    for (const t of this.#expiryTimers.values()) clearTimeout(t);
    this.#idleTimers.clear();
    this.#expiryTimers.clear();
    this.#lastSentAt.clear();
  }
}
