/**
 * A bare @tanstack/react-virtual chat list: measured rows, opens at the bottom,
 * follows appends while at the bottom. No prepend anchoring (that is what the
 * bare library gives you).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import { ME, type BenchMessage } from '../data';
import type { MountImpl } from '../types';
import { mountArrayList, type ArrayListControls } from './arrayList';
import { BenchRow } from './rows';

function TanstackList({ initial, controls }: { initial: BenchMessage[]; controls: ArrayListControls }) {
  const [items, setItems] = useState(initial);
  controls.prepend = (older) => setItems((items) => [...older, ...items]);
  controls.append = (m) => setItems((items) => [...items, m]);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 60,
    getItemKey: (i) => items[i]!.id,
    overscan: 6,
    initialOffset: () => items.length * 60,
  });
  const wasAtBottom = useRef(true);
  const lastId = items[items.length - 1]?.id;
  useLayoutEffect(() => {
    if (wasAtBottom.current) virtualizer.scrollToIndex(items.length - 1, { align: 'end' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastId]);
  const el = scrollRef.current;
  wasAtBottom.current = !el || el.scrollHeight - el.scrollTop - el.clientHeight < 32;
  return (
    <div ref={scrollRef} className="bench-scroller">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const m = items[item.index]!;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-bench-id={m.id}
              data-own={m.authorId === ME ? 'true' : 'false'}
              className="bench-row"
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              <BenchRow message={m} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

export const mount: MountImpl = (root, data) =>
  mountArrayList(root, data, (initial, controls) => <TanstackList initial={initial} controls={controls} />, () => root.querySelector<HTMLElement>('.bench-scroller'));
