/**
 * What the environment says about the network, for a transport that
 * reconnects by itself: the browser's `online` / `offline` events, the tab
 * becoming visible again, and waking from sleep.
 *
 * Sleep is noticed by a coarse watchdog timer that fires late: while a laptop
 * sleeps no timer runs, so on waking the gap since the last tick is far longer
 * than its period. (A hidden tab's timers are throttled too, so a late tick
 * alone does not prove a sleep; the transport decides what a gap means.)
 */

export interface LinkSignalHandlers {
  /** The browser reports a network again. */
  online(): void;
  /** The browser reports no network at all. */
  offline(): void;
  /** The tab was hidden and is shown again. */
  visible(): void;
  /** The watchdog found a gap of `gapMs` (epoch ms) since its last tick. */
  woke(gapMs: number): void;
}

/** Watchdog period; a tick later than `WAKE_GAP_MS` beyond it counts as a wake. */
export const WATCHDOG_MS = 2_000;
export const WAKE_GAP_MS = 8_000;

/** Whether the browser says it has no network (never true outside browsers). */
export function browserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** Starts listening; returns the function that stops it. */
export function watchLinkSignals(handlers: LinkSignalHandlers, now: () => number = () => Date.now()): () => void {
  let last = now();
  const tick = () => {
    const at = now();
    const gap = at - last;
    last = at;
    if (gap > WATCHDOG_MS + WAKE_GAP_MS) handlers.woke(gap);
  };
  const watchdog = setInterval(tick, WATCHDOG_MS);
  // In Node the watchdog must not keep a process alive that has nothing else to do.
  (watchdog as { unref?: () => void }).unref?.();

  const hasWindow = typeof window !== 'undefined' && typeof window.addEventListener === 'function';
  const onOnline = () => handlers.online();
  const onOffline = () => handlers.offline();
  const onVisibility = () => {
    if (document.visibilityState === 'visible') {
      tick();
      handlers.visible();
    }
  };
  if (hasWindow) {
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility);
  }
  return () => {
    clearInterval(watchdog);
    if (hasWindow) {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility);
    }
  };
}
