import type { VirtualItem, Virtualizer } from '@tanstack/react-virtual';

/**
 * The virtualizer's `shouldAdjustScrollPositionOnItemSizeChange`: whether a
 * row's new size moves the scroll position by the same amount, so that what
 * the reader sees stays where it is.
 *
 * The virtualizer's own rule corrects a row measured for the first time only
 * when it starts above the top of the view. Rows can also arrive inside the
 * view above a row already on screen: an older page prepended while the reader
 * is at the top fills the header's room above the row being read with rows at
 * their estimated height. Their real heights would push the row being read up
 * or down, so a first measure is also corrected when a row already measured
 * follows it in the view: rows already seen keep their place, new ones make
 * room above them. A row measured again keeps the virtualizer's rule.
 */
export function keepSeenRowsStill(item: VirtualItem, _delta: number, instance: Virtualizer<HTMLDivElement, Element>): boolean {
  const offset = instance.scrollOffset ?? 0;
  if (instance.itemSizeCache.has(item.key)) {
    return item.end <= offset && instance.scrollDirection !== 'backward';
  }
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
