import { useState, type RefObject } from 'react';
import { useBeforePaint } from '../../hooks/useBeforePaint';

/** `split`: list and conversation side by side; `single`: one pane at a time. */
export type ChatLayout = 'split' | 'single';

/**
 * The layout for the Chat root's own width (not the window's), so a Chat in a
 * narrow sidebar gets one pane on a wide screen. Undefined until measured: the
 * first measurement happens before the first paint, so no pane mounts in the
 * wrong layout. Without ResizeObserver (old browsers, jsdom) it is measured once.
 */
export function useChatLayout(root: RefObject<HTMLElement | null>, singlePaneBelow: number): ChatLayout | undefined {
  const wide = useWidthAtLeast(root, singlePaneBelow);
  return wide === undefined ? undefined : wide ? 'split' : 'single';
}

/** Whether the element is at least `px` wide, kept as it resizes; undefined until measured (before the first paint). */
export function useWidthAtLeast(root: RefObject<HTMLElement | null>, px: number): boolean | undefined {
  const [wide, setWide] = useState<boolean | undefined>();
  useBeforePaint(() => {
    const element = root.current;
    if (!element) return undefined;
    const apply = (width: number) => setWide(width >= px);
    apply(element.offsetWidth);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) apply(entry.borderBoxSize[0]?.inlineSize ?? element.offsetWidth);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [root, px]);
  return wide;
}
