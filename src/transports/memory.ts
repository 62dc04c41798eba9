/**
 * An in-process Transport: the client and a server endpoint (the mock server)
 * live in the same JS realm, connected by two simulated network pipes. Every
 * frame is serialized to JSON and parsed on arrival, so the two sides never
 * share an object — the same isolation a socket gives — and network faults
 * (latency, loss, duplicates, reordering, cuts) can be injected per frame.
 */
import type { ClientEvent, ErrorInfo, RequestPayload } from '../core/protocol';
import { TransportError, UploadError, type Transport, type TransportStatus } from '../core/transport';
import { jitteredDelay } from '../core/backoff';
import { FramePipe } from './framePipe';
import { simulateUpload, type MemoryUploadInput, type SimulatedUpload } from './memoryUpload';
import { PERFECT_NETWORK, type NetworkConditions } from './network';
import { later, type Cancel } from './schedule';

/** Why the server ended a link; `retry: false` means "do not come back" (e.g. shut down). */
export interface MemoryDropReason {
  readonly retry: boolean;
  readonly error: ErrorInfo;
}

/** The server side of one open link. */
export interface MemoryLink {
  /** Handles one request and returns its ack (a plain, JSON-serializable object). */
  request(event: string, payload: unknown): unknown;
  /** The client hung up. */
  close(): void;
  /** The server's upload endpoint; answers `{ ok: true, attachment }` or `{ ok: false, error }`. */
  upload?(input: MemoryUploadInput): Promise<unknown>;
}

export interface MemoryLinkCallbacks {
  /** Server → client push; may be called during `open`. */
  deliver(event: string, payload: unknown): void;
  /** The server ended the link. */
  drop(reason: MemoryDropReason): void;
}

export type MemoryOpenResult =
  | { readonly ok: true; readonly link: MemoryLink }
  | { readonly ok: false; readonly error: ErrorInfo; readonly retry: boolean };

/** What a memory transport connects to: the server, with the credentials already bound. */
export interface MemoryEndpoint {
  open(callbacks: MemoryLinkCallbacks): MemoryOpenResult;
}

export interface MemoryTransportOptions {
  readonly endpoint: MemoryEndpoint;
  /** Read for every frame; defaults to a perfect network. */
  readonly network?: () => NetworkConditions;
  /** Uniform in [0, 1); pass a seeded generator to make fault patterns replayable. */
  readonly random?: () => number;
  /** First reconnection delay, doubled per failed attempt up to `maxRetryMs` (with jitter). */
  readonly initialRetryMs?: number;
  readonly maxRetryMs?: number;
  /** Epoch ms, for `nextRetryAt` and frame scheduling. */
  readonly clock?: () => number;
}

interface PendingRequest {
  readonly resolve: (ack: unknown) => void;
  readonly reject: (error: TransportError) => void;
  readonly timer: ReturnType<typeof setTimeout> | undefined;
}

const IDLE: TransportStatus = { state: 'disconnected', willRetry: false };

/** JSON text of a frame; `undefined` stays undefined (as an absent socket.io argument would). */
function encode(value: unknown): string | undefined {
  return JSON.stringify(value);
}

function decode(json: string | undefined): unknown {
  return json === undefined ? undefined : (JSON.parse(json) as unknown);
}

function rethrowLater(error: unknown): void {
  // A faulty listener must not break delivery to the others, but it should not vanish either.
  queueMicrotask(() => {
    throw error;
  });
}

