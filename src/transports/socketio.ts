/**
 * `parley/socketio`: the kit's realtime adapter over socket.io-client.
 *
 * Reconnection is done here, not by socket.io's manager, so the kit gets the
 * same connection states as with every transport: an exact `nextRetryAt` for
 * the "reconnecting in 4 s" countdown, `reconnectNow()`, and a reconnect after
 * every kind of loss. Each attempt gets a fresh socket (and manager): nothing
 * depends on what socket.io keeps of a dead link, which is what once left
 * this transport offline for good after a network drop. A refused handshake
 * (`unauthorized`, `forbidden`) is final and reported with the server's reason;
 * `token_expired` asks a token function for a fresh token at the next attempt.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientEvent, RequestPayload } from '../core/protocol';
import { TransportError, type Transport, type TransportStatus } from '../core/transport';
import { uploadOverHttp } from './httpUpload';
import { browserOffline, watchLinkSignals, type LinkSignalHandlers } from './linkSignals';
import { createRequestTracker } from './requestTracker';
import { createRetrySchedule } from './retrySchedule';
import { createTransportBase } from './transportBase';
import { createTransportListeners, IDLE_STATUS } from './transportListeners';

export interface SocketIoTransportOptions {
  /** Server URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /**
   * Sent as `auth: { token }` in the handshake: a string, or a function that gets a fresh one
   * (from your backend, say). The function is called for the first handshake, again after the
   * server answers `token_expired` (at the next attempt, after the usual backoff, so a function
   * that keeps returning expired tokens cannot spin), and on `connect()` after a refusal; every
   * other reconnect reuses the last token. A call that throws or rejects is a failed attempt.
   * Final, not retried: `unauthorized` and `forbidden`, and `token_expired` for a string.
   */
  token: string | (() => string | Promise<string>);
  /** socket.io path, if the server mounts it elsewhere. */
  path?: string;
  /** First reconnection delay; doubles per failed attempt up to `maxRetryMs`, with jitter. */
  initialRetryMs?: number;
  maxRetryMs?: number;
  /** How long an attempt may take, from the first byte to the server's welcome, before it counts as failed. */
  connectTimeoutMs?: number;
}

/** Waiting for the browser to report a network again (`online` resumes). */
const OFFLINE: TransportStatus = {
  state: 'disconnected',
  willRetry: true,
  error: { code: 'offline', message: 'No network connection' },
};

/**
 * After a wake, a connected link from which nothing (not even the server's
 * heartbeat, every 25 s by default) was heard for this long is taken as dead.
 */
const SILENT_LINK_MS = 30_000;

