/**
 * Runs the connection state machine (connectionMachine.ts): listens to the
 * transport, turns its statuses into machine events and the store's
 * `connection`, and carries out the effects: the transport's link, the
 * conversation list with its retries, the periodic check, the engines'
 * lifecycle, and the promises of `connect()`.
 */
import { exponentialDelay } from './backoff';
import {
  INITIAL_CONNECTION,
  transition,
  type ConnectionEvent,
  type ConnectionMachineState,
  type Effect,
} from './connectionMachine';
import type { Engine } from './engine';
import { ChatError, isRetryable, toChatError } from './errors';
import type { ChatStore } from './store';
import type { Transport, TransportStatus } from './transport';
import type { ConnectionState } from './types';

/** Backoff of a conversation list that failed while the link stayed up. */
const LIST_RETRY = { baseMs: 500, maxMs: 10_000 };
const DISCONNECTED = { code: 'disconnected', message: 'Disconnected' } as const;

export interface ConnectionDeps {
  readonly transport: Transport;
  readonly store: ChatStore;
  /** Driven in this order (`online()` sends what waited: positions first, messages last). */
  readonly engines: readonly Engine[];
  /** Loads the conversation list into the store; rejects with a `ChatError`. */
  readonly loadConversations: () => Promise<void>;
  /** Server pushes, as the transport hands them over. */
  readonly onPush: (event: string, payload: unknown) => void;
  readonly report: (error: ChatError) => void;
  /**
   * How often to re-read the conversation list while ready (0: never). It carries
   * each conversation's newest seq, so a lost push is noticed even when nothing follows it.
   */
  readonly checkIntervalMs: number;
}

interface Waiter {
  resolve(): void;
  reject(error: ChatError): void;
}

export class Connection {
  #state: ConnectionMachineState = INITIAL_CONNECTION;
  #waiters: Waiter[] = [];
  #listening: (() => void)[] = [];
  /** Bumped by every list load, so the answer of an earlier one is ignored. */
  #listRun = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #checkTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #deps: ConnectionDeps;

  constructor(deps: ConnectionDeps) {
    this.#deps = deps;
  }

  get phase(): ConnectionMachineState['phase'] {
    return this.#state.phase;
  }

  /** Resolves once the link is up and the conversation list is in; rejects with the reason it is not. */
  connect(): Promise<void> {
    const ready = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    this.#send({ type: 'connect' });
    return ready;
  }

  disconnect(): void {
    this.#send({ type: 'disconnect' });
  }

  /** Applies one event; effects run after the state moved, so an event they cause sees the new phase. */
  #send(event: ConnectionEvent, error?: ChatError): void {
    const { state, effects } = transition(this.#state, event);
    this.#state = state;
    for (const effect of effects) this.#run(effect, error);
  }

  #run(effect: Effect, error: ChatError = new ChatError(DISCONNECTED)): void {
    const { transport, store, engines } = this.#deps;
    switch (effect) {
      case 'start':
      case 'online':
      case 'offline':
      case 'stop':
        for (const engine of engines) engine[effect]();
        return;
      case 'open':
        if (this.#listening.length === 0) {
          this.#listening.push(transport.onStatus((s) => this.#onStatus(s)), transport.onEvent(this.#deps.onPush));
        }
        transport.connect();
        // A transport that was connected already reports nothing new.
        if (this.#state.phase === 'connecting' && transport.status.state === 'connected') this.#onStatus(transport.status);
        return;
      case 'close':
        transport.disconnect();
        for (const stop of this.#listening.splice(0)) stop();
        store.setState({ connection: { state: 'offline' } });
        return;
      case 'load':
        return this.#loadList();
      case 'retry':
        this.#retryTimer = setTimeout(() => this.#send({ type: 'retryDue' }), exponentialDelay(this.#state.listFailures - 1, LIST_RETRY));
        return;
      case 'check':
        return this.#scheduleCheck();
      case 'stopTimers':
        clearTimeout(this.#retryTimer);
        clearTimeout(this.#checkTimer);
        this.#listRun++;
        return;
      case 'resolve':
        for (const w of this.#waiters.splice(0)) w.resolve();
        return;
      case 'reject':
        for (const w of this.#waiters.splice(0)) w.reject(error);
        return;
    }
  }

  #onStatus(status: TransportStatus): void {
    const connection = toConnectionState(status, this.#state.wasUp);
    // Who is online is only known while connected: the server's presence burst
    // on reconnect names who is there, never who left meanwhile.
    this.#deps.store.setState(status.state === 'connected' ? { connection } : { connection, presence: {} });
    if (status.state === 'connected') return this.#send({ type: 'linkUp' });
    const final = status.state === 'disconnected' && !status.willRetry;
    const error = status.state === 'disconnected' && status.error ? new ChatError(status.error) : undefined;
    if (final && error) this.#deps.report(error);
    this.#send({ type: 'linkLost', final }, error);
  }

  #loadList(): void {
    const run = ++this.#listRun;
    this.#deps.loadConversations().then(
      () => {
        if (run === this.#listRun) this.#send({ type: 'listLoaded' });
      },
      (err: unknown) => {
        const error = toChatError(err);
        // A lost link is an event of its own (the transport's status).
        if (run !== this.#listRun || error.code === 'disconnected' || this.#deps.store.getState().connection.state !== 'online') return;
        this.#deps.report(error);
        this.#send({ type: 'listFailed', retryable: isRetryable(error.code) }, error);
      },
    );
  }

  #scheduleCheck(): void {
    clearTimeout(this.#checkTimer);
    const { checkIntervalMs, loadConversations } = this.#deps;
    if (checkIntervalMs <= 0) return;
    this.#checkTimer = setTimeout(() => {
      if (this.#state.phase !== 'ready') return;
      loadConversations()
        .catch(() => {
          // Best effort: the next check or reconnect tries again.
        })
        .finally(() => {
          if (this.#state.phase === 'ready') this.#scheduleCheck();
        });
    }, checkIntervalMs);
  }
}

function toConnectionState(status: TransportStatus, wasUp: boolean): ConnectionState {
  switch (status.state) {
    case 'connecting':
      return { state: wasUp ? 'reconnecting' : 'connecting' };
    case 'connected':
      return { state: 'online' };
    case 'disconnected':
      if (!status.willRetry) return { state: 'offline', ...(status.error ? { error: status.error } : {}) };
      return {
        state: 'reconnecting',
        ...(status.nextRetryAt !== undefined ? { nextRetryAt: status.nextRetryAt } : {}),
        ...(status.error ? { error: status.error } : {}),
      };
  }
}
