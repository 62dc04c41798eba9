/**
 * Reads (history pages, the conversation list) run in arrival order, a few
 * milliseconds' worth at a time, with the event loop free in between: a burst
 * of pages from many sockets then delays other reads, not `/health`, uploads
 * or a message being sent. One page is capped (LIMITS.maxPageSize), so no
 * single task holds the loop for long.
 */
import { performance } from 'node:perf_hooks';

export type ReadQueue = (task: () => void) => void;

export function createReadQueue(sliceMs = 8): ReadQueue {
  const tasks: (() => void)[] = [];
  let scheduled = false;
  const run = () => {
    const start = performance.now();
    do {
      const task = tasks.shift()!;
      try {
        task();
      } catch (error) {
        console.error('[parley mock server] a read failed:', error);
      }
    } while (tasks.length > 0 && performance.now() - start < sliceMs);
    if (tasks.length > 0) setImmediate(run);
    else scheduled = false;
  };
  return (task) => {
    tasks.push(task);
    if (scheduled) return;
    scheduled = true;
    setImmediate(run);
  };
}
