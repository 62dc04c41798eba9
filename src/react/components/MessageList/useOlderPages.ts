import { useEffect, useState } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { HistoryState } from '../../../core/types';

/** Start loading older messages this close to the top. */
const LOAD_OLDER_THRESHOLD_PX = 600;

/**
 * Older pages load before the reader reaches the top, so scrolling rarely
 * waits; but only once the opening scroll has landed: until its scroll event
 * is processed (a frame later) the virtualizer still reads offset 0, which
 * looks like "at the top". `session` names the list's opening (see useMessageList).
 */
export function useOlderPages(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  session: string,
  hasRows: boolean,
  history: HistoryState,
  loadOlder: () => Promise<boolean>,
): void {
  const [positioned, setPositioned] = useState<string | null>(null);
  const positioning = positioned !== session && hasRows;
  useEffect(() => {
    if (!positioning) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => setPositioned(session));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [positioning, session]);

  // The virtualizer's offset is the layout position; the DOM's scrollTop can lag
  // behind it while a prepend correction is held.
  const offset = virtualizer.scrollOffset ?? 0;
  const canLoadOlder = positioned === session && history.status === 'ready' && history.hasOlder && !history.loadingOlder;
  useEffect(() => {
    if (!canLoadOlder || offset >= LOAD_OLDER_THRESHOLD_PX) return;
    loadOlder().catch(() => {
      // The header row offers a retry; the error is also in the client's error event.
    });
  }, [canLoadOlder, offset, loadOlder]);
}
