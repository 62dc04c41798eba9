/**
 * The client's connection as an explicit state machine: which phase the link
 * is in, and what each event (a `connect()` or `disconnect()` call, a
 * transport status, the conversation list's answer, a retry timer) moves it to
 * and sets off. Pure: `connection.ts` carries out the effects.
 *
 *   idle        connect → connecting
 *   connecting  linkUp → syncing
 *   syncing     listLoaded → ready; listFailed → retrying (retryable) or ready (final)
 *   retrying    retryDue → syncing
 *   syncing, retrying, ready   linkLost → down
 *   down        linkUp → syncing
 *   closed      connect → connecting; linkUp → syncing
 *   not idle    linkLost (final) → closed
 *   any         disconnect → idle
 */

export type Phase =
  /** `connect()` not called yet, or `disconnect()` since. */
  | 'idle'
  /** Waiting for the transport's first link. */
  | 'connecting'
  /** The link is up; the conversation list is loading. */
  | 'syncing'
  /** The link is up, the list failed; it is asked for again after a pause. */
  | 'retrying'
  /** The link is up and the list settled: the engines are online. */
  | 'ready'
  /** The link was lost; the transport is trying again. */
  | 'down'
  /** The transport gave up (refused, or the server went away for good); `connect()` tries again. */
  | 'closed';

export type ConnectionEvent =
  | { readonly type: 'connect' }
  | { readonly type: 'disconnect' }
  | { readonly type: 'linkUp' }
  /** The transport is connecting or disconnected; `final` when it will not try again. */
  | { readonly type: 'linkLost'; readonly final: boolean }
  | { readonly type: 'listLoaded' }
  /** `retryable` failures are asked again while the link stays up; others settle the phase. */
  | { readonly type: 'listFailed'; readonly retryable: boolean }
  | { readonly type: 'retryDue' };

export type Effect =
  /** Call this method of every engine (see engine.ts). */
  | 'start'
  | 'online'
  | 'offline'
  | 'stop'
  /** `transport.connect()`, listening to it first / `transport.disconnect()`, no longer listening. */
  | 'open'
  | 'close'
  /** Load the conversation list. */
  | 'load'
  /** Load it again after a pause (the backoff of `listFailures`). */
  | 'retry'
  /** Re-read it now and then while ready (a lost last push shows in its seqs). */
  | 'check'
  /** Clear the retry and check timers; an answer still on its way is ignored. */
  | 'stopTimers'
  /** Settle every pending `connect()` promise. */
  | 'resolve'
  | 'reject';

export interface ConnectionMachineState {
  readonly phase: Phase;
  /** The link has been up at least once: a new attempt is a reconnect. */
  readonly wasUp: boolean;
  /** Failed list loads on the current link (the retry's backoff). */
  readonly listFailures: number;
}

export const INITIAL_CONNECTION: ConnectionMachineState = { phase: 'idle', wasUp: false, listFailures: 0 };

export interface Transition {
  readonly state: ConnectionMachineState;
  readonly effects: readonly Effect[];
}

const linked: ReadonlySet<Phase> = new Set(['syncing', 'retrying', 'ready']);

export function transition(state: ConnectionMachineState, event: ConnectionEvent): Transition {
  const to = (phase: Phase, effects: readonly Effect[], patch: Partial<ConnectionMachineState> = {}): Transition => ({
    state: { ...state, ...patch, phase },
    effects,
  });
  const stay: Transition = { state, effects: [] };
  const { phase } = state;

  switch (event.type) {
    case 'connect':
      if (phase === 'idle' || phase === 'closed') return to('connecting', ['start', 'open']);
      return to(phase, phase === 'ready' ? ['open', 'resolve'] : ['open']);

    case 'disconnect':
      if (phase === 'idle') return stay;
      return to('idle', ['stopTimers', 'reject', 'close', 'stop']);

    case 'linkUp':
      if (phase === 'connecting' || phase === 'down' || phase === 'closed') {
        return to('syncing', ['load'], { wasUp: true, listFailures: 0 });
      }
      return stay;

    case 'linkLost': {
      if (phase === 'idle') return stay;
      const leaving: Effect[] = linked.has(phase) ? ['stopTimers', 'offline'] : [];
      if (event.final) return to('closed', [...leaving, 'reject']);
      if (phase === 'connecting' || phase === 'down' || phase === 'closed') return stay;
      return to('down', leaving);
    }

    case 'listLoaded':
      if (phase !== 'syncing') return stay;
      return to('ready', ['resolve', 'online', 'check'], { listFailures: 0 });

    case 'listFailed':
      if (phase !== 'syncing') return stay;
      // connect() settles now, with the reason; a retryable list keeps being asked for behind it.
      if (event.retryable) return to('retrying', ['reject', 'retry'], { listFailures: state.listFailures + 1 });
      return to('ready', ['reject', 'online', 'check']);

    case 'retryDue':
      return phase === 'retrying' ? to('syncing', ['load']) : stay;
  }
}
