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
import { jitteredDelay } from '../core/backoff';
import type { ClientEvent, ErrorInfo, RequestPayload } from '../core/protocol';
import { TransportError, type Transport, type TransportStatus } from '../core/transport';
import { uploadOverHttp } from './httpUpload';
import { browserOffline, watchLinkSignals } from './linkSignals';

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

type Listener<T extends unknown[]> = (...args: T) => void;

const IDLE: TransportStatus = { state: 'disconnected', willRetry: false };

/**
 * After a wake, a connected link from which nothing (not even the server's
 * heartbeat, every 25 s by default) was heard for this long is taken as dead.
 */
const SILENT_LINK_MS = 30_000;

export function createSocketIoTransport(options: SocketIoTransportOptions): Transport {
  const backoff = { baseMs: options.initialRetryMs ?? 500, maxMs: options.maxRetryMs ?? 10_000 };
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const eventListeners = new Set<Listener<[string, unknown]>>();
  const statusListeners = new Set<Listener<[TransportStatus]>>();
  const pending = new Set<(error: TransportError) => void>();

  /** The socket of the current attempt or link; an older one is torn down and ignored. */
  let socket: Socket | null = null;
  let status: TransportStatus = IDLE;
  /** The user wants a connection (connect() called, no disconnect() or refusal since). */
  let wanted = false;
  let failedAttempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attemptTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the server was last heard from on the current link (epoch ms). */
  let lastHeard = 0;
  let stopSignals: (() => void) | undefined;

  function setStatus(next: TransportStatus): void {
    status = next;
    for (const listener of [...statusListeners]) listener(next);
  }

  function rejectPending(reason: string): void {
    const rejects = [...pending];
    pending.clear();
    for (const reject of rejects) reject(new TransportError('disconnected', reason));
  }

  function clearTimers(): void {
    clearTimeout(retryTimer);
    clearTimeout(attemptTimer);
    retryTimer = attemptTimer = undefined;
  }

  /** Tears the current socket down; its late events can no longer reach us. */
  function dropSocket(reason: string): void {
    const s = socket;
    socket = null;
    if (!s) return;
    rejectPending(reason);
    s.removeAllListeners();
    s.offAny();
    // Frames queued for a dead link would be replayed later; the client resends what matters.
    s.sendBuffer = [];
    s.disconnect(); // also closes this socket's own manager and its engine
  }

  function scheduleRetry(error: ErrorInfo): void {
    clearTimers();
    dropSocket(error.message);
    if (!wanted) return;
    if (browserOffline()) {
      // No network: trying now would only use up the backoff. `online` resumes.
      setStatus({ state: 'disconnected', willRetry: true, error: { code: 'offline', message: 'No network connection' } });
      return;
    }
    const delay = jitteredDelay(failedAttempts++, backoff);
    retryTimer = setTimeout(attempt, delay);
    setStatus({ state: 'disconnected', willRetry: true, nextRetryAt: Date.now() + delay, error });
  }

  function attempt(): void {
    clearTimers();
    if (!wanted) return;
    dropSocket('Reconnecting');
    const s = openSocket();
    socket = s;
    setStatus({ state: 'connecting' });
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
      failedAttempts = 0;
      heard();
      setStatus({ state: 'connected' });
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
        setStatus({ state: 'disconnected', willRetry: false, error: { code, message: err.message } });
        return;
      }
      scheduleRetry({ code: 'disconnected', message: err.message });
    });
    s.onAny((event: string, payload: unknown) => {
      if (socket !== s) return;
      heard();
      for (const listener of [...eventListeners]) listener(event, payload);
    });
    return s;
  }

  /** No more attempts until connect() is called again. */
  function stop(): void {
    wanted = false;
    clearTimers();
    stopSignals?.();
    stopSignals = undefined;
    dropSocket('Disconnected');
  }

  /** Waiting for a scheduled retry (or for the network): try now instead. */
  function retryIfWaiting(): void {
    if (wanted && status.state === 'disconnected') attempt();
  }

  function watch(): () => void {
    return watchLinkSignals({
      online() {
        failedAttempts = 0;
        retryIfWaiting();
      },
      offline() {
        if (!wanted || status.state !== 'disconnected') return;
        clearTimers();
        setStatus({ state: 'disconnected', willRetry: true, error: { code: 'offline', message: 'No network connection' } });
      },
      visible: retryIfWaiting,
      woke() {
        if (!wanted) return;
        // After a sleep the server has most likely closed our link while nothing could tell us.
        if (status.state === 'connected' && Date.now() - lastHeard > SILENT_LINK_MS) attempt();
        else retryIfWaiting();
      },
    });
  }

  return {
    get status() {
      return status;
    },
    connect() {
      if (wanted) return;
      wanted = true;
      failedAttempts = 0;
      stopSignals = watch();
      attempt();
    },
    disconnect() {
      const wasIdle = status.state === 'disconnected' && !status.willRetry;
      stop();
      if (!wasIdle) setStatus(IDLE);
    },
    reconnectNow: retryIfWaiting,
    request<E extends ClientEvent>(event: E, payload: RequestPayload<E>, timeoutMs: number): Promise<unknown> {
      const s = socket;
      if (!s || !s.connected) return Promise.reject(new TransportError('disconnected', 'Not connected'));
      return new Promise<unknown>((resolve, reject) => {
        const fail = (error: TransportError) => reject(error);
        pending.add(fail);
        s.timeout(timeoutMs).emit(event, payload, (err: Error | null, ack: unknown) => {
          if (!pending.delete(fail)) return; // already rejected by a disconnect
          if (err) reject(new TransportError('timeout', `No answer to "${event}" within ${timeoutMs} ms`));
          else resolve(ack);
        });
      });
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
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
}

/** The refusal code a server put on a handshake error (`err.data.code`), if any. */
function errorCode(err: Error & { data?: unknown }): string | undefined {
  const data = err.data;
  if (typeof data === 'object' && data !== null && typeof (data as { code?: unknown }).code === 'string') {
    return (data as { code: string }).code;
  }
  return undefined;
}