export function createMemoryTransport(options: MemoryTransportOptions): Transport {
  const network = options.network ?? (() => PERFECT_NETWORK);
  const random = options.random ?? Math.random;
  const clock = options.clock ?? Date.now;
  const initialRetryMs = options.initialRetryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 5_000;
  const pipeOptions = { network, random, clock };
  const up = new FramePipe(pipeOptions);
  const down = new FramePipe(pipeOptions);

  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const statusListeners = new Set<(status: TransportStatus) => void>();
  const pending = new Map<number, PendingRequest>();
  const uploads = new Set<SimulatedUpload>();

  let status: TransportStatus = IDLE;
  /** The user wants to be connected (connect() called, no disconnect() or refusal since). */
  let wanted = false;
  let link: MemoryLink | null = null;
  /** Bumped whenever a link opens or dies; frames of an older link are discarded. */
  let generation = 0;
  let failedAttempts = 0;
  let nextRequestId = 0;
  let cancelAttempt: Cancel | null = null;
  let cancelRetry: Cancel | null = null;

  function setStatus(next: TransportStatus): void {
    status = next;
    for (const listener of [...statusListeners]) {
      try {
        listener(next);
      } catch (error) {
        rethrowLater(error);
      }
    }
  }

  function emitEvent(event: string, payload: unknown): void {
    for (const listener of [...eventListeners]) {
      try {
        listener(event, payload);
      } catch (error) {
        rethrowLater(error);
      }
    }
  }

  function rejectAll(code: 'timeout' | 'disconnected', message: string): void {
    const requests = [...pending.values()];
    pending.clear();
    for (const request of requests) {
      if (request.timer !== undefined) clearTimeout(request.timer);
      request.reject(new TransportError(code, message));
    }
  }

  /** Ends the current link on the client side: in-flight frames and requests are lost. */
  function cutLink(reason: string): void {
    generation++;
    link = null;
    up.clear();
    down.clear();
    rejectAll('disconnected', reason);
    // Uploads are separate requests in real life, but they travel the same (now cut) network.
    for (const upload of [...uploads]) upload.fail(new UploadError('disconnected', reason));
    uploads.clear();
  }

  function handshakeDelay(): number {
    const net = network();
    return net.latencyMs + (net.jitterMs > 0 ? random() * net.jitterMs : 0);
  }

  function beginAttempt(): void {
    cancelAttempt = later(handshakeDelay(), attempt);
  }

  function attempt(): void {
    cancelAttempt = null;
    if (!wanted) return;
    const gen = ++generation;
    const callbacks: MemoryLinkCallbacks = {
      deliver(event, payload) {
        if (gen !== generation) return;
        const json = encode(payload);
        down.send(() => {
          if (gen === generation) emitEvent(event, decode(json));
        });
      },
      drop(reason) {
        if (gen !== generation) return;
        cutLink(reason.error.message);
        if (reason.retry && wanted) scheduleRetry(reason.error);
        else stop(reason.error);
      },
    };
    let result: MemoryOpenResult;
    try {
      result = options.endpoint.open(callbacks);
    } catch (error) {
      result = { ok: false, retry: true, error: { code: 'internal', message: String(error) } };
    }
    if (gen !== generation) {
      // disconnect() was called from inside open(): hang up the link we just got.
      if (result.ok) result.link.close();
      return;
    }
    if (!result.ok) {
      cutLink(result.error.message);
      if (result.retry) scheduleRetry(result.error);
      else stop(result.error);
      return;
    }
    link = result.link;
    failedAttempts = 0;
    setStatus({ state: 'connected' });
  }

  function scheduleRetry(error: ErrorInfo): void {
    const delay = jitteredDelay(failedAttempts++, { baseMs: initialRetryMs, maxMs: maxRetryMs }, random);
    cancelRetry = later(delay, () => {
      cancelRetry = null;
      beginAttempt();
    });
    setStatus({ state: 'disconnected', willRetry: true, nextRetryAt: clock() + delay, error });
  }

  /** No more automatic attempts; `error` explains why, when the server refused or shut down. */
  function stop(error?: ErrorInfo): void {
    wanted = false;
    setStatus(error ? { state: 'disconnected', willRetry: false, error } : IDLE);
  }

  const transport: Transport = {
    get status() {
      return status;
    },

    connect() {
      if (wanted) return;
      wanted = true;
      failedAttempts = 0;
      setStatus({ state: 'connecting' });
      beginAttempt();
    },

    disconnect() {
      const wasActive = wanted || link !== null;
      wanted = false;
      cancelAttempt?.();
      cancelRetry?.();
      cancelAttempt = cancelRetry = null;
      const closing = link;
      cutLink('Transport disconnected');
      closing?.close();
      if (wasActive || status.state !== 'disconnected') stop();
    },

    reconnectNow() {
      if (!wanted || link || !cancelRetry) return;
      cancelRetry();
      cancelRetry = null;
      beginAttempt();
    },

    request<E extends ClientEvent>(event: E, payload: RequestPayload<E>, timeoutMs: number): Promise<unknown> {
      const current = link;
      if (!current) {
        return Promise.reject(new TransportError('disconnected', `Not connected: cannot send "${event}"`));
      }
      let json: string | undefined;
      try {
        json = encode(payload);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      const id = ++nextRequestId;
      const gen = generation;
      return new Promise<unknown>((resolve, reject) => {
        const timer =
          Number.isFinite(timeoutMs) && timeoutMs >= 0
            ? setTimeout(() => {
                pending.delete(id);
                reject(new TransportError('timeout', `No answer to "${event}" within ${timeoutMs} ms`));
              }, timeoutMs)
            : undefined;
        pending.set(id, { resolve, reject, timer });
        up.send(() => {
          if (gen !== generation) return;
          let ackJson: string | undefined;
          try {
            ackJson = encode(current.request(event, decode(json)));
          } catch (error) {
            ackJson = encode({ ok: false, error: { code: 'internal', message: String(error) } });
          }
          down.send(() => {
            if (gen !== generation) return;
            const request = pending.get(id);
            if (!request) return; // a duplicate, or already timed out
            pending.delete(id);
            if (request.timer !== undefined) clearTimeout(request.timer);
            request.resolve(decode(ackJson));
          });
        });
      });
    },

    upload(request) {
      const current = link;
      if (!current) return Promise.reject(new UploadError('disconnected', 'Not connected: cannot upload'));
      const send = current.upload?.bind(current);
      if (!send) return Promise.reject(new UploadError('unsupported', 'This server does not accept uploads'));
      const upload = simulateUpload({ request, send, delay: handshakeDelay });
      uploads.add(upload);
      const forget = () => {
        uploads.delete(upload);
      };
      upload.promise.then(forget, forget);
      return upload.promise;
    },

    onEvent(listener) {
      eventListeners.add(listener);
      return () => {
        eventListeners.delete(listener);
      };
    },

    onStatus(listener) {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
  };
  return transport;
}
