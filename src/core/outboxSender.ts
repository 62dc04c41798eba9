/**
 * Sends outbox entries one at a time, in the order they were written, so
 * a user's messages reach the server in the order they were typed. Sending
 * the same clientId again is safe (the server answers a resend with the first
 * stored message), which is what makes retry after a lost ack exactly-once.
 */
import { jitteredDelay } from './backoff';
import type { Engine } from './engine';
import { ChatError, isRetryable, safeString, toChatError } from './errors';
import type { Message } from './protocol';
import type { Outbox, OutboxEntry } from './outbox';
import type { Requester } from './requests';

export interface RetryPolicy {
  /** Attempts that may time out or fail before the message is marked failed. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 15_000 };
/** A server that answers "wait 0 ms" again and again must not turn the outbox into a busy loop. */
const MIN_RATE_LIMIT_WAIT_MS = 100;

export interface OutboxSenderHooks {
  /** Whose entries a persistent outbox holds from an earlier page load. */
  readonly userId: string;
  isOnline(): boolean;
  /** The server stored the message; false when its ack was refused as inconsistent. */
  onStored(entry: OutboxEntry, message: Message): boolean;
  /** The entry's visible state changed (sending again, or failed), or it was found in the outbox. */
  onChanged(entry: OutboxEntry): void;
  random(): number;
  /** A problem the user of the client should hear about (a broken ack). */
  report(error: ChatError): void;
}

interface Waiter {
  resolve(message: Message): void;
  reject(error: ChatError): void;
}

export class OutboxSender implements Engine {
  #queue: OutboxEntry[] = [];
  readonly #waiters = new Map<string, Waiter[]>();
  #pumping = false;
  #stopped = false;
  /** Unsent messages from an earlier page load, read once, on the first start. */
  #restoring: Promise<void> | undefined;
  #wakeTimer: ReturnType<typeof setTimeout> | undefined;
  #wake: (() => void) | undefined;

  readonly #request: Requester;
  readonly #outbox: Outbox;
  readonly #hooks: OutboxSenderHooks;
  readonly #policy: RetryPolicy;

  constructor(request: Requester, outbox: Outbox, hooks: OutboxSenderHooks, policy: RetryPolicy = DEFAULT_RETRY) {
    this.#request = request;
    this.#outbox = outbox;
    this.#hooks = hooks;
    this.#policy = policy;
  }

  /** Queue an entry (already shown as pending); resolves when the server stores it. */
  async enqueue(entry: OutboxEntry): Promise<Message> {
    const result = this.waitFor(entry.clientId);
    await this.#outbox.put(entry);
    this.#queue.push(entry);
    this.#pump();
    return result;
  }

