/**
 * `parley/socketio`: the kit's realtime adapter over socket.io-client.
 *
 * Reconnection is done here, not by socket.io's manager, so the kit gets the
 * same connection states as with every transport: an exact `nextRetryAt` for
 * the "reconnecting in 4 s" countdown, `reconnectNow()`, and a reconnect after
 * every kind of loss. Each attempt gets a fresh socket (and manager): nothing
 * depends on what socket.io keeps of a dead link, which is what once left
 * this transport offline for good after a network drop. A refused handshake
 * (bad token) is final and reported with the server's reason.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientEvent, ErrorInfo, RequestPayload } from '../core/protocol';
import { TransportError, type Transport, type TransportStatus } from '../core/transport';
import { uploadOverHttp } from './httpUpload';
import { browserOffline, watchLinkSignals } from './linkSignals';
import { createRequestTracker } from './requestTracker';
import { createRetrySchedule } from './retrySchedule';
import { createTransportBase } from './transportBase';
import { createTransportListeners, IDLE_STATUS } from './transportListeners';

export interface SocketIoTransportOptions {
  /** Server URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /** Sent as `auth: { token }` in the handshake. */
  token: string;
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
    attemptTimer = undefined;
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

  function scheduleRetry(error: ErrorInfo): void {
    clearTimers();
    dropSocket(error.message);
    if (!wanted()) return;
    if (browserOffline()) {
      // No network: trying now would only use up the backoff. `online` resumes.
      listeners.setStatus(OFFLINE);
      return;
    }
    const nextRetryAt = retry.schedule(attempt);
    listeners.setStatus({ state: 'disconnected', willRetry: true, nextRetryAt, error });
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
      if (socket === s && !s.connected) {
        scheduleRetry({ code: 'disconnected', message: `The server did not answer within ${connectTimeoutMs} ms` });
      }
    }, connectTimeoutMs);
    s.connect();
  }

  function openSocket(): Socket {
    const s = io(options.url, {
      auth: { token: options.token },
      autoConnect: false,
      forceNew: true,
      // Our own loop reconnects (see the file comment).
      reconnection: false,
      timeout: connectTimeoutMs,
      ...(options.path ? { path: options.path } : {}),
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
      scheduleRetry({ code: 'disconnected', message: `Connection lost (${reason})` });
    });
    s.on('connect_error', (err: Error & { data?: unknown }) => {
      if (socket !== s) return;
      const code = errorCode(err);
      if (code === 'unauthorized' || code === 'forbidden') {
        // The server refused this token: retrying cannot help.
        stop();
        listeners.setStatus({ state: 'disconnected', willRetry: false, error: { code, message: err.message } });
        return;
      }
      scheduleRetry({ code: 'disconnected', message: err.message });
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
    stopSignals = undefined;
    dropSocket('Disconnected');
  }

  /** Waiting for a scheduled retry (or for the network): try now instead. */
  function retryIfWaiting(): void {
    if (wanted() && listeners.status.state === 'disconnected') attempt();
  }

  function watch(): () => void {
    return watchLinkSignals({
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
    });
  }

  // expose() makes connect() idempotent and starts the backoff over before this runs.
  return expose({
    connect() {
      stopSignals = watch();
      attempt();
    },
    disconnect() {
      const current = listeners.status;
      const wasIdle = current.state === 'disconnected' && !current.willRetry;
      stop();
      if (!wasIdle) listeners.setStatus(IDLE_STATUS);
    },
    reconnectNow: retryIfWaiting,
    request<E extends ClientEvent>(event: E, payload: RequestPayload<E>, timeoutMs: number): Promise<unknown> {
      const s = socket;
      if (!s || !s.connected) return Promise.reject(new TransportError('disconnected', 'Not connected'));
      return requests.track(event, timeoutMs, (answer) => s.emit(event, payload, answer));
    },
    upload: (request) => uploadOverHttp({ baseUrl: options.url, token: () => options.token }, request),
    resolveUrl(url) {
      // Uploaded files are served to members only; an <img> cannot send the header, so the token rides along.
      try {
        const target = new URL(url, options.url);
        if (target.origin !== new URL(options.url).origin || !target.pathname.startsWith('/uploads/')) return url;
        target.searchParams.set('token', options.token);
        return target.href;
      } catch {
        return url;
      }
    },
  });
}

/** The refusal code a server put on a handshake error (`err.data.code`), if any. */
function errorCode(err: Error & { data?: unknown }): string | undefined {
  const data = err.data;
  if (typeof data === 'object' && data !== null && typeof (data as { code?: unknown }).code === 'string') {
    return (data as { code: string }).code;
  }
  return undefined;
}
