import { useEffect, useState } from 'react';

/**
 * Whole seconds until `retryAt` (epoch ms), re-rendering exactly when the
 * displayed number changes; undefined without a retry time. The one timer is
 * cleared when the time changes, reaches zero, or the component unmounts.
 */
export function useRetryCountdown(retryAt: number | undefined): number | undefined {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (retryAt === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const left = retryAt - Date.now();
      if (left <= 0) return;
      // Wake when the rounded-up second changes (a few ms late, never early).
      const delay = (left % 1000 || 1000) + 5;
      timer = setTimeout(() => {
        setTick((n) => n + 1);
        schedule();
      }, delay);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [retryAt]);
  // Read the clock during render so the first frame after a new retry time is already right.
  return retryAt === undefined ? undefined : secondsUntil(retryAt, Date.now());
}

export function secondsUntil(retryAt: number, now: number): number {
  return Math.max(0, Math.ceil((retryAt - now) / 1000));
}
