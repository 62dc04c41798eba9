/**
 * An in-process Transport: the client and a server endpoint (the mock server)
 * live in the same JS realm, connected by two simulated network pipes. Every
 * frame is serialized to JSON and parsed on arrival, so the two sides never
 * share an object — the same isolation a socket gives — and network faults
 * (latency, loss, duplicates, reordering, cuts) can be injected per frame.
 */
import type { ClientEvent, ErrorInfo, RequestPayload } from '../core/protocol';
import { TransportError, UploadError, type Transport } from '../core/transport';
import { FramePipe } from './framePipe';
import type { MemoryEndpoint, MemoryLink, MemoryLinkCallbacks, MemoryOpenResult } from './memoryEndpoint';
import { simulateUpload, type SimulatedUpload } from './memoryUpload';
import { PERFECT_NETWORK, type NetworkConditions } from './network';
import { createRequestTracker } from './requestTracker';
import { createRetrySchedule } from './retrySchedule';
import { later, type Cancel } from './schedule';
import { createTransportBase } from './transportBase';
import { createTransportListeners, IDLE_STATUS } from './transportListeners';

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

/** JSON text of a frame; `undefined` stays undefined (as an absent socket.io argument would). */
function encode(value: unknown): string | undefined {
  return JSON.stringify(value);
}

function decode(json: string | undefined): unknown {
  return json === undefined ? undefined : (JSON.parse(json) as unknown);
}

export function createMemoryTransport(options: MemoryTransportOptions): Transport {
  const network = options.network ?? (() => PERFECT_NETWORK);
  const random = options.random ?? Math.random;
  const clock = options.clock ?? Date.now;
  const pipeOptions = { network, random, clock };
  const up = new FramePipe(pipeOptions);
  const down = new FramePipe(pipeOptions);

  const listeners = createTransportListeners();
  const requests = createRequestTracker();
  const retry = createRetrySchedule({
    backoff: { baseMs: options.initialRetryMs ?? 250, maxMs: options.maxRetryMs ?? 5_000 },
    random,
    clock,
  });
  const { wanted, giveUp, expose } = createTransportBase(listeners, retry);
  const uploads = new Set<SimulatedUpload>();

  let link: MemoryLink | null = null;
  /** Bumped whenever a link opens or dies; frames of an older link are discarded. */
  let generation = 0;
  let cancelAttempt: Cancel | null = null;

  /** Ends the current link on the client side: in-flight frames and requests are lost. */
  function cutLink(reason: string): void {
    generation++;
    link = null;
    up.clear();
    down.clear();
    requests.rejectAll(reason);
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
    if (!wanted()) return;
    const gen = ++generation;
    const callbacks: MemoryLinkCallbacks = {
      deliver(event, payload) {
        if (gen !== generation) return;
        const json = encode(payload);
        down.send(() => {
          if (gen === generation) listeners.emitEvent(event, decode(json));
        });
      },
      drop(reason) {
        if (gen !== generation) return;
        cutLink(reason.error.message);
        if (reason.retry && wanted()) scheduleRetry(reason.error);
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
    retry.reset();
    listeners.setStatus({ state: 'connected' });
  }

  function scheduleRetry(error: ErrorInfo): void {
    const nextRetryAt = retry.schedule(beginAttempt);
    listeners.setStatus({ state: 'disconnected', willRetry: true, nextRetryAt, error });
  }

  /** No more automatic attempts; `error` explains why, when the server refused or shut down. */
  function stop(error?: ErrorInfo): void {
    giveUp();
    listeners.setStatus(error ? { state: 'disconnected', willRetry: false, error } : IDLE_STATUS);
  }

  /** One request frame up, its ack frame down; either may be lost, duplicated or late. */
  function send(current: MemoryLink, event: string, json: string | undefined, answer: (ack: unknown) => void): void {
    const gen = generation;
    up.send(() => {
      if (gen !== generation) return;
      let ackJson: string | undefined;
      try {
        ackJson = encode(current.request(event, decode(json)));
      } catch (error) {
        ackJson = encode({ ok: false, error: { code: 'internal', message: String(error) } });
      }
      down.send(() => {
        if (gen === generation) answer(decode(ackJson));
      });
    });
  }

  // expose() makes connect() idempotent and starts the backoff over before this runs.
  return expose({
    connect() {
      listeners.setStatus({ state: 'connecting' });
      beginAttempt();
    },

    disconnect() {
      const wasActive = wanted() || link !== null;
      giveUp();
      cancelAttempt?.();
      cancelAttempt = null;
      retry.cancel();
      const closing = link;
      cutLink('Transport disconnected');
      closing?.close();
      if (wasActive || listeners.status.state !== 'disconnected') stop();
    },

    reconnectNow() {
      // Only while waiting for a scheduled retry: not during an attempt, nor once connected.
      if (wanted() && !link && retry.cancel()) beginAttempt();
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
      return requests.track(event, timeoutMs, (answer) => send(current, event, json, answer));
    },

    upload(request) {
      const current = link;
      if (!current) return Promise.reject(new UploadError('disconnected', 'Not connected: cannot upload'));
      const sendUpload = current.upload?.bind(current);
      if (!sendUpload) return Promise.reject(new UploadError('unsupported', 'This server does not accept uploads'));
      const upload = simulateUpload({ request, send: sendUpload, delay: handshakeDelay });
      uploads.add(upload);
      const forget = () => {
        uploads.delete(upload);
      };
      upload.promise.then(forget, forget);
      return upload.promise;
    },
  });
}