export function createSocketIoTransport(options: SocketIoTransportOptions): Transport {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const listeners = createTransportListeners();
  const requests = createRequestTracker();
  const retry = createRetrySchedule({ backoff: { baseMs: options.initialRetryMs ?? 500, maxMs: options.maxRetryMs ?? 10_000 } });
  const { wanted, giveUp, expose } = createTransportBase(listeners, retry);
  const given = options.token;
  /** A string token stays; a function's is '' until asked for, and again once refused. */
  const initial = typeof given === 'string' ? given : '';
  let token = initial;

  /** The socket of the current attempt or link; an older one is torn down and ignored. */
  let socket: Socket | null = null;
  /** The attempt's deadline: from the first byte to the server's welcome. */
  let attemptTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the server was last heard from on the current link (epoch ms). */
  let lastHeard = 0;
  let stopSignals: (() => void) | undefined;

  function clearTimers(): void {
    retry.cancel();
    clearTimeout(attemptTimer);
  }

  /** Tears the current socket down; its late events can no longer reach us. */
  function dropSocket(reason: string): void {
    const s = socket;
    socket = null;
    if (!s) return;
    requests.rejectAll(reason);
    s.removeAllListeners();
    s.offAny();
    // Frames queued for a dead link would be replayed later; the client resends what matters.
    s.sendBuffer = [];
    s.disconnect(); // also closes this socket's own manager and its engine
  }

  /**
   * Every loss the transport comes back from is `disconnected`; `message` says what happened,
   * and `notBeforeMs` is how long a refusing server asked us to wait (`rate_limited`).
   */
  function scheduleRetry(message: string, notBeforeMs?: unknown): void {
    clearTimers();
    dropSocket(message);
    if (!wanted()) return;
    if (browserOffline()) {
      // No network: trying now would only use up the backoff. `online` resumes.
      listeners.setStatus(OFFLINE);
      return;
    }
    const nextRetryAt = retry.schedule(attempt, notBeforeMs);
    // A server's wait comes with `rate_limited`: said as such, it also holds back the network's signals.
    const code = notBeforeMs ? 'rate_limited' : 'disconnected';
    listeners.setStatus({ state: 'disconnected', willRetry: true, nextRetryAt, error: { code, message } });
  }

  function attempt(): void {
    clearTimers();
    if (!wanted()) return;
    dropSocket('Reconnecting');
    const s = openSocket();
    socket = s;
    listeners.setStatus({ state: 'connecting' });
    // Covers every hang before the welcome, including a link that stalls after the transport opened.
    attemptTimer = setTimeout(() => {
      if (socket === s) {
        scheduleRetry(`The server did not answer within ${connectTimeoutMs} ms`);
      }
    }, connectTimeoutMs);
    s.connect();
  }

  function openSocket(): Socket {
    const s = io(options.url, {
      // Asked for when the link opens, so a fresh token waits for nothing else; the attempt's timer covers a slow one.
      auth(send) {
        // token is '' only for a function (see `initial`).
        new Promise<string>((resolve) => resolve(token || (given as () => string | Promise<string>)())).then(
          (t) => socket === s && send({ token: (token = t) }),
          (err) => socket === s && scheduleRetry(String(err)),
        );
      },
      autoConnect: false,
      forceNew: true,
      // Our own loop reconnects (see the file comment).
      reconnection: false,
      timeout: connectTimeoutMs,
      // Unset: socket.io's default.
      path: options.path,
    });
    const heard = () => {
      if (socket === s) lastHeard = Date.now();
    };
    s.io.on('ping', heard);
    s.on('connect', () => {
      if (socket !== s) return;
      clearTimeout(attemptTimer);
      retry.reset();
      heard();
      listeners.setStatus({ state: 'connected' });
    });
    s.on('disconnect', (reason) => {
      if (socket !== s) return;
      scheduleRetry(`Connection lost (${reason})`);
    });
    // `data` is whatever the server sent; `?.` reads a code off anything, and the checks below accept only strings.
    s.on('connect_error', (err: Error & { data?: { code?: unknown; retryAfterMs?: unknown } }) => {
      if (socket !== s) return;
      const code = err.data?.code;
      if (code === 'unauthorized' || code === 'forbidden' || code === 'token_expired') {
        token = initial;
        // Only a function can give another token; retrying the same one cannot help.
        if (code !== 'token_expired' || initial) {
          stop();
          listeners.setStatus({ state: 'disconnected', willRetry: false, error: { code, message: err.message } });
          return;
        }
      }
      // `rate_limited` (too many connections or attempts) says how long to wait: not before then.
      scheduleRetry(err.message, err.data?.retryAfterMs);
    });
    s.onAny((event: string, payload: unknown) => {
      if (socket !== s) return;
      heard();
      listeners.emitEvent(event, payload);
    });
    return s;
  }

  /** No more attempts until connect() is called again. */
  function stop(): void {
    giveUp();
    clearTimers();
    stopSignals?.();
    dropSocket('Disconnected');
  }

  /**
   * Waiting for a scheduled retry (or for the network): try now instead; but not at the
   * network's signals while the server's wait runs (`rate_limited`), only at the user's `reconnectNow`.
   */
  function retryIfWaiting(now?: unknown): void {
    const status = listeners.status;
    if (wanted() && status.state === 'disconnected' && (now || status.error?.code !== 'rate_limited')) attempt();
  }

  /** What the environment says about the network, heard while a link is wanted. */
  const signals: LinkSignalHandlers = {
    online() {
      retry.reset();
      retryIfWaiting();
    },
    offline() {
      if (!wanted() || listeners.status.state !== 'disconnected') return;
      clearTimers();
      listeners.setStatus(OFFLINE);
    },
    visible: retryIfWaiting,
    woke() {
      if (!wanted()) return;
      // After a sleep the server has most likely closed our link while nothing could tell us.
      if (listeners.status.state === 'connected' && Date.now() - lastHeard > SILENT_LINK_MS) attempt();
      else retryIfWaiting();
    },
  };

  // expose() makes connect() idempotent and starts the backoff over before this runs.
  return expose({
    connect() {
      stopSignals = watchLinkSignals(signals);
      attempt();
    },
    disconnect() {
      // Not wanted: idle already, or refused (the refusal stays shown); either way nothing runs.
      if (!wanted()) return;
      stop();
      listeners.setStatus(IDLE_STATUS);
    },
    reconnectNow: () => retryIfWaiting(1),
    request<E extends ClientEvent>(event: E, payload: RequestPayload<E>, timeoutMs: number): Promise<unknown> {
      const s = socket;
      if (!s?.connected) return Promise.reject(new TransportError('disconnected', 'Not connected'));
      return requests.track(event, timeoutMs, (answer) => s.emit(event, payload, answer));
    },
    upload: (request) => uploadOverHttp({ baseUrl: options.url, token: () => token }, request),
    // No resolveUrl: file URLs come from the server per viewer (attachment:url), never with the session token.
  });
}
