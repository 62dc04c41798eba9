/** react-virtuoso as its docs recommend for chat: firstItemIndex for prepends, followOutput for appends. */
import { useState } from 'react';
import { Virtuoso } from 'react-virtuoso';
import { ME, type BenchMessage } from '../data';
import type { MountImpl } from '../types';
import { mountArrayList, type ArrayListControls } from './arrayList';
import { BenchRow } from './rows';

const FIRST_INDEX = 10_000_000;

function VirtuosoList({ initial, controls }: { initial: BenchMessage[]; controls: ArrayListControls }) {
  const [state, setState] = useState({ items: initial, first: FIRST_INDEX });
  controls.prepend = (older) => setState((s) => ({ items: [...older, ...s.items], first: s.first - older.length }));
  controls.append = (m) => setState((s) => ({ ...s, items: [...s.items, m] }));
  return (
    <Virtuoso
      style={{ height: 700 }}
      data={state.items}
      firstItemIndex={state.first}
      initialTopMostItemIndex={state.items.length - 1}
      followOutput="auto"
      computeItemKey={(_, m) => m.id}
      scrollerRef={(el) => {
        controls.scroller = el instanceof HTMLElement ? el : null;
      }}
      itemContent={(_, m) => (
        <div className="bench-row" data-bench-id={m.id} data-own={m.authorId === ME ? 'true' : 'false'}>
          <BenchRow message={m} />
        </div>
      )}
    />
  );
}

export const mount: MountImpl = (root, data) =>
  mountArrayList(root, data, (initial, controls) => <VirtuosoList initial={initial} controls={controls} />, (controls) => controls.scroller ?? null);
