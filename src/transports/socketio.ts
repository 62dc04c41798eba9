/**
 * `parley/socketio`: the kit's realtime adapter over socket.io-client.
 *
 * Reconnection is done here, not by socket.io's manager, so the kit gets the
 * same connection states as with every transport: an exact `nextRetryAt` for
 * the "reconnecting in 4 s" countdown, `reconnectNow()`, and a reconnect after
 * the server itself dropped us (socket.io does not retry after
 * "io server disconnect", e.g. a server restart). A refused handshake (bad
 * token) is final and reported with the server's reason.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientEvent, ErrorInfo, RequestPayload } from '../core/protocol';
import { TransportError, UploadError, type Transport, type TransportStatus, type UploadRequest } from '../core/transport';

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
  /** How long a handshake may take before it counts as failed. */
  connectTimeoutMs?: number;
}

type Listener<T extends unknown[]> = (...args: T) => void;

const IDLE: TransportStatus = { state: 'disconnected', willRetry: false };

export function createSocketIoTransport(options: SocketIoTransportOptions): Transport {
  const initialRetryMs = options.initialRetryMs ?? 500;
  const maxRetryMs = options.maxRetryMs ?? 10_000;
  const eventListeners = new Set<Listener<[string, unknown]>>();
  const statusListeners = new Set<Listener<[TransportStatus]>>();
  const pending = new Set<(error: TransportError) => void>();

  let socket: Socket | null = null;
  let status: TransportStatus = IDLE;
  /** The user wants a connection (connect() called, no disconnect() or refusal since). */
  let wanted = false;
  let failedAttempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function setStatus(next: TransportStatus): void {
    status = next;
    for (const listener of [...statusListeners]) listener(next);
  }

  function rejectPending(reason: string): void {
    const rejects = [...pending];
    pending.clear();
    for (const reject of rejects) reject(new TransportError('disconnected', reason));
  }

  function scheduleRetry(error?: ErrorInfo): void {
    clearTimeout(retryTimer);
    if (!wanted) return;
    const ceiling = Math.min(maxRetryMs, initialRetryMs * 2 ** failedAttempts);
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    failedAttempts++;
    retryTimer = setTimeout(attempt, delay);
    setStatus({ state: 'disconnected', willRetry: true, nextRetryAt: Date.now() + delay, ...(error ? { error } : {}) });
  }

  function attempt(): void {
    clearTimeout(retryTimer);
    if (!wanted) return;
    const s = ensureSocket();
    if (s.connected || s.active) return;
    setStatus({ state: 'connecting' });
    s.connect();
  }

  function ensureSocket(): Socket {
    if (socket) return socket;
    const s = io(options.url, {
      auth: { token: options.token },
      autoConnect: false,
      // Our own loop reconnects (see the file comment).
      reconnection: false,
      timeout: options.connectTimeoutMs ?? 10_000,
      ...(options.path ? { path: options.path } : {}),
    });
    s.on('connect', () => {
      failedAttempts = 0;
      setStatus({ state: 'connected' });
    });
    s.on('disconnect', (reason) => {
      // Frames queued for a dead link would be replayed later; the client resends what matters.
      s.sendBuffer = [];
      rejectPending(`Connection lost (${reason})`);
      if (!wanted || reason === 'io client disconnect') {
        setStatus(IDLE);
        return;
      }
      scheduleRetry({ code: 'disconnected', message: `Connection lost (${reason})` });
    });
    s.on('connect_error', (err: Error & { data?: unknown }) => {
      const code = errorCode(err);
      if (code === 'unauthorized' || code === 'forbidden') {
        // The server refused this token: retrying cannot help.
        wanted = false;
        setStatus({ state: 'disconnected', willRetry: false, error: { code, message: err.message } });
        return;
      }
      scheduleRetry({ code: 'disconnected', message: err.message });
    });
    s.onAny((event: string, payload: unknown) => {
      for (const listener of [...eventListeners]) listener(event, payload);
    });
    socket = s;
    return s;
  }

  const onBrowserOnline = () => {
    if (wanted && status.state === 'disconnected') attempt();
  };

  return {
    get status() {
      return status;
    },
    connect() {
      if (wanted) return;
      wanted = true;
      failedAttempts = 0;
      if (typeof window !== 'undefined') window.addEventListener('online', onBrowserOnline);
      attempt();
    },
    disconnect() {
      wanted = false;
      clearTimeout(retryTimer);
      if (typeof window !== 'undefined') window.removeEventListener('online', onBrowserOnline);
      socket?.disconnect();
      rejectPending('Disconnected');
      if (status.state !== 'disconnected' || status.willRetry) setStatus(IDLE);
    },
    reconnectNow() {
      if (!wanted || status.state === 'connected' || status.state === 'connecting') return;
      attempt();
    },
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
    upload: (request) => uploadOverHttp(options.url, options.token, request),
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

/**
 * `POST /uploads` as multipart/form-data with the user's token. XHR rather
 * than fetch: it reports upload progress, which fetch cannot.
 */
function uploadOverHttp(baseUrl: string, token: string, { conversationId, file, name, signal, onProgress }: UploadRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new UploadError('aborted', 'The upload was cancelled'));
      return;
    }
    const form = new FormData();
    form.append('conversationId', conversationId);
    form.append('file', file, name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', new URL('/uploads', baseUrl).href);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      const body = xhr.response as unknown;
      if (xhr.status === 201) {
        resolve(body);
        return;
      }
      const error = (body as { error?: { code?: unknown; message?: unknown; maxBytes?: unknown } } | null)?.error;
      const code = typeof error?.code === 'string' ? error.code : xhr.status === 413 ? 'too_large' : xhr.status === 415 ? 'unsupported_type' : xhr.status === 401 ? 'unauthorized' : xhr.status === 403 ? 'forbidden' : 'invalid_payload';
      const message = typeof error?.message === 'string' ? error.message : `Upload failed (HTTP ${xhr.status})`;
      reject(new UploadError(code, message, typeof error?.maxBytes === 'number' ? error.maxBytes : undefined));
    };
    xhr.onerror = () => reject(new UploadError('disconnected', 'The upload could not reach the server'));
    xhr.onabort = () => reject(new UploadError('aborted', 'The upload was cancelled'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