  /** Shows what a persistent outbox kept from an earlier page load, even offline, and queues what was sending. */
  #restore(): Promise<void> {
    return (this.#restoring ??= this.#outbox
      .load(this.#hooks.userId)
      .then((entries) => {
        for (const e of entries) {
          this.#hooks.onChanged(e);
          if (e.status === 'sending' && !this.#queue.some((q) => q.clientId === e.clientId)) this.#queue.push(e);
        }
        this.#pump();
      })
      .catch((err: unknown) => {
        this.#hooks.report(new ChatError({ code: 'internal', message: `Could not read the outbox: ${safeString(err)}` }));
      }));
  }

  waitFor(clientId: string): Promise<Message> {
    return new Promise<Message>((resolve, reject) => {
      const list = this.#waiters.get(clientId) ?? [];
      list.push({ resolve, reject });
      this.#waiters.set(clientId, list);
    });
  }

  /** Put a failed entry back in the queue. */
  async retry(entry: OutboxEntry): Promise<Message> {
    const again: OutboxEntry = { ...entry, status: 'sending' };
    delete (again as { error?: unknown }).error;
    this.#hooks.onChanged(again);
    return this.enqueue(again);
  }

  /** Drop an entry for good; a caller waiting on it is told it was discarded. */
  async discard(clientId: string): Promise<void> {
    this.#queue = this.#queue.filter((e) => e.clientId !== clientId);
    await this.#outbox.delete(clientId);
    this.#settle(clientId, undefined, new ChatError({ code: 'discarded', message: 'The message was deleted before it was sent' }));
  }

  start(): void {
    this.#stopped = false;
    void this.#restore();
  }

  /** The link is (back) up: send the queue, oldest first. */
  online(): void {
    this.#pump();
  }

  offline(): void {
    // Nothing to do: the send loop stops at its first lost request and waits for online().
  }

  /** Sending stops; the queue and the outbox stay for the next start. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#wakeTimer);
    this.#wake?.();
  }

  #pump(): void {
    if (this.#pumping || this.#stopped) return;
    this.#pumping = true;
    void this.#run()
      .catch((err: unknown) => {
        this.#hooks.report(new ChatError({ code: 'internal', message: `The outbox failed: ${safeString(err)}` }));
        return false;
      })
      .then((drained) => {
        this.#pumping = false;
        // An entry queued after the loop saw an empty queue found it still running, and was skipped.
        if (drained && this.#queue.length > 0) this.#pump();
      });
  }

  /** Sends the queue in order; true when it stopped because the queue was empty. */
  async #run(): Promise<boolean> {
    let attempts = 0;
    while (!this.#stopped && this.#hooks.isOnline()) {
      const entry = this.#queue[0];
      if (!entry) return true;
      try {
        const { attachments, replyTo, parentId, alsoInConversation, mentions } = entry;
        const { message } = await this.#request('message:send', {
          conversationId: entry.conversationId,
          clientId: entry.clientId,
          text: entry.text,
          // By upload id only: the server fills in the rest from what it stored.
          ...(attachments.length > 0 ? { attachments: attachments.map(({ id }) => ({ id })) } : {}),
          ...(replyTo !== undefined ? { replyTo } : {}),
          ...(parentId !== undefined ? { parentId, ...(alsoInConversation ? { alsoInConversation } : {}) } : {}),
          ...(mentions && mentions.length > 0 ? { mentions } : {}),
        });
        if (
          message.clientId !== entry.clientId ||
          message.conversationId !== entry.conversationId ||
          message.authorId !== entry.authorId ||
          message.parentId !== parentId
        ) {
          // Storing someone else's message as ours would leave our row "sending" forever.
          const error = new ChatError({
            code: 'invalid_payload',
            message: `The server acknowledged message ${entry.clientId} with a different message (${message.id})`,
            event: 'message:send',
          });
          this.#hooks.report(error);
          throw error;
        }
        if (!this.#hooks.onStored(entry, message)) {
          throw new ChatError({ code: 'invalid_payload', message: `The acknowledgement of message ${entry.clientId} was refused`, event: 'message:send' });
        }
        attempts = 0;
        this.#queue.shift();
        await this.#outbox.delete(entry.clientId);
        this.#settle(entry.clientId, message);
      } catch (err) {
        const error = toChatError(err);
        if (this.#queue[0] !== entry) continue; // discarded meanwhile
        // A dropped link is not the message's fault: wait for the reconnect.
        if (error.code === 'disconnected') return false;
        // Over the server's budget, and it said for how long: the message keeps its place and its attempts.
        if (error.code === 'rate_limited' && error.retryAfterMs !== undefined) {
          await this.#sleep(Math.max(error.retryAfterMs, MIN_RATE_LIMIT_WAIT_MS));
          continue;
        }
        attempts += 1;
        if (!isRetryable(error.code) || attempts >= this.#policy.maxAttempts) {
          attempts = 0;
          this.#queue.shift();
          const failed: OutboxEntry = { ...entry, status: 'failed', error: { code: error.code, message: error.message } };
          await this.#outbox.put(failed);
          this.#hooks.onChanged(failed);
          this.#settle(entry.clientId, undefined, error);
          continue;
        }
        await this.#sleep(this.#backoff(attempts));
      }
    }
    return false;
  }

  #backoff(attempt: number): number {
    return jitteredDelay(attempt - 1, { baseMs: this.#policy.baseDelayMs, maxMs: this.#policy.maxDelayMs }, this.#hooks.random);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = resolve;
      this.#wakeTimer = setTimeout(resolve, ms);
    });
  }

  #settle(clientId: string, message: Message | undefined, error?: ChatError): void {
    const list = this.#waiters.get(clientId);
    if (!list) return;
    this.#waiters.delete(clientId);
    for (const w of list) {
      if (message) w.resolve(message);
      else w.reject(error ?? new ChatError({ code: 'internal', message: 'Message not sent' }));
    }
  }
}
