/**
 * The listeners of one kind of transport news (status changes, pushed events).
 * A listener that throws does not stop delivery to the others; its error is
 * rethrown in a microtask, so it surfaces without breaking the transport.
 */
export class Listeners<Args extends unknown[]> {
  private readonly listeners = new Set<(...args: Args) => void>();

  /** Adds a listener; returns the function that removes it. */
  add(listener: (...args: Args) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(...args: Args): void {
    // A copy: a listener may unsubscribe itself (or another) while we loop.
    for (const listener of [...this.listeners]) {
      try {
        listener(...args);
      } catch (error) {
        rethrowLater(error);
      }
    }
  }
}

export function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}
