import type { VirtualItem, Virtualizer } from '@tanstack/react-virtual';

/**
 * The virtualizer's `shouldAdjustScrollPositionOnItemSizeChange`: whether a
 * row's new size moves the scroll position by the same amount, so that what
 * the reader sees stays where it is. Rows already seen keep their place.
 *
 * - A row measured for the first time is corrected when it starts above the
 *   view (the virtualizer's rule), and also when a row already measured
 *   follows it in the view: an older page prepended while the reader is at the
 *   top fills the header's room above the row being read with rows at their
 *   estimated height, whose real heights would push that row up or down.
 * - A row measured again is corrected when it lies wholly above the view,
 *   whichever way the reader scrolls. The virtualizer skips it while scrolling
 *   up; but the first loaded row loses its date separator when the page
 *   before it arrives, which is most often while the reader scrolls up, and
 *   everything in view would move by the separator's height. A row spanning
 *   the top edge is not corrected: it grows below the edge (an edit, an image).
 */
export function keepSeenRowsStill(item: VirtualItem, _delta: number, instance: Virtualizer<HTMLDivElement, Element>): boolean {
  const offset = instance.scrollOffset ?? 0;
  if (instance.itemSizeCache.has(item.key)) return item.end <= offset;
  if (item.start < offset) return true;
  const bottom = offset + (instance.scrollRect?.height ?? 0);
  const rows = instance.measurementsCache;
  for (let i = item.index + 1; i < rows.length; i++) {
    const row = rows[i];
    if (!row || row.start >= bottom) return false;
    if (instance.itemSizeCache.has(row.key)) return true;
  }
  return false;
}
