/**
 * Cancellable deferred calls. A zero delay runs in a microtask rather than a
 * timer: still asynchronous (callers never re-enter themselves), but fast, and
 * it needs no fake-timer advancing in tests.
 */
export type Cancel = () => void;

export function later(delayMs: number, run: () => void): Cancel {
  if (!(delayMs > 0)) {
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) run();
    });
    return () => {
      cancelled = true;
    };
  }
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
}
