import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';

/**
 * `r` quotes the focused row. By the key's character, so it follows the
 * reader's layout; a layout without Latin letters (Arabic, Russian…) uses the
 * key where R is. Never with a modifier: Ctrl+R and Cmd+R stay the browser's.
 */
function isReplyKey(event: KeyboardEvent<HTMLElement>): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return event.key === 'r' || event.key === 'R' || (event.code === 'KeyR' && !/^[a-z]$/i.test(event.key));
}

/**
 * One tab stop for the whole list, arrow keys between messages (roving
 * tabindex). Because rows are virtualized, the target row is scrolled into
 * view first and focused once it has been rendered. `r` on a row calls `onReply`.
 */
export function useListKeyboard(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  count: number,
  scrollRef: RefObject<HTMLDivElement | null>,
  onReply?: (index: number) => void,
) {
  // Remember the row by key, not index: a prepended page shifts every index.
  const [activeKey, setActiveKey] = useState<string | number | bigint | null>(null);
  const activeIndex = activeKey === null ? null : (virtualizer.getVirtualItems().find((i) => i.key === activeKey)?.index ?? null);
  const pendingFocus = useRef<number | null>(null);

  const focusRow = useCallback((index: number) => {
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      pendingFocus.current = null;
    } else {
      pendingFocus.current = index;
    }
  }, [scrollRef]);

  const moveTo = useCallback(
    (index: number) => {
      const clamped = Math.max(0, Math.min(count - 1, index));
      setActiveKey(virtualizer.options.getItemKey(clamped));
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
      focusRow(clamped);
    },
    [count, virtualizer, focusRow],
  );

  // Focus a row that was not rendered yet when it was chosen.
  useEffect(() => {
    if (pendingFocus.current !== null) focusRow(pendingFocus.current);
  });

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (count === 0) return;
      const row = event.target instanceof HTMLElement ? event.target.getAttribute('data-index') : null;
      if (onReply && row !== null && isReplyKey(event)) {
        event.preventDefault();
        onReply(Number(row));
        return;
      }
      const current = activeIndex ?? count - 1;
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / 80));
      const target =
        event.key === 'ArrowDown' ? current + 1
        : event.key === 'ArrowUp' ? (activeIndex === null ? count - 1 : current - 1)
        : event.key === 'PageDown' ? current + page
        : event.key === 'PageUp' ? current - page
        : event.key === 'Home' ? 0
        : event.key === 'End' ? count - 1
        : null;
      if (target === null) return;
      // Keys typed inside a row's own controls (retry button, links) keep their meaning.
      if (event.target !== event.currentTarget && !(event.target as HTMLElement).hasAttribute('data-index')) return;
      event.preventDefault();
      moveTo(target);
    },
    [activeIndex, count, moveTo, scrollRef, onReply],
  );

  // Tabbing into the list lands on the remembered row if it is still rendered.
  const onFocus = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      if (event.target !== event.currentTarget || activeIndex === null) return;
      focusRow(activeIndex);
    },
    [activeIndex, focusRow],
  );

  // A row focused some other way (a click, focus returning from its controls) becomes the tab stop.
  const activate = useCallback(
    (index: number) => setActiveKey(virtualizer.options.getItemKey(index)),
    [virtualizer],
  );

  return { activeIndex, moveTo, activate, onKeyDown, onFocus, listTabIndex: activeIndex !== null ? -1 : 0 };
}
