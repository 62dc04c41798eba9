import { elementScroll, type Virtualizer } from '@tanstack/react-virtual';

type ScrollToFn = typeof elementScroll<HTMLDivElement>;

/**
 * The virtualizer's own scroll write, except that a size correction
 * (`adjustments`: a row above the view was measured) is added to where the
 * element is now rather than to the offset of the last scroll event. Script
 * that scrolls from a requestAnimationFrame callback (smooth-scroll helpers,
 * an app's own animation) moves the element after that event; without this,
 * each row measured in such a frame undoes one step and the view slips.
 */
export const scrollFromCurrentPosition: ScrollToFn = (offset, options, instance: Virtualizer<HTMLDivElement, Element>) => {
  const element = instance.scrollElement;
  if (element && options.adjustments && options.behavior !== 'smooth') {
    const unreported = element.scrollTop - offset;
    // At the very end a difference is the browser clamping an earlier write of
    // the virtualizer's own (the content has not grown yet); it retries that itself.
    const atEnd = element.scrollTop >= element.scrollHeight - element.clientHeight - 1;
    if (unreported !== 0 && !atEnd) {
      elementScroll(offset + unreported, options, instance);
      return;
    }
  }
  elementScroll(offset, options, instance);
};
