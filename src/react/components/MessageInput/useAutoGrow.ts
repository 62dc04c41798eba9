import type { RefObject } from 'react';
import { useBeforePaint } from '../../hooks/useBeforePaint';

/**
 * Grows a textarea with its content. The cap is CSS (`max-block-size`,
 * `--parley-input-max-height`), beyond which the textarea scrolls.
 */
export function useAutoGrow(ref: RefObject<HTMLTextAreaElement | null>, value: string): void {
  useBeforePaint(() => {
    const el = ref.current;
    if (!el) return;
    el.style.blockSize = 'auto';
    // scrollHeight excludes borders; add them back for border-box sizing.
    const borders = el.offsetHeight - el.clientHeight;
    el.style.blockSize = `${el.scrollHeight + Math.max(0, borders)}px`;
  }, [ref, value]);
}
