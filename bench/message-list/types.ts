import type { BenchData } from './data';

/** What every list implementation gives the page's measuring code. */
export interface ImplHandle {
  /** The element that scrolls. */
  scroller(): HTMLElement | null;
  /** Matches one rendered message row. */
  rowSelector: string;
  /** A stable id of a row's message (to follow one row across a prepend). */
  rowId(row: Element): string | null;
  /** Adds `k` older messages at the top; resolves once they are in the list's data. */
  prepend(k: number): Promise<void>;
  /** Adds one new message at the bottom; resolves with a test for its row. */
  append(): Promise<(row: Element) => boolean>;
}

export interface MountResult {
  /** performance.now() right before the list is handed to React (data already prepared). */
  renderStart: number;
  handle: ImplHandle;
}

/**
 * Mounts the list into `root`. `data` holds `n + PREPEND` messages, oldest first:
 * the list shows the newest `n`; `prepend` adds the `PREPEND` before them.
 */
export type MountImpl = (root: HTMLElement, data: BenchData, n: number) => Promise<MountResult>;
