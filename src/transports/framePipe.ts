/**
 * One direction of a simulated link. Frames are delivered in send order after
 * latency + jitter (like TCP: jitter delays, it does not reorder), except when
 * the fault dice say drop, duplicate or hold back. A single timer per pipe
 * serves the whole queue, so closing the pipe leaves no timer behind.
 */
import type { NetworkConditions } from './network';

interface QueuedFrame {
  readonly at: number;
  readonly order: number;
  readonly run: () => void;
}

export interface FramePipeOptions {
  readonly network: () => NetworkConditions;
  /** Uniform in [0, 1); seeded by the caller so fault patterns replay. */
  readonly random: () => number;
  readonly clock?: () => number;
  /** Where a frame's `run` throwing ends up; frames after it are still delivered. */
  readonly onError?: (error: unknown) => void;
}

export class FramePipe {
  private queue: QueuedFrame[] = [];
  private order = 0;
  /** Latest arrival time of an in-order frame: later frames may not arrive before it. */
  private lastAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = Infinity;
  private microtaskPending = false;
  /** Bumped by clear() so a microtask queued before it does nothing. */
  private epoch = 0;
  private readonly clock: () => number;

  constructor(private readonly options: FramePipeOptions) {
    this.clock = options.clock ?? Date.now;
  }

  /** Sends one frame; `run` is called on arrival (zero, one or two times). */
  send(run: () => void): void {
    const net = this.options.network();
    const random = this.options.random;
    if (net.dropRate > 0 && random() < net.dropRate) return;
    const copies = net.duplicateRate > 0 && random() < net.duplicateRate ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const now = this.clock();
      const delay = net.latencyMs + (net.jitterMs > 0 ? random() * net.jitterMs : 0);
      if (net.reorderRate > 0 && random() < net.reorderRate) {
        // Held back past the frames sent after it; does not hold those back in turn.
        const holdMs = Math.max(20, 2 * (net.latencyMs + net.jitterMs)) * (0.5 + random());
        this.enqueue({ at: now + delay + holdMs, order: this.order++, run });
      } else {
        this.lastAt = Math.max(this.lastAt, now + delay);
        this.enqueue({ at: this.lastAt, order: this.order++, run });
      }
    }
  }

  /** Loses every frame still on the way and stops the timer. */
  clear(): void {
    this.queue = [];
    this.epoch++;
    this.microtaskPending = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
  }

  get size(): number {
    return this.queue.length;
  }

  private enqueue(frame: QueuedFrame): void {
    // Insert sorted by (at, order); frames mostly arrive at the end, so search from there.
    let i = this.queue.length;
    while (i > 0) {
      const prev = this.queue[i - 1] as QueuedFrame;
      if (prev.at < frame.at || (prev.at === frame.at && prev.order < frame.order)) break;
      i--;
    }
    this.queue.splice(i, 0, frame);
    this.schedule();
  }

  private schedule(): void {
    const first = this.queue[0];
    if (!first) return;
    const wait = first.at - this.clock();
    if (wait <= 0) {
      // Due now: deliver asynchronously but without a timer (fast, and fake-timer friendly).
      if (this.microtaskPending) return;
      this.microtaskPending = true;
      const epoch = this.epoch;
      queueMicrotask(() => {
        if (epoch !== this.epoch || !this.microtaskPending) return;
        this.microtaskPending = false;
        this.flush();
      });
      return;
    }
    if (this.timer !== null && this.timerAt <= first.at) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timerAt = first.at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.flush();
    }, Math.max(1, Math.ceil(wait)));
  }

  private flush(): void {
    const now = this.clock();
    while (this.queue.length > 0 && (this.queue[0] as QueuedFrame).at <= now) {
      const frame = this.queue.shift() as QueuedFrame;
      try {
        frame.run();
      } catch (error) {
        if (this.options.onError) this.options.onError(error);
        else queueMicrotask(() => {
          throw error;
        });
      }
    }
    this.schedule();
  }
}
